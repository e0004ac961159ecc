import type { CliCommand } from './command.ts';
import { logCommands } from './log-commands.ts';
import { parseCommands } from './parse-commands.ts';

/** `parse`, `log`, `stats`, `list`, `undo`, `import`, `export`, `chart`. */
export const activityCommands: CliCommand[] = [...parseCommands, ...logCommands];
