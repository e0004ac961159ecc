/**
 * The activity log: live entries for counts and lists, and an audit trail of every add,
 * withdrawal, correction and deletion (who, when, channel, chat, original message).
 */
import { dirname } from 'node:path';
import type { Statement } from 'better-sqlite3';
import { UserError } from '../../errors.ts';
import { migrate, openDatabase, type Db } from '../../storage/index.ts';
import { loadTaxonomy, type Taxonomy } from '../../reader/index.ts';
import { logMessages } from '../messages.ts';
import { checkQuery, whereClause } from '../query.ts';
import { clean, newBatch, normalizeEntry, normalizeRecordedEntry, requireBy } from '../normalize.ts';
import { ACTIVITY_COLUMNS, fields, toActivity, toAuditEntry, type AuditEntry } from '../rows.ts';
import { ACTIVITY_LOG_SCHEMA } from './schema.ts';
import { ALL_ROWS, activityPageSql, auditPageSql, type ActivityFilter, type AuditFilter, type PageRequest, type Paged } from '../pages.ts';
import { countByKind, countByMonth, type MonthlyStats } from './stats.ts';
import type { ExportOptions } from '../export.ts';
import { confirmedImportPlan, previewImportFile, readImportPlan, type ImportPlan } from '../import-preview.ts';
import type { ActivityEntry, BulkResult, ChangeSource, CheckedRow, RecordedEntry } from '../entries.ts';
import type { Activity, ActivityQuery, Provenance, Stats } from '../types.ts';

export type { ActivityEntry, BulkResult, ChangeSource, CheckedRow, RecordedEntry } from '../entries.ts';

/** The activity log over a data folder's `lvzhi.db`. */
export class ActivityLog {
  /** The kinds this log validates against. */
  readonly taxonomy: Taxonomy;
  private readonly db: Db;
  private readonly statements = new Map<string, Statement>();

  constructor(db: Db, taxonomy: Taxonomy) {
    this.db = db;
    this.taxonomy = taxonomy;
    migrate(db, 'activities', ACTIVITY_LOG_SCHEMA);
  }

  /** Check and normalise an entry; UserError in Chinese for bad dates, kinds or titles. */
  normalize(entry: ActivityEntry): ActivityEntry {
    return normalizeEntry(entry, this.taxonomy);
  }

  /**
   * Store one activity. A second copy of a live entry (same kind, date and title) is not
   * stored again: the existing one comes back with `duplicate: true`.
   */
  add(entry: ActivityEntry, provenance: Provenance): { activity: Activity; duplicate: boolean } {
    return this.addAll([entry], provenance)[0];
  }

  /**
   * Store the activities of one message together, all or nothing; one `undo` withdraws them
   * all. Live duplicates are not stored again (they come back with `duplicate: true`).
   */
  addAll(entries: readonly ActivityEntry[], provenance: Provenance): Array<{ activity: Activity; duplicate: boolean }> {
    // Write transactions are IMMEDIATE: the duplicate check and the insert hold the write
    // lock together, so two processes (bot and terminal) cannot both store the same entry.
    const checked = entries.map((e) => this.normalize(e));
    const by = requireBy(provenance.by);
    const batch = newBatch();
    return this.db.transaction(() => checked.map((entry) => {
      const existing = this.findLive(entry);
      if (existing) return { activity: existing, duplicate: true };
      return { activity: this.insert(entry, by, 'add', provenance, batch), duplicate: false };
    })).immediate();
  }

  /**
   * Store many entries in one transaction (import, benchmarks): all or nothing.
   * Entries are checked first; live duplicates are skipped and counted.
   */
  addMany(entries: readonly RecordedEntry[], provenance: Provenance): BulkResult {
    const checked = entries.map((e) => this.normalizeRecorded(e, provenance));
    return this.db.transaction(() => {
      const imported = this.addBatch(checked, provenance);
      return { imported, duplicates: checked.length - imported };
    }).immediate();
  }

  /** Check an import row and give it its recorder (the importing person when the row names none). */
  normalizeRecorded(entry: RecordedEntry, provenance: Provenance): CheckedRow {
    return normalizeRecordedEntry(entry, provenance, this.taxonomy);
  }

  /** Store checked rows in the write transaction the caller holds (see log-import.ts), live duplicates skipped; how many were stored. */
  addBatch(checked: readonly CheckedRow[], provenance: Provenance): number {
    let imported = 0;
    for (const entry of checked) {
      if (this.findLive(entry)) continue;
      this.insert(entry, entry.by, 'import', provenance);
      imported++;
    }
    return imported;
  }

  /**
   * Withdraw the entries of the last message this person logged (all of them, when it held
   * several); empty when there is none. "This person" is their platform id, never a display
   * name two people may share. Imported rows are not undone: "undo" after a chat message
   * means that message, not row 500 of a spreadsheet (admins remove imported rows with `remove`).
   */
  undo(by: string, source: ChangeSource = {}): Activity[] {
    const who = clean(by ?? '');
    return this.db.transaction(() => {
      const last = this.prepare(
        `SELECT ${ACTIVITY_COLUMNS}, batch FROM activities a WHERE by = ? AND status = 'active'
           AND EXISTS (SELECT 1 FROM activity_audit u WHERE u.activity_id = a.id AND u.action = 'add')
         ORDER BY id DESC LIMIT 1`).get(who) as Record<string, unknown> | undefined;
      if (!last) return [];
      const rows = last.batch === null
        ? [last]
        : this.prepare(`SELECT ${ACTIVITY_COLUMNS} FROM activities WHERE batch = ? AND by = ? AND status = 'active' ORDER BY id`)
          .all(last.batch, who) as Array<Record<string, unknown>>;
      const withdrawn = rows.map(toActivity);
      for (const entry of withdrawn) this.setStatus(entry, 'withdrawn', 'withdraw', who, source);
      return withdrawn;
    }).immediate();
  }

  /**
   * Change an entry's kind, date or title (the caller checks rights: one's own, or an admin).
   * A new date without a new last day makes it a one-day activity again. Audited with before and after.
   */
  correct(id: number, changes: Partial<ActivityEntry>, by: string, source: ChangeSource = {}): Activity {
    return this.db.transaction(() => {
      const before = this.requireLive(id);
      const to = changes.to ?? (changes.date !== undefined ? undefined : before.to);
      const checked = this.normalize({ ...before, ...changes, to });
      const { to: _old, ...kept } = before;
      const after: Activity = { ...kept, ...checked };
      this.prepare('UPDATE activities SET date = ?, kind = ?, title = ?, end_date = ? WHERE id = ?')
        .run(after.date, after.kind, after.title, after.to ?? null, id);
      this.audit(id, 'correct', by, source, fields(before), fields(after));
      return after;
    }).immediate();
  }

  /** Delete an entry (admins; the caller checks rights). It stays in the audit trail. */
  remove(id: number, by: string, source: ChangeSource = {}): Activity {
    return this.db.transaction(() => {
      const entry = this.requireLive(id);
      this.setStatus(entry, 'deleted', 'delete', by, source);
      return entry;
    }).immediate();
  }

  /** A live entry by id, or undefined. */
  get(id: number): Activity | undefined {
    const row = this.prepare(`SELECT ${ACTIVITY_COLUMNS} FROM activities WHERE id = ? AND status = 'active'`)
      .get(id) as Record<string, unknown> | undefined;
    return row ? toActivity(row) : undefined;
  }

  /** Live activities in the query, in date order (then the order they were logged). */
  list(query: ActivityQuery = {}): Activity[] {
    const where = whereClause(checkQuery(query, this.taxonomy));
    return (this.prepare(`SELECT ${ACTIVITY_COLUMNS} FROM activities ${where.sql} ORDER BY date, id`)
      .all(...where.params) as Array<Record<string, unknown>>).map(toActivity);
  }

  /** Counts per kind for the query's period; `total` is their sum. */
  stats(query: ActivityQuery = {}): Stats {
    return countByKind(this.db, checkQuery(query, this.taxonomy), this.taxonomy);
  }

  /** Counts per month and kind for the query's period. */
  statsByMonth(query: ActivityQuery = {}): MonthlyStats {
    return countByMonth(this.db, checkQuery(query, this.taxonomy), this.taxonomy);
  }

  /** The audit trail, oldest first: of one entry, or of the whole log. */
  /** One page of the live entries a filter selects, with their total (src/log/pages.ts). */
  page(filter: ActivityFilter, page: PageRequest): Paged<Activity> {
    const count = activityPageSql(filter, page, this.taxonomy).count;
    const total = this.prepare(count.sql).pluck().get(...count.params) as number;
    const sql = activityPageSql(filter, page, this.taxonomy, { matches: total });
    return { items: (this.prepare(sql.rows.sql).all(...sql.rows.params) as Array<Record<string, unknown>>).map(toActivity), total };
  }

  /** One page of the audit trail a filter selects, newest first, with its total. */
  auditPage(filter: AuditFilter, page: PageRequest): Paged<AuditEntry> {
    const count = auditPageSql(filter, page).count;
    const total = this.prepare(count.sql).pluck().get(...count.params) as number;
    const sql = auditPageSql(filter, page, total);
    return { items: (this.prepare(sql.rows.sql).all(...sql.rows.params) as Array<Record<string, unknown>>).map(toAuditEntry), total };
  }

  /** The audit trail, oldest first: of one entry, or of the whole log. */
  history(activityId?: number): AuditEntry[] {
    const rows = (activityId === undefined
      ? this.prepare('SELECT * FROM activity_audit ORDER BY id').all()
      : this.prepare('SELECT * FROM activity_audit WHERE activity_id = ? ORDER BY id').all(activityId)) as Array<Record<string, unknown>>;
    return rows.map(toAuditEntry);
  }

  /**
   * Import a .csv or .xlsx file, all or nothing (see log-import.ts). A ledger whose kinds
   * were read from the content is refused unless `acceptInferred` says a person saw them.
   * The rows are written in one transaction on a connection of their own, in batches with
   * pauses between, so this process keeps answering and other writers wait their turn.
   */
  async importFile(path: string, provenance: Provenance, options: { acceptInferred?: boolean } = {}): Promise<BulkResult> {
    const plan = await confirmedImportPlan(path, this.taxonomy, options.acceptInferred);
    return (await import('./import-batches.ts')).storeInBatches(dirname(this.db.name), this.taxonomy, plan.entries, provenance);
  }

  /** Read and check an import file without storing anything (see log-import.ts). */
  planImport(path: string): Promise<ImportPlan> {
    return readImportPlan(path, this.taxonomy);
  }

  /** Check an import file; the kinds read from a ledger's content, in words to confirm (undefined: none were read). */
  previewImport(path: string): Promise<string | undefined> {
    return previewImportFile(path, this.taxonomy);
  }

  /** Write the query's activities to a .csv or .xlsx file, atomically, with when each was recorded. */
  async exportFile(path: string, query: ActivityFilter = {}, options: ExportOptions = {}): Promise<{ exported: number; path: string }> {
    const { writeExportFile } = await import('../export.ts');
    const sql = activityPageSql(query, ALL_ROWS, this.taxonomy, { withRecorded: true }).rows;
    const rows = this.prepare(sql.sql).all(...sql.params) as Array<Record<string, unknown>>;
    await writeExportFile(path, rows.map((r) => ({ ...toActivity(r), recordedAt: r.created_at as string })), this.taxonomy, options);
    return { exported: rows.length, path };
  }

  /** Close the database connection. */
  close(): void {
    this.db.close();
  }

  /** Statements are prepared once per log: bulk imports run the same few many times. */
  private prepare(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private findLive(entry: ActivityEntry): Activity | undefined {
    const row = this.prepare(`SELECT ${ACTIVITY_COLUMNS} FROM activities WHERE status = 'active' AND date = ? AND kind = ? AND title = ? ORDER BY id LIMIT 1`)
      .get(entry.date, entry.kind, entry.title) as Record<string, unknown> | undefined;
    return row ? toActivity(row) : undefined;
  }

  private requireLive(id: number): Activity {
    const entry = this.get(id);
    if (!entry) throw new UserError('no_such_activity', logMessages.noSuchEntry(id));
    return entry;
  }

  private insert(entry: ActivityEntry, by: string, action: 'add' | 'import', provenance: Provenance, batch?: string): Activity {
    const now = new Date().toISOString();
    // An imported row's recorder is a name from the file: it is both their id and their name.
    const name = action === 'import' ? by : clean(provenance.byName ?? '') || by;
    const info = this.prepare('INSERT INTO activities (date, kind, title, by, by_name, end_date, batch, channel, chat, message, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(entry.date, entry.kind, entry.title, by, name, entry.to ?? null, batch ?? null, provenance.channel, provenance.chat ?? null, provenance.message ?? null, now);
    const activity: Activity = {
      id: Number(info.lastInsertRowid), date: entry.date, kind: entry.kind, title: entry.title, by, by_name: name,
      ...(entry.to ? { to: entry.to } : {}),
    };
    this.audit(activity.id, action, provenance.by, provenance, null, fields(activity), now);
    return activity;
  }

  private setStatus(entry: Activity, status: 'withdrawn' | 'deleted', action: 'withdraw' | 'delete', by: string, source: ChangeSource): void {
    this.prepare('UPDATE activities SET status = ? WHERE id = ?').run(status, entry.id);
    this.audit(entry.id, action, by, source, fields(entry), null);
  }

  private audit(
    activityId: number, action: AuditEntry['action'], by: string, source: ChangeSource,
    before: Omit<Activity, 'id'> | null, after: Omit<Activity, 'id'> | null, at = new Date().toISOString(),
  ): void {
    this.prepare('INSERT INTO activity_audit (activity_id, action, by, by_name, channel, chat, message, at, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(activityId, action, by, clean(source.byName ?? '') || by, source.channel ?? 'unknown', source.chat ?? null, source.message ?? null, at,
        before && JSON.stringify(before), after && JSON.stringify(after));
  }
}

/** Open the activity log of a data folder (creating its tables on first use). */
export function openActivityLog(options: { dataDir: string; taxonomy?: Taxonomy }): ActivityLog {
  const taxonomy = options.taxonomy ?? loadTaxonomy(options.dataDir);
  const db = openDatabase(options.dataDir);
  try {
    return new ActivityLog(db, taxonomy);
  } catch (error) {
    db.close();
    throw error;
  }
}
