/**
 * Rules for words that name a period (CONTRACTS.md, "Periods"): weeks, months, quarters,
 * halves, years, "since" and "recent" spans. Text reaching them is folded to simplified.
 */
import { addDays, addMonths, splitIsoDate, toIsoDate } from './calendar.ts';
import { monthOf, monthsOf, quarterOf, readSmallNumber, weekOf, type Span } from './dates.ts';
import { COUNT, M, M2, WEEK, WHICH, WHICH_OF, Y, Y_OPT, inYear, named, num, rule, stepsBack, yearOf, type Groups, type Rule } from './rule-kit.ts';
import type { IsoDate } from './types.ts';

const RECENT = '(?:最近|近|过去|这)的?\\s*';
const SINCE = '(?:以来|来|内|里|中|之内)';

/** A quarter of a named year, or of the latest year that keeps it out of the future. */
const quarterIn = (g: Groups, written: string, now: IsoDate): Span | undefined => {
  const q = readSmallNumber(written, 4);
  return q ? inYear(g, now, (y) => quarterOf(y, q)) : undefined;
};

/** The first, middle or last ten days of a month (上旬 1-10, 中旬 11-20, 下旬 21-end). */
const tenDays = (month: Span, xun: string, last = xun): Span => {
  const start = month.from.slice(0, 8);
  const from = { 上: '01', 中: '11', 下: '21' }[xun] ?? '21';
  const to = last === '上' ? `${start}10` : last === '中' ? `${start}20` : month.to;
  return { from: `${start}${from}`, to };
};
/** 上旬, 中下旬, 上中旬: one or two neighbouring ten-day stretches. */
const XUN = '(?<xun>上|中|下)(?<xun2>(?<=上)中|(?<=中)下)?旬';

export const SPAN_RULES: readonly Rule[] = [
  // 本周 这周 上周 上上周 下周 (Monday to Sunday)
  rule(`${WHICH}一?个?${WEEK}`, false, (g, now) => weekOf(now, stepsBack(g.which))),
  // 周末, 上周末, 这个周末 (Saturday and Sunday)
  rule(`${WHICH}?一?个?周末`, false, (g, now) => {
    const week = weekOf(now, stepsBack(g.which));
    return { from: addDays(week.from, 5), to: week.to };
  }),
  // 本月 这个月 上个月 上上个月 下个月
  rule(`${WHICH_OF}月份?`, false, (g, now) => {
    const which = g.which!.replace(/[一个]/g, '');
    const { year, month } = splitIsoDate(addMonths(now, -stepsBack(which)));
    return monthOf(year, month);
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
  // 6月上旬, 去年3月下旬 (days 1-10, 11-20, 21 to the month's end)
  rule(`${Y_OPT}${M}\\s*月份?\\s*的?${XUN}`, false, (g, now) => {
    const m = readSmallNumber(g.m!, 12);
    return m ? inYear(g, now, (y) => tenDays(monthOf(y, m), g.xun!, g.xun2 ?? g.xun!)) : undefined;
  }),
  // 本月上旬, 上个月下旬
  rule(`${WHICH_OF}月份?\\s*的?${XUN}`, false, (g, now) => {
    const { year, month } = splitIsoDate(addMonths(now, -stepsBack(g.which!.replace(/[一个]/g, ''))));
    return tenDays(monthOf(year, month), g.xun!, g.xun2 ?? g.xun!);
  }),
  // 5、6两个月, 4、5、6月: neighbouring months listed as one stretch (3、7月 is asked about: date-doubts).
  // (5月、6月 with 月 on each is two periods, counted one by one: listed-periods.ts.)
  rule(`${Y_OPT}(?<list>(?:${M.replace('(?<m>', '(?:')}\\s*[、和及与]\\s*)+)${M2}\\s*(?:两|二|三|几)?\\s*个?\\s*月份?`, false, (g, now) => {
    const months = [...(g.list ?? '').split(/[、和及与]/).filter((w) => w.trim()), g.m2!]
      .map((w) => readSmallNumber(w.replace(/\s/g, ''), 12));
    const consecutive = months.every((n, i) => n !== undefined && (i === 0 || n === months[i - 1]! + 1));
    return consecutive ? inYear(g, now, (y) => monthsOf(y, months[0]!, months[months.length - 1]!)) : undefined;
  }),
  // 3月, 3月份, 十一月, 去年3月
  rule(`${Y_OPT}${M}\\s*月份?`, false, (g, now) => {
    const m = readSmallNumber(g.m!, 12);
    return m ? inYear(g, now, (y) => monthOf(y, m)) : undefined;
  }),
  // 前三季度, 前两个季度, 今年前3季度: from the year's first quarter (never the third alone)
  rule(`${Y_OPT}前\\s*(?<q>[一二两三四1-4])\\s*个?\\s*季度`, false, (g, now) => {
    const q = readSmallNumber(g.q!.replace('两', '二'), 4);
    return q ? inYear(g, now, (y) => monthsOf(y, 1, q * 3)) : undefined;
  }),
  // 今年前10个月, 今年头两个月, 2025年前三个月: from the named year's January. Without a year 前两个月 may
  // as well mean the last two months, so it is left to date-doubts to ask about.
  rule(`${Y}\\s*的?\\s*(?:前|头)\\s*${named(COUNT, 'n')}\\s*个?\\s*月份?`, false, (g, now) => {
    const n = num(g.n);
    const year = yearOf(g, now);
    return n !== undefined && n >= 1 && n <= 12 && year !== undefined ? monthsOf(year, 1, n) : undefined;
  }),
  // 一至三季度, 第二到第四季度, 2-3季度
  rule(`${Y_OPT}第?\\s*(?<qa>[一二三四1-4])\\s*(?:季度)?\\s*(?:至|到|-|—|－|~|～)\\s*第?\\s*(?<qb>[一二三四1-4])\\s*季度`, false, (g, now) => {
    const a = readSmallNumber(g.qa!, 4);
    const b = readSmallNumber(g.qb!, 4);
    return a && b && a <= b ? inYear(g, now, (y) => monthsOf(y, a * 3 - 2, b * 3)) : undefined;
  }),
  // 一、二季度, 第一和第二季度, 三、四两个季度: neighbouring quarters listed as one stretch (一、三季度 is
  // asked about: date-doubts; 一季度、二季度 with 季度 on each is two periods: listed-periods.ts).
  rule(`${Y_OPT}(?<list>(?:第?\\s*[一二三四1-4]\\s*[、和及与]\\s*)+)第?\\s*(?<q>[一二三四1-4])\\s*(?:两|二|三|四|几)?\\s*个?\\s*季度`, false, (g, now) => {
    const quarters = [...(g.list ?? '').split(/[、和及与]/).filter((w) => w.trim()), g.q!]
      .map((w) => readSmallNumber(w.replace(/[\\s第]/g, ''), 4));
    const consecutive = quarters.every((n, i) => n !== undefined && (i === 0 || n === quarters[i - 1]! + 1));
    return consecutive ? inYear(g, now, (y) => monthsOf(y, quarters[0]! * 3 - 2, quarters[quarters.length - 1]! * 3)) : undefined;
  }),
  // 第二季度, 二季度, 2023年第一季度, 三季度
  rule(`${Y_OPT}(?:第\\s*)?(?<q>[一二三四1-4])\\s*季度`, false, (g, now) => quarterIn(g, g.q!, now)),
  // Q3, 2023Q3
  rule(`${Y_OPT}[Qq](?<q>[1-4])(?![0-9])`, false, (g, now) => quarterIn(g, g.q!, now)),
  // 本季度, 这个季度, 上季度, 下个季度
  rule(`${WHICH_OF}季度?`, false, (g, now) => {
    const { year, month } = splitIsoDate(now);
    const index = year * 4 + Math.floor((month - 1) / 3) - stepsBack(g.which!.replace(/[一个]/g, ''));
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
  // 今年这几个月: this year up to today (去年这几个月 is no such span: its words are asked about).
  rule(`${Y}\\s*的?\\s*这几个月(?:以来|来|里|中)?`, false, (g, now) => {
    const year = splitIsoDate(now).year;
    return yearOf(g, now) === year ? { from: toIsoDate(year, 1, 1), to: now } : undefined;
  }),
  // 今年, 去年, 2022年, 明年
  rule(Y, false, (g, now) => {
    const year = yearOf(g, now);
    return year !== undefined ? { from: toIsoDate(year, 1, 1), to: toIsoDate(year, 12, 31) } : undefined;
  }),
  // 近半年, 半年来, 近一个月, 最近3个月, 近一年, 1个月之内, 一年内
  rule(`${RECENT}(?:(?<half>半)年|${COUNT.replace('(', '(?<n>')}\\s*(?<unit>个月|个?月份?|年))${SINCE}?|(?<half2>半)年${SINCE}|${COUNT.replace('(', '(?<n2>')}\\s*(?<unit2>个月|年)(?:以来|来|内|之内)`,
    false, (g, now) => {
      const n = g.half || g.half2 ? 6 : num(g.n ?? g.n2);
      // 2028年内 names the year 2028 (read by the year rule), not 2,028 years back.
      if (n === undefined || n < 1 || ((g.unit ?? g.unit2) === '年' && n >= 100)) return undefined;
      const months = (g.unit ?? g.unit2) === '年' ? n * 12 : n;
      return { from: addMonths(now, -months), to: now };
    }),
  // 近30天, 最近7天, 30天来, 近两周, 五日内, 两个礼拜内
  rule(`${RECENT}${named(COUNT, 'n')}\\s*(?<unit>天|日|个?(?:周|星期|礼拜))${SINCE}?|${named(COUNT, 'n2')}\\s*(?<unit2>天|日|个?(?:周|星期|礼拜))(?:以来|来|内|之内)`,
    false, (g, now) => {
      const n = num(g.n ?? g.n2);
      if (n === undefined || n < 1) return undefined;
      const days = /[周星礼]/.test(g.unit ?? g.unit2 ?? '') ? n * 7 : n;
      return { from: addDays(now, -(days - 1)), to: now };
    }),
];
