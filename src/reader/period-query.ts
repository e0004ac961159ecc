/**
 * A count or list over a message's period and kinds (CONTRACTS.md, `count` and `list`): which
 * period the question is about, and when a time word it cannot read must be asked about first.
 */
import type { Taxonomy } from './kinds.ts';
import * as cue from './cues.ts';
import { isTopic } from './log-reading.ts';
import { readerMessages as say } from './messages.ts';
import type { Prepared } from './prepare.ts';
import { actorSubject, committeeSubject, listedPlaces, queryTopic, unmarkedSubject, unplacedSubject } from './query-topic.ts';
import { queryRecorder } from './query-recorder.ts';
import { comparesPeriods } from './compared-periods.ts';
import { fieldKinds } from './unlogged-asks.ts';
import { boundedPeriod } from './bounded-period.ts';
import { heldMeetings, queryKinds } from './query-kinds.ts';
import { addDays, joinedPeriod, listedPeriods } from '../time/index.ts';
import type { Extreme, Reading } from './types.ts';

/** Lately, with no stretch named: a list can show it (its dates are seen); a count cannot. */
const RECENT = /^(?:最近|近来|近期|近日|这阵子)$/;
/** A year named alone (去年, 2025年). */
const YEAR_ONLY = /^(?:今年|去年|前年|明年|本年度?|上一?年度?|(?:[0-9]{4}|[〇零一二三四五六七八九]{4})年(?:度)?)$/;
/** A year and a part of it (今年1月, 2026年上半年); group 1 is the part. */
const YEAR_THEN_PART = /^(?:今年|去年|前年|明年|本年度?|上一?年度?|(?:[0-9]{4}|[〇零一二三四五六七八九]{4})年(?:度)?)\s*(\S.*)$/;

/**
 * A count or list over the message's period and every activity word in it: the first period,
 * or the one periods listed end to end make (上半年和下半年 → the year).
 */
export function query(intent: 'count' | 'list', p: Prepared, taxonomy: Taxonomy): Reading {
  if (p.impossible.length > 0) return { intent: 'unclear', question: say.impossibleDate(p.impossible[0]), settled: true };
  // 今年开了几次党祖会: never every kind counted for a word mistyped.
  if (p.nearMiss) return { intent: 'unclear', question: say.didYouMean(p.nearMiss.typed, p.nearMiss.meant), settled: true };
  // 今年代表工作开展了几次: the kinds of that field, not every kind, nor titles holding its name.
  const field = fieldKinds(p, taxonomy);
  const spans = p.periods.filter((x) => !x.timeOnly);
  // 去年同期视察了几次, with no period of this year to match: which stretch is the person's to say.
  if (spans.length === 1 && SAME_TIME.test(p.text.slice(spans[0].end))) {
    return { intent: 'unclear', question: say.sameTimeOf(spans[0].words), settled: true };
  }
  // 去年和今年1月: the year alone, or that year's January too, is the person's to say — never one taken silently.
  const part = spans.length >= 2 && YEAR_ONLY.test(spans[0].words) && /^\s*(?:和|与|及|跟|、)\s*$/.test(p.text.slice(spans[0].end, spans[1].start))
    ? YEAR_THEN_PART.exec(spans[1].words) : null;
  if (part) return { intent: 'unclear', question: say.yearOrItsPart(spans[0].words, part[1], spans[1].words), settled: true };
  // 6月底, 6月初: a month read with a vague part after it is not the whole month; ask.
  // 国庆期间视察了几次, 今年国庆期间…, 3、7月: a time word no rule reads narrows or replaces the
  // period, so it is asked about — never counted over the whole year or all time instead.
  // A time word in another clause (…，月底要报) is about something else.
  const clauseOf = (at: number): [number, number] => {
    const start = Math.max(...[...p.text.slice(0, at).matchAll(/[，,。；;？?！!\n]/g)].map((m) => m.index + 1), 0);
    const next = p.text.slice(at).search(/[，,。；;？?！!\n]/);
    return [start, next < 0 ? p.text.length : at + next];
  };
  // 最近的培训列表: a list shows its dates, newest last; 最近视察了几次 counts over a stretch the person must name.
  const unread = intent === 'list' ? p.unreadable.filter((u) => !RECENT.test(u)) : p.unreadable;
  const vague = unread.find((u) => {
    const at = p.text.indexOf(u);
    if (at < 0) return true;
    const [start, end] = clauseOf(at);
    const asked = cue.UP_TO_BOUND.test(p.text.slice(start, at)) || [...spans, ...p.mentions].some((x) => x.start >= start && x.start < end);
    return asked && !isTopic(p.text, at, at + u.length);
  });
  if (vague) return { intent: 'unclear', question: say.unreadableDate(vague), settled: true };
  // 明天要向主任汇报，上半年视察了几次: the period of the clause that asks, not a time word of another.
  const asking = spans.length > 1 ? spans.filter((x) => asks(p.blank.slice(...clauseOf(x.start)))) : [];
  // 今年和去年相比: compared periods are never joined into one.
  const joined = comparesPeriods(p) ? undefined : joinedPeriod(listedPeriods(p.periods, p.text));
  const period = boundedPeriod(joined ?? (asking.length > 0 && asking.length < spans.length ? asking[0] : spans[0]), spans);
  // 视察了几次，元旦前要报: with no period read at all, any unread time word is asked about.
  if (!period && unread.length > 0) return { intent: 'unclear', question: say.unreadableDate(unread[0]), settled: true };
  // 法工委牵头的执法检查: the committee, not 法工委牵头 (a subject read before the activity word).
  const topic = queryTopic(p);
  const committee = committeeSubject(p) ?? actorSubject(p);
  const bare = topic ? undefined : unmarkedSubject(p);
  const places = listedPlaces(bare);
  const named = places.length >= 2 ? places : [committee, topic ?? bare].filter((x): x is string => Boolean(x));
  // 张主任参加的学校视察, 赵主任参加的城东街道的调研: titles are searched for one phrase; which one is the person's to say.
  if (!field && named.length === 2 && !named[1].includes(named[0])) return { intent: 'unclear', question: say.twoNarrowings(named[0], named[1].replace(/的$/, ''), p.text.slice(p.mentions[0].start, p.mentions[0].end)), settled: true };
  const about = field ? undefined : committee ?? topic ?? bare ?? (heldMeetings(p.blank) ? undefined : unplacedSubject(p));
  const by = queryRecorder(p);
  // 今年还要开几次常委会: what is still to come is what the log holds after today (planned entries).
  const ahead = STILL_TO_COME.test(p.blank) && (!period || period.to > p.now) ? addDays(p.now, 1) : undefined;
  const from = ahead && (!period || period.from < ahead) ? ahead : period?.from ?? null;
  return {
    intent, kinds: field ?? queryKinds(p, taxonomy), from, to: period?.to ?? null, ...(about ? { about } : {}), ...(by ? { by } : {}),
  };
}

/** The same time of another period (去年同期, 去年这个时候, 上个月的这时候): which stretch is the person's to say. */
const SAME_TIME = /^\s*的?\s*(?:同期|同一时期|同一时间|同时期|这个时候|这时候|这会儿|此时|那个时候|那时候)/;

/** What a rule or plan requires, whatever the period (上半年至少要开几次常委会, 一年之内能开几次, 计划里几项): the documents answer it. */
export const REQUIRED = /至少|最少要|最多(?:能|可以|只能)|(?<![不没还])能\s*(?:开|搞|组织|开展|举行|召开|进行|安排)\s*(?:几|多少)|计划(?:里|中|上|内)|不少于|不超过|不得|应当|必须|规定|要求/;

/**
 * Asking what is still to come (还要开几次, 还会有多少次, 还计划视察几次, 还有几次执法检查), or whether anything
 * is (这周还有调研吗, 本月还有没有主任会议, 这个月还开常委会吗) — not 还开过 or 还有哪些 done.
 */
const STILL_TO_COME =
  /还(?:要|会|将|得|需要?|准备|计划|打算|能|可以)[^，,。；;？?]{0,8}(?:几|多少)|^[^了过]*还有(?:几|多少)(?![^，,。；;？?]*[了过没未])|还(?:有没有|有无)(?![^，,。；;？?]*[了过])|还(?:有|要|会|将|安排|开|搞|去|组织|召开|举行)(?![^，,。；;？?]*[了过])[^，,。；;？?]{0,10}(?:吗|么|没有?)\s*[？?]?\s*$/;

/** Whether a clause asks for a count or list (几次, 多少, 列出). */
const asks = (clause: string): boolean => cue.COUNT.test(clause) || cue.LIST.test(clause);

/** A count or list reading with what else is asked of it (latest, share, chart); any other reading as it is. */
export function marked(reading: Reading, marks: { latest?: true; share?: true; chart?: true; extreme?: Extreme; whether?: true; done?: true; units?: string }): Reading {
  return reading.intent === 'count' || reading.intent === 'list' ? { ...reading, ...marks } : reading;
}
