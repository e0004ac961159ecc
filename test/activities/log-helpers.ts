/** Temporary data folders for the log tests, removed after each test. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const folders: string[] = [];

/** A fresh temporary folder, deleted after the current test. */
export function tempFolder(prefix = 'lvzhi-log-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Provenance of a test entry from the terminal. */
export const byCli = (by: string, message?: string) => ({ by, channel: 'cli', message });

/** Our own fixture: 12 rows, 11 in 2023 H1 (see the counts in the import tests). */
export const SAMPLE_CSV = new URL('./fixtures/log-sample.csv', import.meta.url).pathname;
