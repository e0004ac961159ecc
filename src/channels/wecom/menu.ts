/**
 * The self-built app's menu, made from the command table (src/commands.ts) as Telegram's
 * command menu is: every menu command a `click` button whose key names it, everyone's commands
 * first, the admins' under their own title. WeCom allows three top-level buttons of at most
 * five each (titles ≤ 16 bytes, items ≤ 40); a click comes back as an event with the key,
 * which the channel turns into the command's text (`/help`).
 */
import { COMMAND_TABLE } from '../../commands.ts';
import { menuCommand } from '../kit/index.ts';
import { MENU_ADMIN, MENU_GROUPS } from './messages.ts';

/** One button of `menu/create`. */
export type MenuButton =
  | { readonly type: 'click'; readonly name: string; readonly key: string }
  | { readonly name: string; readonly sub_button: readonly MenuButton[] };

const KEY_PREFIX = 'lvzhi-command:';
const TOP = 3;
const PER_GROUP = 5;

/** A click key → the command text it stands for; undefined for a key that is not a command's. */
export function commandOfMenuKey(key: string): string | undefined {
  return key.startsWith(KEY_PREFIX) ? menuCommand(key.slice(KEY_PREFIX.length)) : undefined;
}

/** The app menu for `menu/create`: the table's menu commands, grouped. */
export function commandMenuButtons(): MenuButton[] {
  const click = (command: (typeof COMMAND_TABLE)[number]): MenuButton => ({ type: 'click', name: command.label, key: `${KEY_PREFIX}${command.name}` });
  const shown = COMMAND_TABLE.filter((command) => command.menu);
  if (shown.length <= TOP) return shown.map(click);
  const everyone = shown.filter((command) => !command.adminOnly);
  const admins = shown.filter((command) => command.adminOnly);
  const groups: MenuButton[] = [];
  for (let at = 0; at < everyone.length; at += PER_GROUP) {
    groups.push({ name: MENU_GROUPS[groups.length] ?? MENU_GROUPS.at(-1)!, sub_button: everyone.slice(at, at + PER_GROUP).map(click) });
  }
  if (admins.length > 0) groups.push({ name: MENU_ADMIN, sub_button: admins.slice(0, PER_GROUP).map(click) });
  // More than WeCom holds: the admins' group stays (they have no other way to find it), the last of everyone's go.
  return groups.length <= TOP ? groups : [...groups.slice(0, TOP - 1), groups.at(-1)!];
}
