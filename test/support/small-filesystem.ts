/**
 * A tiny real file system for tests of full and read-only disks: a tmpfs mounted on a fresh
 * folder (needs root, as in CI's container). Where mounting is not allowed the caller skips,
 * with a notice, and the injected-failure tests still cover the same code paths.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { tempFolder } from './temp-folders.ts';

/** A mounted tmpfs; `unmount` is also done after the test file (file-cleanup.ts). */
export interface SmallFilesystem {
  readonly path: string;
  /** Make the whole file system read-only (as a read-only mount or a locked-down disk is). */
  remountReadOnly(): void;
  /** Fill the free space with one file; returns its path (remove it to free the space). */
  fill(): string;
  unmount(): void;
}

const mounted: SmallFilesystem[] = [];

/** Mount a tmpfs of `sizeKb` KB, or undefined (with a notice on stderr) where that is not allowed. */
export function mountSmallFilesystem(sizeKb: number): SmallFilesystem | undefined {
  const path = tempFolder('lvzhi-smallfs-');
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', path], { encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(`notice: cannot mount a small tmpfs here (${(result.stderr || String(result.error)).trim()}); full/read-only disk tests skipped\n`);
    return undefined;
  }
  let live = true;
  const fs: SmallFilesystem = {
    path,
    remountReadOnly() {
      const r = spawnSync('mount', ['-o', 'remount,ro', path], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`remount read-only failed: ${r.stderr}`);
    },
    fill() {
      const filler = join(path, 'filler.bin');
      const fd = openSync(filler, 'w');
      const block = Buffer.alloc(4096, 1);
      try {
        for (;;) writeSync(fd, block);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        closeSync(fd);
      }
      // tmpfs may still take a few bytes in a partly used block: take those too.
      const tail = openSync(filler, 'a');
      try {
        for (;;) writeSync(tail, Buffer.alloc(1, 1));
      } catch {
        // full now
      } finally {
        closeSync(tail);
      }
      return filler;
    },
    unmount() {
      if (!live) return;
      live = false;
      spawnSync('umount', ['-l', path]);
      rmSync(path, { recursive: true, force: true });
    },
  };
  mounted.push(fs);
  return fs;
}

/** Unmount the file systems mounted since the last call: the test file's, as it ends. */
export function unmountSmallFilesystems(): void {
  for (const fs of mounted.splice(0)) fs.unmount();
}
