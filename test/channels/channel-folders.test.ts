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
import { createChannels } from '../../src/app.ts';
import type { AssistantCore, Channel } from '../../src/assistant/index.ts';
import { REGISTERED, type ChannelRegistration } from '../../src/channels/index.ts';
import { channelSettings, optionalText, optionalUrl } from '../../src/channels/kit/index.ts';
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

  it('takes a new channel from its registration alone: its variables checked and named, its value typed, its code loaded', async () => {
    // What a new folder's registration.ts would hold; the one line adds it to the list.
    const started: { homeserver: string; token: string }[] = [];
    const matrix: ChannelRegistration<{ homeserver: string; token: string }> = {
      label: 'Matrix',
      access: [{ platform: 'matrix', chat: 'matrix-room' }],
      settings: channelSettings({ MATRIX_HOMESERVER: optionalUrl, MATRIX_TOKEN: optionalText }, (env) =>
        env.MATRIX_TOKEN ? { homeserver: env.MATRIX_HOMESERVER ?? 'https://matrix.org', token: env.MATRIX_TOKEN } : undefined),
      load: async () => (own) => {
        started.push(own);
        return [{ name: 'matrix', start: async () => undefined, stop: async () => undefined } satisfies Channel];
      },
    };
    const withMatrix = { ...REGISTERED, matrix };
    expect(() => loadSettings({ MATRIX_TOKEN: 't', MATRIX_HOMESERVER: 'matrix.example' }, withMatrix)).toThrow(/设置项 MATRIX_HOMESERVER 的值不正确/);
    const settings = loadSettings({ MATRIX_TOKEN: 't' }, withMatrix) as Record<string, unknown>;
    expect(settings.matrix).toEqual({ homeserver: 'https://matrix.org', token: 't' });
    expect(loadSettings({ MATRIX_TOKEN: 't' }) as Record<string, unknown>).not.toHaveProperty('matrix'); // not registered: not read
    const assistant = { handle: async () => ({ text: '' }) } as unknown as AssistantCore;
    const { channels, terminal } = await createChannels(settings as never, assistant, {}, undefined, withMatrix);
    expect(channels.map((channel) => channel.name)).toEqual(['matrix']);
    expect(terminal).toBeUndefined();
    expect(started).toEqual([{ homeserver: 'https://matrix.org', token: 't' }]);
  });
});
