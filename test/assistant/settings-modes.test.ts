/** Telegram's and Slack's modes, read once from the variables into one typed value each. */
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config.ts';

describe('settings per mode', () => {
  it('Telegram polls by default and takes a webhook when its address is set, on PORT or 8443', () => {
    expect(loadSettings({}).telegram).toBeUndefined();
    expect(loadSettings({ TELEGRAM_BOT_TOKEN: '1:x' }).telegram).toEqual({ mode: 'polling', token: '1:x', apiRoot: undefined });
    expect(loadSettings({ TELEGRAM_BOT_TOKEN: '1:x', TELEGRAM_WEBHOOK_URL: 'https://example.org/hook' }).telegram)
      .toMatchObject({ mode: 'webhook', url: 'https://example.org/hook', port: 8443, secret: undefined });
    expect(loadSettings({ TELEGRAM_BOT_TOKEN: '1:x', TELEGRAM_WEBHOOK_URL: 'https://example.org/hook', TELEGRAM_WEBHOOK_SECRET: 'abc', PORT: '9000' }).telegram)
      .toMatchObject({ mode: 'webhook', secret: 'abc', port: 9000 });
  });

  it('Slack uses Socket Mode when an app token is given (even with a signing secret), HTTP events otherwise', () => {
    expect(loadSettings({}).slack).toBeUndefined();
    expect(loadSettings({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack).toEqual({ mode: 'socket', botToken: 'xoxb-1', appToken: 'xapp-1', apiUrl: undefined });
    expect(loadSettings({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_SIGNING_SECRET: 's' }).slack?.mode).toBe('socket');
    expect(loadSettings({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: '3001' }).slack)
      .toEqual({ mode: 'http', botToken: 'xoxb-1', signingSecret: 's', port: 3001, apiUrl: undefined });
  });

  it('a set given in part names what is missing', () => {
    expect(() => loadSettings({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_APP_TOKEN.*SLACK_SIGNING_SECRET/);
    expect(() => loadSettings({ SLACK_APP_TOKEN: 'xapp-1' })).toThrow(/SLACK_BOT_TOKEN/);
    expect(() => loadSettings({ TELEGRAM_WEBHOOK_URL: 'not a url', TELEGRAM_BOT_TOKEN: '1:x' })).toThrow(/TELEGRAM_WEBHOOK_URL/);
  });
});
