/**
 * The offline Answerer: quotes the best passages with [n] citations. When the best passage
 * covers too little of the question's informative terms, it says plainly that nothing was
 * found and shows the nearest passages instead of confident noise.
 */
import { knowledgeMessages as m } from './messages.ts';
import { defaultTokenizer, type Tokenizer } from './tokenizer.ts';
import type { Answer, Answerer, ScoredPassage, Source } from './types.ts';

/**
 * Share of the question's idf mass (terms the index has never seen count as the rarest)
 * the best passage must contain to be quoted as an answer. Calibrated on the 45 dev
 * questions over the shared corpus (all answerable; coverage 0.08–0.84, 4 fall below) and
 * ten off-topic questions (weather, cooking, football, films: 0.00–0.23, 5 fall below).
 * Erring low: below it the answer says nothing was found but still shows the passages.
 */
export const WEAK_MATCH_COVERAGE = 0.12;

/** How many of the top passages are quoted in full in the answer text. */
const QUOTED = 3;
const PREVIEW_CHARS = 120;

/** Options of the extractive answerer. */
export interface ExtractiveAnswererOptions {
  /** Term weights (BM25 idf of the live index); uniform when absent. */
  readonly idf?: (term: string) => number;
  readonly tokenizer?: Tokenizer;
  readonly threshold?: number;
}

/** The source entry `ask --json` prints for a scored passage. */
export function toSource({ passage, score }: ScoredPassage): Source {
  return {
    doc: passage.doc,
    title: passage.title,
    location: passage.location,
    text: passage.text,
    score: Math.round(score * 1000) / 1000,
  };
}

/** Share of the question's weighted terms found in a passage (its text or context). */
export function queryCoverage(question: string, passage: ScoredPassage['passage'], options: ExtractiveAnswererOptions = {}): number {
  const tokenizer = options.tokenizer ?? defaultTokenizer();
  const weight = options.idf ?? (() => 1);
  const asked = new Set(tokenizer.terms(question));
  const present = new Set([...tokenizer.terms(passage.text), ...tokenizer.terms(passage.context)]);
  let total = 0;
  let found = 0;
  for (const term of asked) {
    const w = weight(term);
    total += w;
    if (present.has(term)) found += w;
  }
  return total > 0 ? found / total : 0;
}

/** Create the offline extractive Answerer. */
export function createExtractiveAnswerer(options: ExtractiveAnswererOptions = {}): Answerer {
  const threshold = options.threshold ?? WEAK_MATCH_COVERAGE;
  return {
    async answer(question, passages, callOptions) {
      const sources = passages.map(toSource);
      let text: string;
      if (!passages.length) {
        text = m.emptyIndex;
      } else if (queryCoverage(question, passages[0].passage, options) < threshold) {
        const nearest = sources.slice(0, QUOTED).map((s, i) =>
          `${m.citation(i + 1, s.title, s.location, s.doc)}：${preview(s.text)}`);
        text = [m.notFound(question.trim()), ...nearest].join('\n');
      } else {
        const quoted = sources.slice(0, QUOTED).map((s, i) =>
          `${m.citation(i + 1, s.title, s.location, s.doc)}\n“${s.text.trim()}”`);
        const rest = sources.length > QUOTED ? [m.moreSources(sources.length - QUOTED)] : [];
        text = [m.answerIntro, ...quoted, ...rest].join('\n\n');
      }
      callOptions?.onPartial?.(text);
      const answer: Answer = { answer: text, mode: 'extractive', sources };
      return answer;
    },
  };
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > PREVIEW_CHARS ? flat.slice(0, PREVIEW_CHARS) + '……' : flat;
}
