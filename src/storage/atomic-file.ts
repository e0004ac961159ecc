import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

/**
 * Write a file so that readers see either the old content or the new, never half:
 * write to a temporary name beside it, fsync, then rename over the target.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temporary = `${path}.tmp-${process.pid}-${Date.now()}`;
  try {
    const fd = openSync(temporary, 'w');
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Rename a finished temporary file over its target (the last step of an atomic write). */
export function commitTemporary(temporary: string, path: string): void {
  renameSync(temporary, path);
}
