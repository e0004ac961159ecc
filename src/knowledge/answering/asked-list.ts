/**
 * A question that counts a set itself and asks for its members (请假的3名组成人员分别是谁, 5件重点督办建议
 * 分别是什么内容, 12所中小学校是哪几所) is answered only by a passage that names the members: a clause
 * holding the thing that lists items with 、, or items set out one by one (（一）…（二）…, 一是…二是…)
 * under a heading or lead-in naming it. Minutes and reports often only count (3人请假, 确定重点督办建议5件);
 * quoting the count for the names reads as an answer and is not one, so the answer is 没有找到.
 */
import { type Canonicalizer, defaultEquivalences } from '../search/equivalences.ts';
import type { ScoredPassage } from '../types.ts';
import { isContent, taggedQuestion } from './question-focus.ts';

/** What a list question asks for: the count it gives and the words naming the thing counted. */
export interface AskedList {
  /** The count as the question writes it, numeral and unit (3名, 八项). */
  readonly count: string;
  /** The numeral alone (3, 八). */
  readonly numeral: string;
  /** The thing's content words (组成人员; 区政府, 采纳 when the count stands alone), canonical; the head last. */
  readonly thing: readonly string[];
  /** The 、 of the question's own lists with two characters either side (之家、代表): names, not members. */
  readonly named: readonly string[];
}

const NUMERAL = '(?:\\d+|[一二两三四五六七八九十百千]+)';
// Measure words of things counted one by one; 以上/以下 make a threshold (三人以上联名), not a set.
const COUNT = new RegExp(`(?<![第同每任某另\\d一二两三四五六七八九十百千])(${NUMERAL})(个|名|位|人|件|项|条|所|家|次|场|批|篇|部|份|户|座|类|种)(?!以上|以下|以内|之内|左右|联名|内|多|余|次)`, 'gu');
// Asking for the members: 分别是谁, 都有哪些, 是哪几所, 具体是哪八项, 名单.
const ASKS_MEMBERS = /分别|都有哪|都是谁|是谁|有哪些|是哪些|哪几|哪些|哪[一二两三四五六七八九十]+[个名位项件条所家类种]|名单/u;
// Where the thing's name after the count ends: the asking words or the end of the clause.
const THING_ENDS = /分别|都|是|有|具体|名单|包括|[，,？?。；;]/u;
const CLAUSE = /[^，,；;。！？?\n]+/gu;
// Items set out one by one: （一）, 一、, 1. at a line's start (the text is canonical: （一） reads (一)), or 一是…二是….
const LINE_ITEM = /(?:^|\n)\s*(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[.、．])/gu;
const SAID_ITEM = /[一二三四五六七八九十]是/gu;

/** The list a question asks for, or undefined when it gives no count of a set or asks no members. */
export function askedList(question: string, canonicalizer: Canonicalizer = defaultEquivalences()): AskedList | undefined {
  // The count nearest the asking words (三次会议期间…还没有答复的10件都有哪些: 10件); one is no set.
  const match = [...question.matchAll(COUNT)]
    .filter((m) => !/^[一1]$/u.test(m[1]) && ASKS_MEMBERS.test(question.slice(m.index + m[0].length))).pop();
  if (!match) return undefined;
  const words = (text: string): string[] => taggedQuestion(text, canonicalizer).filter(isContent).map(({ word }) => word);
  const after = question.slice(match.index + match[0].length).split(THING_ENDS)[0] ?? '';
  // 还没有答复的10件都有哪些: the thing is said before the count, in its clause.
  const before = question.slice(0, match.index).split(/[，,；;。]/u).pop() ?? '';
  const thing = words(after).length ? words(after) : words(before);
  const canonical = canonicalizer.apply(question);
  const named = [...canonical.matchAll(/.{0,2}、.{0,2}/gu)].map((m) => m[0]);
  return { count: match[0], numeral: match[1], thing, named };
}

/** Whether a (canonical) text names a word: the word itself, or at least half of its character pairs. */
function names(text: string, word: string): boolean {
  if (text.includes(word)) return true;
  const pairs = [...word].slice(1).map((c, i) => word[i] + c);
  return pairs.length > 1 && pairs.filter((pair) => text.includes(pair)).length * 2 >= pairs.length;
}

/** Whether a passage names the members of the set asked for, not only its count. */
export function listsMembers(asked: AskedList, passage: ScoredPassage['passage'], canonicalizer: Canonicalizer = defaultEquivalences()): boolean {
  return membersAt(asked, passage, canonicalizer) !== undefined;
}

/**
 * Where a passage names the members: a clause listing items with 、 that names the thing (most of its
 * words, its head among them) or states its count, or the lead-in to items set out one by one.
 */
export function membersAt(asked: AskedList, passage: ScoredPassage['passage'], canonicalizer: Canonicalizer = defaultEquivalences()): string | undefined {
  const head = asked.thing[asked.thing.length - 1];
  if (head === undefined) return undefined;
  const count = new RegExp(`(?<![\\d.])${asked.numeral}(?![\\d.])`, 'u');
  const aboutThing = (text: string): boolean => count.test(text)
    || (names(text, head) && 2 * asked.thing.filter((word) => names(text, word)).length >= asked.thing.length);
  // The question's own 、-list names the thing (代表之家、代表联络站); it lists no member.
  const text = asked.named.reduce((t, part) => t.split(part).join(part.replace('、', '')), canonicalizer.apply(passage.text));
  // A list of kinds the thing is one of (支持概念验证平台、中试平台、高质量孵化器) names no member of it; a
  // list after the count describes the members (其余10件涉及面广、处理难度大), one before it names them.
  const members = (clause: string): boolean => {
    const at = clause.search(count);
    const items = (at >= 0 ? clause.slice(0, at) : clause).split('、');
    // The last item may carry the thing's name after it (…社会建设委员会和…其他专门委员会).
    return items.length > 1 && !items.slice(0, -1).some(aboutThing) && (at >= 0 || aboutThing(clause));
  };
  const listed = (text.match(CLAUSE) ?? []).find(members);
  if (listed) return listed;
  const items = [...text.matchAll(LINE_ITEM)];
  const said = [...text.matchAll(SAID_ITEM)];
  const first = items.length >= 2 ? items[0].index ?? 0 : said.length >= 2 ? said[0].index ?? 0 : -1;
  if (first < 0) return undefined;
  // The headings (一、会议议程), not the document's title, which names what all its passages are about.
  const heading = passage.context.startsWith(passage.title) ? passage.context.slice(passage.title.length) : passage.context;
  const leadIn = `${canonicalizer.applyHeading(heading)}\n${text.slice(0, first)}`;
  return aboutThing(leadIn) ? leadIn : undefined;
}

/** The passages to answer a list question from, or that none names the members. */
export interface ListQuote {
  readonly passages: readonly ScoredPassage[];
  /** Set when no passage found names the members of the set asked for. */
  readonly unstated?: boolean;
}

// Units that count the same things: 3名 asked, 3人请假 stated.
const SAME_UNIT: Readonly<Record<string, string>> = { 名: '名人位', 人: '名人位', 位: '名人位' };

/** Whether a passage states the count the question gives (3人请假 for 3名组成人员): the documents count the set. */
function statesCount(asked: AskedList, passage: ScoredPassage['passage'], canonicalizer: Canonicalizer): boolean {
  const unit = asked.count.slice(asked.numeral.length);
  const units = SAME_UNIT[unit] ?? unit;
  const digits = '\\d.一二两三四五六七八九十百千';
  return new RegExp(`(?<![${digits}])${asked.numeral}[${units}]`, 'u').test(canonicalizer.apply(passage.text));
}

/**
 * For a list question: the passages unchanged when the first names the members; else the first other
 * one that does and names every word of the question the first names, ordinals too (第九条's list of
 * 列席 bodies names 组成人员 but not the 请假 of the minutes; the 第二十一次 session's agenda is not the
 * 第二十二次's), moved to the front; else `unstated` when a passage states the count the question gives
 * — the documents count the set and name none of it. A set no passage counts is left to the other checks
 * (主要议程为…，并就…: members named in prose).
 */
export function listQuote(question: string, passages: readonly ScoredPassage[], canonicalizer: Canonicalizer = defaultEquivalences()): ListQuote {
  const asked = askedList(question, canonicalizer);
  if (!asked || !passages.length) return { passages };
  if (listsMembers(asked, passages[0].passage, canonicalizer)) return { passages };
  const words = taggedQuestion(question, canonicalizer).filter((word) => isContent(word) || /^第.+/u.test(word.word)).map(({ word }) => word);
  const all = (p: ScoredPassage): string => canonicalizer.apply(`${p.passage.title}\n${p.passage.context}\n${p.passage.text}`);
  const first = words.filter((word) => all(passages[0]).includes(word));
  const at = passages.findIndex((p, i) => i > 0 && listsMembers(asked, p.passage, canonicalizer) && first.every((word) => all(p).includes(word)));
  if (at > 0) return { passages: [passages[at], ...passages.filter((_, i) => i !== at)] };
  return passages.some((p) => statesCount(asked, p.passage, canonicalizer)) ? { passages, unstated: true } : { passages };
}
