import type { CliCommand } from './command.ts';

/** `parse`, `log`, `stats`, `list`, `undo`, `import`, `export`, `chart`. */
export const activityCommands: CliCommand[] = [];
