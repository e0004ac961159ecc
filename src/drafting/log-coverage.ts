/**
 * Whether the log reaches the end of a draft's period. A full-year summary drawn from a log
 * whose last entry is in June reads as the whole year's work; when nothing at all is logged
 * after the period's last entry, and that entry is over a month before the period ends, the
 * draft says up to when its figures run. A period with nothing logged in it or after it says
 * where the log stops, so an empty draft is read as entries not yet made rather than work not done.
 */
import { addDays, daysBetween, type IsoDate } from '../time/index.ts';
import type { Activity, ActivityQuery, Paged, PageRequest, Stats } from '../log/index.ts';

/** The part of the log this reads. */
export interface CoverageSource {
  stats(query: ActivityQuery): Promise<Stats>;
  page(filter: ActivityQuery, page: PageRequest): Promise<Paged<Activity>>;
}

/** A month: shorter gaps are an ordinary quiet spell. */
const GAP_DAYS = 31;

/** The last day anything is logged when the log stops well short of `to`, else undefined. */
export async function logEndsBefore(log: CoverageSource, from: IsoDate, to: IsoDate): Promise<IsoDate | undefined> {
  const { total } = await log.stats({ from, to });
  // Nothing in the period: say where the log stops when nothing is logged from it on (七月 asked of a log ending in June).
  if (total === 0) return (await log.stats({ from, to: null })).total === 0 ? lastBefore(log, from) : undefined;
  const end = await lastDay(log, { from, to }, total);
  if (!end || daysBetween(end, to) <= GAP_DAYS) return undefined;
  const after = await log.stats({ from: addDays(end, 1), to: null });
  return after.total === 0 ? end : undefined;
}

/** The last day logged before `from`, or undefined when nothing is. */
async function lastBefore(log: CoverageSource, from: IsoDate): Promise<IsoDate | undefined> {
  const query = { from: null, to: addDays(from, -1) };
  return lastDay(log, query, (await log.stats(query)).total);
}

/** The last day (a lasting entry's last) of the `total` entries `query` finds, date order; undefined when none. */
async function lastDay(log: CoverageSource, query: { from: IsoDate | null; to: IsoDate | null }, total: number): Promise<IsoDate | undefined> {
  if (total === 0) return undefined;
  const [last] = (await log.page(query, { offset: total - 1, limit: 1 })).items;
  return last ? (last.to && last.to > last.date ? last.to : last.date) : undefined;
}

/**
 * The first day anything is logged when nothing is logged up to `to` and something after it
 * (去年 asked of a log begun this January), else undefined: an empty draft is then entries not
 * yet made, and says so.
 */
export async function logStartsAfter(log: CoverageSource, to: IsoDate): Promise<IsoDate | undefined> {
  if ((await log.stats({ from: null, to })).total > 0) return undefined;
  const [first] = (await log.page({ from: addDays(to, 1), to: null }, { offset: 0, limit: 1 })).items;
  return first?.date;
}
