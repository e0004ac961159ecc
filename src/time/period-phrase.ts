import { lastDayOfMonth } from './calendar.ts';
import { namedPeriod } from './date-words.ts';
import type { IsoDate } from './types.ts';

/**
 * How a draft names its period, the way people say it: 2023年上半年, 2023年第二季度,
 * 2023年3月, 2023年3月至4月, 2023年6月27日, 今年以来, 半年来 / 近一个月来 (the request's own words for a span
 * that ends today), or 2023年3月5日至7月5日 when nothing shorter fits.
 */
export function describePeriod(from: IsoDate, to: IsoDate, now: IsoDate, words?: string): string {
  const named = namedPeriod(from, to);
  if (named) return named;
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  if (fm === 1 && fd === 1 && to === now) return fy === Number(now.slice(0, 4)) ? '今年以来' : `${fy}年以来`;
  // 本季度以来, 本月以来: the quarter or month begun, up to today (2023年第二季度以来).
  if (to === now && words && /以来/.test(words) && fd === 1) {
    if (/季度/.test(words) && fm % 3 === 1) return `${fy}年第${'一二三四'[(fm - 1) / 3]}季度以来`;
    if (/月/.test(words) && fy === ty && fm === tm) return `${fy}年${fm}月以来`;
  }
  const recent = to === now && words ? recentPhrase(words) : undefined;
  if (recent) return recent;
  // One day (6月27日那次会议): the day, never 6月27日至6月27日.
  if (from === to) return `${fy}年${fm}月${fd}日`;
  // Whole months of one year (3月和4月): 2023年3月至4月.
  if (fy === ty && fd === 1 && td === lastDayOfMonth(ty, tm)) return `${fy}年${fm}月至${tm}月`;
  const toText = ty === fy ? `${tm}月${td}日` : `${ty}年${tm}月${td}日`;
  return `${fy}年${fm}月${fd}日至${toText}`;
}

/** 半年来 → 半年来, 近半年 → 近半年来, 最近一个月 → 近一个月来, 近30天 → 近30天来. */
function recentPhrase(words: string): string | undefined {
  const match = /^(?:最?近)?(.+?)(?:以来|来)?$/.exec(words.trim());
  if (!match || !/[年月天周]$/.test(match[1])) return undefined;
  return words.startsWith('近') || words.startsWith('最近') ? `近${match[1]}来` : `${match[1]}来`;
}

/**
 * The period as a file name starts: 2023上半年, 2023第二季度, 2023年3月, 今年以来 (the
 * year's 年 is dropped before 上半年 and 第…季度, as the office names its files).
 */
export function periodForFileName(period: string): string {
  return period.replace(/^(\d{4})年(?=[上下]半年|第)/, '$1');
}
