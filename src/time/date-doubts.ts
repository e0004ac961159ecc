/**
 * Time words the reader must ask about rather than read: dates that cannot exist (13月5日,
 * 2023年0月, 第五季度, 星期八) and time words no rule reads (元旦, 11月底, 前几天). Either
 * way the message is never filed on "today" by default.
 */
import { parseChineseNumber } from './chinese-numbers.ts';

const NUMBER = '([0-9]{1,4}|[零〇一二两三四五六七八九十廿卅]{1,4})';

/** A month number before 月 that no calendar has (0, 13, 十三): 个月 and 几月 are not dates. */
const MONTH_WORD = new RegExp(`(?<![0-9零〇一二两三四五六七八九十个几多第])${NUMBER}\\s*月(?!亮|饼|球|光|薪|嫂|子)`, 'g');
/** A day number after 月 beyond any month's end (3月45日). */
const DAY_WORD = new RegExp(`月\\s*${NUMBER}\\s*[日号]`, 'g');
/** A quarter that does not exist (第五季度, 0季度); 四个季度 is a count. */
const QUARTER_WORD = new RegExp(`(?:第\\s*)?${NUMBER}\\s*季度`, 'g');
/** A weekday that does not exist (星期八). */
const WEEKDAY_WORD = /(?:星期|礼拜)[八九零〇0789]/g;

/** Written dates that name no real day, month or quarter, as they were written. */
export function findImpossible(text: string): string[] {
  const found: string[] = [];
  const out = (re: RegExp, valid: (n: number) => boolean) => {
    for (const m of text.matchAll(re)) {
      const n = parseChineseNumber(m[1]);
      if (n !== undefined && !valid(n)) found.push(m[0].trim());
    }
  };
  out(MONTH_WORD, (n) => n >= 1 && n <= 12);
  out(DAY_WORD, (n) => n >= 1 && n <= 31);
  out(QUARTER_WORD, (n) => n >= 1 && n <= 4);
  for (const m of text.matchAll(WEEKDAY_WORD)) found.push(m[0]);
  return found;
}

/** Holidays and vague days: real time words, but which day they mean is the person's to say. */
const VAGUE =
  /元旦|春节|国庆|中秋|清明|端午|除夕|元宵|重阳|劳动节|儿童节|妇女节|三八节|建党节|建军节|节前|节后|节日期间|假期|前几天|这几天|那几天|前些天|前段时间|这段时间|这一段时间|近段时间|这些天|这些日子|(?:这|近)几个?(?:月|周|星期|礼拜)|近日|日前|近期|最近(?!一次|一回|一期|一场|的一次)|近来|前阵子|前一阵子?|这阵子|前不久|不久前|早些时候|那天|当天|某天|改天|过几天|几天前|几天后|几周前|几个月前|月底|月初|月末|(?<![0-9零〇一二两三四五六七八九十去今明前后半个])年(?:前|后)(?![0-9零〇一二两三四五六七八九十个两半])|月中|上旬|中旬|下旬|年底|年末|年中|季末|季初|前\s*(?:[0-9]+|[一二两三四五六七八九十]+)\s*个\s*月|(?<![0-9零〇一二两三四五六七八九十提此事之以])前\s*(?:[0-9]+|[一两二三四五六七八九十]+)\s*(?:天|日|周|个?星期|个?礼拜)(?![前后])|几个?(?:天|日|周|星期|礼拜|月|年)(?:以内|之内|内|以来|来|之前|以前|前|之后|以后|后)/g;
/** Holidays by their date (七一, 五一, 六一, 十一): not a count, an ordinal or a month (十一月, 第十一次, 十一个). */
const HOLIDAY_NUMBERS = /(?<![0-9零〇一二两三四五六七八九十第])(?:七一|五一|六一|八一|十一)(?![0-9零〇一二两三四五六七八九十月日号次个届项条]|期(?!间))/g;
/**
 * Stretches no rule reads, in words a count could silently go without (all time counted
 * instead): 上半月/下半月, 头两个月, and 全年 or 年内 with no year before it (今年全年 is read; before it
 * lies the year's blanked words).
 */
const UNREAD_STRETCHES = /[上下]半(?:个)?月|头\s*(?:[0-9]+|[一二两三四五六七八九十几]+)\s*个?\s*(?:月|季度|星期|周)|(?<![\s年度])全年|(?<![\s0-9零〇一二两三四五六七八九十今本去明前当全半每])年内/g;
/** Time words left over after every rule had its turn (下下下季, 后个月, 第三周, 9月最后一周). */
const LEFT_OVER =
  /(?:上|下|本|这|去|今|明|前|后)+\s*个?\s*(?:周|星期|礼拜|季度?|月份?)(?!期|刊|报|会)|第\s*[0-9一二三四五]+\s*(?:周|个?星期)|最后\s*一?\s*个?\s*(?:周|星期|礼拜)|[0-9零〇一二两三四五六七八九十廿卅]+\s*(?:月|日)(?!常|报|刊|元|内|程|期|志|记|光|亮|薪)/g;

/** What follows a figure that is a quantity, not a date (3-5人, 13.5亿元, 2/3以上, 1.5倍). */
const UNIT_AFTER = '\\s*[%％万亿元倍个件次项人名以的多余月日号天年岁分秒时点位家条期批届米亩千百公平吨斤度]';
/**
 * A date in figures that no rule reads, where a chat message puts its date (at the start of a
 * clause): 17/11 (day first), 25.11.17 (a two-digit year), 11—18, 1117 or 20251117 run together.
 * Filing such a message on today would be a guess; it is asked about.
 */
const FIGURE_DATE = new RegExp(
  `(?<=^|[\\s，,。；;：:（(])(?:[0-9]{1,4}\\s*[-/.．—–]\\s*[0-9]{1,2}(?:\\s*[-/.．—–]\\s*[0-9]{1,4})?|(?:20[0-9]{2})?(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01]))(?![0-9]|${UNIT_AFTER})`, 'g');
/**
 * A date in Chinese digits run together at the start of a clause (九二八, 一一一七 for 11月17日): no rule
 * reads it, and filed on today it would be a guess. 二十八, 九月 and 一二三个 are no such run.
 */
const DIGIT_RUN_DATE = /(?<=^|[\s，,。；;：:（(])[〇零一二三四五六七八九]{3,4}(?![〇零一二三四五六七八九十百千万亿个次项人名位届年月日号天周期批件条家])/g;
/**
 * Years and terms no rule reads, which a count would otherwise run over all time: 24年 (a year
 * in two figures with nothing after it), 2024、2025两年 and 2024至2025年度 (a year without 年), 本届以来, 换届以来,
 * 十七届以来 (the term of office, whose first day the log does not know).
 */
const UNREAD_YEARS =
  /(?<![0-9])[0-9]{2}\s*年(?![0-9龄级轻代纪限薪终底末初中前后度])|(?<![0-9.])(?:19|20)[0-9]{2}(?=\s*[、和及与至到])|(?:本届|上届|换届|届内|任期|(?:第\s*)?[0-9一二三四五六七八九十]+\s*届)(?:常委会|人大|人大常委会)?(?:以来|以后|期间|内)/g;
/** A date in English (Nov 17, 17 Nov, yesterday, last Friday): not read, so asked about. */
const ENGLISH_DATE =
  /(?<![A-Za-z])(?:yesterday|tomorrow|tonight|today|(?:last|next|this)\s+(?:week|month|year|quarter|mon|tue|wed|thu|fri|sat|sun)[a-z]*|[0-9]+\s*days?\s+ago)(?![A-Za-z])|(?<![A-Za-z])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*[0-9]{1,2}(?:st|nd|rd|th)?(?![0-9])|(?<![0-9])[0-9]{1,2}(?:st|nd|rd|th)?\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*(?![a-z])/gi;
/**
 * A day word mistyped (作天, 咋天 for 昨天; 钱天 for 前天; 前添, 昨田 with 天 mistyped): one character and 天 opening a clause
 * that is no word for a day or a stretch (每天, 当天, 半天, 聊天 are words; 那天 is vague; 冬天 is asked too).
 */
const MISTYPED_DAY =
  /(?<=^|[\s，,。；;：:！!？?])(?:[\u4e00-\u9fff](?<![今昨前明后大每整全半成连老那哪这当几两一二三四五六七八九十百千第同次隔某改聊白晴阴雨多数头蓝青])天(?![气然下空地津安堂使才生真性花文桥天])|[今昨前明后][添田甜填恬舔](?![村镇乡街路社区园]))/g;

/** A day in digits mixed with Chinese numerals that no rule read (2十5号, 6月2十5号): never filed on another day or today. */
const MIXED_DAY = /(?:[0-9０-９]+[十廿卅][0-9０-９]*|[十廿卅][0-9０-９]+)\s*[日号]/g;

/** Time words no rule read, once the expressions that were read are blanked out. */
export function findUnreadable(text: string, read: ReadonlyArray<{ start: number; end: number }>): string[] {
  let blank = text;
  for (const p of read) blank = blank.slice(0, p.start) + ' '.repeat(p.end - p.start) + blank.slice(p.end);
  const found = new Set<string>();
  for (const m of blank.matchAll(VAGUE)) found.add(m[0]);
  for (const m of blank.matchAll(HOLIDAY_NUMBERS)) found.add(m[0]);
  for (const m of blank.matchAll(UNREAD_STRETCHES)) found.add(m[0]);
  for (const m of blank.matchAll(LEFT_OVER)) found.add(m[0].trim());
  for (const re of [FIGURE_DATE, DIGIT_RUN_DATE, ENGLISH_DATE, MISTYPED_DAY, UNREAD_YEARS, MIXED_DAY]) for (const m of blank.matchAll(re)) found.add(m[0].trim());
  // 11月底: a month that was read, with a vague part of it after; 6月以前: before it, or through it?
  for (const p of read) {
    const tail = /^\s*(?:底|初|末|中旬|上旬|下旬|前后|左右|以前|之前|前(?!往|来|去|夕|期|后|天|[0-9零〇一二两三四五六七八九十几]))/.exec(text.slice(p.end));
    if (tail) found.add(text.slice(p.start, p.end + tail[0].length));
    // 3、7月: months listed with one 月 that are not one stretch (5、6月 is read whole).
    const listed = /(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*[、和及与]\s*$/.exec(text.slice(0, p.start));
    if (listed && /月份?$/.test(text.slice(p.start, p.end))) found.add(text.slice(listed.index, p.end));
    // 一、三季度, 第一和第三季度: quarters listed with one 季度 that are not one stretch.
    const quarters = /第?\s*[一二三四1-4]\s*[、和及与]\s*$/.exec(text.slice(0, p.start));
    if (quarters && /季度$/.test(text.slice(p.start, p.end))) found.add(text.slice(quarters.index, p.end));
  }
  return [...found];
}
