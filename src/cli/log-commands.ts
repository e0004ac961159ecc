import type { CliCommand } from './command.ts';

/** `log`, `stats`, `list`, `undo`, `import`, `export`, `chart`. */
export const logCommands: CliCommand[] = [];
