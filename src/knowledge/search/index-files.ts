/**
 * The index files beside lvzhi.db as a cache of SQLite: where warnings about them go, saving
 * one without letting a failure (a full disk, a busy database) fail the request that asked,
 * and removing the ones no record points to.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { componentLog } from '../../runtime/index.ts';
import { processAlive } from '../../storage/index.ts';

/** Where index warnings go (stderr by default; tests listen). */
export type IndexWarning = (line: string) => void;

/** The default: one JSON line on stderr, in the process's log. */
export const stderrWarning: IndexWarning = componentLog('search-index');

/** A failure in a few words for a warning: its code (ENOSPC, SQLITE_BUSY …) and message. */
export function reason(error: unknown): string {
  return error instanceof Error ? `${(error as NodeJS.ErrnoException).code ?? error.name}: ${error.message}` : String(error);
}

/**
 * Save an index file and record it, or say why not: the index in memory serves either way,
 * and a read (a question) must not fail because the disk is full or the database busy.
 */
export async function saveOrWarn(what: string, save: () => void | Promise<void>, warn: IndexWarning): Promise<void> {
  try {
    await save();
  } catch (error) {
    warn(`knowledge: could not save the ${what} (${reason(error)}); using the one rebuilt in memory, it is saved at a later change`);
  }
}

/** Delete index files of the data folder not in `keep` (left by earlier generations or killed runs). */
export function removeStaleIndexFiles(dataDir: string, keep: ReadonlySet<string | undefined>): void {
  if (!existsSync(dataDir)) return;
  for (const name of readdirSync(dataDir)) {
    const match = /^(?:lexical-.*\.bm25|vectors-.*\.hnsw)(?:\.tmp-(\d+)(?:-\d+)?)?$/.exec(name);
    if (!match || keep.has(name)) continue;
    // A temporary file of a process still running is its work in progress, not debris.
    if (match[1] && Number(match[1]) !== process.pid && processAlive(Number(match[1]))) continue;
    try {
      rmSync(join(dataDir, name), { force: true });
    } catch {
      // a read-only folder: the debris stays until it is writable again
    }
  }
}
