/**
 * A reply to a yes/no question about the log (4月开党组会没, 周五开党组会吗, 这周有会吗): 开过,
 * 有 or 有安排 before the entries that make it so, or 没有记录 — 没有记录安排 for days still to
 * come — with the period named. Asked of what was done (开过吗, 搞了没有), plans alone are 还没
 * (with the plans listed) and nothing ahead is remarked on. From the log's entries alone: never a
 * guess, never the rules.
 */
import { meetingKinds, type Taxonomy } from '../reader/index.ts';
import type { Activity } from '../log/index.ts';
import { periodInWords, type IsoDate } from '../time/index.ts';
import type { Query } from './commands/index.ts';
import { messages as m } from './messages.ts';
import { kindsText } from './render.ts';

/**
 * `listed`, the list's own text (`shown` entries), opened with the yes or no. `found` is the
 * period's entries when the list is not narrowed to a subject (then only the period tells plans).
 */
export function whetherReply(
  listed: string, shown: number, found: readonly Activity[] | undefined, query: Query, taxonomy: Taxonomy, today: IsoDate,
): string {
  const ahead = query.from !== null && query.from > today;
  if (shown === 0) {
    if (!found) return `${m.whetherNoRecord}。${listed}`;
    const period = periodInWords(query.from, query.to);
    const kinds = kindsText(query.kinds, taxonomy);
    if (ahead) return m.whetherNonePlanned(period, kinds);
    return (query.to === null || query.to > today) && !query.done ? m.whetherNoneEither(period, kinds) : m.whetherNone(period, kinds);
  }
  const planned = found ? found.every((a) => a.date > today) : ahead;
  const done = found ? found.every((a) => a.date <= today) : !ahead;
  const meetings = meetingKinds(taxonomy);
  const onlyMeetings = query.kinds.length > 0 && query.kinds.every((k) => meetings.includes(k));
  // 6月开过常委会吗 with only the 27th's logged, on the 20th: not yet — a plan is not a yes to 开过.
  if (planned && query.done) return `${onlyMeetings ? m.whetherNotYetHeld : m.whetherNotYet}。${m.whetherOnlyPlans(kindsText(query.kinds, taxonomy))}${listed}`;
  // 今年开过常委会吗 with one held and one planned: 开过 (the plan is marked in the list).
  const held = done || (query.done === true && !planned);
  const yes = planned ? m.whetherPlanned : held && onlyMeetings ? m.whetherHeld : m.whetherSome;
  // 本周有会吗 on a Wednesday with Monday's meeting only: held, and nothing logged still to come.
  const reachesAhead = found !== undefined && !ahead && (query.to === null || query.to > today);
  return `${yes}。${listed}${reachesAhead && done && !query.done ? `\n${m.whetherNothingAhead}` : ''}`;
}
