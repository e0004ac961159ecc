/**
 * A channel is its folder plus one line in src/channels/registered.ts: its settings (names,
 * checks, Chinese messages, modes) are declared in its folder and carried by its registration,
 * and nothing else in src/ names its variables; the channels added on the kit (WeCom, DingTalk,
 * Feishu) are not named anywhere else at all. (Telegram and Slack came first: the core's
 * comments use them as examples, and their error codes are in the shared table.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REGISTERED } from '../../src/channels/index.ts';
import { SETTING_NAMES, loadSettings } from '../../src/config.ts';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const LIST = join('channels', 'registered.ts');
const sources = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ name, text: readFileSync(join(SRC, name), 'utf8') }));
const outside = (channel: string) => sources.filter(({ name }) => !name.startsWith(join('channels', channel) + sep) && name !== LIST);

describe('channel folders', () => {
  it('declares every channel variable in its own folder, each starting with the channel’s prefix', () => {
    const withSettings = Object.entries(REGISTERED).filter(([, channel]) => channel.settings);
    expect(withSettings.map(([name]) => name).sort()).toEqual(['dingtalk', 'feishu', 'slack', 'telegram', 'wecom']);
    for (const [name, channel] of withSettings) {
      const names = Object.keys(channel.settings!.shape);
      expect(names.length, name).toBeGreaterThan(1);
      for (const variable of names) {
        expect(variable, name).toMatch(new RegExp(`^${name.toUpperCase()}_[A-Z_]+$`));
        expect(SETTING_NAMES, variable).toContain(variable);
      }
    }
  });

  it('names no channel variable outside its folder and the registration list', () => {
    for (const name of Object.keys(REGISTERED).filter((name) => REGISTERED[name].settings)) {
      const prefix = `${name.toUpperCase()}_`;
      const found = outside(name).filter(({ text }) => text.includes(prefix)).map(({ name: file }) => file);
      expect(found, `${prefix} outside src/channels/${name}/`).toEqual([]);
    }
  });

  it('names the channels added on the kit nowhere else: not by id, not by their Chinese names', () => {
    for (const name of ['wecom', 'dingtalk', 'feishu']) {
      const words = [new RegExp(name, 'i'), new RegExp(REGISTERED[name].label)];
      const found = outside(name).filter(({ text }) => words.some((word) => word.test(text))).map(({ name: file }) => file);
      expect(found, `${name} outside src/channels/${name}/`).toEqual([]);
    }
  });

  it('reads each channel’s settings into its own typed value, under its registered name', () => {
    const settings = loadSettings({ DINGTALK_CLIENT_ID: 'd', DINGTALK_CLIENT_SECRET: 's', PORT: '9000', WECOM_BOT_ID: 'b', WECOM_BOT_SECRET: 'x' });
    expect(settings.dingtalk).toEqual({ clientId: 'd', clientSecret: 's', apiBase: undefined, oapiBase: undefined });
    expect(settings.wecom).toEqual({ app: undefined, bot: { botId: 'b', secret: 'x', wsUrl: undefined } });
    expect(settings.feishu).toBeUndefined();
    // The raw variables stay with the channel: the rest of Lüzhi sees the typed value only.
    expect(Object.keys(settings).filter((key) => /^(WECOM|DINGTALK|FEISHU|TELEGRAM|SLACK)_/.test(key))).toEqual([]);
  });
});
