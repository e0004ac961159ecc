/**
 * One command table drives the parser, /help, Telegram's menu and the reader's forced
 * readings: a command or alias in the table is known everywhere, one not in it nowhere.
 */
import { describe, expect, it } from 'vitest';
import { COMMAND_TABLE, commandMenu } from '../../src/commands.ts';
import { COMMANDS, messages, parseCommand } from '../../src/assistant/index.ts';
import { loadTaxonomy, RuleReader } from '../../src/reader/index.ts';

describe('the command table', () => {
  const reader = new RuleReader(loadTaxonomy());

  it('gives every command a handler, and the parser knows each name and alias', () => {
    expect(COMMANDS.map((command) => command.name)).toEqual(COMMAND_TABLE.map((command) => command.name));
    for (const command of COMMANDS) {
      expect(typeof command.handler, command.name).toBe('function');
      for (const name of [command.name, ...command.aliases]) {
        expect(parseCommand(`/${name.toUpperCase()}@lvzhi_bot 上半年`), name).toEqual({ kind: 'command', command: command.name, args: '上半年' });
      }
    }
    expect(parseCommand('/stat 上半年')).toEqual({ kind: 'unknown-command', command: 'stat' });
  });

  it('lists in /help every command that has a usage line, in the table’s order', () => {
    const lines = messages.help.split('\n').filter((line) => line.startsWith('· '));
    expect(lines).toEqual(COMMAND_TABLE.flatMap((command) => ('usage' in command ? [`· ${command.usage}`] : [])));
    for (const command of COMMAND_TABLE.filter((entry) => 'usage' in entry)) expect(messages.help).toContain(`/${command.name}`);
    // Admin-only commands say so where they are listed.
    for (const command of COMMAND_TABLE.filter((entry) => entry.adminOnly && entry.menu)) expect(command.summary).toContain('管理员');
  });

  it('gives Telegram the menu commands with Chinese descriptions', () => {
    const menu = commandMenu();
    expect(menu.map((entry) => entry.command)).toEqual(COMMAND_TABLE.filter((command) => command.menu).map((command) => command.name));
    expect(menu.every((entry) => /[\u4e00-\u9fff]/.test(entry.description) && entry.description.length <= 256)).toBe(true);
  });

  it('makes the reader take a command as the table says, and a name not in it as unknown', async () => {
    expect((await reader.read('/count 上半年视察', '2024-07-01')).intent).toBe('count');
    expect((await reader.read('/start', '2024-07-01')).intent).toBe('help');
    expect((await reader.read('/undo', '2024-07-01')).intent).toBe('undo');
    const unknown = await reader.read('/frobnicate', '2024-07-01');
    expect(unknown.intent === 'unclear' && unknown.question).toContain('frobnicate');
  });
});
