/** Running `src/main.ts` as `npm start` does, in a child process, for end-to-end tests. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// tsx as a loader inside one node process. (The `tsx` command runs the script in a child and
// relays signals with a 30 ms acknowledgement window; on a loaded machine it then SIGKILLs
// the child, which would cut short the graceful stop these tests check.)
const TSX_LOADER = createRequire(import.meta.url).resolve('tsx');
const MAIN = resolve('src/main.ts');

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
  const child = spawn(process.execPath, ['--import', TSX_LOADER, MAIN], {
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
