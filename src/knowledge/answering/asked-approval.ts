/**
 * A question asking who approves an act (全国人大代表出国考察，要经过哪个机关批准) is answered only by a
 * sentence that rules on approving that act: one holding a word of approval (批准, 同意, 许可, 决定…)
 * and most of the act's words (出国考察). The article on deputies' suggestions names 全国人大代表 and a
 * body, and says nothing of trips abroad: quoting it reads as an answer and is none, so the answer is
 * 没有找到.
 */
import { type Canonicalizer, defaultEquivalences } from '../search/equivalences.ts';
import { comparableParts } from '../ranking/question-terms.ts';
import type { ScoredPassage } from '../types.ts';
import { type CheckedQuote, firstStating } from './checked-quote.ts';
import { isContent, taggedQuestion } from './question-focus.ts';

/** What an approval question asks: the act to be approved, as the question's content words. */
export interface AskedApproval {
  /** The act's content words (全国人大代表, 出国考察), canonical. */
  readonly act: readonly string[];
}

// Words of approval; a sentence with any of them rules on approving (逮捕 asked with 批准, ruled with 许可).
const APPROVAL = '批准|同意|许可|审批|核准|决定|审定';
// 经(过)谁批准, 要报哪个机关批准, 由什么部门审批: the approval asked for, and where it starts.
const ASKS_APPROVAL = new RegExp(`(?:经过?|报|由)(?:谁|哪个|哪一个|哪一级|哪些|什么)[\\p{Script=Han}]{0,4}?(?:${APPROVAL})`, 'u');
const STATES_APPROVAL = new RegExp(APPROVAL, 'u');
// Words too general to tell one act from another.
const GENERAL = /^(?:需要|要|必须|应当|期间|时候|有关|人员|工作)$/u;
const SENTENCE = /[^。；;！？\n]+/gu;

/** The act an approval question asks about, or undefined when it asks none. */
export function askedApproval(question: string, canonicalizer: Canonicalizer = defaultEquivalences()): AskedApproval | undefined {
  const match = ASKS_APPROVAL.exec(question);
  if (!match) return undefined;
  // The act is said before the approval, in its clause or (…出国考察，要经过…) the one before.
  const clauses = question.slice(0, match.index).split(/[，,；;。]/u);
  const own = clauses.pop() ?? '';
  const words = (text: string): string[] => taggedQuestion(text, canonicalizer)
    .filter((word) => isContent(word) && !GENERAL.test(word.word)).map(({ word }) => word);
  const act = words(own).length ? words(own) : words(clauses.pop() ?? '');
  return act.length ? { act } : undefined;
}

/** Whether a (canonical) text names a word: the word itself, or at least half of its character pairs. */
function names(text: string, word: string): boolean {
  if (text.includes(word)) return true;
  const pairs = [...word].slice(1).map((c, i) => word[i] + c);
  return pairs.length > 1 && pairs.filter((pair) => text.includes(pair)).length * 2 >= pairs.length;
}

/**
 * Whether a passage rules on approving the act: a sentence with a word of approval naming the act's
 * last word and more than half of its words, itself or with the article's first sentence (常务委员会会议公开举行。…经主任
 * 会议决定，可以不公开举行).
 */
export function rulesApproval(asked: AskedApproval, passage: ScoredPassage['passage'], canonicalizer: Canonicalizer = defaultEquivalences()): boolean {
  const sentences = comparableParts(passage, canonicalizer).body.match(SENTENCE) ?? [];
  const lead = sentences.length > 1 ? sentences[0] ?? '' : '';
  // The act itself is said last (全国人大代表|出国考察, 发言想|延长时间): a sentence on the deputy alone is on another act.
  const deed = asked.act[asked.act.length - 1] ?? '';
  return sentences.some((sentence) => STATES_APPROVAL.test(sentence) && (names(sentence, deed) || names(lead, deed))
    && 2 * asked.act.filter((word) => names(sentence, word) || names(lead, word)).length > asked.act.length);
}

/** The passages unchanged when the first rules on approving the act; else the first that does, moved first; else `unstated`. */
export function approvalQuote(question: string, passages: readonly ScoredPassage[], canonicalizer: Canonicalizer = defaultEquivalences()): CheckedQuote {
  const asked = askedApproval(question, canonicalizer);
  if (!asked || !passages.length) return { passages };
  return firstStating(passages, (p) => rulesApproval(asked, p.passage, canonicalizer));
}
