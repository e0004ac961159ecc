/**
 * Copying whole tables between a data folder's SQLite database and PostgreSQL (either way), for
 * `migrate-data`: every row as it is (ids, statuses, the audit trail), in one transaction on the
 * target, into tables that must be empty, then checked by counting both sides. Rows are read
 * and written a batch at a time, so an office's 100,000 passages never sit in memory at once.
 */
import { UserError } from '../errors.ts';
import { storageMessages as m } from './messages.ts';
import { type PgClient, type PostgresDatabase, numbered } from './postgres/database.ts';
import type { Db } from './sqlite/database.ts';

/** A table to copy: its columns, and the identity column PostgreSQL must continue after. */
export interface TableSpec {
  readonly name: string;
  readonly columns: readonly string[];
  /** The key rows are read in (and, when numeric and generated, continued after in PostgreSQL). */
  readonly orderBy: string;
  readonly identity?: string;
  /** `orderBy` is unique (implied by `identity`): the table is read in batches after the last key. Others are small and read whole. */
  readonly unique?: boolean;
}

/** How a copy goes. */
export interface CopyOptions {
  /** Rows read and written at a time (default 2,000). */
  readonly batchSize?: number;
  /** Told of each batch written (tests see the batching). */
  readonly onBatch?: (table: string, rows: number) => void;
}

/** One side of a copy. */
export type Endpoint = { readonly kind: 'sqlite'; readonly db: Db } | { readonly kind: 'postgres'; readonly db: PostgresDatabase };

type Row = Record<string, unknown>;
const quote = (name: string) => `"${name}"`;
/** Rows per INSERT into PostgreSQL (13 columns × 500 stays far below its 65,535 parameters). */
const CHUNK = 500;

/** A table's rows in key order, `batchSize` at a time (a table without a unique key in one go). */
async function* readBatches(from: Endpoint, table: TableSpec, batchSize: number): AsyncGenerator<Row[]> {
  const select = `SELECT ${table.columns.map(quote).join(', ')} FROM ${quote(table.name)}`;
  const order = `ORDER BY ${quote(table.orderBy)}`;
  const read = async (sql: string, params: unknown[]) =>
    from.kind === 'sqlite' ? from.db.prepare(sql).all(...params) as Row[] : (await from.db.query<Row>(numbered(sql), params)).rows;
  if (!table.unique && !table.identity) {
    yield await read(`${select} ${order}`, []);
    return;
  }
  for (let rows = await read(`${select} ${order} LIMIT ?`, [batchSize]); rows.length;) {
    yield rows;
    if (rows.length < batchSize) return;
    rows = await read(`${select} WHERE ${quote(table.orderBy)} > ? ${order} LIMIT ?`, [rows[rows.length - 1][table.orderBy], batchSize]);
  }
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
}

/** After a table's rows came with their ids, PostgreSQL's new ones continue after the largest. */
async function continueIdentity(client: PgClient, table: TableSpec): Promise<void> {
  if (table.identity) {
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
export async function copyTables(
  from: Endpoint, to: Endpoint, tables: readonly TableSpec[], options: CopyOptions = {},
): Promise<Record<string, number>> {
  const already = await countRows(to, tables);
  const filled = Object.entries(already).filter(([, n]) => n > 0).map(([name, n]) => `${name} ${n}`);
  if (filled.length > 0) throw new UserError('target_not_empty', m.targetNotEmpty(filled.join('、')));
  const batchSize = options.batchSize ?? 2_000;
  const batches = async function* () {
    for (const table of tables) {
      for await (const rows of readBatches(from, table, batchSize)) {
        yield { table, rows };
        options.onBatch?.(table.name, rows.length);
      }
    }
  };
  try {
    if (to.kind === 'sqlite') {
      // One transaction across the batches' reads: nothing else uses this connection meanwhile.
      to.db.exec('BEGIN IMMEDIATE');
      try {
        for await (const { table, rows } of batches()) writeSqlite(to.db, table, rows);
        to.db.exec('COMMIT');
      } catch (error) {
        if (to.db.inTransaction) to.db.exec('ROLLBACK');
        throw error;
      }
    } else {
      await to.db.transaction(async (client) => {
        for await (const { table, rows } of batches()) await writePostgres(client, table, rows);
        for (const table of tables) await continueIdentity(client, table);
      });
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
