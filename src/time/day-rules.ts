/**
 * Rules for words that name one day: 2023年6月12日, 6月12日, 廿六日, 昨天, 大后天, 3天前,
 * 两周后, 上上周三, 下周五, 周一. Text reaching them is folded to simplified characters.
 */
import { addDays, addMonths, splitIsoDate } from './calendar.ts';
import { dayOf, monthOf, monthlessDay, oneDay, readSmallNumber, weekOfDay, weekdayNumber, weekdayOf, yearlessDay, yearlessMonthDay } from './dates.ts';
import {
  D, N, W, WEEK, WHICH, W_GUARD, Y_OPT, M, num, rule, stepsBack, withReadings, yearOf,
  type Rule,
} from './rule-kit.ts';
import { HOUR, TIME_WORD } from './time-of-day.ts';

/** Days from today named by one word: 大前天 … 今天 … 大后天 (and 今晚, 昨晚, 明早, 聽日). */
const RELATIVE_DAYS: Readonly<Record<string, number>> = {
  大前天: -3, 大前日: -3, 大前晚: -3,
  前天: -2, 前日: -2, 前晚: -2,
  前儿个: -2, 前个儿: -2,
  昨天: -1, 昨日: -1, 昨儿: -1, 昨儿个: -1, 昨个儿: -1, 昨个: -1, 昨晚: -1, 昨夜: -1, 昨早: -1, 昨晨: -1, 琴日: -1, 寻日: -1, 寻晚: -1,
  今天: 0, 今日: 0, 今儿: 0, 今儿个: 0, 今个儿: 0, 今个: 0, 今早: 0, 今晨: 0, 今晚: 0, 今夜: 0, 今朝: 0,
  明天: 1, 明日: 1, 明儿: 1, 明儿个: 1, 明个儿: 1, 明个: 1, 明早: 1, 明晚: 1, 明晨: 1, 听日: 1, 听晚: 1, 听朝: 1,
  后天: 2, 后日: 2, 后早: 2, 后晚: 2,
  大后天: 3, 大后日: 3, 大后早: 3, 大后晚: 3,
};
const RELATIVE_SOURCE = Object.keys(RELATIVE_DAYS).sort((a, b) => b.length - a.length).join('|');

/** Units of "N … 前/后": days and weeks move the day; hours, minutes and seconds keep it. */
const UNIT_DAYS: Readonly<Record<string, number>> = { 天: 1, 周: 7, 星期: 7, 礼拜: 7, 小时: 0, 钟头: 0, 分钟: 0, 秒钟: 0, 秒: 0, 钟: 0 };

/**
 * Holidays on a fixed day of the year, as month and day. Only with a word for that very day
 * (元旦当天, 国庆节那天) is one read: 元旦前后, 国庆期间 or 国庆 alone may mean the days around it.
 */
const FIXED_HOLIDAYS: Readonly<Record<string, readonly [number, number]>> = {
  元旦: [1, 1], 三八妇女节: [3, 8], 三八节: [3, 8], 妇女节: [3, 8], 植树节: [3, 12],
  五一劳动节: [5, 1], 五一国际劳动节: [5, 1], 劳动节: [5, 1], 五一: [5, 1], 五四青年节: [5, 4], 青年节: [5, 4],
  六一儿童节: [6, 1], 儿童节: [6, 1], 六一: [6, 1], 七一建党节: [7, 1], 建党节: [7, 1], 七一: [7, 1],
  八一建军节: [8, 1], 建军节: [8, 1], 八一: [8, 1], 教师节: [9, 10], 国庆节: [10, 1], 国庆: [10, 1],
};
const HOLIDAY_SOURCE = Object.keys(FIXED_HOLIDAYS).sort((a, b) => b.length - a.length).join('|');

export const DAY_RULES: readonly Rule[] = [
  // 元旦当天, 去年国庆节那天, 2026年劳动节当日 (a holiday on a fixed date, that day itself)
  rule(`${Y_OPT}(?<hol>${HOLIDAY_SOURCE})\\s*(?:节\\s*)?(?:当天|当日|那天|这天|那一天|这一天)`, true, (g, now) => {
    const [m, d] = FIXED_HOLIDAYS[g.hol!];
    const year = yearOf(g, now);
    if (year !== undefined) return dayOf(year, m, d);
    return withReadings(yearlessDay(m, d, now), { month: m, day: d });
  }),
  // 2023年6月12日, 6月12日, 六月十二号, 去年12月28日, 二零二六年十一月廿六日 (not the 一 of 3月一共, 1月一起: a word, no day)
  rule(`${Y_OPT}${M}\\s*月\\s*${D}(?:\\s*[日号]|(?![0-9个件次项名人期场批天日号月十廿卅])(?!(?<=一)[共起同道齐直律并般些下块致样切]))`, true, (g, now) => {
    const m = readSmallNumber(g.m!, 12);
    const d = readSmallNumber(g.d!, 31);
    if (!m || !d) return undefined;
    const year = yearOf(g, now);
    if (year !== undefined) return dayOf(year, m, d);
    return withReadings(yearlessDay(m, d, now), { month: m, day: d });
  }, { strict: true }),
  // 11月最后一天, 上个月的第一天, 2025年2月最后一天
  rule(`(?:${Y_OPT}${M}\\s*月份?|${WHICH}一?个?月)\\s*的?\\s*(?<pos>最后一天|第一天)`, true, (g, now) => {
    const pick = (m: { from: string; to: string }): string => (g.pos === '第一天' ? m.from : m.to);
    if (g.which) {
      const { year, month } = splitIsoDate(addMonths(now, -stepsBack(g.which)));
      return oneDay(pick(monthOf(year, month)));
    }
    const m = readSmallNumber(g.m!, 12);
    if (!m) return undefined;
    const year = yearOf(g, now);
    if (year !== undefined) return oneDay(pick(monthOf(year, m)));
    return withReadings(yearlessMonthDay(m, pick, now), undefined);
  }),
  // 2023-06-12, 2023/6/12, 2023.6.12 (a time after it is part of it: 2023-10-26 10:30:00)
  rule('(?<![0-9])(?<y>[0-9]{4})\\s*[-/.]\\s*(?<m>[0-9]{1,2})\\s*[-/.]\\s*(?<d>[0-9]{1,2})(?![0-9])[日号]?(?:[T\\s]+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?', true,
    (g) => dayOf(Number(g.y), Number(g.m), Number(g.d)), { strict: true }),
  // 6.12, 6/12 (month.day, as typed in chat; not 1.5亿元 or 2/3以上)
  rule('(?<![0-9.．/])(?<m>1[0-2]|0?[1-9])[.．/](?<d>3[01]|[12][0-9]|0?[1-9])(?![0-9.．/%％万亿元倍个件次项人名以的多月])[日号]?', true,
    (g, now) => withReadings(yearlessDay(Number(g.m), Number(g.d), now), { month: Number(g.m), day: Number(g.d) })),
  // 11-18, 4-30 (month-day as typed, like 2023-06-12 without its year; 12-14日 is days 12 to 14,
  // and 3-5人, 10-12月, 1-2天 are no dates)
  rule('(?<![0-9.．/\\-—月年第])(?<m>1[0-2]|0?[1-9])\\s*-\\s*(?<d>3[01]|[12][0-9]|0?[1-9])(?![0-9.．/\\-%％万亿元倍个件次项人名以的多月日号天年岁分秒时点位家条期批届米亩])', true,
    (g, now) => withReadings(yearlessDay(Number(g.m), Number(g.d), now), { month: Number(g.m), day: Number(g.d) })),
  // 本月12日, 上个月3号, 下个月5号
  rule(`${WHICH}一?个?月\\s*${D}\\s*[日号]`, true, (g, now) => {
    const d = readSmallNumber(g.d!, 31);
    const { year, month } = splitIsoDate(addMonths(now, -stepsBack(g.which)));
    return d ? dayOf(year, month, d) : undefined;
  }),
  // 12号, 28日 (the nearest such day; a question takes the latest one not after today); after a
  // hyphen only as a range's far end (6月12日-14日, 6月12-14日), not inside 2023-06-14
  rule(`(?<![0-9月.．/第年十廿卅])(?<!(?<![日号]|月\\s*[0-9]{1,2})-)${D}\\s*[日号](?![子本报期楼令线院机文内后起前])(?!以内|之内)`, true, (g, now) => {
    const d = readSmallNumber(g.d!, 31);
    return d ? withReadings(monthlessDay(d, now), { day: d }) : undefined;
  }),
  // 今天 昨天 前天 大前天 明天 后天 大后天, 今晚 昨晚 明早 (以后天 is not 后天)
  rule(`(?<![以之然最随此往落先背])(?<rel>${RELATIVE_SOURCE})(?![子气然])`, true, (g, now) => oneDay(addDays(now, RELATIVE_DAYS[g.rel!]))),
  // 3天前, 2星期前, 两个礼拜后, 1小时前, 半小时之后 (not 3天前往)
  rule(`(?:${N}|(?<half>半))\\s*个?\\s*(?<unit>天|周|星期|礼拜|小时|钟头|分钟|秒钟|秒|钟)\\s*(?:之|以)?(?<dir>前|后|过后)(?![往来面边者续期台])`, true, (g, now) => {
    const n = g.half ? 0.5 : num(g.n);
    const perUnit = UNIT_DAYS[g.unit!];
    if (n === undefined || perUnit === undefined) return undefined;
    const days = Math.floor(n * perUnit);
    return oneDay(addDays(now, g.dir === '前' ? -days : days));
  }),
  // 3个月前, 半个月前, 两年后 (a month or year back, same day number)
  rule(`(?:${N}|(?<half>半))\\s*(?<unit>个月|年)\\s*(?:之|以)?(?<dir>前|后)(?![往来面边者续期台])`, true, (g, now) => {
    if (g.half && g.unit === '个月') return oneDay(addDays(now, g.dir === '前' ? -15 : 15));
    const n = g.half ? 0.5 : num(g.n);
    if (n === undefined || n > 100) return undefined;
    const months = g.unit === '年' ? n * 12 : n;
    return oneDay(addMonths(now, g.dir === '前' ? -months : months));
  }),
  // 上周三, 上上周五, 下周五, 下下周一, 本周一, 这个星期一, 上个礼拜三
  rule(`${WHICH}\\s*一?\\s*个?\\s*${WEEK}\\s*${W}${W_GUARD}`, true, (g, now) =>
    oneDay(weekdayOf(now, stepsBack(g.which), weekdayNumber(g.w!)))),
  // 周五, 星期一, 礼拜天 (this week's, last week's or next week's: see `readings`)
  rule(`(?<![上下本这今当个])${WEEK}\\s*${W}${W_GUARD}`, true, (g, now) => {
    const w = weekdayNumber(g.w!);
    return withReadings(weekOfDay(w, now), { weekday: w });
  }),
  // 晚上8点, 下午3点半, 10:30 pm: a time of day alone is today (or the day named before it)
  rule(`(?:${TIME_WORD}\\s*(?:${HOUR})|${HOUR.replace('(?:am|pm|AM|PM)?', '(?:am|pm|AM|PM)')})`, true, (_g, now) => oneDay(now), { timeOnly: true }),
];
