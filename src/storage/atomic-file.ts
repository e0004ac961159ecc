import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** `<target>.tmp-<pid>-<digits>`: the name a write in progress uses beside its target. */
const TEMPORARY_NAME = /\.tmp-(\d+)-\d+$/;
let sequence = 0;

/** A fresh temporary name beside `path`, carrying our pid so a later run can tell debris from work in progress. */
function temporaryPath(path: string): string {
  return `${path}.tmp-${process.pid}-${Date.now()}${sequence++ % 1000}`;
}

/** Flush a file's data to the disk: a rename must never publish bytes still only in memory. */
function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Make the rename itself durable; some file systems cannot sync a folder, which costs nothing but durability. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // EISDIR/EINVAL/EPERM on exotic file systems: the rename is still atomic.
  }
}

/** What a replacement may check before it is published. */
export interface ReplaceOptions {
  /** Throw if the temporary file is not what was meant (a library that ignores write errors). */
  readonly verify?: (temporary: string) => void;
}

/**
 * Replace a file so that readers see either the old content or the new, never half:
 * `write` fills a temporary name beside the target, which is fsynced, checked and then renamed
 * over it. On failure the temporary file is removed and the old file stays as it was.
 */
export function replaceFileAtomic(path: string, write: (temporary: string) => void, options: ReplaceOptions = {}): void {
  const temporary = temporaryPath(path);
  try {
    write(temporary);
    syncFile(temporary);
    options.verify?.(temporary);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  syncFolder(dirname(path));
}

/** `replaceFileAtomic` for a writer that works asynchronously (a worker thread). */
export async function replaceFileAtomicAsync(
  path: string, write: (temporary: string) => Promise<void>, options: ReplaceOptions = {},
): Promise<void> {
  const written = temporaryPath(path);
  try {
    await write(written);
    // Published like a synchronous replacement whose "write" takes over the finished file.
    replaceFileAtomic(path, (temporary) => renameSync(written, temporary), options);
  } finally {
    rmSync(written, { force: true }); // gone already unless something failed
  }
}

/** Write data (one buffer or several, in order) atomically, fsynced before the rename. */
export function writeFileAtomic(path: string, data: string | Uint8Array | Iterable<Uint8Array>): void {
  const parts = typeof data === 'string' ? [Buffer.from(data)] : data instanceof Uint8Array ? [data] : data;
  const temporary = temporaryPath(path);
  try {
    const fd = openSync(temporary, 'w');
    try {
      for (const part of parts) {
        // writeSync may write less than asked (a signal, a nearly full disk): go on from there.
        for (let done = 0; done < part.byteLength;) done += writeSync(fd, part, done);
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  syncFolder(dirname(path));
}

/** Whether a process of this id is running (EPERM: it runs, as another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove temporary files a killed process left in a folder (a SIGKILL or power cut between
 * write and rename). Temporaries of running processes are their work in progress and stay.
 * Returns the names removed.
 */
export function removeStaleTemporaries(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMPORARY_NAME.exec(name);
    if (!match || processAlive(Number(match[1]))) continue;
    rmSync(join(folder, name), { force: true });
    removed.push(name);
  }
  return removed;
}
