/** Turning an ActivityQuery into checked bounds and a SQL filter over live entries. */
import { UserError } from '../errors.ts';
import type { Taxonomy } from '../reader/index.ts';
import { requireDate } from '../time/index.ts';
import { logMessages } from './messages.ts';
import type { IsoDate } from '../time/index.ts';
import type { ActivityQuery } from './types.ts';

/** A query whose dates are real days in ISO form and whose kinds are known ids. */
export interface CheckedQuery {
  readonly from: IsoDate | null;
  readonly to: IsoDate | null;
  /** Kind ids asked for; empty means every kind. */
  readonly kinds: readonly string[];
}

/** Validate a query: impossible dates, reversed periods and unknown kinds are UserErrors. */
export function checkQuery(query: ActivityQuery, taxonomy: Taxonomy): CheckedQuery {
  const from = query.from ? requireDate(query.from) : null;
  const to = query.to ? requireDate(query.to) : null;
  if (from && to && from > to) throw new UserError('bad_period', logMessages.badPeriod(from, to));
  const kinds = [...new Set((query.kinds ?? []).map((k) => resolveKind(k, taxonomy)))];
  return { from, to, kinds };
}

/** The kind id for an id or label; UserError naming the known kinds otherwise. */
export function resolveKind(idOrLabel: string, taxonomy: Taxonomy): string {
  const kind = taxonomy.resolve(idOrLabel);
  if (!kind) throw new UserError('unknown_kind', logMessages.unknownKind(idOrLabel, knownKinds(taxonomy)));
  return kind.id;
}

/** `inspection（视察）、research（调研）…` for error messages. */
export function knownKinds(taxonomy: Taxonomy): string {
  return taxonomy.kinds.map((k) => `${k.id}（${k.label}）`).join('、');
}

/**
 * `WHERE` text and parameters selecting live entries in the query. The literal
 * `status = 'active'` is what lets SQLite use the partial (date, kind) index.
 */
export function whereClause(query: CheckedQuery): { sql: string; params: unknown[] } {
  const terms = [`status = 'active'`];
  const params: unknown[] = [];
  if (query.from) {
    terms.push('date >= ?');
    params.push(query.from);
  }
  if (query.to) {
    terms.push('date <= ?');
    params.push(query.to);
  }
  if (query.kinds.length > 0) {
    terms.push(`kind IN (${query.kinds.map(() => '?').join(', ')})`);
    params.push(...query.kinds);
  }
  return { sql: `WHERE ${terms.join(' AND ')}`, params };
}
