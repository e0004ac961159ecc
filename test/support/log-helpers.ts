/** Helpers for the log tests: temporary data folders (removed after the test file), provenance, a sample CSV. */
import { tempFolder as tempFolderOf } from './temp-folders.ts';

/** A fresh temporary folder, deleted after the test file. */
export const tempFolder = (prefix = 'lvzhi-log-'): string => tempFolderOf(prefix);

/** Provenance of a test entry from the terminal. */
export const byCli = (by: string, message?: string) => ({ by, channel: 'cli', message });

/** Our own fixture: 12 rows, 11 in 2023 H1 (see the counts in the import tests). */
export const SAMPLE_CSV = new URL('../fixtures/log-sample.csv', import.meta.url).pathname;
