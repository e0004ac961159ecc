/**
 * Activity words: the taxonomy's labels and synonyms compiled into one pattern that
 * finds them leftmost-longest. `X` in a synonym (常委会第X次会议) stands for a number, `…` for a
 * few words in between (接待…选民).
 */
import type { Kind, Taxonomy } from './kinds.ts';
import { foldTraditional } from '../time/index.ts';

/** One activity word found in a message. */
export interface KindMention {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
  readonly words: string;
}

/** A compiled taxonomy: finds activity words in text. */
export interface Lexicon {
  /** Every activity word in order, none overlapping. */
  find(text: string): KindMention[];
}

const NUMBER = '[0-9零〇一二两三四五六七八九十百]+';

/**
 * A place named after an activity (会议室, 会议中心, 培训中心, 学习室, 培训基地): where
 * something happened, not what — 在会议室召开主任会议 is a 主任会议, not 其他会议.
 */
const PLACE_AFTER = /^(?:室|厅|中心(?!组)|大楼|楼|基地|大厦|馆)/;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `…` in a synonym (接待…选民): a few words within one clause (接待了20余名来访选民). */
const GAP = '[^，,。；;！!？?\\s]{0,10}?';

/**
 * After a word ending in 常委会 (召开常委会, 开常委会): the committee's own bodies and meetings
 * (常委会主任会议, 常委会党组会) — the word names whose meeting it is, not a 常委会会议.
 */
const COMMITTEE_OWN = '(?!主任会|党组|机关|办公室|组成人员|领导|各委|工委)';

/** Full-width brackets and digits become ASCII so (扩大) and （扩大） read alike. */
const toSource = (synonym: string): string =>
  escape(normalizeForMatching(synonym)).replace(/X/g, NUMBER).replace(/…/g, GAP) + (synonym.endsWith('常委会') ? COMMITTEE_OWN : '');

/**
 * Map full-width punctuation, digits and letters to ASCII and traditional characters to
 * simplified ones, one character for one, so offsets in the result are offsets in the original.
 */
export function normalizeForMatching(text: string): string {
  return foldTraditional(text)
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

function compile(taxonomy: Taxonomy): Lexicon {
  const entries: Array<{ source: string; word: string; length: number; kind: Kind }> = [];
  for (const kind of taxonomy.kinds) {
    // "其他" alone is what is left over, not a word to look for; 其他活动 may be.
    const words = new Set(kind.id === 'other' ? kind.synonyms : [kind.label, ...kind.synonyms]);
    for (const w of words) entries.push({ source: toSource(w), word: normalizeForMatching(w), length: w.length, kind });
  }
  // Longer words first, so at any position the longest word wins (党组会议 over 党组会).
  entries.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(entries.map((e) => `(?:${e.source})`).join('|'), 'g');
  // Most words are literal: look them up; only `X` and `…` words need their own patterns tried.
  const patterned = (e: { word: string }) => /[X…]/.test(e.word);
  const literal = new Map<string, string>();
  for (const e of [...entries].reverse()) if (!patterned(e)) literal.set(e.word, e.kind.id);
  const numbered = entries.filter(patterned).map((e) => ({ re: new RegExp(`^(?:${e.source})$`), kind: e.kind.id }));
  const kindOf = (words: string): string =>
    literal.get(words) ?? numbered.find((n) => n.re.test(words))?.kind ?? 'other';
  return {
    find(text: string): KindMention[] {
      const found: KindMention[] = [];
      for (const m of text.matchAll(pattern)) {
        if (PLACE_AFTER.test(text.slice(m.index + m[0].length))) continue;
        found.push({ kind: kindOf(m[0]), start: m.index, end: m.index + m[0].length, words: m[0] });
      }
      return found;
    },
  };
}

const cache = new WeakMap<Taxonomy, Lexicon>();

/** The compiled lexicon of a taxonomy (compiled once, then cached). */
export function lexiconOf(taxonomy: Taxonomy): Lexicon {
  let lexicon = cache.get(taxonomy);
  if (!lexicon) {
    lexicon = compile(taxonomy);
    cache.set(taxonomy, lexicon);
  }
  return lexicon;
}
