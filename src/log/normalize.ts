/** Checking what is about to be stored, the same for every database: plain text, real dates, known kinds. */
import { UserError } from '../errors.ts';
import { plainText } from '../input/index.ts';
import type { Taxonomy } from '../reader/index.ts';
import { requireDate } from '../time/index.ts';
import type { ActivityEntry, CheckedRow, RecordedEntry } from './entries.ts';
import { logMessages } from './messages.ts';
import { resolveKind } from './query.ts';
import type { Provenance } from './types.ts';

/** One line of plain text: no escapes, control or bidi characters (they would be stored and echoed). */
export function clean(text: string): string {
  return plainText(text).replace(/\s+/g, ' ').trim();
}

/** Check and normalise an entry; UserError in Chinese for bad dates, kinds or titles. */
export function normalizeEntry(entry: ActivityEntry, taxonomy: Taxonomy): ActivityEntry {
  const title = clean(entry.title ?? '');
  if (!title) throw new UserError('empty_title', logMessages.emptyTitle);
  const date = requireDate(entry.date ?? '');
  const to = entry.to ? requireDate(entry.to) : undefined;
  if (to && to < date) throw new UserError('bad_period', logMessages.badPeriod(date, to));
  return { date, kind: resolveKind(entry.kind ?? '', taxonomy), title, ...(to && to !== date ? { to } : {}) };
}

/** Check an import row and give it its recorder (the importing person when the row names none). */
export function normalizeRecordedEntry(entry: RecordedEntry, provenance: Provenance, taxonomy: Taxonomy): CheckedRow {
  return { ...normalizeEntry(entry, taxonomy), by: clean(entry.by ?? '') || provenance.by };
}

/** Who logs, cleaned; UserError when nobody is named. */
export function requireBy(by: string): string {
  const who = clean(by ?? '');
  if (!who) throw new UserError('empty_by', logMessages.emptyBy);
  return who;
}

let batches = 0;
/** A fresh id for the entries of one message (one /undo withdraws them together). */
export function newBatch(): string {
  return `${Date.now().toString(36)}-${process.pid.toString(36)}-${(batches++).toString(36)}`;
}
