import { namedPeriod, type IsoDate } from '../activities/index.ts';

/**
 * How a draft names its period, the way the office writes it: 2023年上半年, 2023年,
 * 今年以来, 2023年3月, 2023年第二季度, or 2023年3月5日至7月5日.
 */
export function describePeriod(from: IsoDate, to: IsoDate, now: IsoDate): string {
  const named = namedPeriod(from, to);
  if (named) return named;
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  if (fm === 1 && fd === 1 && to === now) return fy === Number(now.slice(0, 4)) ? '今年以来' : `${fy}年以来`;
  const toText = ty === fy ? `${tm}月${td}日` : `${ty}年${tm}月${td}日`;
  return `${fy}年${fm}月${fd}日至${toText}`;
}
