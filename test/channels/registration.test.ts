/**
 * Channels register themselves: every channel folder has a `registration.ts` listed in
 * src/channels/index.ts, the core names no platform, and a channel that is not one of ours
 * gets its allow-list forms from its registration alone.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createAccess, parseAccessList } from '../../src/assistant/index.ts';
import { ACCESS_FORMS, CHANNELS, type ChannelRegistration } from '../../src/channels/index.ts';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const channelFolders = readdirSync(join(SRC, 'channels')).filter((name) => name !== 'kit' && statSync(join(SRC, 'channels', name)).isDirectory());

function sourcesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts')).map((name) => join(folder, name));
}

describe('channel registration', () => {
  it('lists every channel folder once, through its registration.ts', async () => {
    expect(channelFolders.length).toBeGreaterThanOrEqual(6);
    for (const folder of channelFolders) {
      const { registration } = (await import(`../../src/channels/${folder}/registration.ts`)) as { registration: ChannelRegistration };
      expect(CHANNELS.filter((entry) => entry === registration), folder).toHaveLength(1);
    }
    expect(CHANNELS).toHaveLength(channelFolders.length);
  });

  it('keeps platform names out of the core: the assistant, log, reader, knowledge and drafting name none', () => {
    const names = ACCESS_FORMS.flatMap((form) => [form.platform, ...(form.chat ? [form.chat] : [])]);
    expect(names).toEqual(expect.arrayContaining(['terminal', 'telegram', 'slack-channel', 'wecom-chat', 'dingtalk-chat', 'feishu-chat']));
    for (const part of ['assistant', 'log', 'reader', 'knowledge', 'drafting']) {
      for (const file of sourcesUnder(join(SRC, part))) {
        const text = readFileSync(file, 'utf8');
        for (const name of names) expect(text.includes(`'${name}'`), `${file} names '${name}'`).toBe(false);
      }
    }
  });

  it('lets a new channel in with only its own forms: its people and chats are allowed, others still refused', () => {
    const matrix: ChannelRegistration = { label: 'Matrix', access: [{ platform: 'matrix', chat: 'matrix-room' }] };
    const forms = [...CHANNELS, matrix].flatMap((channel) => channel.access);
    // Before it registers, its entries are a typo to be refused, naming the forms that exist.
    expect(() => parseAccessList('matrix:alice', 'LVZHI_ALLOW', ACCESS_FORMS)).toThrow(/LVZHI_ALLOW.*matrix:alice.*telegram-chat:<群编号>/);
    const access = createAccess({ LVZHI_ALLOW: 'matrix-room:!ops', LVZHI_ADMINS: 'matrix:alice' }, forms);
    expect(access.isAllowed({ platform: 'matrix', userId: 'bob', chatId: '!ops' })).toBe(true);
    expect(access.isAllowed({ platform: 'matrix', userId: 'bob', chatId: '!other' })).toBe(false);
    expect(access.isAdmin({ platform: 'matrix', userId: 'alice', chatId: '!other' })).toBe(true);
    expect(access.isLocal({ platform: 'matrix' })).toBe(false);
    // Another platform's entry with the same id is not this one's.
    expect(access.isAllowed({ platform: 'telegram', userId: 'alice', chatId: '!ops' })).toBe(false);
    expect(access.isAdmin({ platform: 'terminal', userId: 'me', chatId: 'local' })).toBe(true);
  });
});
