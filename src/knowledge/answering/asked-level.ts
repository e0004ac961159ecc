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
import { sentencesOf } from './answer-sentence.ts';
import { namedLevels } from './question-level.ts';
import { meantClauses, rulesOnSeveralLevels } from './sentence-level.ts';

// A clause on every local level (地方各级人民代表大会会议每年至少举行一次) rules on the township's
// and the district's alike; 县级以上的地方各级 does not reach the township.
const ALL_LOCAL_CLAUSE = /(?<!县级以上的)地方各级/u;
// The words naming a level or the congress itself tell nothing of what is asked.
const LEVEL_WORD = /^(?:人大|乡镇|区人|县人|省人|市人|全国|本区|常委)$/u;

/**
 * True when the question names its level (区人大, 乡镇, 全国人大), the article rules on the
 * district's level and another in different clauses, and a word the question asks about stands
 * only in clauses of a level other than the one it names.
 */
export function askedOfOtherLevelOnly(question: string, text: string, canonicalizer: Canonicalizer = defaultEquivalences()): boolean {
  if (!namedLevels(question).length && questionScope(question) !== 'national') return false;
  const sentences = sentencesOf(text).map((s) => canonicalizer.apply(s));
  if (!rulesOnSeveralLevels(sentences)) return false;
  const local = questionScope(question) !== 'national';
  const meant = meantClauses(question, sentences).map((m, i) => m || (local && ALL_LOCAL_CLAUSE.test(sentences[i])));
  const words = questionTerms(question, canonicalizer).words.filter((w) => !LEVEL_WORD.test(w));
  return words.some((w) => sentences.some((s, i) => !meant[i] && s.includes(w)) && !sentences.some((s, i) => meant[i] && s.includes(w)));
}
