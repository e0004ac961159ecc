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

/** The date of `clock` (default: now) in the local time zone of the machine (the office's clock). */
export function today(clock: Date = new Date()): IsoDate {
  return toIsoDate(clock.getFullYear(), clock.getMonth() + 1, clock.getDate());
}
