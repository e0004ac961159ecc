/**
 * Running Lüzhi exactly as `npm start` does (scripts/run-built.mjs: the compiled dist/main.js,
 * rebuilt first when src/ is newer), in a child process, for end-to-end tests. One node
 * process, so the signals these tests send reach main.ts itself (no relaying wrapper).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const RUNNER = resolve(import.meta.dirname, '../../scripts/run-built.mjs');

/** A running `main.ts` and what it printed so far. */
export interface MainRun {
  readonly child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** The exit status. */
  readonly exit: Promise<number | null>;
  /** A temporary working folder (no stray .env is read); the caller removes it. */
  readonly cwd: string;
}

/** Start `main.ts` with only the data folder and the given variables set. */
export function startMain(dataDir: string, env: Record<string, string> = {}): MainRun {
  const cwd = mkdtempSync(join(tmpdir(), 'lvzhi-cwd-'));
  const child = spawn(process.execPath, [RUNNER, 'main'], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: tmpdir(), LVZHI_DATA_DIR: dataDir, ...env },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exit = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, stdout: () => out, stderr: () => err, exit, cwd };
}

/**
 * Wait until what the run printed passes `check`, tested on each chunk of its output. No clock:
 * a run that ends first fails at once with its output, and the test's own timeout guards a run
 * that hangs (a start takes seconds quiet, a minute on this shared machine under load).
 */
export function untilOutput(run: MainRun, check: () => boolean, what: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const stop = () => {
      run.child.stdout.off('data', test);
      run.child.stderr.off('data', test);
      run.child.off('close', closed);
    };
    const test = () => {
      if (!check()) return;
      stop();
      resolve();
    };
    const closed = () => {
      stop();
      if (check()) resolve();
      else reject(new Error(`the process ended before ${what}\nstdout: ${run.stdout()}\nstderr: ${run.stderr()}`));
    };
    // Listeners added after startMain's own: each chunk is in stdout()/stderr() when tested.
    run.child.stdout.on('data', test);
    run.child.stderr.on('data', test);
    run.child.on('close', closed);
    // 'close' has passed already when both output streams are gone.
    if (run.child.stdout.destroyed && run.child.stderr.destroyed) closed();
    else test();
  });
}
