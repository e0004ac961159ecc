/**
 * Copying whole tables between a data folder's SQLite database and PostgreSQL (either way), for
 * `migrate-data`: every row as it is (ids, statuses, the audit trail), in one transaction on the
 * target, into tables that must be empty, then checked by counting both sides.
 */
import { UserError } from '../errors.ts';
import { storageMessages as m } from './messages.ts';
import type { PgClient, PostgresDatabase } from './postgres/database.ts';
import type { Db } from './sqlite/database.ts';

/** A table to copy: its columns, and the identity column PostgreSQL must continue after. */
export interface TableSpec {
  readonly name: string;
  readonly columns: readonly string[];
  /** The key rows are read in (and, when numeric and generated, continued after in PostgreSQL). */
  readonly orderBy: string;
  readonly identity?: string;
}

/** One side of a copy. */
export type Endpoint = { readonly kind: 'sqlite'; readonly db: Db } | { readonly kind: 'postgres'; readonly db: PostgresDatabase };

type Row = Record<string, unknown>;
const quote = (name: string) => `"${name}"`;
/** Rows per INSERT into PostgreSQL (13 columns × 500 stays far below its 65,535 parameters). */
const CHUNK = 500;

async function readAll(from: Endpoint, table: TableSpec): Promise<Row[]> {
  const sql = `SELECT ${table.columns.map(quote).join(', ')} FROM ${quote(table.name)} ORDER BY ${quote(table.orderBy)}`;
  return from.kind === 'sqlite' ? from.db.prepare(sql).all() as Row[] : (await from.db.query<Row>(sql)).rows;
}

/** Rows in each table. */
export async function countRows(at: Endpoint, tables: readonly TableSpec[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const sql = `SELECT COUNT(*) AS n FROM ${quote(table.name)}`;
    counts[table.name] = Number(at.kind === 'sqlite'
      ? (at.db.prepare(sql).get() as { n: number }).n
      : (await at.db.query<{ n: string }>(sql)).rows[0].n);
  }
  return counts;
}

async function writePostgres(client: PgClient, table: TableSpec, rows: readonly Row[]): Promise<void> {
  const columns = table.columns.map(quote).join(', ');
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => `(${table.columns.map((c) => `$${params.push(row[c] ?? null)}`).join(', ')})`);
    await client.query(`INSERT INTO ${quote(table.name)} (${columns}) VALUES ${tuples.join(', ')}`, params);
  }
  if (table.identity) {
    // Rows came with their ids: new ones continue after the largest.
    await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), GREATEST((SELECT MAX(${quote(table.identity)}) FROM ${quote(table.name)}), 1))`,
      [table.name, table.identity]);
  }
}

function writeSqlite(db: Db, table: TableSpec, rows: readonly Row[]): void {
  const insert = db.prepare(`INSERT INTO ${quote(table.name)} (${table.columns.map(quote).join(', ')}) VALUES (${table.columns.map(() => '?').join(', ')})`);
  for (const row of rows) insert.run(...table.columns.map((c) => normalise(row[c])));
}

/** PostgreSQL's BIGINT arrives as text; SQLite keeps it a number. */
function normalise(value: unknown): unknown {
  return typeof value === 'string' && /^-?\d{13,}$/.test(value) ? Number(value) : value ?? null;
}

/**
 * Copy every row of `tables` from one side to the other, all or nothing. The target's tables
 * must exist (its stores were opened) and be empty; afterwards both sides are counted, and the
 * counts (equal, or an error) are returned.
 */
export async function copyTables(from: Endpoint, to: Endpoint, tables: readonly TableSpec[]): Promise<Record<string, number>> {
  const already = await countRows(to, tables);
  const filled = Object.entries(already).filter(([, n]) => n > 0).map(([name, n]) => `${name} ${n}`);
  if (filled.length > 0) throw new UserError('target_not_empty', m.targetNotEmpty(filled.join('、')));
  const data = new Map<TableSpec, Row[]>();
  for (const table of tables) data.set(table, await readAll(from, table));
  try {
    if (to.kind === 'sqlite') {
      to.db.transaction(() => { for (const [table, rows] of data) writeSqlite(to.db, table, rows); }).immediate();
    } else {
      await to.db.transaction(async (client) => { for (const [table, rows] of data) await writePostgres(client, table, rows); });
    }
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '');
    if (code === '23505' || code.startsWith('SQLITE_CONSTRAINT')) throw new UserError('copy_conflict', m.copyConflict(String((error as Error).message)), { cause: error });
    throw error;
  }
  const [source, target] = [await countRows(from, tables), await countRows(to, tables)];
  for (const table of tables) {
    if (source[table.name] !== target[table.name]) throw new Error(`copy of ${table.name}: ${source[table.name]} rows read, ${target[table.name]} stored`);
  }
  return target;
}
