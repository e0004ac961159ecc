/**
 * Temporary folders for a test file, removed once its tests are done (after every
 * `afterAll` of its own, so stores are closed before their files go: file-cleanup.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const folders: string[] = [];

/** A fresh temporary folder, removed after the test file. */
export function tempFolder(prefix = 'lvzhi-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

/** Remove a folder made elsewhere (e.g. by a child process) together with the test file's own. */
export function removeAfterTests(path: string): void {
  folders.push(path);
}

/** Remove the folders made (or named) since the last call: the test file's, as it ends. */
export function removeTempFolders(): void {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
}
