/**
 * The terminal commands of CONTRACTS.md, also Lüzhi's machine interface: `--json` prints
 * exactly one JSON object on stdout; user errors exit 1, faults exit 2. `cli.ts` runs this
 * with the process's streams; tests call it in-process with their own.
 */
import { resolve } from 'node:path';
import { loadSettings } from '../config.ts';
import { AppError, UserError } from '../errors.ts';
import { openParts, type Parts } from '../services.ts';
import { explainFailure } from '../storage/index.ts';
import { parseArgs } from './args.ts';
import type { CliCommand, CliContext } from './command.ts';
import { cliMessages } from './messages.ts';

/**
 * Command groups, loaded only when one of their commands runs: `parse` should not pay for
 * pdf.js, hnswlib and the chart renderer. A name missing here loads every group.
 */
const groups: ReadonlyArray<{ names: readonly string[]; load: () => Promise<CliCommand[]> }> = [
  { names: ['ingest', 'ask'], load: async () => (await import('./knowledge-commands.ts')).knowledgeCommands },
  { names: ['docs', 'remove', 'status'], load: async () => (await import('./document-commands.ts')).documentCommands },
  { names: ['parse'], load: async () => (await import('./parse-commands.ts')).parseCommands },
  {
    names: ['log', 'stats', 'list', 'undo', 'edit', 'delete', 'import', 'export', 'chart'],
    load: async () => (await import('./log-commands.ts')).logCommands,
  },
  { names: ['draft'], load: async () => (await import('./draft-commands.ts')).draftCommands },
  { names: ['web-link'], load: async () => [...(await import('./web-commands.ts')).webCommands] },
  { names: ['migrate-data'], load: async () => (await import('./migrate-command.ts')).migrateCommands },
];

async function findCommand(name: string): Promise<CliCommand | undefined> {
  const group = groups.find((g) => g.names.includes(name));
  const candidates = group ? await group.load() : await allCommands();
  return candidates.find((c) => c.name === name);
}

async function allCommands(): Promise<CliCommand[]> {
  return (await Promise.all(groups.map((g) => g.load()))).flat();
}

async function usage(): Promise<string> {
  const lines = (await allCommands()).map((c) => `  ${c.name.padEnd(8)} ${c.summary}`);
  return cliMessages.usage(lines);
}

/** Where a run reads and writes: the process's streams, or a test's. */
export interface CliIo {
  /** One line of standard output. */
  writeLine(line: string): void;
  /** One line of standard error. */
  writeError(line: string): void;
  /** All of standard input. */
  readStdin(): Promise<string>;
  /** The environment settings are read from. */
  readonly env: NodeJS.ProcessEnv;
  /** Ctrl-C, for commands that stop cleanly (none in-process). */
  onInterrupt?(stop: () => void): () => void;
}

/** Run one command line (without `node cli.js`); resolves to the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const wantsJson = argv.includes('--json');
  let parts: Parts | undefined;
  try {
    const [name, ...rest] = argv;
    if (!name || name === 'help' || name === '--help') {
      io.writeLine(await usage());
      return name ? 0 : 1;
    }
    const command = await findCommand(name);
    if (!command) throw new UserError('unknown_command', cliMessages.unknownCommand(name, await usage()));
    const flags = new Set(['json', 'batch', 'help', ...(command.booleanFlags ?? [])]);
    const { positionals, options } = parseArgs(rest, flags);
    if (options.help === true) {
      io.writeLine(cliMessages.commandHelp(command.name, command.summary, command.help));
      return 0;
    }
    if (command.valueOptions) {
      const known = new Set([...flags, 'data', ...command.valueOptions]);
      const unknown = Object.keys(options).find((option) => !known.has(option));
      if (unknown !== undefined) throw new UserError('unknown_option', cliMessages.unknownOption(unknown, name, [...known].filter((o) => o !== 'batch')));
    }
    const settings = loadSettings(io.env);
    const dataDir = resolve(typeof options.data === 'string' ? options.data : settings.LVZHI_DATA_DIR);
    parts = openParts({ dataDir, settings });
    const ctx: CliContext = {
      positionals,
      options,
      json: options.json === true,
      dataDir,
      parts,
      readStdin: io.readStdin,
      writeLine: io.writeLine,
      note: io.writeError,
      onInterrupt: (stop) => io.onInterrupt?.(stop) ?? (() => undefined),
    };
    const result = await command.run(ctx);
    if (result) io.writeLine(ctx.json ? JSON.stringify(result.json) : result.text);
    return 0;
  } catch (thrown) {
    const error = explainFailure(thrown);
    if (!(thrown instanceof AppError)) io.writeError(thrown instanceof Error ? (thrown.stack ?? String(thrown)) : String(thrown));
    const status = error instanceof UserError ? 1 : 2;
    if (wantsJson) io.writeLine(JSON.stringify({ error: { code: error.code, message: error.userMessage } }));
    else io.writeError(error.userMessage);
    return status;
  } finally {
    await parts?.close();
  }
}
