/**
 * Whether the documents answer a question at all (`found`). Staff ask on-topic questions the
 * documents never settle (代表证丢了怎么补办, 差旅费标准): the best passage then shares the
 * common words (代表, 常委会) but not the question's specific ones. A logistic model over a few
 * coverage features of the best passages (found-features.ts: measures of its own, never the
 * re-ranker's score) — fitted by scripts/calibrate-found.ts on questions written for it, checked
 * on a half it was not fitted on — turns that into a probability.
 */
import { readFileSync } from 'node:fs';
import { InternalError } from '../../errors.ts';
import type { Assessment, ScoredPassage } from '../types.ts';
import { FOUND_FEATURES, type FoundDecisionOptions, foundFeatures } from './found-features.ts';

/**
 * Outright declines, each with a plain reason: a request or small talk rather than a question
 * (帮我写一首诗); a procedure question whose best passage is a record, not a rule; a question
 * much of whose specific wording the index never holds (食堂, 公积金); one none of whose nouns
 * the best passage holds.
 */
export interface FoundGates {
  /** Decline when this share (specificity-weighted) of the question's words is in no passage. */
  readonly absentFromIndex: number;
  /**
   * ...but only in an index of at least this many passages: a word missing from a few rules
   * (生病 where they say 因病) says little, one missing from a whole library says much.
   */
  readonly absentFromIndexMinPassages: number;
  /** Decline when the best passage holds no more than this share of the question's nouns. */
  readonly nounCoverage: number;
  /**
   * Decline when a focus word of the question (任期 in 任期几年) is in no passage of the library:
   * true at any library size, for what a question asks about is not a circumstance word.
   */
  readonly focusAbsent?: boolean;
  /**
   * Decline when the question asks for a figure of a definite kind (几点, 多少钱, 几次, 几天) and
   * none of the passages found states one: 人大代表每个月有多少补贴 against 给予适当的补贴.
   */
  readonly typeAbsent?: boolean;
  /**
   * Decline when a specific noun the question asks about (档案 in 代表履职档案怎么建立, 奖励 in
   * 招商引资的奖励政策) is not in the passage that would be quoted: it answers something else.
   */
  readonly specificFocusMissing?: boolean;
  /**
   * Decline when the question counts a thing (几个投票站, 多少台电脑) and the passage that would be
   * quoted states no count of that kind: it names the thing, not how many.
   */
  readonly countUnstated?: boolean;
  /**
   * Decline when the quoted passage holds none of the question's specific words (辞职 in
   * 代表辞职向谁提出), only the everyday ones every on-topic question shares (代表, 提出).
   */
  readonly specificUnquoted?: boolean;
  /**
   * Decline when the question asks whether a quantity has a ceiling (年龄有上限吗) and no passage
   * an answer may quote states one of it.
   */
  readonly limitUnstated?: boolean;
  /**
   * Decline when the question names a level (全国人大常委会) and the quoted document is about
   * another (the district's rules): the answer says which level the documents hold instead.
   */
  readonly levelMismatch?: boolean;
}

/** The gates the shipped model was fitted behind. */
export const FOUND_GATES: FoundGates = { absentFromIndex: 0.3, absentFromIndexMinPassages: 500, nounCoverage: 0, focusAbsent: true, typeAbsent: true, specificFocusMissing: true, countUnstated: true,
  specificUnquoted: true, limitUnstated: true, levelMismatch: true };

/** Whether a gate declines a question, from its feature vector (FOUND_FEATURES order) and the index size. */
export function declinedByGate(features: readonly number[], gates: FoundGates, passageCount = Infinity): boolean {
  const at = (name: (typeof FOUND_FEATURES)[number]) => features[FOUND_FEATURES.indexOf(name)];
  const absent = passageCount >= gates.absentFromIndexMinPassages && at('absentFromIndex') >= gates.absentFromIndex;
  const focus = gates.focusAbsent === true && at('focusAbsent') === 1;
  const figure = gates.typeAbsent === true && at('typeAbsent') === 1;
  const unquoted = gates.specificFocusMissing === true && at('specificFocusMissing') === 1;
  const uncounted = gates.countUnstated === true && at('countUnstated') === 1;
  const unsupported = (['specificUnquoted', 'limitUnstated', 'levelMismatch'] as const).some((gate) => gates[gate] === true && at(gate) === 1);
  return at('request') === 1 || at('procedureFromRecord') === 1 || absent || focus || figure || unquoted || uncounted || unsupported
    || at('nounCoverage') <= gates.nounCoverage;
}

/** The fitted model: gates, intercept, one coefficient per feature, and the decision threshold. */
export interface FoundModel {
  readonly gates: FoundGates;
  readonly intercept: number;
  readonly coefficients: readonly number[];
  readonly threshold: number;
}

/**
 * A model whose coefficients do not line up one for one with FOUND_FEATURES is refused: a
 * feature added or removed without refitting would otherwise be weighed by its neighbour's
 * coefficient (or silently by none).
 */
export function checkedFoundModel(model: FoundModel): FoundModel {
  if (model.coefficients.length !== FOUND_FEATURES.length || model.coefficients.some((c) => !Number.isFinite(c))) {
    throw new InternalError('internal', undefined,
      { cause: new Error(`found-weights.json has ${model.coefficients.length} coefficients for ${FOUND_FEATURES.length} features; run scripts/calibrate-found.ts`) });
  }
  return model;
}

/** The shipped model (src/knowledge/answering/found-weights.json, written by scripts/calibrate-found.ts). */
export const FOUND_MODEL: FoundModel = checkedFoundModel(JSON.parse(
  readFileSync(new URL('./found-weights.json', import.meta.url), 'utf8')) as FoundModel);

/** Probability (0..1) that the passages answer the question, under a fitted model. */
export function foundProbability(features: readonly number[], model: Pick<FoundModel, 'intercept' | 'coefficients'> = FOUND_MODEL): number {
  let z = model.intercept;
  features.forEach((x, i) => { z += (model.coefficients[i] ?? 0) * x; });
  return 1 / (1 + Math.exp(-z));
}

/**
 * Judge passages whose first states what a predicate question asks (quote-choice.ts `stated`): found,
 * whatever words they share with the question — unless the question asks a ceiling none states
 * (人大代表的年龄有没有上限 against 年满十八周岁), names another level, or is a request.
 */
export function assessStated(question: string, passages: readonly ScoredPassage[], options: FoundDecisionOptions): Assessment {
  const features = foundFeatures(question, passages, options);
  const at = (name: (typeof FOUND_FEATURES)[number]) => features[FOUND_FEATURES.indexOf(name)];
  const declined = (['request', 'procedureFromRecord', 'limitUnstated', 'levelMismatch'] as const).some((name) => at(name) === 1);
  return declined ? { found: false, confidence: 0 } : { found: true, confidence: 1 };
}

/** Judge whether the ranked passages answer the question. */
export function assessPassages(
  question: string, passages: readonly ScoredPassage[], options: FoundDecisionOptions, model: FoundModel = FOUND_MODEL,
): Assessment {
  if (!passages.length) return { found: false, confidence: 0 };
  const features = foundFeatures(question, passages, options);
  if (declinedByGate(features, model.gates, options.passageCount?.() ?? Infinity)) return { found: false, confidence: 0 };
  const confidence = foundProbability(features, model);
  return { found: confidence >= model.threshold, confidence };
}
