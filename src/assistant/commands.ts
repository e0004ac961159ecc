/** Slash commands as staff type them: `/ask 问题`, `/stats@lvzhi_bot 上半年`. */

/** The commands the assistant knows (CONTRACTS.md, "Running the assistant"). */
export const COMMANDS = ['ask', 'log', 'stats', 'list', 'undo', 'edit', 'delete', 'draft', 'ingest', 'import', 'docs', 'remove', 'status', 'help', 'start'] as const;

/** One of the known commands. */
export type CommandName = (typeof COMMANDS)[number];

/** A message split into its command (if any) and the rest of the text. */
export type ParsedText =
  | { kind: 'command'; command: CommandName; args: string }
  | { kind: 'unknown-command'; command: string }
  | { kind: 'plain'; text: string };

/** Split a command from its arguments; the `@botname` suffix of group chats is dropped. */
export function parseCommand(text: string): ParsedText {
  const match = /^[/／]([A-Za-z_]+)(?:@\w+)?(?:\s+|$)([\s\S]*)$/.exec(text.trim());
  if (!match) return { kind: 'plain', text: text.trim() };
  const name = match[1].toLowerCase();
  const command = COMMANDS.find((c) => c === name);
  if (!command) return { kind: 'unknown-command', command: name };
  return { kind: 'command', command, args: match[2].trim() };
}
