/** What goes into the activity log: one entry, an import row, a change's source, a bulk result. */
import type { Provenance } from './types.ts';

/** What a caller gives to log one activity. `kind` may be an id or a label. */
export interface ActivityEntry {
  readonly date: string;
  readonly kind: string;
  readonly title: string;
  /** The last day of a multi-day activity. */
  readonly to?: string;
}

/** An entry with its own recorder, as import files carry one per row. */
export interface RecordedEntry extends ActivityEntry {
  readonly by?: string;
}

/** An import row checked and given its recorder, ready to store. */
export interface CheckedRow extends ActivityEntry {
  readonly by: string;
}

/** How a withdrawal, correction or deletion was asked for (who is a separate argument). */
export type ChangeSource = Partial<Omit<Provenance, 'by'>>;

/** Result of storing many entries at once. */
export interface BulkResult {
  /** Entries stored. */
  readonly imported: number;
  /** Entries not stored because the same kind, date and title is already live. */
  readonly duplicates: number;
}
