/**
 * Questions whether a quantity has an upper limit (年龄有上限吗, 代表总数有没有上限, 发言时间有上限吗).
 * A rule answers one only by stating a ceiling (不超过, 以下, 以内) of that quantity: 每人每次一般不超过
 * 十分钟 bounds a time, not an age, and 每年进站接待不少于2次 bounds nothing from above.
 */
import type { TaggedWord } from '../search/word-segmenter.ts';

// Asking for a ceiling.
const ASKS_LIMIT = /^(?:上限|封顶|最高限)$/u;

/** Whether a word asks for a ceiling (上限, 封顶): a figure of a quantity, not a thing to be named. */
export function asksCeiling(word: string): boolean {
  return ASKS_LIMIT.test(word);
}
// How a rule states a ceiling.
const STATES_LIMIT = /不(?:得|能|应|宜)?(?:超过|多于|高于|大于)|以下|以内|之内|至多|最多|最高|上限|为限/u;
// Words between the quantity and the asking word (年龄有上限吗, 总数有没有上限, 年龄的上限).
const BETWEEN = /^(?:的|有|有没有|没有|是否|是不是|设|设有|定|规定)$/u;
const NOUN = /^(?:n|vn|j)/;
const NUMBER = '[一二三四五六七八九十百千万两半\\d]';
// The quantities a ceiling is stated in without naming them: an age in 岁, a time in minutes or
// days, a number of people in 人 or 名 (名额不超过三千人 answers 总数有没有上限).
const STATED_IN: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^(?:年龄|岁数)$/u, new RegExp(`${NUMBER}+周?岁`, 'u')],
  [/^(?:时间|时长|期限|时限)$/u, new RegExp(`${NUMBER}+个?(?:分钟|小时|日|天|月|年)`, 'u')],
  [/^(?:人数|总数|名额|总名额|数量|规模)$/u, new RegExp(`${NUMBER}+(?:人|名)`, 'u')],
];

/**
 * The quantities a question asks the ceiling of: the nouns right before 上限 (年龄 in 年龄有上限吗,
 * 名额 in 总名额有没有上限). Undefined when the question asks for no ceiling; empty when it asks
 * for one of nothing named.
 */
export function limitedQuantities(words: readonly TaggedWord[]): string[] | undefined {
  const at = words.findIndex(({ word }) => asksCeiling(word));
  if (at < 0) return undefined;
  let i = at - 1;
  while (i >= 0 && BETWEEN.test(words[i].word)) i--;
  return i >= 0 && NOUN.test(words[i].tag) ? [words[i].word] : [];
}

/**
 * Whether a passage fails to state the ceiling asked for: it states none, or none of a quantity
 * the question names (neither the word nor a figure in its unit). `holds` says whether the
 * passage holds a word (with the caller's equivalences).
 */
export function limitUnstated(quantities: readonly string[], text: string, holds: (word: string) => boolean): boolean {
  if (!STATES_LIMIT.test(text)) return true;
  return quantities.some((word) => !holds(word) && !STATED_IN.some(([kind, unit]) => kind.test(word) && unit.test(text)));
}
