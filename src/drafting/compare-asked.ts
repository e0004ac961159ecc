/**
 * A comparison asked (与去年同期相比, 同比, 比去年同期多了多少). The draft writes the period's own
 * work and never an increase or a decrease: it says so beside the draft, with what the log holds
 * for the same period a year before — nothing at all when the log begins later.
 */
import { lastDayOfMonth, type IsoDate } from '../time/index.ts';
import type { CoverageSource } from './log-coverage.ts';
import { messages } from './messages.ts';

/** Words asking to compare with a year before; 去年 alone names a period, not a comparison. */
export const COMPARE = /同比|(?:与|和|同|跟|比|较)\s*(?:去年|上年|上一年|往年|前一年)|(?:去年|上年|上一年)\s*同期/;

/** The request without its comparison (上半年视察次数比去年同期多了多少 → 上半年视察次数): what is asked of is no subject. */
export function withoutComparison(text: string): string {
  return text.replace(new RegExp(`(?:${COMPARE.source})[^，,。？?；;！!]*`, 'g'), ' ');
}

/** The same day a year before (2024-02-29 → 2023-02-28). */
function yearBefore(date: IsoDate): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const last = lastDayOfMonth(y - 1, m);
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** What to say beside a draft whose request asks for a comparison with a year before; undefined when none is asked. */
export async function comparisonNote(request: string, log: CoverageSource, from: IsoDate, to: IsoDate): Promise<string | undefined> {
  if (!COMPARE.test(request)) return undefined;
  const start = yearBefore(from);
  const end = yearBefore(to);
  const { total } = await log.stats({ from: start, to: end });
  if (total > 0) return messages.compareNotDrafted(start, end, total);
  const [first] = (await log.page({ from: null, to: null }, { offset: 0, limit: 1 })).items;
  return messages.compareNone(start, end, first?.date);
}
