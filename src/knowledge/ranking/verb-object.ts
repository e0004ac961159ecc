/**
 * A how-question names a deed and what it is done to (议案怎么提出, 怎样提出议案): the rule on it
 * is the article where that verb takes that object (可以向常务委员会提出属于…的议案), not the one
 * that only holds both words (议案在审议中…经主任会议提出, about voting on a bill).
 */

/** X怎么V, X应当如何V: the object before the asking word, two-character verb after it. */
const OBJECT_FIRST = /([\u4e00-\u9fff]{2,4}?)(?:应当|应该|要|该|需要|可以)?(?:怎么|如何|怎样)(?:才能|来)?([\u4e00-\u9fff]{2})/u;
/** 怎么V X: the verb right after the asking word, its object after that. */
const VERB_FIRST = /(?:怎么|如何|怎样)(?:才能|来)?([\u4e00-\u9fff]{2})([\u4e00-\u9fff]{2,4})/u;
/** Words that are no object of their own (谁, 哪些, 什么) or end the question. */
const NOT_OBJECT = /^(?:什么|哪些|哪个|多少|几|谁|一下|的|呢|吗)/u;

/** The verb, its object, and the pattern of the verb taking it within one clause (compiled once per question). */
export interface Deed {
  readonly verb: string;
  readonly object: string;
  readonly pattern: RegExp;
}

const deed = (verb: string, object: string): Deed => ({ verb, object, pattern: new RegExp(`${verb}[^，,。；;：:]{0,24}?${object}`, 'u') });

/** The verb and its object a how-question names, or undefined. */
export function questionDeed(question: string): Deed | undefined {
  const before = OBJECT_FIRST.exec(question);
  if (before && !NOT_OBJECT.test(before[1])) return deed(before[2], before[1].slice(-2));
  const after = VERB_FIRST.exec(question);
  if (after && !NOT_OBJECT.test(after[2])) return deed(after[1], after[2].slice(0, 2));
  return undefined;
}

/** 1 when the passage has the verb taking the object within one clause (a few words between), else 0. */
export function deedInPassage(named: Deed | undefined, text: string): number {
  return named?.pattern.test(text) ? 1 : 0;
}
