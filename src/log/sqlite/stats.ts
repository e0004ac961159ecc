/** Counting live entries per kind, and per month and kind, straight from SQLite. */
import type { Db } from '../../storage/index.ts';
import type { Taxonomy } from '../../reader/index.ts';
import type { CheckedQuery } from '../query.ts';
import { whereClause } from '../query.ts';
import { monthlyFromRows, statsFromRows, type MonthlyStats } from '../stats-shape.ts';
import type { Stats } from '../types.ts';

export type { KindCount, MonthCount, MonthlyStats } from '../stats-shape.ts';

/** The SQL that counts per kind (exported so a test can check SQLite's plan for it). */
export function countByKindSql(query: CheckedQuery): { sql: string; params: unknown[] } {
  const where = whereClause(query);
  return { sql: `SELECT kind, COUNT(*) AS n FROM activities ${where.sql} GROUP BY kind`, params: where.params };
}

/** Counts per kind in the query's period (CONTRACTS.md, `stats`). */
export function countByKind(db: Db, query: CheckedQuery, taxonomy: Taxonomy): Stats {
  const { sql, params } = countByKindSql(query);
  return statsFromRows(db.prepare(sql).all(...params) as Array<{ kind: string; n: number }>, query, taxonomy);
}

/** Counts per month and kind; months run over the whole period (or the data, when open). */
export function countByMonth(db: Db, query: CheckedQuery, taxonomy: Taxonomy): MonthlyStats {
  const where = whereClause(query);
  const rows = db
    .prepare(`SELECT substr(date, 1, 7) AS month, kind, COUNT(*) AS n FROM activities ${where.sql} GROUP BY month, kind`)
    .all(...where.params) as Array<{ month: string; kind: string; n: number }>;
  return monthlyFromRows(rows, query, taxonomy);
}
