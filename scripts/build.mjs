/**
 * Compile src/ to dist/ (tsconfig.build.json) and copy the files read at run time next to the
 * code that reads them (kinds.json, topics.json, legal-terms.txt, the search workers…), so
 * `node dist/…` finds them exactly where `src/…` does. `npm ci` runs it through `prepare`;
 * `run-built.mjs` runs it when dist/ is missing or older than src/.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (this file lives in scripts/). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');
/** Written last: dist/ is complete only when it exists. */
const STAMP = join(DIST, '.built');
/** Held while one process builds, so parallel runs (tests, evaluations) build once. */
const LOCK = join(ROOT, '.dist-lock');

/** Every file under a folder, recursively. */
function filesUnder(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The newest modification time among the inputs of the build (src/ and the build settings). */
function newestInput() {
  const inputs = [...filesUnder(SRC), join(ROOT, 'tsconfig.json'), join(ROOT, 'tsconfig.build.json')];
  return Math.max(...inputs.map((file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0));
}

/** True when dist/ is missing or older than any input. */
export function isStale() {
  const built = statSync(STAMP, { throwIfNoEntry: false });
  return !built || built.mtimeMs < newestInput();
}

function compileInto(outDir) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  // Emit only: `npm test` (`tsc --noEmit`) type-checks src/ with test/ and scripts/, so checking
  // here again was a second full check (about 9 of 24 CPU-seconds) on every stale start.
  const compiled = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--noCheck', '--outDir', outDir], { cwd: ROOT, stdio: 'inherit' });
  if (compiled.status !== 0) {
    rmSync(outDir, { recursive: true, force: true });
    throw new Error('tsc -p tsconfig.build.json failed: fix the errors above, then run `npm run build`.');
  }
  for (const file of filesUnder(SRC)) {
    if (file.endsWith('.ts')) continue;
    const target = join(outDir, relative(SRC, file));
    mkdirSync(dirname(target), { recursive: true });
    cpSync(file, target);
  }
  writeFileSync(join(outDir, '.built'), new Date().toISOString() + '\n');
}

function takeLock() {
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A build killed half-way leaves its lock: after ten minutes it is taken as abandoned.
      const held = statSync(LOCK, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 600_000) rmSync(LOCK, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
}

/**
 * Build dist/ into a fresh folder and swap it in, under a lock; `onlyIfStale` skips the work
 * when another process finished a build while this one waited for the lock.
 */
export function build({ onlyIfStale = false } = {}) {
  takeLock();
  try {
    if (onlyIfStale && !isStale()) return;
    const fresh = join(ROOT, `.dist-${process.pid}`);
    rmSync(fresh, { recursive: true, force: true });
    compileInto(fresh);
    rmSync(DIST, { recursive: true, force: true });
    renameSync(fresh, DIST);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    build();
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
