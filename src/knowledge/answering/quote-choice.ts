/**
 * Which of the found passages an answer may quote: never another place's or year's record when the
 * question names its own (named-record.ts); and for the questions whose answer must be of one
 * definite thing: a figure of the thing counted (asked-figure.ts), a time ahead of an event for the
 * thing asked about (asked-deadline.ts), a period of that thing (asked-period.ts), the act a permission or must question asks about (asked-act.ts), or
 * the doer a who-question asks for (asked-doer.ts); and for a question asking the members of a set it counts,
 * a passage naming them (asked-list.ts); for a question who approves an act, a sentence ruling on approving it (asked-approval.ts); for a question asking
 * where a thing comes from, how old, whether it may also hold a post, or by when, a sentence stating that of it (asked-predicate.ts). Each check may put another found passage first, or say that none may
 * be quoted: then the answer is 没有找到, never the nearest article on something else.
 */
import { type Canonicalizer, defaultEquivalences } from '../search/equivalences.ts';
import type { ScoredPassage } from '../types.ts';
import { actQuote, askedAct } from './asked-act.ts';
import { approvalQuote } from './asked-approval.ts';
import { listQuote } from './asked-list.ts';
import { motionQuote } from './asked-motion.ts';
import { askedDoer, askedPost, doerQuote, type DoerUnstated } from './asked-doer.ts';
import { askedFigure, figureQuote } from './asked-figure.ts';
import { withoutIndefiniteFew } from './indefinite-few.ts';
import { askedOfOtherLevelOnly, ownLevelUnruled } from './asked-level.ts';
import { asksAhead, deadlineQuote } from './asked-deadline.ts';
import { asksPeriod, periodQuote } from './asked-period.ts';
import { askedPredicate, predicateQuote } from './asked-predicate.ts';
import { bodyUnnamed } from './named-body.ts';
import { asksNextDate, namedRecord, namedRecordPassages, nextDatePassages } from './named-record.ts';
import type { FoundDecisionOptions } from './found-features.ts';

/** The passages chosen, and why none may be quoted when so. */
export interface ChosenQuote {
  readonly passages: readonly ScoredPassage[];
  /** No passage may be quoted. */
  readonly declined: boolean;
  /** Set when a figure was asked for in a unit no passage states it in (for the note saying so). */
  readonly unstated?: { readonly unit: string; readonly otherwise?: string };
  /** Set when a who-question's deed has no doer in any passage that may be quoted (for the note saying so). */
  readonly doerUnstated?: DoerUnstated;
  /**
   * Set when the first passage states the age asked of the thing asked (年满十八周岁…被选举权 for 人大代表的最低年龄):
   * found, though the rule words neither 年龄 nor the deputy as the question does.
   */
  readonly stated?: boolean;
}

/** Whether the question's checks look beyond the passages shown (the act's article may rank lower). */
export function looksDeeper(asked: string, canonicalizer: Canonicalizer = defaultEquivalences()): boolean {
  const question = withoutIndefiniteFew(asked);
  return namedRecord(question) !== undefined || asksNextDate(question) || askedAct(question, canonicalizer) !== undefined || askedDoer(question, canonicalizer) !== undefined || askedPost(question) !== undefined
    || askedPredicate(question, canonicalizer) !== undefined;
}

/**
 * Choose the passages to quote from `candidates` (ranked), `k` of them. 区人大常委会秘书长从哪里产生:
 * an article giving 秘书长 to the city's standing committee alone, chosen first, says nothing of the
 * district's (asked-level.ts): none may be quoted; nor the national rule for 常委会秘书长从哪里产生,
 * which names no level, when that article is among those found.
 */
export function chosenQuote(
  asked: string, found: readonly ScoredPassage[], k: number, options: FoundDecisionOptions,
): ChosenQuote {
  const chosen = choose(asked, found, k, options);
  const first = chosen.passages[0]?.passage;
  const question = withoutIndefiniteFew(asked);
  const canonicalizer = options.canonicalizer ?? defaultEquivalences();
  // 常委会秘书长从哪里产生 (no level named): the national rule, when the law of all levels gives 秘书长 to other levels only.
  const otherLevel = !chosen.declined && first !== undefined
    && (askedOfOtherLevelOnly(question, first.text, canonicalizer) || ownLevelUnruled(question, first, found, canonicalizer));
  return otherLevel ? { passages: chosen.passages, declined: true } : chosen;
}

function choose(
  asked: string, found: readonly ScoredPassage[], k: number, options: FoundDecisionOptions,
): ChosenQuote {
  // 好几部法律 asks no count: only an asking 几 calls for a figure, a deadline or a period, or
  // makes a yes-or-no question another kind of question.
  const question = withoutIndefiniteFew(asked);
  const canonicalizer = options.canonicalizer ?? defaultEquivalences();
  // 居民委员会主任怎么选: a body no passage found names is not covered by the documents.
  if (bodyUnnamed(question, found, canonicalizer)) return { passages: found.slice(0, k), declined: true };
  // 上海…, 2024年政府工作报告里…: only that record's passages (or rules) may be quoted.
  const named = namedRecordPassages(question, found);
  if (named.declined) return { passages: found.slice(0, k), declined: true };
  // 下一次常委会大概啥时候开: a record's date ahead (拟于8月下旬召开), never a rule's 可以临时召集会议.
  const record = nextDatePassages(question, named.passages);
  if (record.declined) return { passages: found.slice(0, k), declined: true };
  // 几个人联名能提议案: the rule on 议案, not the one on 质询案.
  const motion = motionQuote(question, record.passages, canonicalizer);
  if (motion.unstated) return { passages: found.slice(0, k), declined: true };
  // 请假的3名组成人员分别是谁: a passage naming them, never the one that only counts them (3人请假).
  const list = listQuote(question, motion.passages.slice(0, k), canonicalizer);
  if (list.unstated) return { passages: found.slice(0, k), declined: true };
  // 出国考察要经过哪个机关批准: a sentence ruling on approving that act, not an article naming the deputy.
  const approval = approvalQuote(question, list.passages, canonicalizer);
  if (approval.unstated) return { passages: found.slice(0, k), declined: true };
  // 专门委员会的成员从哪里产生: a sentence stating where THEY come from, not one naming 产生 nearby.
  // The rule may rank below the shown ones (常务委员会的组成人员不得担任…审判机关的职务 for 兼任法院院长).
  // 区人大代表是怎么产生的: the clause on the district's deputies, not 全国人大的代表由省…选举产生 — unless the
  // article first stating it gives the thing to other levels only (秘书长 of 区人大常委会): then asked-level declines.
  const pool = [...approval.passages, ...motion.passages.slice(k)];
  const unlevelled = predicateQuote(question, pool, canonicalizer);
  const stating = unlevelled.unstated ? undefined : unlevelled.passages[0]?.passage;
  const predicate = stating && askedOfOtherLevelOnly(question, stating.text, canonicalizer)
    ? unlevelled : predicateQuote(question, pool, canonicalizer, true);
  if (predicate.unstated) return { passages: found.slice(0, k), declined: true };
  const candidates = predicate.passages;
  // 组成人员多少人: the headcount of that body found above (a list item under its lead-in, which the figure
  // check does not read) is the answer, unless a most or a least is asked (最多能有多少人).
  const members = askedPredicate(question, canonicalizer)?.kind === 'members';
  const figureAsked = askedFigure(question, canonicalizer);
  if (figureAsked && !(members && !figureAsked.bound)) {
    const figure = figureQuote(question, candidates.slice(0, k), canonicalizer);
    // A headcount read from the people counted (多少代表提议) rather than a unit written finds the
    // passage stating it; when none does, the checks below decide, as for any other question.
    if (!(figure.unstated && figureAsked.implied)) return { passages: figure.passages, declined: figure.unstated !== undefined, unstated: figure.unstated };
  }
  if (asksAhead(question)) {
    const deadline = deadlineQuote(question, candidates.slice(0, k), canonicalizer);
    return { passages: deadline.passages, declined: deadline.unstated === true };
  }
  if (asksPeriod(question)) {
    const period = periodQuote(question, candidates.slice(0, k), canonicalizer);
    return { passages: period.passages, declined: period.unstated === true };
  }
  const maxIdf = options.maxIdf() || 1;
  // A word the index holds: each of its character pairs is in some passage.
  const inLibrary = (word: string): boolean => {
    for (let i = 0; i + 1 < word.length; i++) if (options.idf(word.slice(i, i + 2)) >= maxIdf - 1e-9) return false;
    return true;
  };
  // The predicate's sentence found is the answer: not another article naming the act or its doer in passing.
  // A place (区长今天在哪里开会) is no rule's predicate alone: the act's and doer's checks still apply.
  const kind = askedPredicate(question, canonicalizer)?.kind;
  if (kind && kind !== 'place') return { passages: candidates.slice(0, k), declined: false, stated: kind === 'age' && !predicate.unstated };
  if (askedAct(question, canonicalizer)) {
    const act = actQuote(question, candidates, inLibrary, canonicalizer);
    return { passages: act.passages.slice(0, k), declined: act.unsupported === true };
  }
  const doer = doerQuote(question, candidates, k, inLibrary, canonicalizer);
  return { passages: doer.passages.slice(0, k), declined: doer.unstated !== undefined, doerUnstated: doer.unstated };
}
