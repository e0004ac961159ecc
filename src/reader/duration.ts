/**
 * How long a logged activity lasted, when the message says so (为期三天, 历时两天, 连续3天).
 * The entry then spans those days — but only when the message says which end the named day is:
 * 7月10日起…为期三天 starts on the 10th, 今天结束了为期三天的… ends today. 今天…视察了…，为期三天
 * says neither, so the person is asked for the first and last day instead of an entry filed on
 * one day (or three guessed ones).
 */
import { addDays, daysBetween, findPeriods, parseChineseNumber, type IsoDate, type PeriodMatch } from '../time/index.ts';

/** A stated length in days or weeks: 为期三天, 历时两日, 连续3天, 持续五天, 为期一周. */
const LASTING = /(?:为期|历时|连续|持续)\s*([0-9０-９一二两三四五六七八九十]{1,3})\s*(?:个)?\s*(天|日|周|星期)(?:时间)?/;
/** A count of days right after the days listed (6月29日、30日两天…, 前天昨天这两天…). */
const COUNTED_AFTER = /^\s*(?:这|共|一共|整整)?\s*([0-9０-９一二两三四五六七八九十]{1,3})\s*(?:天|日)(?![内前后里])/;
/** The day named is the first: 7月10日起, 今天开始. */
const FROM_THE_DAY = /^\s*(?:起|开始|始|启动)/;
/** The message reports the activity's close: the day named is the last. */
const CLOSED = /结束|闭幕|圆满完成|落下帷幕|收官|告一段落|落幕/;

/** A length in days stated in the words, with the words that state it. */
export interface Lasting {
  readonly days: number;
  readonly words: string;
}

/**
 * The stated length of an activity in days, when more than one day is said; with `after` (the
 * words right after the days a message lists), also a bare count there (6月29日、30日两天).
 */
export function lastingOf(words: string, after?: string): Lasting | undefined {
  const m = LASTING.exec(words) ?? (after === undefined ? null : COUNTED_AFTER.exec(after));
  const count = m ? parseChineseNumber(m[1]) : undefined;
  const days = count !== undefined && m ? count * (/周|星期/.test(m[2]) ? 7 : 1) : undefined;
  return m && days !== undefined && days > 1 && days <= 366 ? { days, words: m[0] } : undefined;
}

/** The entry's days, or what to ask: the named day read as the first or the last of `lasting`. */
export type Spanned = { date: IsoDate; to: IsoDate } | { ask: 'which-end' | 'mismatch' | 'no-day' };

/**
 * The days an activity of `lasting` covers. `day` is the single day the message names (read by
 * the caller, with `to` when it named a range), `after` the text right after that day's words,
 * `words` the activity's clause.
 */
export function spanOf(lasting: Lasting, words: string, day?: { date: IsoDate; to?: IsoDate; after: string }): Spanned {
  if (day?.to) return daysBetween(day.date, day.to) + 1 === lasting.days ? { date: day.date, to: day.to } : { ask: 'mismatch' };
  if (day && FROM_THE_DAY.test(day.after)) return { date: day.date, to: addDays(day.date, lasting.days - 1) };
  if (day && CLOSED.test(words)) return { date: addDays(day.date, 1 - lasting.days), to: day.date };
  return { ask: day ? 'which-end' : 'no-day' };
}

/**
 * The day a time opened with 起/开始 starts on (7月10日起 is read as "from the 10th to today";
 * with a length, it is the activity's first day), read as a day of its own — else undefined.
 */
export function openingDay(span: PeriodMatch | undefined, now: IsoDate): PeriodMatch | undefined {
  const head = span && /^(.*[日号])\s*(?:起|开始)$/.exec(span.words)?.[1];
  return head ? findPeriods(head, now).find((d) => d.day && !d.timeOnly && d.end === head.length) : undefined;
}

/** The title without the length (it is in the entry's days): 开展为期三天的执法检查 → 开展执法检查. */
export function withoutLasting(title: string, lasting?: Lasting): string {
  const m = LASTING.exec(title) ?? (lasting && COUNTED_AFTER.exec(title));
  if (!m) return title;
  return (title.slice(0, m.index) + title.slice(m.index + m[0].length).replace(/^的/, ''))
    .replace(/[，,]\s*(?=[，,。；;]|$)/g, '')
    .replace(/^[\s，,。；;]+/, '')
    .trim();
}
