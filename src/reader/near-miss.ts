/**
 * Meeting words and kind labels mistyped by one character (党祖会, 主人会议, 专题寻问): the word
 * meant, so the person is asked instead of the entry being filed under another kind.
 */
import type { Taxonomy } from './kinds.ts';
import { normalizeForMatching } from './lexicon.ts';

/** A word as typed and the activity word it was meant to be. */
export interface NearMiss {
  readonly typed: string;
  readonly meant: string;
}

const targets = new WeakMap<Taxonomy, { words: string[]; known: Set<string> }>();

/** The words a typo is measured against: meeting words (…会, …会议) and labels, three characters or more. */
function targetsOf(taxonomy: Taxonomy): { words: string[]; known: Set<string> } {
  let t = targets.get(taxonomy);
  if (!t) {
    const all = taxonomy.kinds.flatMap((k) => [k.label, ...k.synonyms]).filter((w) => !/[X…]/.test(w)).map(normalizeForMatching);
    // Not the phrases built on 常委会 (召开常委会, 次常委会): 人大常委会 is the committee's name, no typo.
    const words = all.filter((w) => w.length >= 3 && !/常委|^(?:开|召开|次)/.test(w)
      && (/会(?:议)?$/.test(w) || taxonomy.kinds.some((k) => normalizeForMatching(k.label) === w)));
    t = { words: [...new Set(words)], known: new Set(all) };
    targets.set(taxonomy, t);
  }
  return t;
}

/**
 * The first word in `text` (outside `taken` spans) one character off a target, the differing
 * character not its last (主任们 is no 主任会), and no known word itself.
 */
export function findNearMiss(text: string, taxonomy: Taxonomy, taken: ReadonlyArray<{ start: number; end: number }> = []): NearMiss | undefined {
  const { words, known } = targetsOf(taxonomy);
  for (let i = 0; i < text.length; i++) {
    for (const w of words) {
      const typed = text.slice(i, i + w.length);
      if (typed.length < w.length || known.has(typed) || !/^[\u4e00-\u9fff]+$/.test(typed)) continue;
      if (taken.some((x) => x.start < i + w.length && i < x.end)) continue;
      const diff = [...w].flatMap((c, k) => (c === typed[k] ? [] : [k]));
      if (diff.length === 1 && diff[0] < w.length - 1) return { typed, meant: w };
    }
  }
  return undefined;
}
