/**
 * Import of .csv/.xlsx files, all or nothing: every row is checked before anything is
 * stored, and one bad row rejects the file with each bad row named and why.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { UserError } from '../errors.ts';
import { openDatabase, retryWhenBusy } from '../storage/index.ts';
import type { Taxonomy } from './kinds.ts';
import { normalizeDate } from './log-dates.ts';
import { logMessages } from './log-messages.ts';
import { ActivityLog, type BulkResult, type RecordedEntry } from './log-store.ts';
import type { Provenance } from './types.ts';
import { ImportRejected, type RowProblem } from './log-import-error.ts';
import { readTable } from './log-table-file.ts';

/** The columns of an import file, by their English or Chinese header names. */
const HEADER_NAMES: Record<'date' | 'kind' | 'title' | 'by', readonly string[]> = {
  date: ['date', '日期', '时间'],
  kind: ['kind', '类型', '类别', '活动类型'],
  title: ['title', '标题', '内容', '活动', '名称', '活动内容'],
  by: ['by', '记录人', '登记人', '经办人'],
};

function columnIndexes(header: readonly string[], path: string): Record<keyof typeof HEADER_NAMES, number> {
  const names = header.map((h) => h.trim().toLowerCase());
  const find = (key: keyof typeof HEADER_NAMES) => names.findIndex((n) => HEADER_NAMES[key].includes(n));
  const found = { date: find('date'), kind: find('kind'), title: find('title'), by: find('by') };
  const missing = (['date', 'kind', 'title'] as const).filter((k) => found[k] < 0);
  if (missing.length > 0) throw new UserError('missing_columns', logMessages.missingColumns(missing.join(', ')) + `（${path}）`);
  return found;
}

/** Read and check an import file; returns the entries or throws ImportRejected. */
export async function readImportFile(path: string, taxonomy: Taxonomy): Promise<RecordedEntry[]> {
  const [header, ...rows] = await readTable(path);
  if (!header) throw new UserError('empty_file', logMessages.emptyFile(path));
  const at = columnIndexes(header.cells, path);
  const entries: RecordedEntry[] = [];
  const problems: RowProblem[] = [];
  for (const { line, cells } of rows) {
    const reasons: string[] = [];
    const needed = Math.max(at.date, at.kind, at.title);
    if (cells.length <= needed) {
      problems.push({ row: line, reason: logMessages.rowMissingCells });
      continue;
    }
    const date = cells[at.date].trim();
    const kind = cells[at.kind].trim();
    const title = cells[at.title].replace(/\s+/g, ' ').trim();
    const by = at.by >= 0 ? (cells[at.by] ?? '').trim() : '';
    const isoDate = date ? normalizeDate(date) : undefined;
    if (!date) reasons.push(logMessages.rowEmptyDate);
    else if (!isoDate) reasons.push(logMessages.rowBadDate(date));
    const known = kind ? taxonomy.resolve(kind) : undefined;
    if (!kind) reasons.push(logMessages.rowEmptyKind);
    else if (!known) reasons.push(logMessages.rowUnknownKind(kind));
    if (!title) reasons.push(logMessages.rowEmptyTitle);
    if (reasons.length > 0) problems.push({ row: line, reason: reasons.join('') });
    else entries.push({ date: isoDate!, kind: known!.id, title, by });
  }
  if (problems.length > 0) throw new ImportRejected(problems);
  if (entries.length === 0) throw new UserError('empty_file', logMessages.emptyFile(path));
  return entries;
}

/** Rows written per batch of an import: a few milliseconds each, then the event loop runs. */
const IMPORT_BATCH = 2000;

/**
 * Write checked import rows into the data folder's log in one transaction, on a connection of
 * the import's own (the transaction spans pauses in which the process's shared connection
 * serves other writes), in batches with a pause between them. All or nothing: a failure, or
 * the process dying, leaves none of the rows stored. While it runs, other writers wait for the
 * lock (they retry, see storage/busy-retry.ts); the import waits its turn to begin the same way.
 */
export async function storeInBatches(
  dataDir: string, taxonomy: Taxonomy, checked: readonly Required<RecordedEntry>[], provenance: Provenance,
): Promise<BulkResult> {
  const db = openDatabase(dataDir, { busyTimeoutMs: 100 });
  try {
    const log = new ActivityLog(db, taxonomy);
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
