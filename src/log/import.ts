/**
 * Import of .csv/.xlsx files, all or nothing: every row is checked before anything is
 * stored, and one bad row rejects the file with each bad row named and why. A ledger
 * without a kind column has each row's kind read from its content by the message reader;
 * those readings are shown for confirmation before anything is stored.
 */
import { UserError } from '../errors.ts';
import type { Taxonomy } from '../reader/index.ts';
import { normalizeDate } from '../time/index.ts';
import { ImportRejected, type RowProblem } from './import-error.ts';
import { cellValue, findLayout } from './import-layout.ts';
import { logMessages } from './messages.ts';
import type { RecordedEntry } from './entries.ts';
import type { ImportPlan, InferredRow } from './import-preview.ts';
import { readTable } from './table-file.ts';
import { readMessage } from '../reader/index.ts';
import { lexiconOf } from '../reader/index.ts';

/**
 * The kind of a ledger row, read as the reader reads a logged message (the row's own date
 * in front, so the content reads as something done that day), else by its first activity word.
 */
function readKind(title: string, date: string, taxonomy: Taxonomy): { kind: string; unread: boolean } {
  const [, month, day] = date.split('-').map(Number);
  const reading = readMessage(`${month}月${day}日${title}`, date, taxonomy);
  if (reading.intent === 'log') return { kind: reading.activity.kind, unread: reading.activity.kind === 'other' };
  const mention = lexiconOf(taxonomy).find(title)[0];
  return mention ? { kind: mention.kind, unread: false } : { kind: 'other', unread: true };
}

/** Read and check an import file; returns the plan or throws ImportRejected / UserError. */
export async function planImport(path: string, taxonomy: Taxonomy): Promise<ImportPlan> {
  const records = await readTable(path);
  if (records.length === 0) throw new UserError('empty_file', logMessages.emptyFile(path));
  const { layout: at, rows } = findLayout(records, path);
  const entries: RecordedEntry[] = [];
  const inferred: InferredRow[] = [];
  const problems: RowProblem[] = [];
  for (const { line, cells } of rows) {
    const reasons: string[] = [];
    const needed = Math.max(at.date, at.kind, at.title);
    if (cells.length <= needed) {
      problems.push({ row: line, reason: logMessages.rowMissingCells });
      continue;
    }
    const date = cellValue(cells[at.date]).trim();
    const kind = at.kind >= 0 ? cellValue(cells[at.kind]).trim() : '';
    const title = cellValue(cells[at.title]).replace(/\s+/g, ' ').trim();
    const by = at.by >= 0 ? cellValue(cells[at.by]).trim() : '';
    const isoDate = date ? normalizeDate(date) : undefined;
    if (!date) reasons.push(logMessages.rowEmptyDate);
    else if (!isoDate) reasons.push(logMessages.rowBadDate(date));
    // 结束日期 (a multi-day activity's last day): empty for one day, never before the first.
    const end = at.to >= 0 ? cellValue(cells[at.to]).trim() : '';
    const isoEnd = end ? normalizeDate(end) : undefined;
    if (end && !isoEnd) reasons.push(logMessages.rowBadEnd(end));
    else if (isoEnd && isoDate && isoEnd < isoDate) reasons.push(logMessages.rowEndBefore(isoEnd, isoDate));
    const to = isoEnd && isoEnd !== isoDate ? { to: isoEnd } : {};
    const known = kind ? taxonomy.resolve(kind) : undefined;
    if (at.kind >= 0 && !kind) reasons.push(logMessages.rowEmptyKind);
    else if (at.kind >= 0 && !known) reasons.push(logMessages.rowUnknownKind(kind));
    if (!title) reasons.push(logMessages.rowEmptyTitle);
    if (reasons.length > 0) {
      problems.push({ row: line, reason: reasons.join('') });
      continue;
    }
    if (known) {
      entries.push({ date: isoDate!, ...to, kind: known.id, title, by });
      continue;
    }
    const read = readKind(title, isoDate!, taxonomy);
    inferred.push({ row: line, date: isoDate!, title, ...read });
    entries.push({ date: isoDate!, ...to, kind: read.kind, title, by });
  }
  if (problems.length > 0) throw new ImportRejected(problems);
  if (entries.length === 0) throw new UserError('empty_file', logMessages.emptyFile(path));
  return { entries, inferred };
}

/** Read and check an import file whose every row names its kind; returns the entries. */
export async function readImportFile(path: string, taxonomy: Taxonomy): Promise<RecordedEntry[]> {
  return [...(await planImport(path, taxonomy)).entries];
}
