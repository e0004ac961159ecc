/**
 * The command table: each command of src/commands.ts with its handler (one file each), and
 * the router that runs one. Adding a command is its entry in src/commands.ts and its handler here.
 */
import { COMMAND_TABLE, type CommandInfo, type CommandName } from '../../commands.ts';
import type { Reply } from '../types.ts';
import { ask } from './ask.ts';
import type { CommandContext, CommandHandler } from './context.ts';
import { remove } from './delete.ts';
import { docs, removeDocument, status } from './documents.ts';
import { draft } from './draft.ts';
import { edit } from './edit.ts';
import { help, start } from './help.ts';
import { list } from './list.ts';
import { importTable, ingest } from './local-file.ts';
import { log } from './log.ts';
import { stats } from './stats.ts';
import { undo } from './undo.ts';
import { web } from './web.ts';

export { parseCommand, type ParsedText } from './parse.ts';
export type { AssistantTools, CommandContext, CommandHandler, CountQuery, Query } from './context.ts';

const HANDLERS: Record<CommandName, CommandHandler> = {
  ask, log, stats, list, undo, edit, delete: remove, draft, docs, remove: removeDocument, status, ingest, import: importTable, web, help, start,
};

/** A command as the assistant runs it. */
export interface Command extends CommandInfo {
  readonly handler: CommandHandler;
}

/** Every command with its handler, in the table's order. */
export const COMMANDS: readonly Command[] = COMMAND_TABLE.map((info) => ({ ...info, handler: HANDLERS[info.name] }));

/** Run a parsed command. */
export async function runCommand(name: CommandName, context: CommandContext): Promise<Reply> {
  return HANDLERS[name](context);
}
