/**
 * Whether an article rules on what a question asks only for another level than the one the
 * question names. 区人大常委会秘书长从哪里产生 against 地方组织法 第四十七条: the province's and
 * the city's standing committees elect a 秘书长, the district's clause lists none; quoting the
 * city's clause answers a question nobody asked. 乡镇人大主席团能跟着区人大常委会搞专题询问吗:
 * 代表法 第三十三条 gives 专题询问 to county deputies and only 执法检查 to the township's. The
 * nearest article is then no answer: the documents do not say it of the level asked.
 */
import { type Canonicalizer, defaultEquivalences } from '../search/equivalences.ts';
import { questionTerms } from '../ranking/question-terms.ts';
import { questionScope } from '../ranking/scope-cue.ts';
import type { ScoredPassage } from '../types.ts';
import { sentencesOf } from './answer-sentence.ts';
import { askedPredicate } from './asked-predicate.ts';
import { type LevelledPassage, namedLevels, nationalRuleTitle } from './question-level.ts';
import { meantClauses, rulesOnSeveralLevels } from './sentence-level.ts';

// A clause on every local level (地方各级人民代表大会会议每年至少举行一次) rules on the township's
// and the district's alike; 县级以上的地方各级 does not reach the township.
const ALL_LOCAL_CLAUSE = /(?<!县级以上的)地方各级/u;
// A question naming the city level as the law's clauses do.
const CITY_CLAUSE_NAMED = /(?<!不)设区的市|直辖市|自治州/u;
// The words naming a level or the congress itself tell nothing of what is asked.
const LEVEL_WORD = /^(?:人大|乡镇|区人|县人|省人|市人|全国|本区|常委)$/u;

/**
 * Whether some of `words` stand only in the article's clauses of a level other than the one the
 * question means, the article ruling on the district's level and another in different clauses.
 */
function onlyOfOtherLevel(question: string, text: string, words: readonly string[], canonicalizer: Canonicalizer): boolean {
  const sentences = sentencesOf(text).map((s) => canonicalizer.apply(s));
  if (!rulesOnSeveralLevels(sentences)) return false;
  const local = questionScope(question) !== 'national';
  const meant = meantClauses(question, sentences).map((m, i) => m || (local && ALL_LOCAL_CLAUSE.test(sentences[i])));
  return words.some((w) => sentences.some((s, i) => !meant[i] && s.includes(w)) && !sentences.some((s, i) => meant[i] && s.includes(w)));
}

/**
 * True when the question names its level (区人大, 乡镇, 全国人大), the article rules on the
 * district's level and another in different clauses, and a word the question asks about stands
 * only in clauses of a level other than the one it names.
 */
export function askedOfOtherLevelOnly(question: string, text: string, canonicalizer: Canonicalizer = defaultEquivalences()): boolean {
  const levels = namedLevels(question);
  if (!levels.length && questionScope(question) !== 'national') return false;
  // 市人大 as staff say it is not read as a clause's level (设区的市, 直辖市): the clauses meant are unknown.
  if (levels.includes('市') && !CITY_CLAUSE_NAMED.test(question)) return false;
  const words = questionTerms(question, canonicalizer).words.filter((w) => !LEVEL_WORD.test(w));
  return onlyOfOtherLevel(question, text, words, canonicalizer);
}

/**
 * True when a question naming no level asks where a post comes from or who makes up a body (the
 * composition, which differs by level) and is about to be answered from the national congress's
 * own rules (常委会秘书长从哪里产生 → 全国人大组织法: its standing committee has a 秘书长), while a
 * law of all levels among the passages found gives that post to other levels only, not the
 * district's (地方组织法 第四十七条: 秘书长 for provinces and cities; a district's standing
 * committee is 主任、副主任和委员). The national rule is then no guide for the office's level.
 */
export function ownLevelUnruled(
  question: string, first: LevelledPassage, found: readonly ScoredPassage[], canonicalizer: Canonicalizer = defaultEquivalences(),
): boolean {
  if (!nationalRuleTitle(question, first.title)) return false;
  const predicate = askedPredicate(canonicalizer.apply(question), canonicalizer);
  if (!predicate || !['source', 'members', 'concurrent'].includes(predicate.kind)) return false;
  const national = canonicalizer.apply(first.text);
  const things = predicate.thing.filter((w) => !LEVEL_WORD.test(w) && w !== '常委会' && national.includes(w));
  return things.length > 0 && found.some(({ passage }) => !nationalRuleTitle(question, passage.title)
    && onlyOfOtherLevel(question, passage.text, things, canonicalizer));
}
