/**
 * A large import into the data folder's SQLite log without stalling the process: one
 * transaction on a connection of the import's own, written in batches with pauses between.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { openDatabase, retryWhenBusy } from '../../storage/index.ts';
import type { Taxonomy } from '../../reader/index.ts';
import type { BulkResult, RecordedEntry } from '../entries.ts';
import type { Provenance } from '../types.ts';
import { ActivityLog } from './store.ts';

/** Rows written per batch of an import: a few milliseconds each, then the event loop runs. */
const IMPORT_BATCH = 2000;

/**
 * Write import rows (checked again here) into the data folder's log in one transaction, on a connection of
 * the import's own (the transaction spans pauses in which the process's shared connection
 * serves other writes), in batches with a pause between them. All or nothing: a failure, or
 * the process dying, leaves none of the rows stored. While it runs, other writers wait for the
 * lock (they retry, see storage/busy-retry.ts); the import waits its turn to begin the same way.
 */
export async function storeInBatches(
  dataDir: string, taxonomy: Taxonomy, entries: readonly RecordedEntry[], provenance: Provenance,
): Promise<BulkResult> {
  const db = openDatabase(dataDir, { busyTimeoutMs: 100 });
  try {
    const log = new ActivityLog(db, taxonomy);
    const checked = entries.map((e) => log.normalizeRecorded(e, provenance));
    await retryWhenBusy(() => db.exec('BEGIN IMMEDIATE'));
    try {
      let imported = 0;
      for (let start = 0; start < checked.length; start += IMPORT_BATCH) {
        imported += log.addBatch(checked.slice(start, start + IMPORT_BATCH), provenance);
        await nextTurn();
      }
      db.exec('COMMIT');
      return { imported, duplicates: checked.length - imported };
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  } finally {
    db.close();
  }
}
