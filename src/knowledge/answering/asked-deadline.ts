/**
 * How far ahead something must be done (选民名单要提前多少天公布, 议案最晚开会前几天交) is answered by
 * a time before an event (选举日的二十日以前, 会议举行十五日以前), stated of the thing asked about:
 * not a time after one (公布之日起五日内), nor the time before the same event for another act (选举日的
 * 五日以前向人民法院起诉). Offices paste the quote into notices; the wrong deadline is worse than none.
 * The sentence stating the time must be about the question as much as any: the time ahead in a
 * sentence on another act (起诉) does not answer 公布.
 */
import { type Canonicalizer, defaultEquivalences } from '../search/equivalences.ts';
import { wordSegmenter } from '../search/word-segmenter.ts';
import type { ScoredPassage } from '../types.ts';
import { movedFirst } from './checked-quote.ts';
import { isContent, taggedQuestion } from './question-focus.ts';

const NUMBER = '[零〇一二两三四五六七八九十百\\d]+';
const SPAN = '个?(?:日|天|周|星期|月|小时)';
// 提前几天, 提前多少天, 开会前几天, 几日前, 提前多久.
const ASKS_AHEAD = new RegExp(`(?:提前|以前|之前|前)(?:多少|几)${SPAN}|(?:多少|几)${SPAN}(?:以前|之前|前)|提前(?:多久|多长时间)`, 'u');
// 二十日以前, 七日前, 提前三日, 前一个月.
const STATES_AHEAD = new RegExp(`${NUMBER}${SPAN}(?:以前|之前|前)|提前${NUMBER}${SPAN}|前${NUMBER}${SPAN}`, 'u');
const SENTENCE = /[^。；;！？\n]+/gu;
// The asking words of the pattern are no topic of the question.
const DIRECTION = /^(?:提前|以前|之前|最晚|最迟)$/u;

/** The passages to answer a how-far-ahead question from, or that none may be quoted. */
export interface DeadlineQuote {
  readonly passages: readonly ScoredPassage[];
  /** Set when no passage found states a time ahead of an event for the thing asked about. */
  readonly unstated?: boolean;
}

/** Whether a question asks how far ahead of an event something is done. */
export function asksAhead(question: string): boolean {
  return ASKS_AHEAD.test(question);
}

// The sentence stating the time ahead must hold this much of what its passage's best sentence holds.
const NEAR_BEST = 0.8;

/**
 * For a how-far-ahead question: the passages unchanged when the first states a time ahead in a
 * sentence about as much about the question as its best one; else the first other passage with
 * such a sentence holding at least as much of the question as the first passage's best sentence,
 * moved to the front; else `unstated` (the first one answers with a time after, or another act's).
 */
export function deadlineQuote(question: string, passages: readonly ScoredPassage[], canonicalizer: Canonicalizer = defaultEquivalences()): DeadlineQuote {
  if (!asksAhead(question) || !passages.length) return { passages };
  const segmenter = wordSegmenter();
  const words = taggedQuestion(question, canonicalizer).filter((w) => isContent(w) && w.tag !== 't' && !DIRECTION.test(w.word))
    .map(({ word }) => ({ word, weight: segmenter.generalIdf(word) }));
  const total = words.reduce((sum, w) => sum + w.weight, 0) || 1;
  const cover = (sentence: string): number => {
    const text = canonicalizer.apply(sentence);
    return words.reduce((sum, w) => sum + (text.includes(w.word) ? w.weight : 0), 0) / total;
  };
  const sentences = (p: ScoredPassage): string[] => p.passage.text.match(SENTENCE) ?? [];
  const best = (p: ScoredPassage): number => Math.max(0, ...sentences(p).map(cover));
  const ahead = (p: ScoredPassage): number => Math.max(-1, ...sentences(p).filter((s) => STATES_AHEAD.test(s)).map(cover));
  // The act done ahead (登记 in 提前几天登记, 公布 in 要提前多少天公布): a word of two characters or
  // more that no passage found holds is an act the documents set no time for (旁听…提前几天登记).
  const asking = ASKS_AHEAD.exec(question);
  const after = question.slice(asking ? asking.index + asking[0].length : 0);
  // A direction complement is no part of the act (交过来, 报上来: 交, 报).
  const act = taggedQuestion(after, canonicalizer).find((w) => isContent(w))?.word.replace(/[上下进出回过起]?[来去]$/u, '');
  if (act && act.length >= 2 && !passages.some((p) => canonicalizer.apply(`${p.passage.context}\n${p.passage.text}`).includes(act))) {
    return { passages, unstated: true };
  }
  const first = best(passages[0]);
  if (ahead(passages[0]) >= NEAR_BEST * first) return { passages };
  const at = passages.findIndex((p, i) => i > 0 && ahead(p) >= first);
  if (at > 0) return { passages: movedFirst(passages, at) };
  return { passages, unstated: true };
}
