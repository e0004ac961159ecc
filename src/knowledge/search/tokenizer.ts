/**
 * Lexical terms for BM25: words plus character bigrams, over text rewritten to canonical
 * spellings (equivalences.json). Question words are stopwords. Words come from
 * `Intl.Segmenter('zh')` (the default) or from jieba with the office's terms; measured side by
 * side (README, "Measured figures"), the segmenter made no difference to ranking once bigrams
 * are added, and Intl.Segmenter needs no dictionary to load.
 */
import { type Canonicalizer, defaultEquivalences } from './equivalences.ts';
import { STOPWORDS } from './stopwords.ts';
import { wordSegmenter } from './word-segmenter.ts';

const HAN = /\p{Script=Han}/u;
const WORDLIKE = /[\p{L}\p{N}]/u;

/** The common CJK block, checked by code unit before falling back to the regex. */
function isHan(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

/** Turns text into BM25 terms; the same instance serves questions and passages. */
export class Tokenizer {
  private readonly segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  private readonly words: (piece: string) => Iterable<{ segment: string; isWordLike?: boolean }>;

  constructor(private readonly canonicalizer: Canonicalizer = defaultEquivalences(), words: 'intl' | 'jieba' = 'intl') {
    this.words = words === 'intl'
      ? (piece) => this.segmenter.segment(piece)
      : (piece) => wordSegmenter().cut(piece).map((segment) => ({ segment, isWordLike: WORDLIKE.test(segment) }));
  }

  /** Terms of a text, repeated as often as they occur. */
  terms(text: string): string[] {
    const out: string[] = [];
    // Short pieces segment several times faster than one long string (ICU cost is superlinear).
    for (const piece of this.canonicalizer.apply(text).split(/[\n\r。！？；]+/)) {
      if (piece) this.pieceTerms(piece, out);
    }
    return out;
  }

  private pieceTerms(piece: string, out: string[]): void {
    let run = '';
    const flush = (): void => {
      for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
      run = '';
    };
    for (const { segment, isWordLike } of this.words(piece)) {
      if ((!isWordLike && !WORDLIKE.test(segment)) || STOPWORDS.has(segment)) {
        flush();
        continue;
      }
      out.push(segment);
      if (isHan(segment.charCodeAt(0)) || HAN.test(segment)) run += segment;
      else flush();
    }
    flush();
  }
}

let shared: Tokenizer | undefined;

/** The tokenizer over the shipped equivalence list. */
export function defaultTokenizer(): Tokenizer {
  shared ??= new Tokenizer();
  return shared;
}
