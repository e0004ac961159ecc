import type { IsoDate } from '../activities/types.ts';

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const parts = (d: IsoDate) => d.split('-').map(Number) as [number, number, number];

/**
 * How a draft names its period, the way the office writes it: 2023年上半年, 2023年,
 * 今年以来, 2023年3月, 2023年第二季度, or 2023年3月5日至7月5日.
 */
export function describePeriod(from: IsoDate, to: IsoDate, now: IsoDate): string {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  const [ny] = parts(now);
  const wholeMonthsFrom = fd === 1;
  const wholeMonthsTo = td === lastDay(ty, tm);
  if (fy === ty && wholeMonthsFrom && wholeMonthsTo) {
    if (fm === 1 && tm === 12) return `${fy}年`;
    if (fm === 1 && tm === 6) return `${fy}年上半年`;
    if (fm === 7 && tm === 12) return `${fy}年下半年`;
    if (fm === tm) return `${fy}年${fm}月`;
    const quarters = ['第一季度', '第二季度', '第三季度', '第四季度'];
    if ((fm - 1) % 3 === 0 && tm === fm + 2) return `${fy}年${quarters[(fm - 1) / 3]}`;
  }
  if (fm === 1 && fd === 1 && to === now) return fy === ny ? '今年以来' : `${fy}年以来`;
  const toText = ty === fy ? `${tm}月${td}日` : `${ty}年${tm}月${td}日`;
  return `${fy}年${fm}月${fd}日至${toText}`;
}
