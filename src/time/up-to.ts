/**
 * Periods that run up to a day or month (截至6月底, 截止到6月30日, 6月底前, 今年截至6月底):
 * from the start of that year — or of the year named just before — to the end named. The
 * reply names both ends, so the start taken is always shown.
 */
import { splitIsoDate } from './calendar.ts';
import { monthOf } from './dates.ts';
import type { PeriodMatch } from './periods.ts';

/** Before the end: 截至, 截止, 截止到, 到 (at the start of a clause: after a period it is a range). */
const UP_TO_BEFORE = /(?:截至|截止(?:到|至)?|(?:^|[，,。；;\s])到)\s*$/;
/** After a month: its end (底, 末), and 前 / 以前 / 之前 when they follow 底. */
const MONTH_END_AFTER = /^\s*(?:底|末)\s*(?:前|以前|之前)?/;
/** A whole year named just before 截至 (今年截至6月底). */
const YEAR_JOIN = /^\s*(?:的)?\s*[，,]?\s*$/;

/** A range's words (3月到6月, 1-6月). */
const RANGE = /至|到|-|—|－|~|～/;
const lastDayOf = (day: string): string => {
  const { year, month } = splitIsoDate(day);
  return monthOf(year, month).to;
};

/** Whether a period is one whole calendar year (今年, 2022年). */
export const isWholeYear = (p: { from: string; to: string }): boolean =>
  p.from.endsWith('-01-01') && p.to.endsWith('-12-31') && p.from.slice(0, 4) === p.to.slice(0, 4);
const isWholeMonth = (p: { from: string; to: string }): boolean =>
  p.from.endsWith('-01') && p.from.slice(0, 7) === p.to.slice(0, 7);

/** The periods with every "up to" end widened to run from its year's start. */
export function withUpTo(text: string, periods: readonly PeriodMatch[]): PeriodMatch[] {
  const out: PeriodMatch[] = [];
  for (const p of periods) {
    const before = UP_TO_BEFORE.exec(text.slice(0, p.start));
    const tail = isWholeMonth(p) ? MONTH_END_AFTER.exec(text.slice(p.end)) : null;
    const byEnd = tail !== null && /前/.test(tail[0]);
    if (p.timeOnly || (!before && !byEnd)) {
      // 3月到6月底: a range's far month ends with the month, so 底 / 末 is part of it.
      const far = RANGE.test(p.words) && p.to === lastDayOf(p.to) ? /^\s*(?:底|末)(?!\s*前)/.exec(text.slice(p.end)) : null;
      out.push(far ? { ...p, end: p.end + far[0].length, words: text.slice(p.start, p.end + far[0].length) } : p);
      continue;
    }
    // 到6月 after another period is the far end of a range (从3月到6月), read elsewhere.
    const previous = out[out.length - 1];
    const end = p.end + (tail ? tail[0].length : 0);
    let start = before ? before.index + before[0].search(/[截到]/) : p.start;
    let from = `${p.to.slice(0, 4)}-01-01`;
    if (previous && before && isWholeYear(previous) && previous.from.slice(0, 4) === p.to.slice(0, 4)
      && YEAR_JOIN.test(text.slice(previous.end, before.index))) {
      out.pop();
      start = previous.start;
      from = previous.from;
    }
    if (from > p.to) {
      out.push(p);
      continue;
    }
    out.push({ from, to: p.to, start, end, words: text.slice(start, end), day: false });
  }
  return out;
}
