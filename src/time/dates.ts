/**
 * The building blocks of Chinese time words: years, months, days and weekdays as staff
 * write them, and the "no future by accident" rule. Pure functions of (words, today).
 */
import { addDays, addMonths, daysBetween, isRealDay, isoWeekday, lastDayOfMonth, mondayOf, splitIsoDate, toIsoDate } from './calendar.ts';
import { parseChineseNumber, toAsciiDigits } from './chinese-numbers.ts';
import type { IsoDate } from './types.ts';

/** An inclusive span of days, both ends known. */
export interface Span {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** A pattern for a year written out: 2023年, 二〇二三年, 今年, 去年, 前年, 本年度. */
export const YEAR_SOURCE =
  '(?:([0-9０-９]{4}|[〇零一二三四五六七八九]{4}|(?<![0-9０-９])[0-9０-９]{2}(?=年(?:[上下]半年|[0-9０-９一二三四五六七八九十]+月|第?[一二三四1-4１-４]季度|度|全年|以来)))\\s*年度?|(今年度?|本年度?|去年度?|上一?年度?|大前年度?|前年度?|明年度?|(?<![以之然最随此往])后年))';

/** A month number written in Arabic or Chinese (1–12). */
export const MONTH_SOURCE = '(1[0-2]|0?[1-9]|１[０-２]|０?[１-９]|十[一二]?|[一二三四五六七八九])';

/** A day-of-month number written in Arabic or Chinese (1–31). */
export const DAY_SOURCE = '(十[1-9]|[二三]十[1-9]|廿[1-9]|[0-3]?[0-9]|[０-３]?[０-９]|三十一?|卅一?|二十[一二三四五六七八九]?|廿[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])';

/** A weekday character after 周/星期/礼拜 (日 and 天 are Sunday). */
export const WEEKDAY_SOURCE = '([一二三四五六日天七1-7])';

/**
 * The year a year-word names, relative to today; undefined for no year word.
 * `digits` is the written number group, `word` the relative word group.
 */
export function resolveYear(digits: string | undefined, word: string | undefined, now: IsoDate): number | undefined {
  const year = splitIsoDate(now).year;
  if (digits) {
    const n = parseChineseNumber(digits);
    return n !== undefined && n < 100 ? 2000 + n : n; // 23年 is 2023
  }
  if (!word) return undefined;
  if (word.startsWith('今') || word.startsWith('本')) return year;
  if (word.startsWith('去') || word.startsWith('上')) return year - 1;
  if (word.startsWith('大前')) return year - 3;
  if (word.startsWith('前')) return year - 2;
  if (word.startsWith('明')) return year + 1;
  if (word.startsWith('后')) return year + 2;
  return undefined;
}

/** A month or day number from its written form, or undefined when out of range. */
export function readSmallNumber(written: string, max: number): number | undefined {
  const n = parseChineseNumber(toAsciiDigits(written));
  return n !== undefined && n >= 1 && n <= max ? n : undefined;
}

/** Weekday number (Monday 1 … Sunday 7) of the character after 周/星期. */
export function weekdayNumber(ch: string): number {
  if (ch === '日' || ch === '天' || ch === '七' || ch === '7') return 7;
  return /[1-6]/.test(ch) ? Number(ch) : (parseChineseNumber(ch) ?? 1);
}

/**
 * No future by accident: a span named without a year that would lie wholly after today
 * means the one a year earlier (asked on 2024-01-15, "11月份" is November 2023).
 */
export function notInFuture(build: (year: number) => Span | undefined, now: IsoDate): Span | undefined {
  const year = splitIsoDate(now).year;
  const span = build(year);
  if (span && span.from > now) return build(year - 1);
  return span;
}

/** A span of one day. */
export function oneDay(date: IsoDate): Span {
  return { from: date, to: date };
}

/** One day of a year, or undefined when it does not exist (2023-02-29). */
export function dayOf(year: number, month: number, day: number): Span | undefined {
  return isRealDay(year, month, day) ? oneDay(toIsoDate(year, month, day)) : undefined;
}

/** The whole of one month. */
export function monthOf(year: number, month: number): Span {
  return { from: toIsoDate(year, month, 1), to: toIsoDate(year, month, lastDayOfMonth(year, month)) };
}

/** Months `first`..`last` of a year, whole. */
export function monthsOf(year: number, first: number, last: number): Span {
  return { from: monthOf(year, first).from, to: monthOf(year, last).to };
}

/** Quarter 1–4 of a year. */
export function quarterOf(year: number, quarter: number): Span {
  return monthsOf(year, quarter * 3 - 2, quarter * 3);
}

/** The Monday–Sunday week `weeksBack` weeks before the week of `now` (0: this week). */
export function weekOf(now: IsoDate, weeksBack: number): Span {
  const monday = addDays(mondayOf(now), -7 * weeksBack);
  return { from: monday, to: addDays(monday, 6) };
}

/** A weekday of the week `weeksBack` weeks before this one. */
export function weekdayOf(now: IsoDate, weeksBack: number, weekday: number): IsoDate {
  return addDays(weekOf(now, weeksBack).from, weekday - 1);
}

/** A bare weekday (周三): this week's if it is not after today, else last week's. */
export function latestWeekday(now: IsoDate, weekday: number): IsoDate {
  return weekday <= isoWeekday(now) ? weekdayOf(now, 0, weekday) : weekdayOf(now, 1, weekday);
}

/** How one written day may be read: the latest not after today, the nearest, the next on or after today. */
export interface Readings {
  /** The latest occurrence not after today (how a question reads it: no future by accident). */
  readonly past: Span;
  /** The occurrence nearest to today, ties to the past (how a logged activity reads it). */
  readonly nearest: Span;
  /** The first occurrence on or after today (a plan: 周一要开会). */
  readonly upcoming: Span;
}

/** Pick the three readings from the occurrences that exist, or undefined when none does. */
function readingsOf(candidates: ReadonlyArray<Span | undefined>, now: IsoDate): Readings | undefined {
  const days = candidates.filter((c): c is Span => c !== undefined).sort((a, b) => (a.from < b.from ? -1 : 1));
  if (days.length === 0) return undefined;
  const past = [...days].reverse().find((d) => d.from <= now) ?? days[0];
  const upcoming = days.find((d) => d.from >= now) ?? days[days.length - 1];
  const distance = (d: Span) => Math.abs(daysBetween(now, d.from));
  const nearest = distance(upcoming) < distance(past) ? upcoming : past;
  return { past, nearest, upcoming };
}

/** A month and day without a year (12月20日): its occurrences last year, this year and next. */
export function yearlessDay(month: number, day: number, now: IsoDate): Readings | undefined {
  const year = splitIsoDate(now).year;
  // 2月29日 in a year without one: not next leap year's day, silently; asked about like 6月31日.
  if (!dayOf(year, month, day)) return undefined;
  return readingsOf([dayOf(year - 1, month, day), dayOf(year, month, day), dayOf(year + 1, month, day)], now);
}

/** A day of the month alone (28号): its occurrences last month, this month and next. */
export function monthlessDay(day: number, now: IsoDate): Readings | undefined {
  const months = [-1, 0, 1].map((n) => splitIsoDate(addMonths(toIsoDate(splitIsoDate(now).year, splitIsoDate(now).month, 1), n)));
  return readingsOf(months.map((m) => dayOf(m.year, m.month, day)), now);
}

/** A weekday alone (周五): last week's, this week's and next week's. */
export function weekOfDay(weekday: number, now: IsoDate): Readings {
  return readingsOf([1, 0, -1].map((back) => oneDay(weekdayOf(now, back, weekday))), now)!;
}

/** One day of a month named without a year (11月最后一天), in each nearby year: its readings. */
export function yearlessMonthDay(month: number, pick: (m: Span) => IsoDate, now: IsoDate): Readings | undefined {
  const year = splitIsoDate(now).year;
  return readingsOf([year - 1, year, year + 1].map((y) => oneDay(pick(monthOf(y, month)))), now);
}
