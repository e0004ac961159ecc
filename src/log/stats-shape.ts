/** Counts per kind and per month as Lüzhi reports them, from the rows any database returns. */
import type { Taxonomy } from '../reader/index.ts';
import type { IsoDate } from '../time/index.ts';
import type { CheckedQuery } from './query.ts';
import type { Stats } from './types.ts';

/** One kind's count, as in `Stats.counts`. */
export interface KindCount {
  kind: string;
  label: string;
  count: number;
}

/** Counts for one calendar month (`2023-06`). */
export interface MonthCount {
  readonly month: string;
  readonly total: number;
  readonly counts: readonly KindCount[];
}

/** Counts per month for a period: every month from the first to the last, empty ones too. */
export interface MonthlyStats {
  readonly from: IsoDate | null;
  readonly to: IsoDate | null;
  readonly total: number;
  readonly months: readonly MonthCount[];
}

/**
 * Order and fill counts: kinds asked for by name always appear (0 included) so "how many
 * inspections" can answer 0; otherwise only kinds that occurred. Largest count first,
 * ties in taxonomy order, so a report lists the main work first.
 */
export function arrange(found: Map<string, number>, query: CheckedQuery, taxonomy: Taxonomy): KindCount[] {
  const order = new Map(taxonomy.kinds.map((k, i) => [k.id, i]));
  const ids = query.kinds.length > 0 ? [...query.kinds] : [...found.keys()];
  return ids
    .map((kind) => ({ kind, label: taxonomy.label(kind), count: found.get(kind) ?? 0 }))
    .sort((a, b) => b.count - a.count || (order.get(a.kind) ?? 1e9) - (order.get(b.kind) ?? 1e9) || a.kind.localeCompare(b.kind));
}

function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** `Stats` from (kind, count) rows of the query's period. */
export function statsFromRows(rows: ReadonlyArray<{ kind: string; n: number }>, query: CheckedQuery, taxonomy: Taxonomy): Stats {
  const counts = arrange(new Map(rows.map((r) => [r.kind, Number(r.n)])), query, taxonomy);
  return { from: query.from, to: query.to, total: counts.reduce((sum, c) => sum + c.count, 0), counts };
}

/** `MonthlyStats` from (month, kind, count) rows; months run over the whole period (or the data, when open). */
export function monthlyFromRows(rows: ReadonlyArray<{ month: string; kind: string; n: number }>, query: CheckedQuery, taxonomy: Taxonomy): MonthlyStats {
  const byMonth = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (!byMonth.has(row.month)) byMonth.set(row.month, new Map());
    byMonth.get(row.month)!.set(row.kind, Number(row.n));
  }
  const seen = [...byMonth.keys()].sort();
  const first = query.from?.slice(0, 7) ?? seen[0];
  const last = query.to?.slice(0, 7) ?? seen[seen.length - 1];
  const months: MonthCount[] = [];
  if (first && last) {
    for (let month = first; month <= last; month = nextMonth(month)) {
      const counts = arrange(byMonth.get(month) ?? new Map(), query, taxonomy);
      months.push({ month, total: counts.reduce((s, c) => s + c.count, 0), counts });
    }
  }
  return { from: query.from, to: query.to, total: months.reduce((s, m) => s + m.total, 0), months };
}
