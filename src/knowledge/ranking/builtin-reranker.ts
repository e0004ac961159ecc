/**
 * The built-in second stage: re-orders the fused head of the list by what a reader checks —
 * are the question's rare terms inside this very article (not spread over its neighbours), do
 * its headings name the topic, is it of the expected answer type, the level and the body the
 * question names, and is it a rule when a rule is asked for. A weighted sum of a few features,
 * weights fitted on questions written for the purpose (scripts/tune-reranker.ts).
 */
import { expectedAnswerTypes, isKindWord } from '../answer-types.ts';
import { crossReferenceAmong, topicPositionIn } from './article-cues.ts';
import { askedBody, isProcedureQuestion, narrativeForProcedure, otherSubject, questionBodies, titleOfBodies, unnamedBodies } from './body-cue.ts';
import { defaultEquivalences, type Canonicalizer } from '../search/equivalences.ts';
import { type PassageReading, PassageReadings } from './passage-reading.ts';
import { proximity } from './proximity.ts';
import { coverage, questionTerms } from './question-terms.ts';
import { HeldTerms, WeightedTerms } from './weighted-terms.ts';
import { type Scope, localByDefault, ownRule, questionScope, scopeMatch, sharedLevel } from './scope-cue.ts';
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
  return featuresOf(question, candidates, options, new PassageReadings(options.canonicalizer ?? defaultEquivalences()));
}

/** `rerankFeatures`, reading each candidate through `readings` (kept from question to question). */
function featuresOf(
  question: string, candidates: readonly ScoredPassage[], options: BuiltinRerankerOptions, readings: PassageReadings,
): number[][] {
  const terms = questionTerms(question, readings.canonicalizer);
  const types = expectedAnswerTypes(question);
  const scope = questionScope(question);
  const mentioned = options.documentNames ? namesInQuestion(question, options.documentNames()) : [];
  const procedure = isProcedureQuestion(question);
  const bodies = questionBodies(terms.text);
  const unnamed = unnamedBodies(question);
  const years = yearsInQuestion(question);
  // Each term's weight once per question, not once per candidate and clause.
  const weights = new Map<string, number>();
  const idf = (term: string): number => {
    let weight = weights.get(term);
    if (weight === undefined) weights.set(term, weight = options.idf(term));
    return weight;
  };
  const read = candidates.map(({ passage }) => readings.read(passage));
  // A word naming only the kind of answer (事项 in 哪些事项) is borrowed everywhere (本法第十一条
  // 规定的事项): a citation for it says nothing about which article states the question's rule.
  const references = crossReferenceAmong(terms.words.filter((word) => !isKindWord(types, word)), read);
  const deed = questionDeed(question);
  const asked = questionActor(question);
  const actorBody = asked ? askedBody(terms.text) : undefined;
  // A rule question naming no law (根据代表法…) asks about the office's own practice.
  const namesLaw = mentioned.some((name) => name.endsWith('法'));
  const words = WeightedTerms.of(terms.words, idf);
  const bigrams = WeightedTerms.of(terms.bigrams, idf);
  // The terms each text holds, found once: its body, clauses and lead are parts of it.
  const inText: Held = { words: new HeldTerms(words), bigrams: new HeldTerms(bigrams) };
  const inBody: Held = { words: new HeldTerms(words), bigrams: new HeldTerms(bigrams) };
  const clauseShares = new ClauseShares();
  return candidates.map(({ passage, score }, i) => {
    const reading = read[i];
    inText.words.holdIn(reading.text);
    inText.bigrams.holdIn(reading.text);
    inBody.words.holdIn(reading.body, inText.words);
    inBody.bigrams.holdIn(reading.body, inText.bigrams);
    const best = clauseShares.score(inBody, reading);
    // A rule of both levels in one article (全国…；县级以上的地方各级…) is of the level of the clauses that answer.
    const level = reading.level.both ? clauseShares.answeringLevel(reading) : reading.level.own;
    return [
      score,
      types.length ? reading.answerTypes.match(types) : 0,
      scopeMatch(scope, level),
      titleMatch(mentioned, passage.title),
      inText.words.keptShare(),
      inText.bigrams.keptShare(),
      coverage(terms.words, reading.heading),
      titleOfBodies(unnamed, passage.title),
      narrativeForProcedure(procedure, passage.title),
      best,
      proximity(inText.words, reading.text),
      leadCoverage(inBody, reading),
      density(inBody, reading.body),
      bodies.size ? otherSubject(bodies, reading.subject()) : 0,
      titleConflict(mentioned, passage.title),
      localByDefault(scope, level),
      headingYear(years, passage.location),
      topicPositionIn(reading, inBody.words),
      references[i],
      deedInPassage(deed, passage.text),
      ownRule(scope, procedure && !namesLaw, passage.title),
      actorInPassage(asked, reading.clauses, terms.words, actorBody),
    ];
  });
}

// A clause holding at least this part of the best clause's share answers too.
const NEAR_BEST_CLAUSE = 0.8;

/** The question's words and bigrams a text holds, weighed against the whole question. */
interface Held {
  readonly words: HeldTerms;
  readonly bigrams: HeldTerms;
}

/**
 * The rarity-weighted share of the question's terms each clause of a (canonical) passage body
 * holds; the largest of them, and the clauses that hold nearly as much (the ones that answer).
 * One buffer for every candidate of a question.
 */
class ClauseShares {
  private shares = new Float64Array(32);
  private best = 0;

  /** Score each clause; the largest share (0 when none holds a term). */
  score(terms: Held, reading: PassageReading): number {
    let best = 0;
    // A body holding none of the terms: every clause's share is 0 (and its clauses need not be cut).
    if (!terms.words.count && !terms.bigrams.count) return this.best = best;
    const { clauses } = reading;
    if (this.shares.length < clauses.length) this.shares = new Float64Array(clauses.length);
    for (let i = 0; i < clauses.length; i++) {
      const share = 0.5 * terms.words.share(clauses[i]) + 0.5 * terms.bigrams.share(clauses[i]);
      this.shares[i] = share;
      best = Math.max(best, share);
    }
    return this.best = best;
  }

  /** The level every clause scored last that answers names (`answerLevel` of a rule of both levels). */
  answeringLevel(reading: PassageReading): Scope | undefined {
    if (!(this.best > 0)) return undefined;
    const levels: Array<Scope | undefined> = [];
    for (let i = 0; i < reading.clauses.length; i++) if (this.shares[i] >= NEAR_BEST_CLAUSE * this.best) levels.push(reading.clauseLevel(i));
    return sharedLevel(levels);
  }
}

/**
 * How much of the question the passage's first sentence holds. An article states its subject
 * first (代表受原选区选民或者原选举单位的监督): its neighbours mention the same words in passing,
 * further down, as conditions or exceptions.
 */
function leadCoverage(terms: Held, reading: PassageReading): number {
  if (!terms.words.count && !terms.bigrams.count) return 0; // none in the body, none in its lead
  return 0.5 * terms.words.share(reading.lead) + 0.5 * terms.bigrams.share(reading.lead);
}

/**
 * The question's bigram coverage discounted by the passage's length: of two articles that hold
 * the same terms, the short one is about them (法律应当明确规定施行日期), the long one mentions them.
 */
function density(terms: Held, body: string): number {
  return terms.bigrams.keptShare() * Math.sqrt(80 / Math.max(80, body.length));
}

// Cues that hold for a few passages of a few questions only (an article cited for the question's
// term, the office's own rules, the doer a who-question asks for): a bonus on top of the score,
// not part of its scale (the best ordinary passage still scores about 1).
const BONUS_FEATURES: ReadonlySet<string> = new Set(['topicPosition', 'crossReference', 'ownRule', 'actor']);
const BONUS = RERANK_FEATURES.map((name) => BONUS_FEATURES.has(name));

/** Score of one feature vector under the weights, scaled so the best possible is about 1. */
export function rerankScore(features: readonly number[], weights: RerankWeights): number {
  let score = 0;
  let scale = 0;
  for (let i = 0; i < RERANK_FEATURES.length; i++) {
    const weight = weights[RERANK_FEATURES[i]];
    score += weight * features[i];
    if (weight > 0 && !BONUS[i]) scale += weight;
  }
  return Math.max(0, score / (scale || 1));
}

/** Create the built-in re-ranker. */
export function createBuiltinReranker(options: BuiltinRerankerOptions): Reranker {
  const weights = options.weights ?? DEFAULT_RERANK_WEIGHTS;
  const readings = new PassageReadings(options.canonicalizer ?? defaultEquivalences());
  return {
    name: 'builtin',
    async rerank(question, candidates) {
      const scores = featuresOf(question, candidates, options, readings).map((features) => rerankScore(features, weights));
      return candidates.map((_, i) => i)
        .sort((a, b) => scores[b] - scores[a] || a - b)
        .map((i) => ({ passage: candidates[i].passage, score: scores[i] }));
    },
  };
}
