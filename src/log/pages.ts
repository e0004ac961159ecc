/**
 * Pages of the log and of its audit trail for the web console: the filters (period, kinds,
 * person, words of the title; person and entry for the audit) become SQL, and only one page of
 * rows is read — the database counts and skips, so a log of 100k entries never comes into memory.
 * The SQL is written once with `?` placeholders; the PostgreSQL store numbers them.
 */
import type { Taxonomy } from '../reader/index.ts';
import { checkQuery, whereClause } from './query.ts';
import { ACTIVITY_COLUMNS } from './rows.ts';
import type { ActivityQuery } from './types.ts';

/** What the log's table is filtered by: a query, plus who logged it and words in its title. */
export interface ActivityFilter extends ActivityQuery {
  /** The person's id (`telegram:777`) or the display name they logged under. */
  readonly by?: string;
  /** Words the title contains. */
  readonly text?: string;
}

/** What the audit trail is filtered by. */
export interface AuditFilter {
  /** Who made the change: id or display name. */
  readonly by?: string;
  /** The entry's number. */
  readonly activityId?: number;
}

/** Which rows of the filtered set: `limit` from `offset`. */
export interface PageRequest {
  readonly limit: number;
  readonly offset: number;
}

/** One page and how many rows the filter holds in all. */
export interface Paged<T> {
  readonly items: T[];
  readonly total: number;
}

/** A statement pair with `?` placeholders: the page's rows and the filter's count. */
export interface PageSql {
  readonly rows: { sql: string; params: unknown[] };
  readonly count: { sql: string; params: unknown[] };
}

/** Every row of a filter at once (an export). */
export const ALL_ROWS: PageRequest = { limit: Number.MAX_SAFE_INTEGER, offset: 0 };

/** Up to this many matches are sorted on their own; more are read in index order. */
const SPARSE_MATCHES = 5000;

/** Whether a filter's matches (its count, run first) are few enough to sort on their own. */
function isSparse(matches: number | undefined): boolean {
  return matches !== undefined && matches <= SPARSE_MATCHES;
}

/** A person as typed: their id (`telegram:777`, always with a colon) or the display name they acted under. */
function personColumn(person: string): 'by' | 'by_name' {
  // One column, not both OR-ed: each has its own index, and an OR over them defeats counting from it.
  return person.includes(':') ? 'by' : 'by_name';
}

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
function likeContaining(words: string): string {
  return `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The live entries a filter selects, in date order (as `list`); kinds and dates are checked as in `list`. */
export function activityPageSql(filter: ActivityFilter, page: PageRequest, taxonomy: Taxonomy, options: { withRecorded?: boolean; matches?: number } = {}): PageSql {
  const where = whereClause(checkQuery(filter, taxonomy));
  let sql = where.sql;
  const params = [...where.params];
  const by = filter.by?.trim();
  if (by) {
    sql += ` AND ${personColumn(by)} = ?`;
    params.push(by);
  }
  const text = filter.text?.trim();
  if (text) {
    sql += ` AND title LIKE ? ESCAPE '\\'`;
    params.push(likeContaining(text));
  }
  const columns = `${ACTIVITY_COLUMNS}${options.withRecorded ? ', created_at' : ''}`;
  // A person's entries or a title's words are often few: then find them through their own
  // indexes and sort just them, rather than walk the whole log in date order (the expressions
  // keep the date index out of the plan). Many matches are found soonest by that walk.
  const rows = (by || text) && isSparse(options.matches)
    ? `SELECT ${columns} FROM activities WHERE id IN (SELECT id FROM activities ${sql}) ORDER BY date || '', id + 0 LIMIT ? OFFSET ?`
    : `SELECT ${columns} FROM activities ${sql} ORDER BY date, id LIMIT ? OFFSET ?`;
  return {
    rows: { sql: rows, params: [...params, page.limit, page.offset] },
    count: { sql: `SELECT COUNT(*) AS n FROM activities ${sql}`, params },
  };
}

/** The audit lines a filter selects, newest first. */
export function auditPageSql(filter: AuditFilter, page: PageRequest, matches?: number): PageSql {
  const terms: string[] = [];
  const params: unknown[] = [];
  const by = filter.by?.trim();
  if (by) {
    terms.push(`${personColumn(by)} = ?`);
    params.push(by);
  }
  if (filter.activityId !== undefined) {
    terms.push('activity_id = ?');
    params.push(filter.activityId);
  }
  const where = terms.length > 0 ? `WHERE ${terms.join(' AND ')}` : '';
  return {
    rows: { sql: `SELECT * FROM activity_audit ${where} ORDER BY ${by && isSparse(matches) ? 'id + 0' : 'id'} DESC LIMIT ? OFFSET ?`, params: [...params, page.limit, page.offset] },
    count: { sql: `SELECT COUNT(*) AS n FROM activity_audit ${where}`, params },
  };
}

/**
 * The schema step both databases append: pages read in index order (date, id), and a person's
 * entries and changes found by id or display name without reading the rest.
 */
export const PAGE_INDEXES = `CREATE INDEX IF NOT EXISTS activities_live_date_id ON activities (date, id) WHERE status = 'active';
   CREATE INDEX IF NOT EXISTS activities_by_name ON activities (by_name);
   CREATE INDEX IF NOT EXISTS activity_audit_by ON activity_audit (by, id);
   CREATE INDEX IF NOT EXISTS activity_audit_by_name ON activity_audit (by_name, id);`;
