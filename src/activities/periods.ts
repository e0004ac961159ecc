/**
 * Finding dates and periods in a Chinese message (CONTRACTS.md, "Periods"): every time
 * expression is matched by a rule, overlapping matches are settled leftmost-longest, and
 * each match knows where it stood so the reader can cut it out of a title.
 */
import { addDays, addMonths, splitIsoDate, toIsoDate } from './calendar.ts';
import { parseChineseNumber } from './chinese-numbers.ts';
import {
  DAY_SOURCE, MONTH_SOURCE, WEEKDAY_SOURCE, YEAR_SOURCE, dayOf, latestWeekday, monthOf, monthsOf,
  notInFuture, oneDay, quarterOf, readSmallNumber, resolveYear, weekOf, weekdayNumber, weekdayOf,
  type Span,
} from './dates.ts';
import type { IsoDate } from './types.ts';

/** A time expression found in a message. */
export interface PeriodMatch extends Span {
  /** Where the words start and end in the message (UTF-16 offsets, end exclusive). */
  readonly start: number;
  readonly end: number;
  /** The words themselves. */
  readonly words: string;
  /** True when the words name one day (a date an activity can be logged on). */
  readonly day: boolean;
}

/** A single day found in a message. */
export interface DateMatch {
  readonly date: IsoDate;
  readonly start: number;
  readonly end: number;
  readonly words: string;
}

type Groups = Record<string, string | undefined>;

interface Rule {
  readonly pattern: RegExp;
  readonly day: boolean;
  /** A written date that matches but does not exist (2月30日) is worth reporting. */
  readonly strict?: boolean;
  resolve(g: Groups, now: IsoDate): Span | undefined;
}

/** A count written in words or digits: 30, 三十, 两. */
const COUNT = '([0-9０-９]+|[零〇一二两三四五六七八九十百]+)';
const RECENT = '(?:最近|近|过去|这)的?\\s*';
const SINCE = '(?:以来|来|内|里|中|之内)';

// Named groups keep each rule readable: y/yw = year digits/word, m = month, d = day, …
const named = (source: string, ...names: string[]): string => {
  let i = 0;
  return source.replace(/\((?!\?)/g, () => `(?<${names[i++]}>`);
};
const Y = named(YEAR_SOURCE, 'y', 'yw');
const Y_OPT = `(?:${Y}\\s*的?\\s*)?`;
const M = named(MONTH_SOURCE, 'm');
const M2 = named(MONTH_SOURCE, 'm2');
const D = named(DAY_SOURCE, 'd');
const W = named(WEEKDAY_SOURCE, 'w');
// 一 after 周 is Monday unless it starts 一共/一般/一样/一些/一切/一直.
const W_GUARD = '(?<!一(?=[共般样些切直]))';
const WEEK = '(?:周|星期|礼拜)';

const rule = (source: string, day: boolean, resolve: Rule['resolve'], strict = false): Rule => ({
  pattern: new RegExp(source, 'g'),
  day,
  resolve,
  strict,
});

const yearOf = (g: Groups, now: IsoDate): number | undefined => resolveYear(g.y, g.yw, now);
const num = (written: string | undefined): number | undefined =>
  written === undefined ? undefined : parseChineseNumber(written);

/** Build a span for a named year, or for the latest year that keeps it out of the future. */
const inYear = (g: Groups, now: IsoDate, build: (year: number) => Span | undefined): Span | undefined => {
  const year = yearOf(g, now);
  return year !== undefined ? build(year) : notInFuture(build, now);
};

/** A quarter of a named year, or of the latest year that keeps it out of the future. */
const quarterIn = (g: Groups, written: string, now: IsoDate): Span | undefined => {
  const q = readSmallNumber(written, 4);
  return q ? inYear(g, now, (y) => quarterOf(y, q)) : undefined;
};

const RULES: readonly Rule[] = [
  // 2023年6月12日, 6月12日, 六月十二号, 去年12月28日
  rule(`${Y_OPT}${M}\\s*月\\s*${D}(?:\\s*[日号]|(?![0-9０-９个件次项名人期场批天日号]))`, true, (g, now) => {
    const m = readSmallNumber(g.m!, 12);
    const d = readSmallNumber(g.d!, 31);
    return m && d ? inYear(g, now, (y) => dayOf(y, m, d)) : undefined;
  }, true),
  // 2023-06-12, 2023/6/12, 2023.6.12
  rule('(?<![0-9])(?<y>[0-9]{4})\\s*[-/.．]\\s*(?<m>[0-9]{1,2})\\s*[-/.．]\\s*(?<d>[0-9]{1,2})(?![0-9])[日号]?', true,
    (g) => dayOf(Number(g.y), Number(g.m), Number(g.d)), true),
  // 6.12, 6/12 (month.day, as typed in chat; not 1.5亿元 or 2/3以上)
  rule('(?<![0-9.．/])(?<m>1[0-2]|0?[1-9])[.．/](?<d>3[01]|[12][0-9]|0?[1-9])(?![0-9.．/%％万亿元倍个件次项人名以的多])[日号]?', true,
    (g, now) => notInFuture((y) => dayOf(y, Number(g.m), Number(g.d)), now)),
  // 本月12日, 上个月3号
  rule(`(?<which>本|这一?个?|当|上一?个?)月\\s*${D}\\s*[日号]`, true, (g, now) => {
    const d = readSmallNumber(g.d!, 31);
    const base = g.which!.startsWith('上') ? addMonths(now, -1) : now;
    const { year, month } = splitIsoDate(base);
    return d ? dayOf(year, month, d) : undefined;
  }),
  // 12号, 28日 (a day of this month, or of last month if still to come)
  rule(`(?<![0-9０-９月.．/\\-第年])${D}\\s*[日号](?![子本报期楼令线院机文内后起])(?!以内|之内)`, true, (g, now) => {
    const d = readSmallNumber(g.d!, 31);
    if (!d) return undefined;
    const { year, month, day } = splitIsoDate(now);
    if (d <= day) return dayOf(year, month, d);
    const last = splitIsoDate(addMonths(toIsoDate(year, month, 1), -1));
    return dayOf(last.year, last.month, d);
  }),
  // 今天 昨天 前天 大前天
  rule('(?<rel>大前天|前天|前日|昨天|昨日|昨儿|今天|今日|今儿)', true, (g, now) => {
    const back = { 大前天: 3, 前天: 2, 前日: 2, 昨天: 1, 昨日: 1, 昨儿: 1 }[g.rel!] ?? 0;
    return oneDay(addDays(now, -back));
  }),
  // 3天前
  rule(`${COUNT.replace('(', '(?<n>')}\\s*[天日]前`, true, (g, now) => {
    const n = num(g.n);
    return n !== undefined ? oneDay(addDays(now, -n)) : undefined;
  }),
  // 上周三, 上上周五, 本周一, 周五
  rule(`(?<which>上上|上|本|这)?一?个?${WEEK}${W}${W_GUARD}`, true, (g, now) => {
    const w = weekdayNumber(g.w!);
    if (!g.which) return oneDay(latestWeekday(now, w));
    const back = g.which === '上上' ? 2 : g.which === '上' ? 1 : 0;
    return oneDay(weekdayOf(now, back, w));
  }),
  // 本周 这周 上周 上上周
  rule(`(?<which>上上|上|本|这)一?个?${WEEK}`, false, (g, now) =>
    weekOf(now, g.which === '上上' ? 2 : g.which === '上' ? 1 : 0)),
  // 本月 这个月 上个月 上上个月
  rule('(?<which>本|这一?个?|当|上上个?|上一?个?)月份?', false, (g, now) => {
    const back = g.which!.startsWith('上上') ? 2 : g.which!.startsWith('上') ? 1 : 0;
    const { year, month } = splitIsoDate(addMonths(now, -back));
    return monthOf(year, month);
  }),
  // 6月1日至6月15日, 11月20日到22日 (a range; a log takes its first day)
  rule(`${Y_OPT}${M}\\s*月\\s*${D}\\s*[日号]?\\s*(?:至|到|-|—|－|~|～)\\s*(?:${M2}\\s*月\\s*)?${named(DAY_SOURCE, 'd2')}\\s*[日号]`,
    true, (g, now) => {
      const m = readSmallNumber(g.m!, 12);
      const m2 = g.m2 ? readSmallNumber(g.m2, 12) : m;
      const d = readSmallNumber(g.d!, 31);
      const d2 = readSmallNumber(g.d2!, 31);
      if (!m || !m2 || !d || !d2) return undefined;
      return inYear(g, now, (y) => {
        const a = dayOf(y, m, d);
        const b = dayOf(y, m2, d2);
        return a && b && a.from <= b.from ? { from: a.from, to: b.to } : undefined;
      });
    }),
  // 3月以来, 3月份以来
  rule(`${Y_OPT}${M}\\s*月份?\\s*(?:以来|至今|到现在)`, false, (g, now) => {
    const m = readSmallNumber(g.m!, 12);
    const start = m ? inYear(g, now, (y) => monthOf(y, m)) : undefined;
    return start && start.from <= now ? { from: start.from, to: now } : undefined;
  }),
  // 1-6月, 1至6月份
  rule(`${Y_OPT}${M}\\s*月?\\s*(?:至|到|-|—|－|~|～)\\s*${M2}\\s*月份?`, false, (g, now) => {
    const a = readSmallNumber(g.m!, 12);
    const b = readSmallNumber(g.m2!, 12);
    return a && b && a <= b ? inYear(g, now, (y) => monthsOf(y, a, b)) : undefined;
  }),
  // 3月, 3月份, 十一月, 去年3月
  rule(`${Y_OPT}${M}\\s*月份?`, false, (g, now) => {
    const m = readSmallNumber(g.m!, 12);
    return m ? inYear(g, now, (y) => monthOf(y, m)) : undefined;
  }),
  // 第二季度, 二季度, 2023年第一季度
  rule(`${Y_OPT}(?:第\\s*)?(?<q>[一二三四1-4１-４])\\s*季度`, false, (g, now) => quarterIn(g, g.q!, now)),
  // Q3, 2023Q3
  rule(`${Y_OPT}[Qq](?<q>[1-4])(?![0-9])`, false, (g, now) => quarterIn(g, g.q!, now)),
  // 本季度, 这个季度, 上季度
  rule('(?<which>本|这一?个?|当|上一?个?)季度?', false, (g, now) => {
    const { year, month } = splitIsoDate(now);
    const index = year * 4 + Math.floor((month - 1) / 3) - (g.which!.startsWith('上') ? 1 : 0);
    return quarterOf(Math.floor(index / 4), (index % 4) + 1);
  }),
  // 上半年, 下半年, 去年上半年, 2022年下半年
  rule(`${Y_OPT}(?<half>上|下)半年度?`, false, (g, now) =>
    inYear(g, now, (y) => (g.half === '上' ? monthsOf(y, 1, 6) : monthsOf(y, 7, 12)))),
  // 今年以来, 年初以来, 2023年以来
  rule(`(?:${Y}|(?<start>年初))\\s*(?:以来|至今|迄今|到现在|来)`, false, (g, now) => {
    const year = g.start ? splitIsoDate(now).year : yearOf(g, now);
    return year !== undefined ? { from: toIsoDate(year, 1, 1), to: now } : undefined;
  }),
  // 今年, 去年, 2022年
  rule(Y, false, (g, now) => {
    const year = yearOf(g, now);
    return year !== undefined ? { from: toIsoDate(year, 1, 1), to: toIsoDate(year, 12, 31) } : undefined;
  }),
  // 近半年, 半年来, 近一个月, 最近3个月, 近一年
  rule(`${RECENT}(?:(?<half>半)年|${COUNT.replace('(', '(?<n>')}\\s*(?<unit>个月|个?月份?|年))${SINCE}?|(?<half2>半)年${SINCE}|${COUNT.replace('(', '(?<n2>')}\\s*(?<unit2>个月|年)(?:以来|来)`,
    false, (g, now) => {
      const n = g.half || g.half2 ? 6 : num(g.n ?? g.n2);
      if (n === undefined || n < 1) return undefined;
      const months = (g.unit ?? g.unit2) === '年' ? n * 12 : n;
      return { from: addMonths(now, -months), to: now };
    }),
  // 近30天, 最近7天, 30天来, 近两周
  rule(`${RECENT}${COUNT.replace('(', '(?<n>')}\\s*(?<unit>天|日|个?(?:周|星期|礼拜))${SINCE}?|${COUNT.replace('(', '(?<n2>')}\\s*天(?:以来|来|内|之内)`,
    false, (g, now) => {
      const n = num(g.n ?? g.n2);
      if (n === undefined || n < 1) return undefined;
      const days = g.unit && /[周星礼]/.test(g.unit) ? n * 7 : n;
      return { from: addDays(now, -(days - 1)), to: now };
    }),
];

/** What a scan of a message found: its time expressions, and dates that do not exist. */
export interface TimeScan {
  /** Every time expression, leftmost-longest, not overlapping, in order. */
  readonly periods: PeriodMatch[];
  /** Written dates that name no real day (2月30日, 2023-02-29). */
  readonly impossible: string[];
}

/** Find every time expression in the message, and any date written that does not exist. */
export function scanTime(text: string, now: IsoDate): TimeScan {
  const found: PeriodMatch[] = [];
  const impossible: string[] = [];
  for (const r of RULES) {
    r.pattern.lastIndex = 0;
    for (const m of text.matchAll(r.pattern)) {
      if (m[0].length === 0) continue;
      const span = r.resolve((m.groups ?? {}) as Groups, now);
      if (!span) {
        if (r.strict) impossible.push(m[0]);
        continue;
      }
      found.push({ ...span, start: m.index, end: m.index + m[0].length, words: m[0], day: r.day });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const periods: PeriodMatch[] = [];
  let reach = 0;
  for (const f of found) {
    if (f.start < reach) continue;
    periods.push(f);
    reach = f.end;
  }
  return { periods, impossible };
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
