/**
 * Which month or kind of a period had the most activities, or the fewest (上半年哪个月活动最多,
 * 今年哪类活动最少) or person logging (谁记的最多): one line under the counts it is read from, every tie
 * named, never a guess.
 */
import type { Extreme, Taxonomy } from '../reader/index.ts';
import type { Stats } from '../log/index.ts';
import { periodInWords, type IsoDate } from '../time/index.ts';
import type { Query } from './commands/index.ts';
import { messages as m } from './messages.ts';
import type { ActivityLogPort } from './ports.ts';
import { kindsText } from './render.ts';

/** One counted month or kind, as the reply names it. */
interface Counted {
  readonly name: string;
  readonly count: number;
}

/** How the line is worded: every count alike, or the ones with the most (fewest) named. */
interface ExtremeWords {
  readonly tied: (count: number) => string;
  readonly named: (names: readonly string[], most: boolean, count: number) => string;
}

/** The words for months and kinds (次). */
const countWords = (by: 'month' | 'kind'): ExtremeWords => ({ tied: (count) => m.extremeTied(by, count), named: m.extreme });

/** The line naming the most (or fewest) of `counted`, after a line break; '' when nothing tells them apart. */
function extremeLine(extreme: Extreme, words: ExtremeWords, counted: readonly Counted[], note = ''): string {
  if (counted.length < 2) return '';
  const counts = counted.map((c) => c.count);
  if (Math.max(...counts) === 0) return '';
  if (counts.every((c) => c === counts[0])) return `\n${words.tied(counts[0])}${note}`;
  const target = extreme.most ? Math.max(...counts) : Math.min(...counts);
  return `\n${words.named(counted.filter((c) => c.count === target).map((c) => c.name), extreme.most, target)}${note}`;
}

/**
 * Which month of a per-month count had the most (or fewest). A month not over yet takes no part
 * in 最少 (its few days would win), and the reply says so.
 */
export function monthExtreme(extreme: Extreme | undefined, months: readonly Stats[], today: IsoDate | undefined): string {
  if (extreme?.by !== 'month') return '';
  const over = extreme.most || !today ? months : months.filter((s) => (s.to ?? '') < today);
  const note = over.length < months.length ? m.extremeMonthNotOver : '';
  return extremeLine(extreme, countWords('month'), over.map((s) => ({ name: periodInWords(s.from, s.to), count: s.total })), note);
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
  return extremeLine(extreme, countWords('kind'), counted);
}

/**
 * The entries of a period counted per person who logged them (谁记的最多, 每个人记了几条): each
 * person's count (named as they logged: display name, else platform id), most first, the total,
 * and who logged the most (or fewest), every tie named.
 */
export async function recorderCounts(activities: ActivityLogPort, query: Pick<Query, 'kinds' | 'from' | 'to'>, extreme: Extreme, taxonomy: Taxonomy): Promise<string> {
  const entries = await activities.list({ kinds: query.kinds, from: query.from, to: query.to });
  const scope = `${periodInWords(query.from, query.to)}${kindsText(query.kinds, taxonomy)}`;
  if (entries.length === 0) return m.recordersNone(scope);
  const counts = new Map<string, number>();
  for (const a of entries) {
    const who = a.by_name ?? a.by;
    counts.set(who, (counts.get(who) ?? 0) + 1);
  }
  const people = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh'));
  const lines = [m.recordersHead(scope, entries.length), ...people.map(([who, n]) => m.recorderLine(who, n))];
  const counted = people.map(([name, count]) => ({ name, count }));
  return lines.join('\n') + extremeLine(extreme, { tied: m.recordersTied, named: m.recordersExtreme }, counted);
}
