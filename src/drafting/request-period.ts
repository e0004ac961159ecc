/**
 * The period a drafting request names. A draft covers one stretch: periods listed side by side
 * that join end to end (3月和4月, 上半年和下半年) are that stretch; periods apart (3月和5月) are a
 * Chinese UserError asking for one stretch, never the first period alone in silence.
 */
import { UserError } from '../errors.ts';
import { findPeriods, joinedPeriod, listedPeriods, type IsoDate, type Period } from '../time/index.ts';
import { messages } from './messages.ts';

/** The request's period and the words that name it (cut out before its topics are read). */
export function requestPeriod(text: string, now: IsoDate): Period & { readonly words?: string } {
  const periods = findPeriods(text, now).filter((p) => !p.timeOnly);
  const listed = listedPeriods(periods, text);
  if (listed.length > 1) {
    const joined = joinedPeriod(listed);
    if (!joined) throw new UserError('bad_period', messages.periodsApart(listed.map((p) => p.words).join('、')));
    // The listed periods are the first ones, in the order written.
    return { ...joined, words: text.slice(periods[0].start, periods[listed.length - 1].end) };
  }
  const first = periods[0];
  return first ? { from: first.from, to: first.to, words: first.words } : { from: null, to: null };
}
