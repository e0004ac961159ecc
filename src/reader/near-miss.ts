/**
 * Meeting words and kind labels mistyped by one character (党祖会, 主人会议, 专题寻问): the word
 * meant, so the person is asked instead of the entry being filed under another kind.
 */
import type { Taxonomy } from './kinds.ts';
import { normalizeForMatching } from './lexicon.ts';
import { ACTION } from './cues.ts';

/**
 * A deed word at the start of the typed word that covers the differing character (出席会议, 列席会议
 * against 联席会议): the person wrote what was done to a meeting, not a meeting word mistyped.
 */
const DEED_AT_START = new RegExp(`^(?:${ACTION.source})`);

/** A word as typed and the activity word it was meant to be. */
export interface NearMiss {
  readonly typed: string;
  readonly meant: string;
}

/**
 * Many bodies' meetings are one character off 常委会会议 (管委会会议, 村委会会议, 政府常务会议):
 * a 常委 word is taken as mistyped only where the character typed sounds like the one meant
 * (长委会会议, 常伟会议) — the slip a pinyin keyboard makes.
 */
const SOUNDS_LIKE: Readonly<Record<string, string>> = {
  常: '长场厂尝肠畅倡唱昌敞偿嫦', 委: '为维伟位未卫围唯尾苇纬萎', 会: '回汇惠慧绘汇', 务: '物误悟雾勿',
};

const targets = new WeakMap<Taxonomy, { words: string[]; known: Set<string> }>();

/** The words a typo is measured against: meeting words (…会, …会议) and labels, three characters or more. */
function targetsOf(taxonomy: Taxonomy): { words: string[]; known: Set<string> } {
  let t = targets.get(taxonomy);
  if (!t) {
    const all = taxonomy.kinds.flatMap((k) => [k.label, ...k.synonyms]).filter((w) => !/[X…]/.test(w)).map(normalizeForMatching);
    // Not the phrases built on 常委会 (召开常委会, 次常委会): 人大常委会 is the committee's name, no typo.
    // The 常委 meeting words themselves (常委会会议, 常委会议) are, with homophones only (see SOUNDS_LIKE).
    const words = all.filter((w) => w.length >= 3 && (!/常委|^(?:开|召开|次)/.test(w) || /^常(?:委|务委员)会?(?:全体)?会议$/.test(w))
      && (/会(?:议)?$/.test(w) || taxonomy.kinds.some((k) => normalizeForMatching(k.label) === w)));
    // 开了长委会: 常委会 alone names the session where it is held (prepare.ts), so its typo is asked about too.
    if (all.some((w) => w.includes('常委会'))) words.push('常委会');
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
      if (diff.length !== 1 || diff[0] >= w.length - 1) continue;
      if ((DEED_AT_START.exec(typed)?.[0].length ?? 0) > diff[0]) continue;
      if (!/常委|常务/.test(w) || SOUNDS_LIKE[w[diff[0]]]?.includes(typed[diff[0]])) return { typed, meant: w };
    }
  }
  return undefined;
}
