/**
 * The CLI two ways, one place for each: `runCli`/`runCliSync` start the real compiled CLI in
 * a child process exactly as `npm run cli` does (scripts/run-built.mjs: dist/, rebuilt when
 * src/ is newer), as the evaluation runners call it; `runCliInProcess` calls the same
 * `runCli(argv, io)` the process runs, with captured output, for the many finer cases.
 */
import { execFile, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { runCli as runCommandLine } from '../../src/cli/run.ts';

/** The repository root, where `npm run cli` is run from. */
export const REPO_ROOT = resolve(import.meta.dirname, '../..');

/** What one run of the CLI left behind. */
export interface CliRun {
  /** Exit code; 99 when the process was killed or timed out. */
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** How to start a run: stdin text, extra environment, a kill deadline. */
export interface CliRunOptions {
  readonly input?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
}

/** Node's arguments for what `npm run cli` runs, without npm's own start-up (run from REPO_ROOT). */
export const command = (args: readonly string[]): string[] => ['scripts/run-built.mjs', 'cli', ...args];

/** Run the CLI without blocking, so independent runs can go in parallel. */
export function runCli(args: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  return new Promise((done) => {
    const child = execFile(process.execPath, command(args), { cwd: REPO_ROOT, encoding: 'utf8', env: options.env, timeout: options.timeoutMs ?? 180_000 },
      (error, stdout, stderr) => done({ status: error ? (typeof error.code === 'number' ? error.code : 99) : 0, stdout, stderr }));
    child.stdin?.end(options.input ?? '');
  });
}

/** Run the CLI and wait for it (for tests whose steps depend on each other). */
export function runCliSync(args: readonly string[], options: CliRunOptions = {}): CliRun {
  const r = spawnSync(process.execPath, command(args), { cwd: REPO_ROOT, encoding: 'utf8', input: options.input, env: options.env, timeout: options.timeoutMs ?? 180_000 });
  return { status: r.status ?? 99, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The same command line in this process: argv through `runCli` with standard input, output
 * and error captured, settings read from `env` (default: this process's environment).
 */
export async function runCliInProcess(args: readonly string[], options: Omit<CliRunOptions, 'timeoutMs'> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await runCommandLine(args, {
    writeLine: (line) => (stdout += line + '\n'),
    writeError: (line) => (stderr += line + '\n'),
    readStdin: async () => options.input ?? '',
    env: options.env ?? process.env,
  });
  return { status, stdout, stderr };
}
