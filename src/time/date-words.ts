/**
 * Calendar checks and Chinese wording of dates for the log. The reader of Chinese date
 * words lives elsewhere; this file only validates ISO dates and describes them back.
 */
import { UserError } from '../errors.ts';
import { isRealDay, lastDayOfMonth, splitIsoDate } from './calendar.ts';
import type { IsoDate } from './types.ts';
import { timeMessages } from './messages.ts';

/** True when `y-m-d` is a real day in the years a log can hold (1900–2999). */
function isLoggableDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  return year >= 1900 && year <= 2999 && isRealDay(year, month, day);
}

/**
 * The ISO form of a written date, or undefined when it is not a real day. Accepts
 * `2023-06-12`, `2023-6-12`, `2023/6/12`, `2023.6.12` and `2023年6月12日`, as spreadsheets
 * and people write them; rejects impossible days such as 2023-02-30.
 */
export function normalizeDate(written: string): IsoDate | undefined {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$/.exec(written.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isLoggableDay(year, month, day)) return undefined;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The date in ISO form, or a UserError in Chinese naming the bad value. */
export function requireDate(written: string): IsoDate {
  const iso = normalizeDate(written);
  if (!iso) throw new UserError('bad_date', timeMessages.badDate(written));
  return iso;
}

function parts(date: IsoDate): [number, number, number] {
  const { year, month, day } = splitIsoDate(date);
  return [year, month, day];
}

/** `6月12日`, or `2022年6月12日` when the year differs from `currentYear`. */
export function dayInWords(date: IsoDate, currentYear?: number): string {
  const [y, m, d] = parts(date);
  return `${currentYear !== undefined && currentYear !== y ? `${y}年` : ''}${m}月${d}日`;
}

/** An entry's days as a list shows them: `6月12日`, a multi-day one `9月3日至5日` (`12月30日至2024年1月2日`). */
export function daysInWords(date: IsoDate, to: IsoDate | undefined, currentYear?: number): string {
  if (!to || to === date) return dayInWords(date, currentYear);
  const [fy, fm] = parts(date);
  const [ty, tm, td] = parts(to);
  const end = fy !== ty ? dayInWords(to, currentYear === ty ? fy : currentYear) : fm !== tm ? `${tm}月${td}日` : `${td}日`;
  return `${dayInWords(date, currentYear)}至${end}`;
}

/**
 * The name of a period made of whole months of one year, as the office says it: 2023年,
 * 2023年上半年, 2023年下半年, 2023年6月, 2023年第二季度; undefined for any other span.
 */
export function namedPeriod(from: IsoDate, to: IsoDate): string | undefined {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  if (fy !== ty || fd !== 1 || td !== lastDayOfMonth(ty, tm)) return undefined;
  if (fm === 1 && tm === 12) return `${fy}年`;
  if (fm === 1 && tm === 6) return `${fy}年上半年`;
  if (fm === 7 && tm === 12) return `${fy}年下半年`;
  if (fm === tm) return `${fy}年${fm}月`;
  if (tm === fm + 2 && fm % 3 === 1) return `${fy}年第${'一二三四'[(fm - 1) / 3]}季度`;
  return undefined;
}

/**
 * A period in the words an office report uses: 2023年上半年, 2023年第二季度, 2023年6月,
 * 2023年, else 2023年1月5日至6月30日. Open ends read 起 / 以前; no bounds read 全部记录中.
 */
export function periodInWords(from: IsoDate | null | undefined, to: IsoDate | null | undefined): string {
  if (!from && !to) return timeMessages.allTime;
  if (from && !to) return `${dayInWords(from, 0)}以来`;
  if (!from && to) return `${dayInWords(to, 0)}以前`;
  const named = namedPeriod(from!, to!);
  if (named) return named;
  const [fy, fm, fd] = parts(from!);
  const [ty, tm, td] = parts(to!);
  if (fy === ty && fd === 1 && td === lastDayOfMonth(ty, tm)) return `${fy}年${fm}月至${tm}月`;
  if (from === to) return `${dayInWords(from!, 0)}`;
  const end = fy === ty ? `${tm}月${td}日` : dayInWords(to!, 0);
  return `${dayInWords(from!, 0)}至${end}`;
}
