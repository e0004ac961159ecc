/**
 * The command menu for messengers whose bot menu is set by hand in the developer console
 * (DingTalk, Feishu) is generated from the command table into README.md by
 * `npm run messenger-menus`: the README holds exactly what the table gives, so a command added,
 * renamed or taken out of the menus fails here until the script is run again.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { consoleMenuMarkdown, withConsoleMenu } from '../../src/channels/kit/index.ts';
import { COMMAND_TABLE } from '../../src/commands.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('console menu in the README', () => {
  it('is what the command table gives now', () => {
    expect(withConsoleMenu(readme)).toBe(readme);
  });

  it('lists every menu command once, with the text it sends, and no command outside the menus', () => {
    const table = consoleMenuMarkdown();
    for (const command of COMMAND_TABLE) {
      const row = `| ${command.label} | \`/${command.name}\` |`;
      expect(table.split(row).length - 1, command.name).toBe(command.menu ? 1 : 0);
    }
  });

  it('is refused a README without its place, rather than appended somewhere', () => {
    expect(() => withConsoleMenu('# README\n')).toThrow(/console-menu/);
  });
});
