/**
 * Periods named side by side in one question (上半年和下半年, 3月、4月, 一季度及二季度): each is
 * counted on its own, and where they join end to end they also make one period (for 一共).
 */
import { addDays } from './calendar.ts';
import type { PeriodMatch } from './periods.ts';
import type { IsoDate } from './types.ts';

/** What stands between two periods of one list (a space too: /stats 今年 去年 视察). */
const LIST_JOINER = /^(?:\s*(?:和|与|及|以及|、|跟|同|，|,)\s*|\s+)$/;

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
    const joined = previous && LIST_JOINER.test(text.slice(previous.end, p.start));
    if (i > 0 && !joined) break;
    listed.push({ from: p.from, to: p.to, words: p.words });
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
