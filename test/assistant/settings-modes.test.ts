/** Telegram's and Slack's modes, read once from the variables into one typed value each. */
import { readFileSync } from 'node:fs';
import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { SETTING_NAMES, loadSettings } from '../../src/config.ts';

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

describe('.env.example', () => {
  const text = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');

  it('lists every setting, each under a comment, and nothing Lüzhi does not read', () => {
    const listed = Object.keys(parse(text));
    expect([...listed].sort()).toEqual([...SETTING_NAMES].sort());
    const lines = text.split('\n');
    for (const name of SETTING_NAMES) {
      const at = lines.findIndex((line) => line.startsWith(`${name}=`));
      // The comment may sit above a group of related variables (DINGTALK_API_BASE, _OAPI_BASE).
      const above = lines.slice(0, at).reverse().find((line) => !/^[A-Z_]+=/.test(line));
      expect(above, name).toMatch(/^# /);
    }
  });

  it('copied as it is to .env, starts offline in the terminal with the defaults', () => {
    const settings = loadSettings(parse(text));
    expect(settings).toMatchObject({ LVZHI_DATA_DIR: './data', LVZHI_TIME_ZONE: 'Asia/Shanghai', LVZHI_CHAT_MODEL: undefined });
    expect(settings.telegram).toBeUndefined();
    expect(settings.slack).toBeUndefined();
  });
});
