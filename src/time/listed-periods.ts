/**
 * Periods named side by side in one question (上半年和下半年, 3月、4月, 一季度及二季度): each is
 * counted on its own, and where they join end to end they also make one period (for 一共).
 */
import { addDays, lastDayOfMonth } from './calendar.ts';
import type { PeriodMatch } from './periods.ts';
import type { IsoDate } from './types.ts';

/** What stands between two periods of one list (a space too: /stats 今年 去年 视察). */
const LIST_JOINER = /^(?:\s*(?:和|与|及|以及|、|跟|同|，|,)\s*|\s+)$/;

/** A month named by its number alone (8月, 9月份, 十月). */
const MONTH = /(?:^|年)\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月份?$/;

/** A month with no year of its own (9月, 十月份). */
const BARE_MONTH = /^\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月份?$/;

/** A bare month moved into the year of the month listed before it. */
function inYear(p: PeriodMatch, before: ListedPeriod): ListedPeriod {
  const month = p.from.slice(5, 7);
  // 去年12月和1月: a month before the one listed first runs on into the next year.
  const year = String(Number(before.to.slice(0, 4)) + (month < before.to.slice(5, 7) ? 1 : 0));
  return { from: `${year}-${month}-01`, to: `${year}-${month}-${String(lastDayOfMonth(Number(year), Number(month))).padStart(2, '0')}`, words: p.words };
}

/** A period of a list. */
export interface ListedPeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly words: string;
}

/**
 * The periods the text lists side by side (two or more, in the order written, none
 * overlapping another), or an empty list when it names one period or none.
 */
export function listedPeriods(periods: readonly PeriodMatch[], text: string): ListedPeriod[] {
  const spans = periods.filter((p) => !p.timeOnly);
  const listed: ListedPeriod[] = [];
  for (const [i, p] of spans.entries()) {
    const previous = spans[i - 1];
    // 8月9月, 10月11月: months written one after the other, with nothing between, are a list too.
    const joined = previous && (LIST_JOINER.test(text.slice(previous.end, p.start)) || (previous.end === p.start && MONTH.test(previous.words) && MONTH.test(p.words)));
    if (i > 0 && !joined) break;
    // 去年8月和9月: a month named bare after one with its year is in that year too.
    listed.push(i > 0 && BARE_MONTH.test(p.words) ? inYear(p, listed[i - 1]) : { from: p.from, to: p.to, words: p.words });
  }
  if (listed.length < 2) return [];
  const sorted = [...listed].sort((a, b) => a.from.localeCompare(b.from));
  // 今年和上半年: one period inside another is not a list of periods.
  return sorted.every((p, i) => i === 0 || sorted[i - 1].to < p.from) ? listed : [];
}

/** The one period listed periods make when they join end to end (上半年和下半年 → the year). */
export function joinedPeriod(listed: readonly ListedPeriod[]): { from: IsoDate; to: IsoDate } | undefined {
  const sorted = [...listed].sort((a, b) => a.from.localeCompare(b.from));
  const touching = sorted.every((p, i) => i === 0 || addDays(sorted[i - 1].to, 1) === p.from);
  return touching && sorted.length > 0 ? { from: sorted[0].from, to: sorted[sorted.length - 1].to } : undefined;
}
