/**
 * Which month or kind of a period had the most activities, or the fewest (上半年哪个月活动最多,
 * 今年哪类活动最少): one line under the counts it is read from, every tie named, never a guess.
 */
import type { Extreme, Taxonomy } from '../reader/index.ts';
import type { Stats } from '../log/index.ts';
import { periodInWords, type IsoDate } from '../time/index.ts';
import { messages as m } from './messages.ts';

/** One counted month or kind, as the reply names it. */
interface Counted {
  readonly name: string;
  readonly count: number;
}

/** The line naming the most (or fewest) of `counted`, after a line break; '' when nothing tells them apart. */
function extremeLine(extreme: Extreme, by: Extreme['by'], counted: readonly Counted[], note = ''): string {
  if (counted.length < 2) return '';
  const counts = counted.map((c) => c.count);
  if (Math.max(...counts) === 0) return '';
  if (counts.every((c) => c === counts[0])) return `\n${m.extremeTied(by, counts[0])}${note}`;
  const target = extreme.most ? Math.max(...counts) : Math.min(...counts);
  return `\n${m.extreme(counted.filter((c) => c.count === target).map((c) => c.name), extreme.most, target)}${note}`;
}

/**
 * Which month of a per-month count had the most (or fewest). A month not over yet takes no part
 * in 最少 (its few days would win), and the reply says so.
 */
export function monthExtreme(extreme: Extreme | undefined, months: readonly Stats[], today: IsoDate | undefined): string {
  if (extreme?.by !== 'month') return '';
  const over = extreme.most || !today ? months : months.filter((s) => (s.to ?? '') < today);
  const note = over.length < months.length ? m.extremeMonthNotOver : '';
  return extremeLine(extreme, 'month', over.map((s) => ({ name: periodInWords(s.from, s.to), count: s.total })), note);
}

/**
 * Which kind of a count had the most (or fewest): among the kinds asked about, or every kind of
 * the taxonomy (0 included, so 最少 can be a kind not done at all) — 其他 only when something was
 * filed under it.
 */
export function kindExtreme(extreme: Extreme | undefined, stats: Stats, kinds: readonly string[], taxonomy: Taxonomy): string {
  if (extreme?.by !== 'kind') return '';
  const found = new Map(stats.counts.map((c) => [c.kind, c.count]));
  const counted = kinds.length > 0
    ? stats.counts.map((c) => ({ name: c.label, count: c.count }))
    : taxonomy.kinds.filter((k) => k.id !== 'other' || (found.get(k.id) ?? 0) > 0).map((k) => ({ name: k.label, count: found.get(k.id) ?? 0 }));
  return extremeLine(extreme, 'kind', counted);
}
