/**
 * The lead sentence of an extractive answer: the one sentence of the best passage that says
 * most of what was asked (its rarest terms, the expected kind of answer), lifted word for word.
 */
import { answerTypeMatch, expectedAnswerTypes } from '../answer-types.ts';
import { type Canonicalizer, defaultEquivalences } from '../search/equivalences.ts';
import { hasInstruction } from '../ranking/instruction-cue.ts';
import { coverage, questionTerms } from '../ranking/question-terms.ts';

// Sentences end at 。！？ and at ； (a rule's clauses are often whole answers), and at line breaks.
const SENTENCE = /[^。！？；\n]+[。！？；]?/g;
const ARTICLE_LABEL = /^\s*第[一二三四五六七八九十百千零\d]+条\s*/;
/** Longest lead sentence; a longer one is cut at a comma near this length. */
const MAX_CHARS = 160;

/** The sentences of a passage, without article labels and without instructions to the assistant. */
export function sentencesOf(text: string): string[] {
  return (text.match(SENTENCE) ?? [])
    .map((s) => s.replace(ARTICLE_LABEL, '').replace(/^[#\s]+/, '').trim())
    .filter((s) => s.length >= 4 && !hasInstruction(s));
}

/**
 * The sentence of `text` that best answers the question, ended with its citation: `…一次[1]。`.
 * Undefined when the passage holds no usable sentence.
 */
export function leadSentence(
  question: string, text: string, citation: number,
  weight: (word: string) => number = () => 1, canonicalizer: Canonicalizer = defaultEquivalences(),
): string | undefined {
  const terms = questionTerms(question, canonicalizer);
  const types = expectedAnswerTypes(question);
  let best: string | undefined;
  let bestScore = -1;
  sentencesOf(text).forEach((sentence, i) => {
    const canonical = canonicalizer.apply(sentence);
    const score = coverage(terms.words, canonical, weight) + 0.5 * coverage(terms.bigrams, canonical) +
      0.4 * answerTypeMatch(types, sentence) - 0.02 * i;
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  });
  if (!best) return undefined;
  let sentence = best.replace(/[。；，：:;,]+$/, '');
  if (sentence.length > MAX_CHARS) {
    const cut = sentence.lastIndexOf('，', MAX_CHARS);
    sentence = (cut > 40 ? sentence.slice(0, cut) : sentence.slice(0, MAX_CHARS)) + '……';
  }
  return `${sentence}[${citation}]。`;
}
