/**
 * Meetings named by a noun the taxonomy does not list (总结会, 碰头会, 务虚会, 警示教育大会,
 * 民主生活会): held, attended or asked about, they are meetings — the kind the taxonomy gives the
 * bare word 会议 (其他会议) — never 其他 when logged, nor every kind when counted.
 */
import type { KindMention, Lexicon } from './lexicon.ts';

/**
 * A noun ending in 会 after a word that holds or attends it (召开了年终工作总结会, 开了个碰头会,
 * 参加全区警示教育大会, 开了几次务虚会) or after 的 (去年的表彰大会). Group 1 is the noun.
 */
const HELD_NOUN =
  /(?:召开|举行|举办|(?<![公离打展])开(?![发展通放始拓辟办设车])|参加|出席|列席|主持|筹备|承办|的)(?:了|过)?\s*(?:[一两几]\s*[次个场]|多少\s*[次个场]|[次个场])?\s*([\u4e00-\u9fff]{0,10}?[\u4e00-\u9fff](?:大会|会))(?![议见谈商计员长客场所务堂费上后前中])/g;

/**
 * What comes before 会 in words that are bodies or other events, not meetings: 委员会, 工会, 协会,
 * 学会, 商会, 社会, 机会, 体会, 领会, 理事会, 基金会, 联合会, 促进会, 研究会, 晚会, 运动会, 博览会,
 * 交易会, 音乐会, 联欢会, 庙会, 舞会; and 几个会, 这个会, 哪些会, 什么会, 开不开会 (no noun at all).
 */
const NOT_A_MEETING = /(?:委|工|协|学|商|社|机|体|领|理|事|金|联合|促进|研究|晚|动|览|易|乐|欢|庙|舞|宴|约|误|都|个|次|场|回|轮|几|些|么|啥|哪|种|类|的|了|过|这|那|此|该|开)(?:大)?会$/;

/** Meetings named by unlisted nouns, where no activity word already stands, as mentions of the meeting kind. */
export function meetingNouns(blank: string, lexicon: Lexicon, listed: readonly KindMention[]): KindMention[] {
  const kind = lexicon.find('会议')[0]?.kind;
  if (!kind) return [];
  const found: KindMention[] = [];
  for (const m of blank.matchAll(HELD_NOUN)) {
    const noun = m[1];
    const start = m.index + m[0].length - noun.length;
    const end = start + noun.length;
    if (NOT_A_MEETING.test(noun)) continue;
    if (listed.some((x) => x.start < end && start < x.end)) continue;
    found.push({ kind, start, end, words: noun });
  }
  return found;
}
