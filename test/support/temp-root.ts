/**
 * Vitest global set-up: one temporary folder for the whole run, removed when it ends. Every
 * test's temporary files go under it, whoever makes them: `TMPDIR` is set here, before the
 * workers start, so `os.tmpdir()` in the workers, the CLI and `npm start` they spawn, the
 * browser, exceljs and tesseract all answer this folder. A failing test cannot leave anything
 * in /tmp: the root goes at the end of the run whatever happened, and a run that was killed
 * (so never reached its end) has its root removed by the next run's start. `npm run bench` makes
 * one the same way (`lvzhi-bench-run-…`): a bench stopped midway leaves no corpus or data folder.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/** Roots are named after the process that made them: `lvzhi-test-run-<pid>-XXXXXX`. */
const ROOT_PREFIX = 'lvzhi-test-run-';
/** The bench's roots (scripts/bench.ts). */
export const BENCH_ROOT_PREFIX = 'lvzhi-bench-run-';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Unmount the file systems a test mounted under `root` (small-filesystem.ts) that are still there. */
function unmountUnder(root: string): void {
  let mounts: string[];
  try {
    mounts = readFileSync('/proc/mounts', 'utf8').split('\n').map((line) => line.split(' ')[1] ?? '');
  } catch {
    return;
  }
  // /proc/mounts writes a space in a path as \040; our roots and their folders have none.
  for (const point of mounts.filter((p) => p.startsWith(`${root}/`)).reverse()) spawnSync('umount', ['-l', point]);
}

/** Remove a run's root and all under it; a folder another process still writes to gets retried. */
export function removeRoot(root: string): void {
  if (!existsSync(root)) return;
  unmountUnder(root);
  try {
    rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  } catch (error) {
    process.stderr.write(`[notice] the run's temporary folder ${root} was not removed: ${String(error)}\n`);
  }
}

/** Remove the roots (named with `prefix`) of runs whose process is gone (killed before their end); live runs' stay. */
export function removeAbandonedRoots(folder = tmpdir(), prefix = ROOT_PREFIX): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = new RegExp(`^${prefix}(\\d+)-`).exec(name)?.[1];
    if (pid && Number(pid) !== process.pid && !processAlive(Number(pid))) removeRoot(join(folder, name));
  }
}

/** Make the run's root and point TMPDIR at it; the returned teardown removes it. */
export default function useTemporaryRoot(): () => void {
  return useTemporaryRootNamed(ROOT_PREFIX);
}

/** The same for another kind of run (the bench), its roots named with `prefix`. */
export function useTemporaryRootNamed(prefix: string): () => void {
  const system = tmpdir();
  removeAbandonedRoots(system, prefix);
  const root = mkdtempSync(join(system, `${prefix}${process.pid}-`));
  // Searchable by other users (not listable): a test runs the CLI as an ordinary user on a data folder under it.
  chmodSync(root, 0o711);
  // tsx keeps its compile cache in the temporary folder, named after the user: the children
  // started with `--import tsx` keep using the machine's (a cold cache was ~0.5 CPU-s a run).
  const tsxCache = `tsx-${process.geteuid?.() ?? userInfo().username}`;
  try {
    mkdirSync(join(system, tsxCache), { recursive: true });
    symlinkSync(join(system, tsxCache), join(root, tsxCache));
  } catch {
    // a cold cache then: slower, not wrong
  }
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    removeRoot(root);
  };
}
