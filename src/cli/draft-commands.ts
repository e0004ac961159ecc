import type { CliCommand } from './command.ts';

/** `draft`. */
export const draftCommands: CliCommand[] = [];
