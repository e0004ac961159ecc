import type { CliCommand } from './command.ts';

/** `parse` (the message reader, without acting). */
export const parseCommands: CliCommand[] = [];
