/**
 * Finding dates and periods in a Chinese message (CONTRACTS.md, "Periods"): every time
 * expression is matched by a rule (day-rules.ts, span-rules.ts), overlapping matches are
 * settled leftmost-longest, a time of day joins the day before it, two expressions joined by
 * 至/到/-/~ become one range, and 以来/至今 runs a period to today. Dates that do not exist
 * (13月5日) and time words no rule reads (元旦, 11月底) are reported, never guessed.
 */
import type { Readings, Span } from './dates.ts';
import { dayOf, monthOf, weekOf, weekdayNumber } from './dates.ts';
import { addDays, splitIsoDate } from './calendar.ts';
import { DAY_RULES } from './day-rules.ts';
import { findImpossible, findUnreadable } from './date-doubts.ts';
import type { Resolved, Rule } from './rule-kit.ts';
import { SPAN_RULES } from './span-rules.ts';
import { withUpTo } from './up-to.ts';
import { TIME_RANGE_TAIL, TIME_TAIL } from './time-of-day.ts';
import { foldTraditional } from './zh-variants.ts';
import type { IsoDate } from './types.ts';

/** A time expression found in a message. */
export interface PeriodMatch extends Span {
  /** Where the words start and end in the message (UTF-16 offsets, end exclusive). */
  readonly start: number;
  readonly end: number;
  /** The words themselves. */
  readonly words: string;
  /** True when the words name one day, or a range of whole days (9月3日至5日). */
  readonly day: boolean;
  /** Other readings of words with no year, month or week (12月20日, 周五); see `Resolved`. */
  readonly readings?: Readings;
  /** A time of day alone (下午3点): its day is the one named before it, else today. */
  readonly timeOnly?: boolean;
  /** Parts the words leave to context (for the far end of a range). */
  readonly partial?: Resolved['partial'];
}

/** A single day found in a message. */
export interface DateMatch {
  readonly date: IsoDate;
  readonly start: number;
  readonly end: number;
  readonly words: string;
}

const RULES: readonly Rule[] = [...DAY_RULES, ...SPAN_RULES];

/** Between the two ends of a range: 至, 到, -, ~ (and the prefix 从/自/由 before the first). */
const RANGE_JOINER = /^\s*(?:至|到|-|—|–|－|ー|~|～)\s*$/;
const RANGE_OPENER = /(?:从|自|由)\s*$/;
/** After a period: up to today (3月以来, 三季度到现在, 2023年至今, 5月1日以后, 6月起). */
const UP_TO_NOW = /^\s*(?:以来|至今|迄今|以后|之后|起(?![草来])|开始(?!了)|(?:截至|截止|截止到|截止至|到|至)\s*(?:现在|目前|今天|当前|今))/;
/** Before a period that holds today: up to today as well (截至目前，今年…; 到目前为止，本月…; 到现在为止，今年…). */
const NOW_BEFORE = /(?:(?:截至|截止|截止到|截止至)\s*(?:目前|现在|今天|当前|今日)|(?:到|至)\s*(?:目前|现在|今天|当前)\s*为止|迄今为止)\s*[，,]?\s*$/;

/**
 * After a day: the week or month it falls in (6月12日那周, 6月12日所在的那个月), or a weekday
 * of that week (6月12日那周的周三, 6月12日那个星期五), which is a day.
 */
const ITS_WEEK = /^\s*(?:所在的?\s*(?:那|这)?|的?那|这)\s*一?\s*个?\s*(?:周|星期|礼拜)(?:\s*的?\s*(?:周|星期|礼拜)?\s*([一二三四五六日天1-7]))?/;
const ITS_MONTH = /^\s*(?:所在的?\s*(?:那|这)?|的?那|这)\s*一?\s*个?\s*月(?!\d|[一二三四五六七八九十]+日)/;

/** What a scan of a message found. */
export interface TimeScan {
  /** Every time expression, leftmost-longest, not overlapping, in order. */
  readonly periods: PeriodMatch[];
  /** Written dates that name no real day (2月30日, 13月5日, 第五季度). */
  readonly impossible: string[];
  /** Time words no rule could read (元旦, 11月底, 下下下个季度末): to be asked about. */
  readonly unreadable: string[];
}

function settle(found: PeriodMatch[]): PeriodMatch[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PeriodMatch[] = [];
  let reach = 0;
  for (const f of found) {
    if (f.start < reach) continue;
    kept.push(f);
    reach = f.end;
  }
  return kept;
}

/** Between a date and its own weekday: nothing, a space or an opening bracket (12月5日(周六), 6月3日 星期一). */
const OWN_WEEKDAY_GAP = /^\s*[（(]?\s*$/;

/**
 * A date followed by its weekday (12月5日(周六)) names one day, not two: the weekday is taken
 * into the date when it agrees, and the pair is reported as impossible when it does not
 * (12月5日(周五) when the 5th is a Saturday) — which of the two is meant is the person's to say.
 */
function withOwnWeekday(text: string, periods: PeriodMatch[], impossible: string[]): PeriodMatch[] {
  const out: PeriodMatch[] = [];
  for (let i = 0; i < periods.length; i++) {
    const p = periods[i];
    const q = periods[i + 1];
    const dated = q && datedInBrackets(text, p, q);
    if (dated) {
      i++;
      if (dated.agrees) out.push({ ...dated.day, start: p.start, end: dated.end, words: text.slice(p.start, dated.end) });
      else impossible.push(text.slice(p.start, dated.end));
      continue;
    }
    const weekday = q?.partial?.weekday;
    if (!q || weekday === undefined || !p.day || p.timeOnly || p.from !== p.to || p.partial?.weekday !== undefined
      || !OWN_WEEKDAY_GAP.test(text.slice(p.end, q.start))) {
      out.push(p);
      continue;
    }
    const close = /^\s*[）)]/.exec(text.slice(q.end));
    const end = q.end + (close ? close[0].length : 0);
    i++;
    // A date without a year is its nearest occurrence: the weekday must be that day's, and then
    // pins it (a weekday that fits only a year-old reading is more likely a slip; it is asked).
    const day = p.readings?.nearest.from ?? p.from;
    if (new Date(`${day}T00:00:00Z`).getUTCDay() !== weekday % 7) {
      impossible.push(text.slice(p.start, end));
      continue;
    }
    const { readings: _, ...rest } = p;
    out.push({ ...rest, from: day, to: day, end, words: text.slice(p.start, end) });
  }
  return out;
}

/** A day word and its date in brackets after it: 周一（6月12日）, 昨天（7月4日）, 上周三(6月28日). */
const DATE_IN_BRACKETS = /^\s*[（(]\s*$/;

/**
 * A weekday or a relative day followed by its date in brackets names one day: the date's, when
 * the two agree (a bare weekday agrees with any date on that weekday, 上周一 and 昨天 with their
 * own day); when they do not, the pair is impossible and asked about, never settled either way.
 */
function datedInBrackets(text: string, p: PeriodMatch, q: PeriodMatch): { day: PeriodMatch; end: number; agrees: boolean } | undefined {
  const single = (m: PeriodMatch) => m.day && !m.timeOnly && m.from === m.to;
  if (!single(p) || !single(q) || q.partial?.weekday !== undefined || !DATE_IN_BRACKETS.test(text.slice(p.end, q.start))) return undefined;
  const close = /^\s*[）)]/.exec(text.slice(q.end));
  if (!close) return undefined;
  const day = q.readings?.nearest.from ?? q.from;
  const weekday = p.partial?.weekday;
  // A date with readings of its own is a written date; two relative words (昨天（今天）) are not.
  if (weekday === undefined && (p.readings !== undefined || !/\d|月|日|号/.test(q.words))) return undefined;
  const agrees = weekday !== undefined ? new Date(`${day}T00:00:00Z`).getUTCDay() === weekday % 7 : p.from === day;
  const { readings: _, ...rest } = q;
  return { day: { ...rest, from: day, to: day }, end: q.end + close[0].length, agrees };
}

/** A day followed by a time of day (昨晚8点, 3月5日早上6点至7点) takes the time in. */
function withTimes(text: string, periods: PeriodMatch[]): PeriodMatch[] {
  const out: PeriodMatch[] = [];
  for (let i = 0; i < periods.length; i++) {
    const p = periods[i];
    const tail = p.day && !p.timeOnly ? TIME_TAIL.exec(text.slice(p.end)) : null;
    let end = tail && tail[0].trim() !== '' ? p.end + tail[0].length : p.end;
    if (p.day) end += TIME_RANGE_TAIL.exec(text.slice(end))?.[0].length ?? 0;
    if (end === p.end) {
      out.push(p);
      continue;
    }
    out.push({ ...p, end, words: text.slice(p.start, end) });
    // A time-only match the tail swallowed is part of this day now.
    while (i + 1 < periods.length && periods[i + 1].start < end) i++;
  }
  return out;
}

/** The far end of a range, read in the light of the near end (9月3日至5日: the 5th of September). */
function farEnd(a: PeriodMatch, b: PeriodMatch): Span | undefined {
  const part = b.partial;
  if (!part) return b;
  const { year, month } = splitIsoDate(a.from);
  if (part.weekday !== undefined) {
    // 星期六-星期一: the first such weekday on or after the range starts.
    for (let d = 0; d < 7; d++) {
      const day = addDays(a.from, d);
      if (new Date(`${day}T00:00:00Z`).getUTCDay() === part.weekday % 7) return { from: day, to: day };
    }
    return undefined;
  }
  if (part.month !== undefined && part.day !== undefined) {
    const same = dayOf(year, part.month, part.day);
    return same && same.from >= a.from ? same : dayOf(year + 1, part.month, part.day);
  }
  if (part.day !== undefined) {
    const same = dayOf(year, month, part.day);
    if (same && same.from >= a.from) return same;
    return month === 12 ? dayOf(year + 1, 1, part.day) : dayOf(year, month + 1, part.day);
  }
  return b;
}

/** Two expressions joined by 至/到/-/~ become one range; a period before 以来/至今 runs to today. */
function withRanges(text: string, periods: PeriodMatch[], now: IsoDate): PeriodMatch[] {
  const out: PeriodMatch[] = [];
  for (let i = 0; i < periods.length; i++) {
    let a = periods[i];
    const opener = RANGE_OPENER.exec(text.slice(0, a.start));
    const b = periods[i + 1];
    if (b && RANGE_JOINER.test(text.slice(a.end, b.start))) {
      const near = a;
      // The range from one reading of its first end (12月5日至7日: this December's or last's).
      const rangeFrom = (first: Span): Span | undefined => {
        const far = farEnd({ ...near, from: first.from, to: first.to }, b);
        return far && { from: first.from <= far.from ? first.from : far.from, to: first.to >= far.to ? first.to : far.to };
      };
      const range = rangeFrom(a);
      if (range) {
        const r = a.readings;
        const [past, nearest, upcoming] = r ? [rangeFrom(r.past), rangeFrom(r.nearest), rangeFrom(r.upcoming)] : [];
        const start = opener ? opener.index : a.start;
        a = {
          ...range, start, end: b.end, words: text.slice(start, b.end), day: a.day && b.day,
          ...(past && nearest && upcoming ? { readings: { past, nearest, upcoming } } : {}),
        };
        i++;
      }
    }
    const upToNow = UP_TO_NOW.exec(text.slice(a.end));
    if (!upToNow && !a.day && a.from <= now && now < a.to && NOW_BEFORE.test(text.slice(0, a.start))) {
      a = { ...a, to: now };
    } else if (upToNow && a.from <= now) {
      const start = opener ? opener.index : a.start;
      const end = a.end + upToNow[0].length;
      a = { from: a.from, to: now, start, end, words: text.slice(start, end), day: false };
    }
    const its = a.day && a.from === a.to ? ITS_WEEK.exec(text.slice(a.end)) ?? ITS_MONTH.exec(text.slice(a.end)) : null;
    if (its) {
      const [year, month] = a.from.split('-').map(Number);
      const end = a.end + its[0].length;
      const span = its[0].endsWith('月') ? monthOf(year, month) : weekOf(a.from, 0);
      const day = its[1] ? addDays(span.from, weekdayNumber(its[1]) - 1) : undefined;
      a = day ? { from: day, to: day, start: a.start, end, words: text.slice(a.start, end), day: true }
        : { ...span, start: a.start, end, words: text.slice(a.start, end), day: false };
      // The weekday just read in is not a day of its own.
      while (periods[i + 1] && periods[i + 1].start < end) i++;
    }
    out.push(a);
  }
  return out;
}

/** Find every time expression in the message, and any date written that does not exist. */
export function scanTime(original: string, now: IsoDate): TimeScan {
  // 元月 is January (one character for one, so offsets stay those of the message).
  const text = foldTraditional(original).replace(/(?<![单公纪])元月/g, '一月');
  const found: PeriodMatch[] = [];
  const impossible: string[] = [];
  for (const r of RULES) {
    r.pattern.lastIndex = 0;
    for (const m of text.matchAll(r.pattern)) {
      if (m[0].length === 0) continue;
      const span = r.resolve((m.groups ?? {}) as Record<string, string | undefined>, now);
      if (!span) {
        if (r.strict) impossible.push(m[0]);
        continue;
      }
      found.push({
        from: span.from, to: span.to, start: m.index, end: m.index + m[0].length, words: m[0], day: r.day,
        ...(span.readings ? { readings: span.readings } : {}),
        ...(span.partial ? { partial: span.partial } : {}),
        ...(r.timeOnly ? { timeOnly: true } : {}),
      });
    }
  }
  const periods = withUpTo(text, withRanges(text, withTimes(text, withOwnWeekday(text, settle(found), impossible)), now));
  impossible.push(...findImpossible(text));
  return { periods, impossible: [...new Set(impossible)], unreadable: findUnreadable(text, periods) };
}

/** Every time expression in the message, leftmost-longest, not overlapping, in order. */
export function findPeriods(text: string, now: IsoDate): PeriodMatch[] {
  return scanTime(text, now).periods;
}

/** The first period the message names, or undefined. */
export function findPeriod(text: string, now: IsoDate): PeriodMatch | undefined {
  return findPeriods(text, now)[0];
}

/** The first single day the message names (for a logged activity), or undefined. */
export function findDate(text: string, now: IsoDate): DateMatch | undefined {
  const m = findPeriods(text, now).find((p) => p.day);
  return m ? { date: m.from, start: m.start, end: m.end, words: m.words } : undefined;
}
