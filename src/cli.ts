/**
 * The terminal commands of CONTRACTS.md, also Lüzhi's machine interface:
 * `--json` prints exactly one JSON object on stdout; user errors exit 1, faults exit 2.
 */
import { resolve } from 'node:path';
import { parseArgs } from './cli/args.ts';
import type { CliCommand, CliContext } from './cli/command.ts';
import { cliMessages } from './cli/messages.ts';
import { AppError, UserError } from './errors.ts';
import { explainFailure } from './storage/index.ts';

/**
 * Command groups, loaded only when one of their commands runs: `parse` should not pay for
 * pdf.js, hnswlib and the chart renderer. A name missing here loads every group.
 */
const groups: ReadonlyArray<{ names: readonly string[]; load: () => Promise<CliCommand[]> }> = [
  { names: ['ingest', 'ask'], load: async () => (await import('./cli/knowledge-commands.ts')).knowledgeCommands },
  { names: ['docs', 'remove', 'status'], load: async () => (await import('./cli/document-commands.ts')).documentCommands },
  { names: ['parse'], load: async () => (await import('./cli/parse-commands.ts')).parseCommands },
  {
    names: ['log', 'stats', 'list', 'undo', 'edit', 'delete', 'import', 'export', 'chart'],
    load: async () => (await import('./cli/log-commands.ts')).logCommands,
  },
  { names: ['draft'], load: async () => (await import('./cli/draft-commands.ts')).draftCommands },
];

async function findCommand(name: string): Promise<CliCommand | undefined> {
  const group = groups.find((g) => g.names.includes(name));
  const candidates = group ? await group.load() : await allCommands();
  return candidates.find((c) => c.name === name);
}

async function allCommands(): Promise<CliCommand[]> {
  return (await Promise.all(groups.map((g) => g.load()))).flat();
}

// Libraries sometimes print; stdout belongs to the JSON contract, so send them to stderr.
const stdoutWrite = process.stdout.write.bind(process.stdout);
console.log = console.info = console.warn = console.debug = (...parts: unknown[]) =>
  console.error(...parts);

function writeLine(line: string): void {
  stdoutWrite(line + '\n');
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function usage(): Promise<string> {
  const lines = (await allCommands()).map((c) => `  ${c.name.padEnd(8)} ${c.summary}`);
  return cliMessages.usage(lines);
}

async function main(argv: string[]): Promise<number> {
  const wantsJson = argv.includes('--json');
  try {
    const [name, ...rest] = argv;
    if (!name || name === 'help' || name === '--help') {
      writeLine(await usage());
      return name ? 0 : 1;
    }
    const command = await findCommand(name);
    if (!command) throw new UserError('unknown_command', cliMessages.unknownCommand(name, await usage()));
    const flags = new Set(['json', 'batch', 'help', ...(command.booleanFlags ?? [])]);
    const { positionals, options } = parseArgs(rest, flags);
    if (options.help === true) {
      writeLine(cliMessages.commandHelp(command.name, command.summary, command.help));
      return 0;
    }
    if (command.valueOptions) {
      const known = new Set([...flags, 'data', ...command.valueOptions]);
      const unknown = Object.keys(options).find((option) => !known.has(option));
      if (unknown !== undefined) throw new UserError('unknown_option', cliMessages.unknownOption(unknown, name, [...known].filter((o) => o !== 'batch')));
    }
    const data = typeof options.data === 'string' ? options.data : process.env.LVZHI_DATA_DIR || './data';
    const ctx: CliContext = {
      positionals,
      options,
      json: options.json === true,
      dataDir: resolve(data),
      readStdin,
      writeLine,
    };
    const result = await command.run(ctx);
    if (result) writeLine(ctx.json ? JSON.stringify(result.json) : result.text);
    return 0;
  } catch (thrown) {
    const error = explainFailure(thrown);
    if (!(thrown instanceof AppError)) console.error(thrown);
    const status = error instanceof UserError ? 1 : 2;
    if (wantsJson) writeLine(JSON.stringify({ error: { code: error.code, message: error.userMessage } }));
    else console.error(error.userMessage);
    return status;
  }
}

process.exitCode = await main(process.argv.slice(2));
