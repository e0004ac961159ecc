import { describe, expect, it } from 'vitest';
import { createAccess, parseAccessList, parseCommand } from '../../src/assistant/index.ts';
import { BoundedMap } from '../../src/runtime/index.ts';
import { safeFileName } from '../../src/assistant/files.ts';
import { looksLikeFollowUp } from '../../src/assistant/follow-up.ts';
import { ACCESS_FORMS } from '../../src/channels/index.ts';

describe('slash commands', () => {
  it('splits the command from its words and drops a group chat’s @botname', () => {
    expect(parseCommand('/ask@lvzhi_bot 常委会会议多久开一次')).toEqual({ kind: 'command', command: 'ask', args: '常委会会议多久开一次' });
    expect(parseCommand('/STATS 上半年')).toEqual({ kind: 'command', command: 'stats', args: '上半年' });
    expect(parseCommand('／help')).toEqual({ kind: 'command', command: 'help', args: '' });
    expect(parseCommand('/frobnicate x')).toEqual({ kind: 'unknown-command', command: 'frobnicate' });
    expect(parseCommand('上半年视察了几次')).toEqual({ kind: 'plain', text: '上半年视察了几次' });
  });
});

describe('conversation memory', () => {
  it('forgets the least recently used thread beyond its bound, and entries past their time', () => {
    let clock = 0;
    const memory = new BoundedMap<string, string>(2, 1000, { now: () => clock });
    memory.set('a', '1');
    memory.set('b', '2');
    expect(memory.get('a')).toBe('1'); // a is now the most recent
    memory.set('c', '3');
    expect(memory.get('b')).toBeUndefined();
    expect(memory.get('a')).toBe('1');
    clock = 1500;
    expect(memory.get('c')).toBeUndefined();
    expect(memory.size).toBe(1);
  });
});

describe('access lists', () => {
  it('reads the CONTRACTS.md forms and rejects anything else, naming the variable', () => {
    expect([...parseAccessList('telegram:1, slack:U2,telegram-chat:-100，slack-channel:C9', 'LVZHI_ALLOW', ACCESS_FORMS)])
      .toEqual(['telegram:1', 'slack:U2', 'telegram-chat:-100', 'slack-channel:C9']);
    expect(() => parseAccessList('telegram:1,bob', 'LVZHI_ADMINS', ACCESS_FORMS)).toThrow(/LVZHI_ADMINS.*bob/);
  });

  it('denies Telegram and Slack by default, always allows the terminal, and lets allowed channels in', () => {
    const none = createAccess({}, ACCESS_FORMS);
    expect(none.isAllowed({ platform: 'telegram', userId: '1', chatId: '1' })).toBe(false);
    expect(none.isAllowed({ platform: 'slack', userId: 'U1', chatId: 'C1' })).toBe(false);
    expect(none.isAdmin({ platform: 'terminal', userId: 'local', chatId: 'local' })).toBe(true);
    const some = createAccess({ LVZHI_ALLOW: 'slack-channel:C1', LVZHI_ADMINS: 'slack:U9' }, ACCESS_FORMS);
    expect(some.isAllowed({ platform: 'slack', userId: 'U1', chatId: 'C1' })).toBe(true);
    expect(some.isAdmin({ platform: 'slack', userId: 'U1', chatId: 'C1' })).toBe(false);
    expect(some.isAdmin({ platform: 'slack', userId: 'U9', chatId: 'D5' })).toBe(true);
    // A Telegram id is not a Slack id: platforms never share entries.
    expect(some.isAllowed({ platform: 'telegram', userId: 'U9', chatId: 'C1' })).toBe(false);
  });
});

describe('uploaded file names', () => {
  it('keeps Chinese names and strips paths and unsafe characters', () => {
    expect(safeFileName('区人大常委会议事规则（2023修订）.pdf')).toBe('区人大常委会议事规则（2023修订）.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('a\\b\\会议纪要?.docx')).toBe('会议纪要_.docx');
    expect(safeFileName('..')).toBe('upload');
  });
});

describe('follow-up shapes', () => {
  it('recognises short messages that lean on the previous turn', () => {
    for (const t of ['那县级呢？', '列出来看看', '那下半年呢', '调研呢']) expect(looksLikeFollowUp(t)).toBe(true);
    for (const t of ['常委会会议多久开一次', '6月12日组织代表视察了安全生产工作']) expect(looksLikeFollowUp(t)).toBe(false);
  });
});
