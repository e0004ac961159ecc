/**
 * The real CLI (`src/cli.ts`) in a child process, as the evaluation runners and scripts call
 * it: one place for how it is started, so every CLI test sees the same process.
 */
import { execFile, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The repository root, where `src/cli.ts` is run from. */
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

// `node --import tsx` is what `npx tsx` runs, without npx's own start-up.
const command = (args: readonly string[]) => ['--import', 'tsx', 'src/cli.ts', ...args];

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
