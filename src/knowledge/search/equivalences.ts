/**
 * Staff abbreviate and the documents do not (人大 / 人民代表大会). The editable list in
 * equivalences.json maps every variant to one canonical form; the same rewrite is applied to
 * questions and to indexed passages, so either spelling finds the other.
 */
import { readFileSync } from 'node:fs';

/** One group of interchangeable spellings. */
export interface EquivalenceGroup {
  readonly canonical: string;
  readonly variants: readonly string[];
  /** Keep the variant's own words besides the canonical form (lists like 一府一委两院). */
  readonly keep?: boolean;
}

/** Read the groups from a JSON file shaped like equivalences.json. */
export function loadEquivalences(path: string | URL = new URL('./equivalences.json', import.meta.url)): EquivalenceGroup[] {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { groups: EquivalenceGroup[] };
  return parsed.groups;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Titles, headings and locations recur question after question: their rewrites are kept, up to
 * this many (then forgotten all at once), so the second stage rewrites each once.
 */
const KEPT_HEADINGS = 4096;

/** Rewrites text to canonical spellings; built once from a list of groups. */
export class Canonicalizer {
  private readonly pattern: RegExp | null;
  private readonly replacement = new Map<string, string>();
  private readonly headings = new Map<string, string>();
  private readonly keptVariants = new Set<string>();
  /** Whether a variant spans lines (an edited list may hold one): then lines are rewritten together. */
  private readonly multiline: boolean;

  constructor(groups: readonly EquivalenceGroup[]) {
    const plain = groups.filter((g) => !g.keep);
    const variants: string[] = [];
    for (const group of groups) {
      for (const variant of group.variants) {
        const key = variant.normalize('NFKC').toLowerCase();
        if (!key || key === group.canonical) continue;
        // A kept list still gets its members canonicalized (人民法院 → 法院) by the plain groups.
        const kept = group.keep ? '、' + new Canonicalizer(plain).apply(key) : '';
        this.replacement.set(key, group.canonical + kept);
        if (group.keep) this.keptVariants.add(key);
        variants.push(key);
      }
    }
    this.multiline = variants.some((variant) => variant.includes('\n'));
    // Longest first: a regex alternation takes the first alternative that matches.
    variants.sort((a, b) => b.length - a.length);
    this.pattern = variants.length ? new RegExp(variants.map(escapeRegExp).join('|'), 'g') : null;
  }

  /**
   * Whether a word is a variant its group keeps beside the canonical form (两高 beside
   * 最高人民法院、最高人民检察院): the canonical form stands for it wherever it is written.
   */
  isKeptVariant(word: string): boolean {
    return this.keptVariants.has(word.normalize('NFKC').toLowerCase());
  }

  /** The text with every variant replaced by its canonical form (NFKC, lower case). */
  apply(text: string): string {
    const normal = text.normalize('NFKC').toLowerCase();
    if (!this.pattern) return normal;
    return normal.replace(this.pattern, (match) => this.replacement.get(match) ?? match);
  }

  /**
   * `apply` of heading lines (a title, headings, a location) joined by newlines, each line's
   * rewrite kept for the next time it is asked. The same text as `apply` of the whole: neither
   * NFKC nor lower-casing reads across a newline, and no variant spans one (else the whole is rewritten).
   */
  applyHeading(...lines: readonly string[]): string {
    if (this.multiline) return this.apply(lines.join('\n'));
    return lines.map((line) => {
      let rewritten = this.headings.get(line);
      if (rewritten === undefined) {
        if (this.headings.size >= KEPT_HEADINGS) this.headings.clear();
        this.headings.set(line, rewritten = this.apply(line));
      }
      return rewritten;
    }).join('\n');
  }
}

let defaultCanonicalizer: Canonicalizer | undefined;

/** The canonicalizer for the shipped equivalences.json, built on first use. */
export function defaultEquivalences(): Canonicalizer {
  defaultCanonicalizer ??= new Canonicalizer(loadEquivalences());
  return defaultCanonicalizer;
}
