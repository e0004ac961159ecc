/**
 * Time as the office says it: calendar arithmetic in the office's time zone, Chinese numerals,
 * the date and period grammar (今天, 上周三, 上半年, 11月3日到20日 …) and dates put back into words.
 */
export type { IsoDate, Period } from './types.ts';
export { parseChineseNumber } from './chinese-numbers.ts';
export { DEFAULT_TIME_ZONE, addDays, addMonths, daysBetween, isValidIsoDate, lastDayOfMonth, mondayOf, splitIsoDate, today, toIsoDate } from './calendar.ts';
export { findDate, findPeriod, findPeriods, scanTime } from './periods.ts';
export { joinedPeriod, listedPeriods, type ListedPeriod } from './listed-periods.ts';
export { isWholeYear } from './up-to.ts';
export type { DateMatch, PeriodMatch, TimeScan } from './periods.ts';
export { normalizeDate, requireDate, namedPeriod, periodInWords, dayInWords, daysInWords } from './date-words.ts';
export { timeMessages } from './messages.ts';
export { TIME_WORD } from './time-of-day.ts';
export { foldTraditional } from './zh-variants.ts';
export { describePeriod, periodForFileName } from './period-phrase.ts';
