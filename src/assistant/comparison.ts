/**
 * A count that compares two periods (今年视察比去年多几次, 上半年调研同比增加了多少): both
 * counts and their difference, each from the log. Answering with the first period's count
 * alone would read as an answer to the comparison, and it is not one.
 */
import { addDays, addMonths, findPeriods, isWholeYear, listedPeriods, periodInWords, type IsoDate, type ListedPeriod } from '../time/index.ts';
import type { Stats } from '../log/index.ts';
import { messages as m } from './messages.ts';

/** Words that ask how two counts differ. */
const COMPARE = /比(?!如|例|重|率)|相比|对比|同比|相较|较(?:上年|去年|上半年|下半年|上季度|上月)/;

/** A period of a comparison. */
export interface ComparedPeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/**
 * The two periods a count question compares, the one asked about first; undefined when it
 * compares none. 同比 and 同期 compare the period with the same stretch of the year named
 * (去年同期, 2021年同期) or, when none is, of the year before.
 */
export function comparedPeriods(text: string, today: IsoDate): [ComparedPeriod, ComparedPeriod] | undefined {
  if (!COMPARE.test(text)) return undefined;
  const periods: ComparedPeriod[] = [];
  for (const p of findPeriods(text, today)) {
    if (p.timeOnly || periods.some((q) => q.from === p.from && q.to === p.to)) continue;
    periods.push({ from: p.from, to: p.to });
  }
  if (periods.length === 0) return undefined;
  const [first, second] = periods;
  // 同比, 去年同期, 2021年同期: the first period in an earlier year, never that whole year.
  if (SAME_TIME.test(text)) {
    const year = Number(first.from.slice(0, 4));
    const other = second && isWholeYear(second) ? Number(second.from.slice(0, 4)) : year - 1;
    const months = (year - other) * 12;
    return months > 0 ? [first, { from: addMonths(first.from, -months), to: addMonths(first.to, -months) }] : undefined;
  }
  return second ? [first, second] : undefined;
}

/**
 * The compared periods with the one the reading asks about first (与去年相比，今年视察多了几次
 * asks about 今年, written second).
 */
export function askedFirst(
  periods: readonly [ComparedPeriod, ComparedPeriod] | undefined, asked: { from: IsoDate | null; to: IsoDate | null },
): readonly [ComparedPeriod, ComparedPeriod] | undefined {
  if (!periods) return undefined;
  const [first, second] = periods;
  return second.from === asked.from && second.to === asked.to && first.from !== asked.from ? [second, first] : periods;
}

/** A clause of a message (between commas, question marks, full stops). */
const CLAUSE = /[^，,；;。？?！!\n]+/g;
/** A clause that asks how many, or the same of another period (去年呢). */
const ASKS_HOW_MANY = /(?<!第\s*)(?:几|多少)|呢\s*$/;

/**
 * The periods of a count question asked in clauses of their own (今年开了几次常委会，去年开了几次,
 * 今年视察了几次，去年呢, 今年…，其中9月几次): each asking clause's period and words, in order; empty unless two or more.
 */
export function clausePeriods(text: string, today: IsoDate): Array<ComparedPeriod & { words: string }> {
  const found: Array<ComparedPeriod & { words: string }> = [];
  for (const [clause] of text.matchAll(CLAUSE)) {
    if (!ASKS_HOW_MANY.test(clause)) continue;
    const p = findPeriods(clause, today).find((x) => !x.timeOnly);
    if (p && !found.some((q) => q.from === p.from && q.to === p.to)) found.push({ from: p.from, to: p.to, words: clause });
  }
  return found.length > 1 ? found : [];
}

/** The same stretch of an earlier year (同比, 去年同期). */
const SAME_TIME = /同比|同期/;

/** Both counts and how the first differs from the second, in one reply. */
export function renderComparison(kinds: string, first: Stats, second: Stats): string {
  const a = periodInWords(first.from, first.to);
  const b = periodInWords(second.from, second.to);
  const difference = first.total - second.total;
  return [
    m.compareLine(a, kinds, first.total),
    m.compareLine(b, kinds, second.total),
    difference === 0 ? m.compareSame(a, b) : m.compareDifference(a, b, difference),
  ].join('\n');
}

/**
 * The periods a count question lists side by side without comparing them (上半年和下半年视察了
 * 几次): each is counted, so the answer is not the first period's count alone.
 */
export function listedCountPeriods(text: string, today: IsoDate): ListedPeriod[] {
  return listedPeriods(findPeriods(text, today), text);
}

/**
 * The periods a list or count names side by side when they do not join into the one period read
 * (去年1月和今年1月: read as 2025年1月 alone): each must be answered on its own. Empty when the
 * message names one period, or periods that the reading's span holds (去年8月和9月).
 */
export function periodsLeftOut(text: string, today: IsoDate, from: IsoDate | null, to: IsoDate | null): ListedPeriod[] {
  const listed = listedCountPeriods(text, today);
  if (listed.length < 2) return [];
  return listed.some((p) => (p.from ?? '') < (from ?? '') || (p.to ?? '9999') > (to ?? '9999')) ? listed : [];
}

/** One count per listed period and their sum (the periods never overlap); `own`: each line's kinds, when they differ. */
export function renderBreakdown(kinds: string, counts: readonly Stats[], own?: readonly string[]): string {
  const total = counts.reduce((sum, s) => sum + s.total, 0);
  const lines = counts.map((s, i) => m.compareLine(periodInWords(s.from, s.to), own?.[i] ?? kinds, s.total));
  // 今年开了几次常委会，去年视察了几次 / 今年…，其中9月…: counts of different kinds or of periods one inside another are not added up.
  const sorted = [...counts].sort((x, y) => (x.from ?? '').localeCompare(y.from ?? ''));
  const overlap = sorted.some((s, i) => i > 0 && (s.from ?? '') <= (sorted[i - 1].to ?? ''));
  return (overlap || (own && new Set(own).size > 1) ? lines : [...lines, m.breakdownTotal(total)]).join('\n');
}

/** Words that ask for one count per month (今年每个月视察了几次, 按月统计, 哪个月视察了几次, 5、6月各视察了几次). */
const PER_MONTH = /每个?月|各(?:个)?月|按月|逐月|分月|哪一?个月|月份?的?(?:各|分别)/;
/** The same per quarter (每个季度, 按季度, 一、二季度各视察了几次); 二季度各月 is per month. */
const PER_QUARTER = /每个?季度|各(?:个)?季度|按季度?|逐季|分季度|哪一?个季度|季度的?(?:各(?!个?月)|分别(?!\s*(?:按|每|各)?个?月))/;

/**
 * The months (or quarters) of a count question that asks for one count per month (or quarter),
 * each clipped to the period; empty unless it asks so and the period spans two or more.
 */
export function partsAskedFor(text: string, from: IsoDate | null, to: IsoDate | null): ComparedPeriod[] {
  if (PER_QUARTER.test(text)) return monthsOf(from, to, 3);
  return PER_MONTH.test(text) ? monthsOf(from, to) : [];
}

/**
 * The months of a period (or its quarters, `step` 3), each clipped to it; empty unless it spans
 * two or more (at most 36).
 */
export function monthsOf(from: IsoDate | null, to: IsoDate | null, step: 1 | 3 = 1): ComparedPeriod[] {
  if (!from || !to) return [];
  const first = Number(from.slice(5, 7));
  const opening = `${from.slice(0, 5)}${String(first - ((first - 1) % step)).padStart(2, '0')}-01`;
  if (addMonths(opening, step) > to) return [];
  const months: ComparedPeriod[] = [];
  for (let start = opening; start <= to && months.length < 37; start = addMonths(start, step)) {
    const end = addDays(addMonths(start, step), -1);
    months.push({ from: start < from ? from : start, to: end > to ? to : end });
  }
  return months.length <= 36 ? months : [];
}
