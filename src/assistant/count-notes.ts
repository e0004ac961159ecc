/**
 * Notes under a count that keep its figure from being misread:
 * - entries dated after today are plans (a future-dated log is stored only once the person says it
 *   is a plan): a count reaching past today says how many of its entries are such plans, so
 *   "下半年视察了几次" on 7月5日 never passes a planned 7月20日 inspection off as one done;
 * - a zero for a period the log does not reach back to may be activities never logged.
 */
import { addDays, dayInWords, periodInWords, type IsoDate } from '../time/index.ts';
import type { ActivityLogPort } from './ports.ts';
import { messages as m } from './messages.ts';

/** Dates of planned entries named in the note; more are counted, not listed. */
const NAMED_DATES = 3;

/**
 * '' when the query ends by today or has no entry after it; otherwise a line (after a line break)
 * saying how many of the counted entries are dated after today, and when.
 */
export async function plannedNote(
  activities: ActivityLogPort, query: { kinds: string[]; from: IsoDate | null; to: IsoDate | null }, total: number, today: IsoDate,
): Promise<string> {
  if (query.to !== null && query.to <= today) return '';
  // 还要开几次: a count wholly after today reads the plans the log holds, and no others.
  if (total === 0) return query.from !== null && query.from > today ? `\n${m.noPlansLogged}` : '';
  const from = query.from !== null && query.from > today ? query.from : addDays(today, 1);
  const ahead = await activities.list({ kinds: query.kinds, from, to: query.to });
  if (ahead.length === 0) return '';
  const year = Number(today.slice(0, 4));
  const dates = [...new Set(ahead.map((a) => dayInWords(a.date, year)))];
  const named = dates.slice(0, NAMED_DATES).join('、') + (dates.length > NAMED_DATES ? '等' : '');
  return `\n${ahead.length === total ? m.allPlanned(total, named) : m.somePlanned(ahead.length, named)}`;
}

/** A note when a period ends before the log's first entry (去年同期 with a log begun this year), else ''. */
export async function beforeTheLog(
  activities: ActivityLogPort, periods: ReadonlyArray<{ readonly from: IsoDate | null; readonly to: IsoDate | null }>,
): Promise<string> {
  for (const { from, to } of periods) {
    if (to && (await activities.stats({ kinds: [], from: null, to })).total === 0) return `\n${m.beforeTheLog(periodInWords(from, to))}`;
  }
  return '';
}
