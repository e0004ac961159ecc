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
