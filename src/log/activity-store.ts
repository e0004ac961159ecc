/**
 * The port for the activity log's storage: entries with who and when, corrections and
 * deletions kept in the audit trail, counts and lists per period, import and export of tables.
 * Asynchronous, so a database server (PostgreSQL, issue 16) can serve it as well as SQLite;
 * every implementation passes the shared contract suite (test/support/contracts/).
 */
import type { Taxonomy } from '../reader/index.ts';
import type { ActivityEntry, BulkResult, ChangeSource, RecordedEntry } from './entries.ts';
import type { ExportOptions } from './export.ts';
import type { ActivityFilter, AuditFilter, PageRequest, Paged } from './pages.ts';
import type { AuditEntry } from './rows.ts';
import type { MonthlyStats } from './stats-shape.ts';
import type { Activity, ActivityQuery, Provenance, Stats } from './types.ts';

/** The activity log's storage, whatever holds it. */
export interface ActivityStore {
  /** The kinds this store validates against. */
  readonly taxonomy: Taxonomy;
  /** Store the activities of one message together (one undo withdraws them all); live duplicates come back marked. */
  addAll(entries: readonly ActivityEntry[], provenance: Provenance): Promise<Array<{ activity: Activity; duplicate: boolean }>>;
  /** Store many entries in one transaction, all or nothing; live duplicates are skipped and counted. */
  addMany(entries: readonly RecordedEntry[], provenance: Provenance): Promise<BulkResult>;
  /** Withdraw the entries of this person's last message; empty when there is none. */
  undo(by: string, source?: ChangeSource): Promise<Activity[]>;
  /** Change an entry's kind, date or title, audited with before and after. */
  correct(id: number, changes: Partial<ActivityEntry>, by: string, source?: ChangeSource): Promise<Activity>;
  /** Delete an entry; it stays in the audit trail. */
  remove(id: number, by: string, source?: ChangeSource): Promise<Activity>;
  /** A live entry by id, or undefined. */
  get(id: number): Promise<Activity | undefined>;
  /** Live activities in the query, in date order (then the order they were logged). */
  list(query?: ActivityQuery): Promise<Activity[]>;
  /** Counts per kind for the query's period; `total` is their sum. */
  stats(query?: ActivityQuery): Promise<Stats>;
  /** Counts per month and kind for the query's period. */
  statsByMonth(query?: ActivityQuery): Promise<MonthlyStats>;
  /** One page of the live entries a filter selects (date order), with their total; read page by page in the database. */
  page(filter: ActivityFilter, page: PageRequest): Promise<Paged<Activity>>;
  /** One page of the audit trail a filter selects (newest first), with its total. */
  auditPage(filter: AuditFilter, page: PageRequest): Promise<Paged<AuditEntry>>;
  /** The audit trail, oldest first: of one entry, or of the whole log. */
  history(activityId?: number): Promise<AuditEntry[]>;
  /** Import a .csv or .xlsx file, all or nothing; kinds read from content need `acceptInferred`. */
  importFile(path: string, provenance: Provenance, options?: { acceptInferred?: boolean }): Promise<BulkResult>;
  /** Check an import file; the kinds read from a ledger's content, in words to confirm. */
  previewImport(path: string): Promise<string | undefined>;
  /** Write the filter's activities to a .csv or .xlsx file. */
  exportFile(path: string, query?: ActivityFilter, options?: ExportOptions): Promise<{ exported: number; path: string }>;
}
