/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`), in UTC so that no time zone or
 * daylight-saving change can shift a day.
 */
import type { IsoDate } from './types.ts';

/** A calendar day as numbers (month 1–12). */
export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** The ISO form of a day. */
export function toIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Split an ISO date into numbers (assumes a valid date). */
export function splitIsoDate(date: IsoDate): Ymd {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** Number of days in a month (1-based), leap years included. */
export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when `text` is `YYYY-MM-DD` and that day exists (2023-02-30 does not). */
export function isValidIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1900 && mo >= 1 && mo <= 12 && d >= 1 && d <= lastDayOfMonth(y, mo);
}

/** True when the numbers name a real day. */
export function isRealDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDayOfMonth(year, month);
}

function toDate(date: IsoDate): Date {
  const { year, month, day } = splitIsoDate(date);
  return new Date(Date.UTC(year, month - 1, day));
}

function fromDate(d: Date): IsoDate {
  return toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The date `days` days later (negative: earlier). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const d = toDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromDate(d);
}

/** The same day number `months` months later (negative: earlier), clamped to the month end. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = splitIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return toIsoDate(y, m, Math.min(day, lastDayOfMonth(y, m)));
}

/** Day of the week, Monday = 1 … Sunday = 7 (the Chinese week starts on Monday). */
export function isoWeekday(date: IsoDate): number {
  const w = toDate(date).getUTCDay();
  return w === 0 ? 7 : w;
}

/** The Monday of the week `date` falls in. */
export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** Days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toDate(b).getTime() - toDate(a).getTime()) / 86_400_000);
}

/** The office's time zone when none is set (CONTRACTS.md, `LVZHI_TIME_ZONE`). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD, which is the ISO form we store.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/**
 * The office's calendar day at `clock` (default: now) in `timeZone` (default Asia/Shanghai),
 * whatever zone the server runs in: a message sent at 07:30 Beijing time is that day's,
 * even on a UTC server where it is still the day before.
 */
export function today(clock: Date = new Date(), timeZone: string = DEFAULT_TIME_ZONE): IsoDate {
  const parts = dayFormat(timeZone).formatToParts(clock);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return toIsoDate(get('year'), get('month'), get('day'));
}
