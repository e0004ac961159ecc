/**
 * A message prepared once for the reader: normalised text, its time words, the text with
 * them blanked, and its activity words.
 */
import type { Taxonomy } from './kinds.ts';
import { scanTime, type PeriodMatch } from '../time/index.ts';
import * as cue from './cues.ts';
import { lexiconOf, normalizeForMatching, type KindMention } from './lexicon.ts';
import { meetingNouns } from './meeting-nouns.ts';
import { withoutTopics } from './topic-mentions.ts';
import { findNearMiss, type NearMiss } from './near-miss.ts';
import type { IsoDate } from '../time/index.ts';

/**
 * "A few" things acted on, on one day (上周四到开发区走访了几家企业, 昨天到几个乡镇调研): a deed
 * reported, not a count asked — when the message names a day, no longer period and asks nothing.
 * 昨天开展了几项活动, 昨天开了几个会 still count (the measure is of the activities themselves).
 */
const A_FEW = /(?<=[了到去赴在对和与同]\s*)几(?=\s*(?:家|个|位|名|所|处|户|条|批)(?!\s*(?:活动|会|项|次|场|期))[\u4e00-\u9fff])/g;
const ASKS = /[?？]|吗|呢|多少|一共|总共|合计|共计|累计|统计/;

/** `blank` with the 几 of "a few" hidden, where the message reports a deed on one day. */
function hideAFew(blank: string, periods: readonly PeriodMatch[]): string {
  const oneDay = periods.some((x) => x.day && !x.timeOnly) && periods.every((x) => x.day);
  return oneDay && !ASKS.test(blank) ? blank.replace(A_FEW, '·') : blank;
}

/** A message prepared once: normalised text, time words, the text with them blanked, activity words. */
export interface Prepared {
  /** The message as typed (trimmed), for titles. */
  readonly original: string;
  /** Full-width forms folded to ASCII and traditional to simplified, same length as `original`. */
  readonly text: string;
  /** Today, as the message was read. */
  readonly now: IsoDate;
  readonly periods: PeriodMatch[];
  readonly impossible: string[];
  /** Time words no rule could read (元旦, 11月底): asked about, never guessed. */
  readonly unreadable: string[];
  /** `text` with every time expression replaced by spaces, so cues never see 近一年 as 一年. */
  readonly blank: string;
  readonly mentions: KindMention[];
  /** A meeting word or kind label mistyped by one character (党祖会), where no activity word stands. */
  readonly nearMiss?: NearMiss;
}

/**
 * 常委会 names the institution, so it is no activity word; but when a message names no
 * activity at all ("常委会今年开了几次"), it means the committee's own sessions.
 */
function institution(blank: string, taxonomy: Taxonomy): KindMention[] {
  const m = /(?:人大)?常委会(?!组成人员|机关|办公室|党组|主任)/.exec(blank);
  if (!m || !taxonomy.get('session') || /活动|工作|事项/.test(blank)) return [];
  return [{ kind: 'session', start: m.index, end: m.index + m[0].length, words: m[0] }];
}

/** `text` with the given spans (in order, not overlapping) replaced by spaces; offsets kept. */
export function blankOut(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  const parts: string[] = [];
  let at = 0;
  for (const s of spans) {
    parts.push(text.slice(at, s.start), ' '.repeat(s.end - s.start));
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Prepare a message for reading. */
export function prepare(original: string, now: IsoDate, taxonomy: Taxonomy): Prepared {
  const text = normalizeForMatching(original);
  const { periods, impossible, unreadable } = scanTime(text, now);
  let blank = blankOut(text, periods);
  // 研究如何推进… names what was discussed; it does not ask anything.
  blank = blank.replace(cue.EMBEDDED_QUESTION, (m) => m.replace(/如何|怎么|怎样/, (q) => '·'.repeat(q.length)));
  blank = hideAFew(blank, periods);
  const lexicon = lexiconOf(taxonomy);
  const listed = lexicon.find(blank);
  // 召开了年终总结会: a meeting the taxonomy does not name is still a meeting.
  // 党祖会, 主人会议: a typo of a meeting word is asked about, not filed as 其他会议 (会议 alone is no kind of its own).
  const nearMiss = findNearMiss(blank, taxonomy, listed.filter((m) => !/^(?:会议|会)$/.test(m.words)));
  const at = nearMiss ? blank.indexOf(nearMiss.typed) : -1;
  const outside = (m: KindMention) => !nearMiss || m.end <= at || m.start >= at + nearMiss.typed.length;
  const found = [...listed, ...meetingNouns(blank, lexicon, listed)].filter(outside).sort((a, b) => a.start - b.start);
  // 就代表建议办理情况开展视察: what was looked at is no activity of its own.
  const mentions = withoutTopics(blank, found);
  return {
    original, text, now, periods, impossible, unreadable, blank,
    mentions: mentions.length > 0 ? mentions : institution(blank, taxonomy),
    ...(nearMiss && mentions.length === 0 ? { nearMiss } : {}),
  };
}
