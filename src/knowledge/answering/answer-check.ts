/**
 * Checks a model's answer against the passages it cites, sentence by sentence: a sentence
 * that carries [n] must share its key terms with passage n, and every number or duration in
 * it must stand in a cited passage (七日 = 7日 = 七天). A sentence that fails — or a sentence
 * with a number that cites nothing — is dropped, so a figure no passage states never reaches
 * the user unmarked.
 */
import { type Canonicalizer, defaultEquivalences } from '../search/equivalences.ts';
import { withoutInstructions } from '../ranking/instruction-cue.ts';
import { coverage, questionTerms } from '../ranking/question-terms.ts';
import { unsupportedClaims, type ClaimSource } from './answer-claims.ts';
import { numeralValue } from './numerals.ts';

/** The outcome of checking an answer. */
export interface AnswerCheck {
  /** The answer without the sentences that failed. */
  readonly text: string;
  /** The sentences removed, as written. */
  readonly removed: readonly string[];
  /** Whether the first sentence (the direct answer) was removed. */
  readonly leadRemoved: boolean;
  /** Passage numbers the kept text cites. */
  readonly cited: readonly number[];
}

/** Share of a sentence's words that must be in the passages it cites. */
const MIN_SHARED_TERMS = 0.4;
/** An uncited sentence with this many words is a claim, not connecting text: some passage must bear it out. */
const CLAIM_WORDS = 4;

// A quotation (which may span lines) with what follows it to the sentence's end is one
// sentence; otherwise sentences end at 。！？ and at line breaks.
const SENTENCE = /“[^”]*”[^。！？!?\n“]*[。！？!?]*\n?|[^。！？!?\n“]+[。！？!?]*\n?|“|\n/g;
const CITATION = /\[(\d{1,2})\]/g;
// Article and chapter labels (第十二条) and citation marks are not figures.
const LABEL = /第[一二三四五六七八九十百千零〇两\d]+[编章节条款项目]|\[\d{1,2}\]/g;
const NUMERAL = /[0-9０-９]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万半]+/g;
// A frequency without a numeral is a figure too: 每天 says as much as 每两个月.
// 每个月 says 每月 (not 每两个月).
const FREQUENCY = /每个?(?:天|日|周|星期|月|季度|年|届)/g;
const SAME_FREQUENCY: Readonly<Record<string, string>> = { 每日: '每天', 每星期: '每周' };

/**
 * The figures a text states: numbers as values (七日 → 7, 三分之一 → 3, 3.65万亿 → 3.65) and
 * bare frequencies (每天, 每年). Lone 一 (一次, 一般, 统一) is a word more often than a figure
 * and is left out.
 */
export function statedNumbers(text: string): Set<number | string> {
  const figures = new Set<number | string>();
  const plain = text.replace(LABEL, ' ');
  for (const [token] of plain.matchAll(NUMERAL)) {
    if (token === '一' || token === '万' || token === '千' || token === '百') continue;
    const value = numeralValue(token);
    if (!Number.isNaN(value)) figures.add(value);
  }
  for (const [written] of plain.matchAll(FREQUENCY)) {
    const token = written.replace('个', '');
    figures.add(SAME_FREQUENCY[token] ?? token);
  }
  return figures;
}

/** The sentences of a text, a citation written after the full stop (…一次。[1]) kept with its sentence. */
function sentencesWithCitations(text: string): string[] {
  const out: string[] = [];
  for (const [sentence] of text.matchAll(SENTENCE)) {
    if (out.length && /^\s*[”’」』"')）]*\s*(?:\[\d{1,2}\]\s*)+[。．.，,]?\s*$/.test(sentence) && out[out.length - 1].trim()) {
      out[out.length - 1] = out[out.length - 1].replace(/\n$/, '') + sentence;
    } else {
      out.push(sentence);
    }
  }
  return out;
}

/**
 * Check each sentence of a model's answer against the passages (numbered from 1) it cites.
 * Sentences of a passage addressed to the assistant ground nothing: "回答：会议每天召开" in a
 * document does not make "会议每天召开[2]" true. A sentence that cites nothing is kept only as
 * connecting text: a claim (several words, a figure, a quotation, an article or a document
 * named) must stand in some passage. A passage given as a string has no names beyond its text.
 */
export function checkAnswer(
  text: string, given: ReadonlyArray<string | ClaimSource>, canonicalizer: Canonicalizer = defaultEquivalences(),
): AnswerCheck {
  const passages: ClaimSource[] = given.map((p) => (typeof p === 'string' ? { text: p, names: '' } : p))
    .map((p) => ({ text: withoutInstructions(p.text), names: p.names }));
  const kept: string[] = [];
  const removed: string[] = [];
  const cited = new Set<number>();
  let leadRemoved = false;
  let leadIndex = -1;
  let first = true;
  const sentences = sentencesWithCitations(text);
  const lastWords = sentences.findLastIndex((s) => s.trim());
  for (const [at, sentence] of sentences.entries()) {
    if (!sentence.trim()) {
      kept.push(sentence);
      continue;
    }
    const numbers = [...sentence.matchAll(CITATION)].map((m) => Number(m[1])).filter((n) => n >= 1 && n <= passages.length);
    const figures = statedNumbers(sentence);
    const words = questionTerms(sentence.replace(CITATION, ''), canonicalizer).words;
    const shares = (sources: string) => coverage(words, canonicalizer.apply(sources) + '\n' + sources) >= MIN_SHARED_TERMS;
    let ok: boolean;
    if (numbers.length) {
      const bases = numbers.map((n) => passages[n - 1]);
      const sources = bases.map((p) => p.text).join('\n');
      const grounded = statedNumbers(sources);
      ok = (words.length === 0 || shares(sources)) && [...figures].every((value) => grounded.has(value))
        && unsupportedClaims(sentence, bases).length === 0;
    } else {
      // Uncited connecting text may stay; an uncited figure is one nobody can check, and an
      // uncited claim must at least be one the passages make.
      const all = passages.map((p) => p.text).join('\n');
      ok = figures.size === 0 && unsupportedClaims(sentence, passages).length === 0
        && (words.length < CLAIM_WORDS || shares(all))
        // A reply cut off at the service's length limit ends mid-sentence: that half says nothing checked.
        && !(at === lastWords && !first && !/[。！？!?”」』）)：:；;]\s*$/.test(sentence));
    }
    if (ok) {
      kept.push(sentence);
      numbers.forEach((n) => cited.add(n));
    } else {
      removed.push(sentence.trim());
      if (first) leadRemoved = true;
      // "第三条规定：" introduced what was removed: alone it would dangle.
      const last = kept.findLastIndex((k) => k.trim());
      if (last >= 0 && /[：:，,]\s*$/.test(kept[last])) {
        kept.splice(last);
        if (last === leadIndex) leadRemoved = true;
      }
    }
    if (first) leadIndex = kept.length - 1;
    first = false;
  }
  return { text: kept.join('').trim(), removed, leadRemoved, cited: [...cited] };
}
