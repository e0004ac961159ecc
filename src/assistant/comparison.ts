/**
 * A count that compares two periods (今年视察比去年多几次, 上半年调研同比增加了多少): both
 * counts and their difference, each from the log. Answering with the first period's count
 * alone would read as an answer to the comparison, and it is not one.
 */
import { addMonths, findPeriods, periodInWords, type IsoDate } from '../time/index.ts';
import type { Stats } from '../log/index.ts';
import { messages as m } from './messages.ts';

/** Words that ask how two counts differ. */
const COMPARE = /比|相比|对比|同比|相较|较(?:上年|去年|上半年|下半年|上季度|上月)/;

/** A period of a comparison. */
export interface ComparedPeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/**
 * The two periods a count question compares, the one asked about first; undefined when it
 * compares none (同比 with one period compares it with the same period a year before).
 */
export function comparedPeriods(text: string, today: IsoDate): [ComparedPeriod, ComparedPeriod] | undefined {
  if (!COMPARE.test(text)) return undefined;
  const periods: ComparedPeriod[] = [];
  for (const p of findPeriods(text, today)) {
    if (p.timeOnly || periods.some((q) => q.from === p.from && q.to === p.to)) continue;
    periods.push({ from: p.from, to: p.to });
  }
  if (periods.length >= 2) return [periods[0], periods[1]];
  if (periods.length === 1 && text.includes('同比')) {
    const [p] = periods;
    return [p, { from: addMonths(p.from, -12), to: addMonths(p.to, -12) }];
  }
  return undefined;
}

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
