/**
 * The activity store in PostgreSQL, shared by every process on one database: the same entries,
 * audit trail and checks as the SQLite log (src/log/sqlite/store.ts), with concurrency handled
 * by the server. A live duplicate is kept out by a unique index (not by checking first), one
 * person's undos take a transaction-scoped advisory lock, and a correction or deletion locks its
 * row; every change is one transaction, so a lost connection leaves nothing half-stored.
 */
import { UserError } from '../../errors.ts';
import type { Taxonomy } from '../../reader/index.ts';
import { migratePostgres, numbered, type PgClient, type PostgresDatabase } from '../../storage/index.ts';
import type { ActivityStore } from '../activity-store.ts';
import type { ActivityEntry, ChangeSource, CheckedRow } from '../entries.ts';
import { confirmedImportPlan, previewImportFile } from '../import-preview.ts';
import { logMessages } from '../messages.ts';
import { clean, newBatch, normalizeEntry, normalizeRecordedEntry, requireBy } from '../normalize.ts';
import { checkQuery, whereClause } from '../query.ts';
import { ACTIVITY_COLUMNS, fields, toActivity, toAuditEntry, type AuditEntry } from '../rows.ts';
import { ALL_ROWS, activityPageSql, auditPageSql } from '../pages.ts';
import { monthlyFromRows, statsFromRows } from '../stats-shape.ts';
import type { Activity, ActivityQuery, Provenance } from '../types.ts';
import { POSTGRES_ACTIVITY_SCHEMA } from './schema.ts';

type Row = Record<string, unknown>;

/** The conflict target of the live-entry unique index (schema.ts). */
const LIVE_KEY = `(date, kind, title) WHERE status = 'active'`;
/** Rows of an import per INSERT statement. */
const IMPORT_CHUNK = 1000;

/** A query's filter with `$n` placeholders. */
function filter(query: ActivityQuery, taxonomy: Taxonomy): { sql: string; params: unknown[] } {
  const where = whereClause(checkQuery(query, taxonomy));
  return { sql: numbered(where.sql), params: where.params };
}

async function audit(
  client: PgClient, activityId: number, action: AuditEntry['action'], by: string, source: ChangeSource,
  before: Omit<Activity, 'id'> | null, after: Omit<Activity, 'id'> | null, at = new Date().toISOString(),
): Promise<void> {
  await client.query(
    'INSERT INTO activity_audit (activity_id, action, by, by_name, channel, chat, message, at, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
    [activityId, action, by, clean(source.byName ?? '') || by, source.channel ?? 'unknown', source.chat ?? null, source.message ?? null, at,
      before && JSON.stringify(before), after && JSON.stringify(after)]);
}

async function findLive(client: PgClient, entry: ActivityEntry): Promise<Activity | undefined> {
  const { rows } = await client.query<Row>(
    `SELECT ${ACTIVITY_COLUMNS} FROM activities WHERE status = 'active' AND date = $1 AND kind = $2 AND title = $3 ORDER BY id LIMIT 1`,
    [entry.date, entry.kind, entry.title]);
  return rows[0] ? toActivity(rows[0]) : undefined;
}

async function requireLive(client: PgClient, id: number): Promise<Activity> {
  const { rows } = await client.query<Row>(`SELECT ${ACTIVITY_COLUMNS} FROM activities WHERE id = $1 AND status = 'active' FOR UPDATE`, [id]);
  if (!rows[0]) throw new UserError('no_such_activity', logMessages.noSuchEntry(id));
  return toActivity(rows[0]);
}

async function setStatus(client: PgClient, entry: Activity, status: 'withdrawn' | 'deleted', by: string, source: ChangeSource): Promise<void> {
  await client.query('UPDATE activities SET status = $1 WHERE id = $2', [status, entry.id]);
  await audit(client, entry.id, status === 'withdrawn' ? 'withdraw' : 'delete', by, source, fields(entry), null);
}

/**
 * Store one entry of a message, or find the live one it duplicates. The insert waits for any
 * other transaction storing the same entry and then does nothing; the entry found after it is
 * that one. (Should it be withdrawn in between, the insert is simply tried again.)
 */
async function addOne(client: PgClient, entry: ActivityEntry, by: string, provenance: Provenance, batch: string): Promise<{ activity: Activity; duplicate: boolean }> {
  const name = clean(provenance.byName ?? '') || by;
  for (;;) {
    const now = new Date().toISOString();
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO activities (date, kind, title, by, by_name, end_date, batch, channel, chat, message, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT ${LIVE_KEY} DO NOTHING RETURNING id`,
      [entry.date, entry.kind, entry.title, by, name, entry.to ?? null, batch, provenance.channel, provenance.chat ?? null, provenance.message ?? null, now]);
    if (rows[0]) {
      const activity: Activity = { id: rows[0].id, ...entry, by, by_name: name };
      await audit(client, activity.id, 'add', provenance.by, provenance, null, fields(activity), now);
      return { activity, duplicate: false };
    }
    const existing = await findLive(client, entry);
    if (existing) return { activity: existing, duplicate: true };
  }
}

/** Store checked import rows in the caller's transaction, live duplicates skipped; how many were stored. */
async function addRows(client: PgClient, rows: readonly CheckedRow[], provenance: Provenance): Promise<number> {
  let imported = 0;
  for (let start = 0; start < rows.length; start += IMPORT_CHUNK) {
    const chunk = rows.slice(start, start + IMPORT_CHUNK);
    const now = new Date().toISOString();
    const column = (pick: (r: CheckedRow) => string | null) => chunk.map(pick);
    // An imported row's recorder is a name from the file: it is both their id and their name.
    const { rows: stored } = await client.query<Row>(
      `INSERT INTO activities (date, kind, title, by, by_name, end_date, channel, chat, message, created_at)
       SELECT r.date, r.kind, r.title, r.by, r.by, r.end_date, $6, $7, $8, $9
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS r(date, kind, title, by, end_date, n)
        ORDER BY r.n
       ON CONFLICT ${LIVE_KEY} DO NOTHING RETURNING ${ACTIVITY_COLUMNS}`,
      [column((r) => r.date), column((r) => r.kind), column((r) => r.title), column((r) => r.by), column((r) => r.to ?? null),
        provenance.channel, provenance.chat ?? null, provenance.message ?? null, now]);
    const added = stored.map(toActivity).sort((a, b) => a.id - b.id);
    await client.query(
      `INSERT INTO activity_audit (activity_id, action, by, by_name, channel, chat, message, at, after)
       SELECT a.id, 'import', $2, $3, $4, $5, $6, $7, a.after FROM unnest($1::int[], $8::text[]) AS a(id, after)`,
      [added.map((a) => a.id), provenance.by, clean(provenance.byName ?? '') || provenance.by, provenance.channel,
        provenance.chat ?? null, provenance.message ?? null, now, added.map((a) => JSON.stringify(fields(a)))]);
    imported += added.length;
  }
  return imported;
}

/**
 * An `ActivityStore` on a PostgreSQL database. Its tables are migrated at first use (under
 * the migration lock); `ready` settles when that is done.
 */
export function createPostgresActivityStore(db: PostgresDatabase, taxonomy: Taxonomy): ActivityStore & { readonly ready: Promise<void> } {
  const ready = migratePostgres(db, 'activities', POSTGRES_ACTIVITY_SCHEMA);
  ready.catch(() => undefined); // each method awaits it and reports its failure
  const read = async (sql: string, params: unknown[]) => {
    await ready;
    return (await db.query<Row>(sql, params)).rows;
  };
  const write = async <T>(work: (client: PgClient) => Promise<T>) => {
    await ready;
    return db.transaction(work);
  };

  const store: ActivityStore & { readonly ready: Promise<void> } = {
    taxonomy,
    ready,
    async addAll(entries, provenance) {
      const checked = entries.map((e) => normalizeEntry(e, taxonomy));
      const by = requireBy(provenance.by);
      const batch = newBatch();
      return write(async (client) => {
        const results: Array<{ activity: Activity; duplicate: boolean }> = [];
        for (const entry of checked) results.push(await addOne(client, entry, by, provenance, batch));
        return results;
      });
    },
    async addMany(entries, provenance) {
      const checked = entries.map((e) => normalizeRecordedEntry(e, provenance, taxonomy));
      const imported = await write((client) => addRows(client, checked, provenance));
      return { imported, duplicates: checked.length - imported };
    },
    async undo(by, source = {}) {
      const who = clean(by ?? '');
      return write(async (client) => {
        // Two undos of one person at once withdraw two messages, not the same one twice.
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`lvzhi:undo:${who}`]);
        const { rows: [last] } = await client.query<Row>(
          `SELECT ${ACTIVITY_COLUMNS}, batch FROM activities a WHERE by = $1 AND status = 'active'
             AND EXISTS (SELECT 1 FROM activity_audit u WHERE u.activity_id = a.id AND u.action = 'add')
           ORDER BY id DESC LIMIT 1`, [who]);
        if (!last) return [];
        const rows = last.batch === null
          ? [last]
          : (await client.query<Row>(`SELECT ${ACTIVITY_COLUMNS} FROM activities WHERE batch = $1 AND by = $2 AND status = 'active' ORDER BY id FOR UPDATE`,
            [last.batch, who])).rows;
        const withdrawn = rows.map(toActivity);
        for (const entry of withdrawn) await setStatus(client, entry, 'withdrawn', who, source);
        return withdrawn;
      });
    },
    async correct(id, changes, by, source = {}) {
      return write(async (client) => {
        const before = await requireLive(client, id);
        const to = changes.to ?? (changes.date !== undefined ? undefined : before.to);
        const checked = normalizeEntry({ ...before, ...changes, to }, taxonomy);
        const { to: _old, ...kept } = before;
        const after: Activity = { ...kept, ...checked };
        const twin = await findLive(client, after);
        if (twin && twin.id !== id) throw new UserError('duplicate_activity', logMessages.sameAsExisting(id, twin.id));
        try {
          await client.query('UPDATE activities SET date = $1, kind = $2, title = $3, end_date = $4 WHERE id = $5',
            [after.date, after.kind, after.title, after.to ?? null, id]);
        } catch (error) {
          // Another process stored the same entry since the check: the unique index says so.
          if ((error as { code?: unknown }).code === '23505') throw new UserError('duplicate_activity', logMessages.sameAsExisting(id, undefined), { cause: error });
          throw error;
        }
        await audit(client, id, 'correct', by, source, fields(before), fields(after));
        return after;
      });
    },
    async remove(id, by, source = {}) {
      return write(async (client) => {
        const entry = await requireLive(client, id);
        await setStatus(client, entry, 'deleted', by, source);
        return entry;
      });
    },
    async get(id) {
      const rows = await read(`SELECT ${ACTIVITY_COLUMNS} FROM activities WHERE id = $1 AND status = 'active'`, [id]);
      return rows[0] ? toActivity(rows[0]) : undefined;
    },
    async list(query = {}) {
      const where = filter(query, taxonomy);
      return (await read(`SELECT ${ACTIVITY_COLUMNS} FROM activities ${where.sql} ORDER BY date, id`, where.params)).map(toActivity);
    },
    async stats(query = {}) {
      const checked = checkQuery(query, taxonomy);
      const where = filter(checked, taxonomy);
      const rows = await read(`SELECT kind, COUNT(*)::int AS n FROM activities ${where.sql} GROUP BY kind`, where.params);
      return statsFromRows(rows as Array<{ kind: string; n: number }>, checked, taxonomy);
    },
    async statsByMonth(query = {}) {
      const checked = checkQuery(query, taxonomy);
      const where = filter(checked, taxonomy);
      const rows = await read(
        `SELECT substr(date, 1, 7) AS month, kind, COUNT(*)::int AS n FROM activities ${where.sql} GROUP BY 1, 2`, where.params);
      return monthlyFromRows(rows as Array<{ month: string; kind: string; n: number }>, checked, taxonomy);
    },
    async page(filter, page) {
      const count = activityPageSql(filter, page, taxonomy).count;
      const total = Number((await read(numbered(count.sql), count.params))[0].n);
      const sql = activityPageSql(filter, page, taxonomy, { matches: total }).rows;
      return { items: (await read(numbered(sql.sql), sql.params)).map(toActivity), total };
    },
    async auditPage(filter, page) {
      const count = auditPageSql(filter, page).count;
      const total = Number((await read(numbered(count.sql), count.params))[0].n);
      const sql = auditPageSql(filter, page, total).rows;
      return { items: (await read(numbered(sql.sql), sql.params)).map(toAuditEntry), total };
    },
    async history(activityId) {
      const rows = activityId === undefined
        ? await read('SELECT * FROM activity_audit ORDER BY id', [])
        : await read('SELECT * FROM activity_audit WHERE activity_id = $1 ORDER BY id', [activityId]);
      return rows.map(toAuditEntry);
    },
    async importFile(path, provenance, options = {}) {
      const plan = await confirmedImportPlan(path, taxonomy, options.acceptInferred);
      return store.addMany(plan.entries, provenance);
    },
    previewImport: (path) => previewImportFile(path, taxonomy),
    async exportFile(path, query = {}, options = {}) {
      const { writeExportFile } = await import('../export.ts');
      const sql = activityPageSql(query, ALL_ROWS, taxonomy, { withRecorded: true }).rows;
      const rows = await read(numbered(sql.sql), sql.params);
      await writeExportFile(path, rows.map((r) => ({ ...toActivity(r), recordedAt: r.created_at as string })), taxonomy, options);
      return { exported: rows.length, path };
    },
  };
  return store;
}
