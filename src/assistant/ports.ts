/**
 * What the assistant needs from the activity log and the drafting service, stated in the
 * assistant's own terms; `src/app.ts` adapts the real modules to these shapes, so the core
 * depends on no module's internals.
 */
import type { IsoDate } from '../time/index.ts';
import type { Activity, ActivityFilter, ActivityQuery, MonthlyStats, Provenance, Stats } from '../log/index.ts';

/** An activity as the reader gives it, before it is stored. */
export interface NewActivity {
  readonly kind: string;
  readonly date: IsoDate;
  readonly title: string;
  /** The last day of a multi-day activity. */
  readonly to?: IsoDate;
}

/** What a correction changes (CONTRACTS.md, `edit`). */
export interface ActivityChanges {
  readonly date?: IsoDate;
  readonly kind?: string;
  readonly title?: string;
}

/** The activity log as the assistant uses it. */
export interface ActivityLogPort {
  /**
   * Store the activities of one message together (one undo withdraws them all);
   * `duplicate` when the same one (date, kind, title) was already there.
   */
  addAll(activities: readonly NewActivity[], provenance: Provenance): Promise<Array<{ activity: Activity; duplicate: boolean }>>;
  /** Withdraw the entries of this person's (platform id's) last message; empty when there is none. */
  undo(by: string, provenance: Provenance): Promise<Activity[]>;
  /** A live entry by its number, or null. */
  get(id: number): Promise<Activity | null>;
  /** Correct an entry (the caller has checked the person may); audited with before and after. */
  correct(id: number, changes: ActivityChanges, provenance: Provenance): Promise<Activity>;
  /** Remove an entry (admins); it stays in the audit trail. */
  remove(id: number, provenance: Provenance): Promise<Activity>;
  stats(query: ActivityQuery): Promise<Stats>;
  /** Activities in date order. */
  list(query: ActivityQuery): Promise<Activity[]>;
  /** The query's activities (those whose title holds `text`, when given) as an .xlsx table (the export's columns), when the log can export. */
  exportTable?(query: ActivityFilter): Promise<Uint8Array>;
  /** A PNG bar chart of the counts — per kind, or per month — titled with the kinds asked for, when charts are available. */
  chart?(stats: Stats | MonthlyStats, kinds?: readonly string[]): Promise<Uint8Array>;
  /** Bulk import of a CSV/XLSX file, all or nothing, after the person confirmed it; when the log offers it. */
  importFile?(path: string, provenance: Provenance): Promise<{ imported: number; duplicates: number }>;
  /** Check a table before offering to import it: bad rows throw; kinds read from content come back in words. */
  previewImport?(path: string): Promise<string | undefined>;
}

/** A finished draft as the assistant shows it. */
export interface DraftReply {
  readonly text: string;
  /** A note for the user (e.g. the template was used instead of the model). */
  readonly note?: string;
  /** The facts from the log the draft rests on, in a line a person reads. */
  readonly basis?: string;
  /** The draft as a Word document, when it can be made. */
  readonly docx?: Uint8Array;
  /** File name for the Word document (the draft's title). */
  readonly fileName?: string;
  /** The body's length in characters (再短一点 asks for less). */
  readonly length?: number;
  /** The period its figures count (2023-01-01 至 2023-06-30), and each figure with the log's count behind it (把数字再核一下). */
  readonly period?: string;
  readonly figures?: ReadonlyArray<{ readonly text: string; readonly kinds?: string; readonly count?: number }>;
}

/** The drafting service as the assistant uses it; `scopes` bounds the documents it may take as models of style. */
export interface DraftingPort {
  draft(request: string, options: { now: IsoDate; scopes?: readonly string[] }): Promise<DraftReply>;
}

/** Login links of the web console, as the assistant hands them out (`/web`); absent while it is off. */
export interface WebLinkPort {
  /** A one-time link for this person (they are allowed: the assistant checked); UserError when it cannot be made. */
  issue(grant: { personId: string; chatId?: string }): Promise<{ url: string; expiresAt: string }>;
}
