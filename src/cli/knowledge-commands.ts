import type { CliCommand } from './command.ts';

/** `ingest` and `ask`. */
export const knowledgeCommands: CliCommand[] = [];
