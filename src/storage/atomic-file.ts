import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

/**
 * Replace a file so that readers see either the old content or the new, never half:
 * `write` fills a temporary name beside the target, which is then renamed over it.
 * On failure the temporary file is removed and the old file stays as it was.
 */
export function replaceFileAtomic(path: string, write: (temporary: string) => void): void {
  const temporary = `${path}.tmp-${process.pid}-${Date.now()}`;
  try {
    write(temporary);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Write data (one buffer or several, in order) atomically, fsynced before the rename. */
export function writeFileAtomic(path: string, data: string | Uint8Array | readonly Uint8Array[]): void {
  const parts = typeof data === 'string' ? [Buffer.from(data)] : data instanceof Uint8Array ? [data] : data;
  replaceFileAtomic(path, (temporary) => {
    const fd = openSync(temporary, 'w');
    try {
      for (const part of parts) writeSync(fd, part);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  });
}
