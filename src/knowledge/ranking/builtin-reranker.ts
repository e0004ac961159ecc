/**
 * The built-in second stage: re-orders the fused head of the list by what a reader checks —
 * are the question's rare terms inside this very article (not spread over its neighbours), do
 * its headings name the topic, is it of the expected answer type, the level and the body the
 * question names, and is it a rule when a rule is asked for. A weighted sum of a few features,
 * weights fitted on questions written for the purpose (scripts/tune-reranker.ts).
 */
import { answerTypeMatch, expectedAnswerTypes, isKindWord } from '../answer-types.ts';
import { ARTICLE_LABEL, CLAUSE, crossReference, topicPosition } from './article-cues.ts';
import { bodyMismatch, isProcedureQuestion, narrativeForProcedure, questionBodies, subjectBodyMismatch } from './body-cue.ts';
import { type Canonicalizer, defaultEquivalences } from '../search/equivalences.ts';
import { comparableParts, coverage, questionTerms } from './question-terms.ts';
import { WeightedTerms } from './weighted-terms.ts';
import { answerLevel, localByDefault, ownRule, questionScope, scopeMatch } from './scope-cue.ts';
import { headingYear, namesInQuestion, titleConflict, titleMatch, yearsInQuestion } from './title-cue.ts';
import type { Reranker, ScoredPassage } from '../types.ts';
import { actorInPassage, deedInPassage, questionActor, questionDeed } from './verb-object.ts';

/** Feature names, in the order of the weights. */
export const RERANK_FEATURES = [
  'fused', 'answerType', 'scope', 'title', 'wordCoverage', 'bigramCoverage', 'heading', 'bodyMismatch', 'narrative',
  'sentenceCoverage', 'proximity', 'lead', 'density', 'subjectBody', 'titleConflict', 'localDefault', 'headingYear',
  'topicPosition', 'crossReference', 'deed', 'ownRule', 'actor',
] as const;

/** One weight per feature (RERANK_FEATURES order). */
export type RerankWeights = Readonly<Record<(typeof RERANK_FEATURES)[number], number>>;

/** Weights fitted by scripts/tune-reranker.ts on the tune halves of the question sets. */
export const DEFAULT_RERANK_WEIGHTS: RerankWeights = {
  fused: 1, answerType: 0.45, scope: 0.5, title: 0.37, wordCoverage: 0.59, bigramCoverage: 0.41, heading: 0.43,
  bodyMismatch: -0.5, narrative: -0.6, sentenceCoverage: 0.52, proximity: 0.13, lead: 0.59, density: 0.48, subjectBody: -0.3, titleConflict: -1,
  localDefault: 0.1, headingYear: 0.3, topicPosition: 0.3, crossReference: 0.4, deed: 0.3, ownRule: 0.2, actor: 0.5,
};

/** What the built-in re-ranker needs from the live index. */
export interface BuiltinRerankerOptions {
  /** Inverse document frequency of a term in the index. */
  readonly idf: (term: string) => number;
  /** Names documents go by (law short names, cities, years), for the title cue. */
  readonly documentNames?: () => ReadonlySet<string>;
  readonly canonicalizer?: Canonicalizer;
  readonly weights?: RerankWeights;
}

/** The feature vector of each candidate (RERANK_FEATURES order), for scoring and tuning. */
export function rerankFeatures(
  question: string, candidates: readonly ScoredPassage[], options: BuiltinRerankerOptions,
): number[][] {
  const canonicalizer = options.canonicalizer ?? defaultEquivalences();
  const terms = questionTerms(question, canonicalizer);
  const types = expectedAnswerTypes(question);
  const scope = questionScope(question);
  const mentioned = options.documentNames ? namesInQuestion(question, options.documentNames()) : [];
  const procedure = isProcedureQuestion(question);
  const bodies = questionBodies(terms.text);
  const years = yearsInQuestion(question);
  // Each term's weight once per question, not once per candidate and clause.
  const weights = new Map<string, number>();
  const idf = (term: string): number => {
    let weight = weights.get(term);
    if (weight === undefined) weights.set(term, weight = options.idf(term));
    return weight;
  };
  // A word naming only the kind of answer (事项 in 哪些事项) is borrowed everywhere (本法第十一条
  // 规定的事项): a citation for it says nothing about which article states the question's rule.
  const references = crossReference(terms.words.filter((word) => !isKindWord(types, word)), candidates);
  const deed = questionDeed(question);
  const asked = questionActor(question);
  // A rule question naming no law (根据代表法…) asks about the office's own practice.
  const namesLaw = mentioned.some((name) => name.endsWith('法'));
  const weighed: Weighed = { words: WeightedTerms.of(terms.words, idf), bigrams: WeightedTerms.of(terms.bigrams, idf) };
  return candidates.map(({ passage, score }, i) => {
    const { all: text, body } = comparableParts(passage, canonicalizer);
    const heading = canonicalizer.applyHeading(passage.title, passage.context, passage.location);
    // The terms each text holds, found once: its body, clauses and lead are parts of it.
    const inText = within(weighed, text);
    const inBody = within(inText, body);
    const lead = leadSentence(body);
    const clauses = body.match(CLAUSE) ?? [];
    const best = bestClauses(inBody, clauses);
    // A rule of both levels in one article (全国…；县级以上的地方各级…) is of the level of the clauses that answer.
    const level = answerLevel(passage.title, passage.text, best.clauses);
    return [
      score,
      answerTypeMatch(types, passage.text),
      scopeMatch(scope, level),
      titleMatch(mentioned, passage.title),
      inText.words.keptShare(),
      inText.bigrams.keptShare(),
      coverage(terms.words, heading),
      bodyMismatch(question, passage.title),
      narrativeForProcedure(procedure, passage.title),
      best.share,
      proximity(inText.words.items, text),
      leadCoverage(inBody, lead),
      density(inBody, body),
      subjectBodyMismatch(bodies, lead),
      titleConflict(mentioned, passage.title),
      localByDefault(scope, level),
      headingYear(years, passage.location),
      topicPosition(terms.words, body, idf),
      references[i],
      deedInPassage(deed, passage.text),
      ownRule(scope, procedure && !namesLaw, passage.title),
      actorInPassage(asked, clauses, terms.words),
    ];
  });
}


// A clause holding at least this part of the best clause's share answers too.
const NEAR_BEST_CLAUSE = 0.8;

/** The question's words and bigrams, weighed by rarity (after `within`: those a text holds). */
interface Weighed {
  readonly words: WeightedTerms;
  readonly bigrams: WeightedTerms;
}

/** The terms `text` holds, still weighed against the whole question. */
function within(terms: Weighed, text: string): Weighed {
  return { words: terms.words.within(text), bigrams: terms.bigrams.within(text) };
}

/**
 * The largest rarity-weighted share of the question's terms that one clause of the (canonical)
 * passage body holds, and the clauses that hold nearly as much (the ones that answer).
 */
function bestClauses(terms: Weighed, clauses: readonly string[]): { share: number; clauses: string[] } {
  const scored = clauses.map((clause) => ({ clause, share: 0.5 * terms.words.share(clause) + 0.5 * terms.bigrams.share(clause) }));
  const share = Math.max(0, ...scored.map((c) => c.share));
  return { share, clauses: share > 0 ? scored.filter((c) => c.share >= NEAR_BEST_CLAUSE * share).map((c) => c.clause) : [] };
}

// The first sentence of a passage: up to the first full stop, semicolon or colon.
const LEAD = /^[^。；：！？\n]*/u;

/**
 * How much of the question the passage's first sentence holds. An article states its subject
 * first (代表受原选区选民或者原选举单位的监督): its neighbours mention the same words in passing,
 * further down, as conditions or exceptions.
 */
function leadCoverage(terms: Weighed, lead: string): number {
  return 0.5 * terms.words.share(lead) + 0.5 * terms.bigrams.share(lead);
}

/** The first sentence of a (canonical) passage body, without its article label. */
function leadSentence(body: string): string {
  return body.replace(ARTICLE_LABEL, '').match(LEAD)?.[0] ?? '';
}

/**
 * The question's bigram coverage discounted by the passage's length: of two articles that hold
 * the same terms, the short one is about them (法律应当明确规定施行日期), the long one mentions them.
 */
function density(terms: Weighed, body: string): number {
  return terms.bigrams.keptShare() * Math.sqrt(80 / Math.max(80, body.length));
}

/**
 * How closely the question's words stand together in the passage: their total length over
 * the shortest stretch of text that holds every one of them found there (1 when adjacent).
 * `present` are the question's words the text holds, in the question's order.
 * 提出 next to 议案 ("提出…的议案") says more than the two words three clauses apart.
 */
function proximity(present: readonly string[], text: string): number {
  const n = present.length;
  if (n < 2) return n ? 0.5 : 0;
  // Each occurrence (its first 50 per word) as one number, position × n + word, sorted: by
  // position, and at one position in the question's word order.
  const codes: number[] = [];
  present.forEach((word, w) => {
    for (let i = text.indexOf(word), seen = 0; i >= 0 && seen < 50; i = text.indexOf(word, i + 1), seen++) codes.push(i * n + w);
  });
  const events = Float64Array.from(codes).sort();
  // Sweep: the shortest window [start, end) holding one occurrence of every word.
  const count = new Int32Array(n);
  let covered = 0;
  let best = Infinity;
  let left = 0;
  for (let right = 0; right < events.length; right++) {
    const w = events[right] % n;
    if (count[w]++ === 0) covered++;
    while (covered === n) {
      const first = events[left] % n;
      const span = (events[right] - w) / n + present[w].length - (events[left] - first) / n;
      if (span < best) best = span;
      if (--count[first] === 0) covered--;
      left++;
    }
  }
  const length = present.reduce((sum, word) => sum + word.length, 0);
  return Math.min(1, length / best);
}

// Cues that hold for a few passages of a few questions only (an article cited for the question's
// term, the office's own rules, the doer a who-question asks for): a bonus on top of the score,
// not part of its scale (the best ordinary passage still scores about 1).
const BONUS_FEATURES: ReadonlySet<string> = new Set(['topicPosition', 'crossReference', 'ownRule', 'actor']);

/** Score of one feature vector under the weights, scaled so the best possible is about 1. */
export function rerankScore(features: readonly number[], weights: RerankWeights): number {
  let score = 0;
  let scale = 0;
  RERANK_FEATURES.forEach((name, i) => {
    score += weights[name] * features[i];
    if (weights[name] > 0 && !BONUS_FEATURES.has(name)) scale += weights[name];
  });
  return Math.max(0, score / (scale || 1));
}

/** Create the built-in re-ranker. */
export function createBuiltinReranker(options: BuiltinRerankerOptions): Reranker {
  const weights = options.weights ?? DEFAULT_RERANK_WEIGHTS;
  return {
    name: 'builtin',
    async rerank(question, candidates) {
      const features = rerankFeatures(question, candidates, options);
      return candidates
        .map((candidate, i) => ({ passage: candidate.passage, score: rerankScore(features[i], weights), order: i }))
        .sort((a, b) => b.score - a.score || a.order - b.order)
        .map(({ passage, score }) => ({ passage, score }));
    },
  };
}
