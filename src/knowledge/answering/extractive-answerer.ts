/**
 * The offline Answerer. When the passages answer the question it leads with one sentence
 * lifted from the best passage (`…每两个月举行一次[1]。`), then quotes at most two passages
 * that support it, citing only those. When they do not, it says so in one sentence and names
 * at most three nearest documents, quoting nothing.
 */
import { leadSentence } from './answer-sentence.ts';
import { isProcedureQuestion, narrativeForProcedure } from '../ranking/body-cue.ts';
import { type Canonicalizer, defaultEquivalences } from '../search/equivalences.ts';
import { hasInstruction } from '../ranking/instruction-cue.ts';
import { knowledgeMessages as m } from '../messages.ts';
import { levelMismatch } from './question-level.ts';
import { comparableText, coverage, questionTerms } from '../ranking/question-terms.ts';
import type { Answer, Answerer, Assessment, ScoredPassage, Source } from '../types.ts';

/**
 * Share of the question's content words the best passage must contain to count as an answer
 * when no calibrated assessment comes with the passages (an answerer used on its own).
 */
export const WEAK_MATCH_COVERAGE = 0.34;

/** Most passages quoted in an answer (the best and a near-equal second). */
export const QUOTED = 2;
/** Most documents named as possibly related when nothing was found. */
const RELATED = 3;
/** A second passage is quoted when its score and coverage are this close to the first one's. */
const SUPPORT_RATIO = 0.8;

/** Options of the extractive answerer. */
export interface ExtractiveAnswererOptions {
  /** Term weights of the live index (rarer terms weigh more when picking the lead sentence). */
  readonly idf?: (term: string) => number;
  /** The idf of a term the index has never seen. */
  readonly maxIdf?: () => number;
  /** Spelling equivalences (the shipped list by default). */
  readonly canonicalizer?: Canonicalizer;
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

/** Share of the question's content words found in a passage (its text or context), each counting once. */
export function queryCoverage(question: string, passage: ScoredPassage['passage'], options: ExtractiveAnswererOptions = {}): number {
  const canonicalizer = options.canonicalizer ?? defaultEquivalences();
  return coverage(questionTerms(question, canonicalizer).words, comparableText(passage, canonicalizer));
}

/** The plain coverage rule, for an answerer called without the knowledge base's assessment. */
function plainAssessment(question: string, passages: readonly ScoredPassage[], options: ExtractiveAnswererOptions): Assessment {
  const share = passages.length ? queryCoverage(question, passages[0].passage, options) : 0;
  return { found: share >= (options.threshold ?? WEAK_MATCH_COVERAGE), confidence: share };
}

/**
 * "知识库中没有找到关于…的规定。" and the titles of up to three nearest documents that share a word
 * with the question — or, when the nearest passage is about another level than the question
 * names (本区 for 全国人大常委会), which document and level that is.
 */
export function notFoundText(question: string, passages: readonly ScoredPassage[], canonicalizer: Canonicalizer = defaultEquivalences()): string {
  const sentence = m.notFound(question.trim().replace(/[？?。！!\s]+$/, ''));
  const nearest = passages[0]?.passage;
  const other = nearest && levelMismatch(question, nearest);
  if (nearest && other) return `${sentence}\n${m.otherLevel(other.held, other.asked, nearest.title, nearest.location)}`;
  const words = questionTerms(question, canonicalizer).words;
  const titles: string[] = [];
  for (const { passage } of passages) {
    if (titles.length === RELATED) break;
    if (titles.includes(passage.title) || coverage(words, comparableText(passage, canonicalizer)) === 0) continue;
    titles.push(passage.title);
  }
  return titles.length ? `${sentence}\n${m.possiblyRelated(titles)}` : sentence;
}

/** A quoted passage with its citation line, and the note when it holds words addressed to the assistant. */
export function quotedPassage(n: number, { passage }: ScoredPassage): string {
  const quote = `${m.citation(n, passage.title, passage.location, passage.doc)}\n“${passage.text.trim()}”`;
  return hasInstruction(passage.text) ? `${quote}\n${m.instructionNote}` : quote;
}

/** The passages that support the lead one: the lead itself, and a near-equal second. */
function supporting(question: string, passages: readonly ScoredPassage[], canonicalizer: Canonicalizer): ScoredPassage[] {
  const [first, second] = passages;
  if (!second) return [first];
  const words = questionTerms(question, canonicalizer).words;
  const share = (p: ScoredPassage) => coverage(words, comparableText(p.passage, canonicalizer));
  // A record (summary, minutes) does not support a rule a procedure question asks for.
  const record = narrativeForProcedure(isProcedureQuestion(question), second.passage.title) === 1;
  const close = !record && second.score >= SUPPORT_RATIO * first.score && share(second) >= SUPPORT_RATIO * share(first) && share(second) > 0;
  return close ? [first, second].slice(0, QUOTED) : [first];
}

/** Create the offline extractive Answerer. */
export function createExtractiveAnswerer(options: ExtractiveAnswererOptions = {}): Answerer {
  const canonicalizer = options.canonicalizer ?? defaultEquivalences();
  const maxIdf = () => options.maxIdf?.() || 1;
  const rarity = options.idf ? (word: string) => options.idf!(word) / maxIdf() : undefined;
  return {
    async answer(question, passages, callOptions) {
      const sources = passages.map(toSource);
      const assessment = callOptions?.assessment ?? plainAssessment(question, passages, options);
      let text: string;
      let found = false;
      if (!passages.length) {
        text = m.emptyIndex;
      } else if (!assessment.found) {
        text = notFoundText(question, passages, canonicalizer);
      } else {
        found = true;
        const cited = supporting(question, passages, canonicalizer);
        const lead = leadSentence(question, cited[0].passage.text, 1, rarity, canonicalizer, cited[0].passage.context);
        text = [...(lead ? [lead] : []), ...cited.map((p, i) => quotedPassage(i + 1, p))].join('\n\n');
      }
      callOptions?.onPartial?.(text);
      const answer: Answer = { answer: text, found, mode: 'extractive', sources };
      return answer;
    },
  };
}
