/**
 * A question about a body the documents never name (居民委员会主任是怎么选出来的, 村民委员会多久换届)
 * shares its head word (委员会, 主任) with every article on the bodies they do name, so the nearest
 * article — on electing 监察委员会主任 — reads as the answer. A body named by a noun before 委员会
 * (居民|委员会, 选举|委员会) is the one asked about: when no passage found names it, as written or
 * spelled out (教科文卫委员会 in 教科文卫工作委员会), the documents do not cover it — 没有找到.
 */
import { type Canonicalizer, defaultEquivalences } from '../search/equivalences.ts';
import type { ScoredPassage } from '../types.ts';
import { spellsOut } from './found-features.ts';
import { taggedQuestion } from './question-focus.ts';

const BODY_HEAD = '委员会';
const NOUN = /^(?:n|j)/;

/** The bodies a question names by a noun before 委员会 (居民委员会), canonical. */
export function namedBodies(question: string, canonicalizer: Canonicalizer = defaultEquivalences()): string[] {
  const tagged = taggedQuestion(question, canonicalizer);
  const out: string[] = [];
  tagged.forEach((w, i) => {
    const before = tagged[i - 1];
    if (w.word === BODY_HEAD && before && NOUN.test(before.tag) && before.word.length >= 2) out.push(before.word + BODY_HEAD);
    else if (w.word.endsWith(BODY_HEAD) && w.word.length > BODY_HEAD.length + 1 && NOUN.test(w.tag)) out.push(w.word);
  });
  return out;
}

/** Whether the question names a body none of the passages found names. */
export function bodyUnnamed(question: string, passages: readonly ScoredPassage[], canonicalizer: Canonicalizer = defaultEquivalences()): boolean {
  const bodies = namedBodies(question, canonicalizer);
  if (!bodies.length || !passages.length) return false;
  const texts = passages.map(({ passage }) => `${passage.title}\n${passage.context}\n${passage.text}`);
  return bodies.some((body) => !texts.some((text) => text.includes(body) || canonicalizer.apply(text).includes(body) || spellsOut(text, body)));
}
