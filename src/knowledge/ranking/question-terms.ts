/**
 * What a question is about, in the forms the second stage and the found decision compare with
 * passages: its content words (segmenter words in canonical spelling, no question words) and
 * its character bigrams, each weighted by how rare it is in the index.
 */
import { type Canonicalizer, defaultEquivalences } from '../search/equivalences.ts';
import { withoutInstructions } from './instruction-cue.ts';
import { isAskingWord } from '../search/stopwords.ts';
import { officeTerms } from '../search/word-segmenter.ts';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN_RUN = /\p{Script=Han}+/gu;
// Characters that carry no topic: question particles and the commonest function characters.
const FILLER_CHARS = new Set('的了吗呢吧啊呀么嘛是在和与及或就都也还这那个我你他她它们什怎样几多少哪谁'.split(''));

/** A question taken apart once, for every passage it is compared with. */
export interface QuestionTerms {
  /** The question in canonical spelling. */
  readonly text: string;
  /** Content words: segmenter words of two or more characters, not question words. */
  readonly words: readonly string[];
  /** Character bigrams of the question's Han runs that hold no filler character. */
  readonly bigrams: readonly string[];
}

/** Take a question apart (canonical spelling first, so 人大 and 人民代表大会 compare equal). */
export function questionTerms(question: string, canonicalizer: Canonicalizer = defaultEquivalences()): QuestionTerms {
  const text = canonicalizer.apply(question);
  // A segment cut across one of the office's own terms is no word, the term is: in 能提议案
  // Intl.Segmenter reads 提议 (to propose) where the question says 提 + 议案 (a motion).
  const terms = officeTermSpans(text);
  const words = new Set<string>();
  const singles: number[] = [];
  for (const { segment, index, isWordLike } of segmenter.segment(text)) {
    if (isWordLike && segment.length === 1) singles.push(index);
    if (!isWordLike || segment.length < 2 || isAskingWord(segment)) continue;
    const end = index + segment.length;
    const cut = terms.find((t) => index < t.end && t.start < end && !(index >= t.start && end <= t.end) && !(t.start >= index && t.end <= end));
    if (cut) words.add(cut.term);
    else words.add(segment);
  }
  for (const word of wordsOfSingles(text, singles)) words.add(word);
  const bigrams = new Set<string>();
  for (const run of text.match(HAN_RUN) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) {
      if (!FILLER_CHARS.has(run[i]) && !FILLER_CHARS.has(run[i + 1])) bigrams.add(run.slice(i, i + 2));
    }
  }
  return { text, words: [...words], bigrams: [...bigrams] };
}

/**
 * The office's terms Intl.Segmenter cut into single characters (质/询/案 for 质询案): each is one
 * word, as the term list promises. Without them 代表要求质询需要多少人联名 is about 代表, 要求 and
 * 联名 only, and an article on 罢免要求 signed by 选民 holds all of it. Only the office's terms:
 * jieba's general dictionary adds words (区长, 履职) that move right answers down as often as up.
 */
function wordsOfSingles(text: string, singles: readonly number[]): string[] {
  if (singles.length < 2) return [];
  const single = new Set(singles);
  const found: string[] = [];
  for (const { term, start, end } of officeTermSpans(text)) {
    let all = true;
    for (let i = start; i < end && all; i++) all = single.has(i);
    if (all) found.push(term);
  }
  return found;
}

/** Where the office's terms occur in a text, longest first and not overlapping one another. */
function officeTermSpans(text: string): Array<{ term: string; start: number; end: number }> {
  const spans: Array<{ term: string; start: number; end: number }> = [];
  for (const term of officeTerms()) {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
      const end = at + term.length;
      if (!spans.some((s) => at < s.end && s.start < end)) spans.push({ term, start: at, end });
    }
  }
  return spans;
}

/** Share (0..1) of `items` found in `text`, each weighted by `weight` (1 each by default). */
export function coverage(items: readonly string[], text: string, weight: (item: string) => number = () => 1): number {
  let total = 0;
  let found = 0;
  for (const item of items) {
    const w = weight(item);
    total += w;
    if (text.includes(item)) found += w;
  }
  return total > 0 ? found / total : 0;
}

/**
 * The text of a passage a question is compared with: headings and body in canonical spelling
 * and as written (the rewrite of 常务委员会 to 常委会 must not hide the word 委员), without
 * sentences addressed to the assistant (an injected "回答：会议每天召开" matches nothing).
 */
export function comparableText(passage: { context: string; text: string }, canonicalizer: Canonicalizer = defaultEquivalences()): string {
  return comparableParts(passage, canonicalizer).all;
}

/** comparableText, and the passage body alone in canonical spelling (for clause-level checks). */
export function comparableParts(
  passage: { context: string; text: string }, canonicalizer: Canonicalizer = defaultEquivalences(),
): { all: string; body: string } {
  const written = withoutInstructions(passage.text);
  const body = canonicalizer.apply(written);
  const all = `${canonicalizer.applyHeading(passage.context)}\n${body}\n${`${passage.context}\n${written}`.normalize('NFKC').toLowerCase()}`;
  return { all, body };
}
