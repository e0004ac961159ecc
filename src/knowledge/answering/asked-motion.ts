/**
 * A question about one kind of motion (议案, 质询案, 罢免案, 法律案, 任免案) is answered by the rule on
 * that kind: the laws set a co-signer count, a deadline and a handling body for each, in sentences
 * worded alike (常务委员会组成人员十人以上联名，可以…提出…议案 / …的质询案), so the article on 质询案
 * quoted for 委员几个人联名能提议案 gives a wrong count that reads right.
 */
import { type Canonicalizer, defaultEquivalences } from '../search/equivalences.ts';
import type { ScoredPassage } from '../types.ts';
import { movedFirst } from './checked-quote.ts';

// The kinds, longest first where one ends another (法律案 before no shorter 律案; 议案 is its own).
const MOTIONS = ['质询案', '罢免案', '法律案', '任免案', '撤职案', '预算案', '议案'];

/** The kinds of motion a text names. */
function motions(text: string): string[] {
  return MOTIONS.filter((kind) => text.includes(kind));
}

/** The passages to answer a question on a kind of motion from, or that none may be quoted. */
export interface MotionQuote {
  readonly passages: readonly ScoredPassage[];
  /** Set when the first passage rules on another kind and none found rules on the one asked. */
  readonly unstated?: boolean;
}

/**
 * The passages unchanged when the question names no kind of motion, or the first passage names one
 * it asks about or none at all; else the first other passage naming a kind asked, moved to the
 * front; else `unstated`.
 */
export function motionQuote(question: string, passages: readonly ScoredPassage[], canonicalizer: Canonicalizer = defaultEquivalences()): MotionQuote {
  const asked = motions(canonicalizer.apply(question));
  if (!asked.length || !passages.length) return { passages };
  const named = (p: ScoredPassage): string[] => motions(canonicalizer.apply(`${p.passage.context}\n${p.passage.text}`));
  const first = named(passages[0]);
  if (!first.length || first.some((kind) => asked.includes(kind))) return { passages };
  const at = passages.findIndex((p, i) => i > 0 && named(p).some((kind) => asked.includes(kind)));
  if (at > 0) return { passages: movedFirst(passages, at) };
  return { passages, unstated: true };
}
