/** The log's answers as a staff member reads them in chat or the terminal (Chinese). */
import type { Taxonomy } from '../reader/index.ts';
import { dayInWords, periodInWords } from '../time/index.ts';
import { logMessages } from './messages.ts';
import type { IsoDate } from '../time/index.ts';
import type { Activity, Stats } from './types.ts';

function currentYear(now?: IsoDate): number {
  return Number((now ?? new Date().toISOString()).slice(0, 4));
}

/** When an entry took place: `6月12日`, or `9月3日至5日` for a multi-day activity. */
function whenInWords(a: { date: IsoDate; to?: IsoDate }, now?: IsoDate): string {
  return a.to && a.to !== a.date ? periodInWords(a.date, a.to) : dayInWords(a.date, currentYear(now));
}

/** `已记录：6月12日 视察 安全生产工作` (or that it was already there); a multi-day activity with its last day. */
export function loggedReply(activity: Activity, duplicate: boolean, taxonomy: Taxonomy, now?: IsoDate): string {
  const words = [whenInWords(activity, now), taxonomy.label(activity.kind), activity.title] as const;
  return duplicate ? logMessages.duplicate(...words) : logMessages.logged(...words);
}

/** `6月12日 视察 安全生产工作` (`9月3日至5日` for a multi-day activity). */
export function entryInWords(a: { date: IsoDate; to?: IsoDate; kind: string; title: string }, taxonomy: Taxonomy, now?: IsoDate): string {
  return `${whenInWords(a, now)} ${taxonomy.label(a.kind)} ${a.title}`;
}

/** One entry: `已记录：6月12日 视察 …`; several: `已记录 3 项：6月12日 视察 …；6月15日 …`. */
export function loggedAllReply(results: ReadonlyArray<{ activity: Activity; duplicate: boolean }>, taxonomy: Taxonomy, now?: IsoDate): string {
  if (results.length === 1) return loggedReply(results[0].activity, results[0].duplicate, taxonomy, now);
  const items = results.map((r) => entryInWords(r.activity, taxonomy, now) + (r.duplicate ? logMessages.duplicateMark : ''));
  return logMessages.loggedSeveral(results.length, items.join(logMessages.itemJoiner));
}

/** `已撤回：6月12日 视察 安全生产工作`, or `已撤回 3 项：…`. */
export function withdrawnReply(activities: Activity | readonly Activity[], taxonomy: Taxonomy, now?: IsoDate): string {
  const list = Array.isArray(activities) ? activities : [activities as Activity];
  if (list.length === 1) {
    const a = list[0];
    return logMessages.withdrawn(whenInWords(a, now), taxonomy.label(a.kind), a.title);
  }
  return logMessages.withdrawnSeveral(list.length, list.map((a) => entryInWords(a, taxonomy, now)).join(logMessages.itemJoiner));
}

/** `已更正第 17 条：6月12日 视察 … → 6月13日 视察 …`. */
export function correctedReply(before: Activity, after: Activity, taxonomy: Taxonomy, now?: IsoDate): string {
  return logMessages.corrected(after.id, entryInWords(before, taxonomy, now), entryInWords(after, taxonomy, now));
}

/** `已删除第 17 条：…`. */
export function deletedReply(activity: Activity, taxonomy: Taxonomy, now?: IsoDate): string {
  return logMessages.deleted(activity.id, entryInWords(activity, taxonomy, now));
}

/**
 * `2023年上半年共视察 8 次` for one kind; for several,
 * `2023年上半年共记录履职活动 54 次：听取审议报告 14 次，视察 8 次，…`.
 */
export function statsReply(stats: Stats): string {
  const period = periodInWords(stats.from, stats.to);
  if (stats.counts.length === 1) return logMessages.statsOneKind(period, stats.counts[0].label, stats.counts[0].count);
  const parts = stats.counts.map((c) => logMessages.statsPart(c.label, c.count));
  return `${logMessages.statsTotal(period, stats.total)}${parts.length ? '：' + parts.join('，') : ''}。`;
}

/** The activities one per line: `6月12日 视察 安全生产工作（张三）`. */
export function listReply(activities: readonly Activity[], period: { from?: IsoDate | null; to?: IsoDate | null }, taxonomy: Taxonomy): string {
  const words = periodInWords(period.from, period.to);
  if (activities.length === 0) return logMessages.listEmpty(words);
  const years = new Set(activities.map((a) => a.date.slice(0, 4)));
  const year = years.size === 1 ? Number([...years][0]) : undefined;
  const lines = activities.map((a) => `${a.id}. ${dayInWords(a.date, year)} ${taxonomy.label(a.kind)} ${a.title}（${a.by_name ?? a.by}）`);
  return [logMessages.listHeader(words, activities.length), ...lines].join('\n');
}
