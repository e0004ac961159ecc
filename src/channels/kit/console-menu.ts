/**
 * The command menu for platforms whose bot menu is set by hand in the developer console rather
 * than through an API the bot can call: a Markdown table from the command table (src/commands.ts)
 * — each menu command's name in the menu, the text the item sends, what it does — which
 * `npm run messenger-menus` writes into README.md (a test fails while the README differs).
 */
import { COMMAND_TABLE } from '../../commands.ts';

/** Where the table sits in README.md. */
export const CONSOLE_MENU_MARKERS = ['<!-- console-menu:start -->', '<!-- console-menu:end -->'] as const;

/** The table, one row per menu command, in the table's order. */
export function consoleMenuMarkdown(): string {
  const rows = COMMAND_TABLE.filter((command) => command.menu).map((command) => `| ${command.label} | \`/${command.name}\` | \`${command.name}\` | ${command.summary} |`);
  return ['| 菜单名称 | 发送的文字 | 事件 key | 作用 |', '|---|---|---|---|', ...rows].join('\n');
}

/** A console menu item's event key (a menu command's name) → the command's text; undefined for any other key. */
export function menuCommand(key: string): string | undefined {
  return COMMAND_TABLE.some((command) => command.menu && command.name === key) ? `/${key}` : undefined;
}

/** `readme` with the text between the markers replaced by the table; throws when the markers are missing. */
export function withConsoleMenu(readme: string): string {
  const [start, end] = CONSOLE_MENU_MARKERS;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} block`);
  return `${readme.slice(0, from + start.length)}\n${consoleMenuMarkdown()}\n${readme.slice(to)}`;
}
