/**
 * Yes/no questions about the log: 4月开党组会没, 8月份开没开主任会议, 周五开党组会吗, 这周有会吗,
 * 明天有视察吗, 最近有没有安排视察. Whether something was done, or is planned, in a period is
 * answered by the entries of that period and kinds — a `list` (CONTRACTS.md), which the chat
 * turns into 开过/没有记录 with the entries that make it so. Only messages made of nothing but a
 * period, activity or meeting words and the words of asking are read so: 开党组会要提前通知吗
 * and 党组会一般周几开 ask about rules and go to the documents.
 */
import type { Taxonomy } from './kinds.ts';
import * as cue from './cues.ts';
import { blankOut, type Prepared } from './prepare.ts';
import { readerMessages as say } from './messages.ts';
import { query } from './period-query.ts';
import { subject } from './query-topic.ts';
import { addDays, dayInWords, mondayOf, splitIsoDate, type PeriodMatch } from '../time/index.ts';
import type { Reading } from './types.ts';

/** The end of a yes/no question: 吗, 么, 没, 没有 (and a particle or question mark after). */
const ASKING_END = /(?:吗|(?<![什怎这那多要])么|没有?)\s*(?:呢|啊|呀)?\s*[？?]?\s*$/;
/**
 * A tag question after a deed, done or not (今年没搞过满意度测评吧, 上周开过党组会了吧): asked for
 * confirmation, so yes or no too; 吧 after no 没, 过 or 了 (明天开会吧) proposes, it does not ask.
 */
const TAG_END = /(?:没|过|了)[^，,。；;]*吧\s*[？?]?\s*$/;
/** A yes/no asked in the middle: 有没有, 有无, 开没开, 开不开, 搞没搞, 去不去. */
const ASKING_PAIR = /有没有|有无|([开搞办去有])[没不]\1/;
/** A meeting with no kind named: 有会, 有没有会, 开会, 开过会, 开不开会 (not 会议室, 会见, 委员会). */
const ANY_MEETING = /(?:有|开|没有|不开|没开)(?:了|过)?\s*(?:什么|啥)?\s*会(?![议见谈商计员长客场])/;
/** Anything logged at all: 有活动吗, 有没有安排. */
const ANY_ENTRY = /活动|安排|记录/;
/** Lately, with no stretch named (最近有没有安排视察): the list shows its dates. */
const RECENT = /最近|近来|近期|近日/;
/**
 * The words a yes/no question about the log is made of, besides its period and activity words
 * (and who takes part: 组织代表视察).
 * Anything else (提前通知, 一般, 周几, 需要准备哪些材料) makes it a question for the documents.
 */
const ASKING_WORDS =
  /有没有|有无|没有|还有|还要|还会|还|(?:召开|举行|举办|开展|组织|进行|安排|准备|计划|打算|参加|出席|开|搞|办|去|有|要|将|会议|会|活动|记录|什么|哪些|啥|是否|不|没|了|过|的|吗|么|呢|啊|呀|吧|都|我们|咱们|代表|委员|一下|一次|次)/g;
/** Asking words at a phrase's start or end, taken off one by one to find what is asked about. */
const ASKING_EDGE = new RegExp(`^(?:${ASKING_WORDS.source})|(?:${ASKING_WORDS.source})$`);
/** A change of plan (取消了吗, 推迟了吗): the log keeps what was done or planned, not what was called off. */
const CHANGED = /取消|推迟|延期|改期|调整|变更|暂停|延后|提前|顺延/;
/** Done: 开了, 开过, 已经. */
const DONE = /(?<!为)了(?!解)|过(?!程|去)|已经/;
/** Still to come: 要开, 将, 准备, 计划, 安排, 打算. */
const PLANNED = /要|将|准备|计划|拟|打算|安排/;
/** Not done, asked of the past (没开, 还没搞过); not the 没 of 有没有. */
const NOT_YET = /(?<!有)没/;

/** Whether a yes/no question asks what was done (开过, 搞了, 没开), not what is planned (要开, 有没有安排). */
export function askedDone(p: Prepared): boolean {
  return (DONE.test(p.blank) || NOT_YET.test(p.blank)) && !PLANNED.test(p.blank);
}

/**
 * Whether the message asks only yes or no (…吗, …没有, 有没有, 开没开, 是否) of its period, kinds
 * and `about` (上半年视察了学校吗): 明天的视察取消了吗 asks something the entries do not say.
 */
export function asksOnlyYesNo(p: Prepared, about?: string): boolean {
  if (about && CHANGED.test(about)) return false;
  const text = p.blank.replace(/[\s\p{P}]+$/u, '');
  if (!ASKING_END.test(text) && !ASKING_PAIR.test(text) && !TAG_END.test(text) && !/是否/.test(text)) return false;
  return asksNothingElse(p, about);
}

/** Whether nothing but asking words is left of the message once its period, activity words and `about` are out. */
function asksNothingElse(p: Prepared, about?: string): boolean {
  const words = blankOut(p.blank, p.mentions).replace(RECENT, '');
  return (about ? words.split(about).join('') : words).replace(/[\s\p{P}]+/gu, '').replace(ASKING_WORDS, '') === '';
}

/**
 * What a yes/no question naming no activity word asks was done (今年有没有开展过满意度测评 →
 * 满意度测评): the one phrase left once the period and asking words are off its ends, and only
 * when asked of the past (过, 了). Listed over every kind, 开过 would answer for any activity at all.
 */
function unplacedDeed(p: Prepared): string | undefined {
  if (p.mentions.length > 0 || !(DONE.test(p.blank) || /没/.test(p.blank))) return undefined;
  const runs = p.blank.split(/[\s\p{P}]+/u).filter(Boolean);
  if (runs.length !== 1) return undefined;
  let phrase = runs[0];
  for (let previous = ''; previous !== phrase; ) {
    previous = phrase;
    phrase = phrase.replace(ASKING_EDGE, '');
  }
  return phrase === '' ? undefined : subject(phrase);
}

/** Whether the message asks, yes or no, about entries of a period (or lately); `about`: what, when no activity word names it. */
function asksWhether(p: Prepared, about?: string): boolean {
  const periods = p.periods.filter((x) => !x.timeOnly);
  if (periods.length > 1 || p.impossible.length > 0 || p.nearMiss) return false;
  const recent = periods.length === 0 && p.unreadable.length === 1 && RECENT.test(p.unreadable[0]);
  if (periods.length === 0 && !recent) return false;
  if (p.unreadable.length > (recent ? 1 : 0)) return false;
  const blank = p.blank.replace(/[\s\p{P}]+$/u, '');
  if (!ASKING_END.test(blank) && !ASKING_PAIR.test(blank) && !TAG_END.test(blank)) return false;
  if (p.mentions.length === 0 && !about && !ANY_MEETING.test(blank) && !ANY_ENTRY.test(blank)) return false;
  if (cue.NORMATIVE.test(blank.replace(/是否/g, ''))) return false;
  return asksNothingElse(p, about);
}

/**
 * The day a weekday alone stands for in a yes/no question: 了/过 → the last one, 要/安排 → the
 * next; with neither, this week's if it is not past, else the person is asked (周五开党组会吗 on
 * a Saturday: yesterday's, or next week's?). A date with no year (6月20日, 20号) with neither is the nearest.
 */
function dayByTense(d: PeriodMatch, p: Prepared): PeriodMatch | string {
  const r = d.readings;
  if (!r) return d;
  if (DONE.test(p.blank)) return { ...d, ...r.past };
  if (PLANNED.test(p.blank)) return { ...d, ...r.upcoming };
  const weekday = d.partial?.weekday;
  // 6月20日有会吗 asked on 6月14日: this year's, six days on — not last year's (the nearest, as a logged day).
  if (weekday === undefined) return { ...d, ...r.nearest };
  const thisWeeks = addDays(mondayOf(p.now), weekday - 1);
  if (thisWeeks >= p.now) return { ...d, from: thisWeeks, to: thisWeeks };
  const year = splitIsoDate(p.now).year;
  return say.whichWeekday(d.words, dayInWords(r.past.from, year), dayInWords(r.upcoming.from, year));
}

/** A yes/no question about the log read as the list of its period and kinds, or undefined. */
export function whetherAsked(p: Prepared, taxonomy: Taxonomy): Reading | undefined {
  const deed = unplacedDeed(p);
  if (!asksWhether(p, deed)) return undefined;
  const at = p.periods.findIndex((x) => !x.timeOnly);
  if (at < 0) {
    // 最近有没有安排视察: what is planned from today on; 最近视察过吗: the latest entries, by their dates.
    const listed = query('list', p, taxonomy);
    const ahead = PLANNED.test(p.blank) && !DONE.test(p.blank);
    return listed.intent === 'list' ? yesNo({ ...listed, ...(ahead ? { from: p.now } : {}) }, askedDone(p)) : listed;
  }
  const day = dayByTense(p.periods[at], p);
  if (typeof day === 'string') return { intent: 'unclear', question: day, settled: true };
  const periods = p.periods.map((x, i) => (i === at ? day : x));
  const listed = yesNo(query('list', { ...p, periods }, taxonomy), askedDone(p));
  // The deed no activity word names narrows the entries to titles that hold it, visibly.
  return deed && listed.intent === 'list' ? { ...listed, about: deed } : listed;
}

/**
 * A list read from a yes/no question, marked so; the message holds nothing but asking words, so
 * whatever the reader took for a subject (本周有什么会议要参加吗 → 要参加) narrows nothing.
 */
function yesNo(reading: Reading, done: boolean): Reading {
  if (reading.intent !== 'list') return reading;
  const { about: _about, ...rest } = reading;
  return { ...rest, whether: true, ...(done ? { done: true } : {}) };
}
