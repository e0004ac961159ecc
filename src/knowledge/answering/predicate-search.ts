/**
 * Words every rule states an asked predicate in, added to the first stage of the search: an age is
 * 周岁 (年满十八周岁), whatever the question calls it (最低年龄, 多大岁数), so the rule stating one is
 * among the candidates the predicate check (asked-predicate.ts) reads.
 */
import { type Canonicalizer, defaultEquivalences } from '../search/equivalences.ts';
import { askedPredicate } from './asked-predicate.ts';
import { withoutIndefiniteFew } from './indefinite-few.ts';

/** The words to search besides the question's own ('' for most questions). */
export function predicateSearchWords(question: string, canonicalizer: Canonicalizer = defaultEquivalences()): string {
  return askedPredicate(withoutIndefiniteFew(question), canonicalizer)?.kind === 'age' ? '周岁' : '';
}
