/** Slash commands as staff type them: `/ask 问题`, `/stats@lvzhi_bot 上半年`. */
import { findCommand, type CommandName } from '../../commands.ts';

/** A message split into its command (if any) and the rest of the text. */
export type ParsedText =
  | { kind: 'command'; command: CommandName; args: string }
  | { kind: 'unknown-command'; command: string }
  | { kind: 'plain'; text: string };

/** Split a command from its arguments; the `@botname` suffix of group chats is dropped; an alias names its command. */
export function parseCommand(text: string): ParsedText {
  const match = /^[/／]([A-Za-z_]+)(?:@\w+)?(?:\s+|$)([\s\S]*)$/.exec(text.trim());
  if (!match) return { kind: 'plain', text: text.trim() };
  const name = match[1].toLowerCase();
  const command = findCommand(name);
  if (!command) return { kind: 'unknown-command', command: name };
  return { kind: 'command', command: command.name, args: match[2].trim() };
}
