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

/**
 * Titles, headings and locations recur question after question: their rewrites are kept, up to
 * this many (then forgotten all at once), so the second stage rewrites each once.
 */
const KEPT_HEADINGS = 4096;

/** Rewrites text to canonical spellings; built once from a list of groups. */
export class Canonicalizer {
  /**
   * The variants by their first UTF-16 unit, longest first: at each position of a text the
   * longest variant starting there is rewritten, then the scan goes on after it — what a
   * longest-first regex alternation does (tested against one), in two thirds of its time: 2.4
   * against 3.7 µs per text over the bench's candidates' bodies and headings (118 variants;
   * every search rewrites each candidate, every ingest each passage twice).
   */
  private readonly byFirst = new Map<number, string[]>();
  /** 1 for a UTF-16 unit some variant starts with: most units of a text start none (a table read, not a hash). */
  private readonly starts = new Uint8Array(0x10000);
  private readonly replacement = new Map<string, string>();
  private readonly headings = new Map<string, string>();
  private readonly keptVariants = new Set<string>();
  /** Whether a variant spans lines (an edited list may hold one): then lines are rewritten together. */
  private readonly multiline: boolean;

  constructor(groups: readonly EquivalenceGroup[]) {
    const plain = groups.filter((g) => !g.keep);
    let plainOnly: Canonicalizer | undefined;
    const variants: string[] = [];
    for (const group of groups) {
      for (const variant of group.variants) {
        const key = variant.normalize('NFKC').toLowerCase();
        if (!key || key === group.canonical) continue;
        // A kept list still gets its members canonicalized (人民法院 → 法院) by the plain groups.
        const kept = group.keep ? '、' + (plainOnly ??= new Canonicalizer(plain)).apply(key) : '';
        this.replacement.set(key, group.canonical + kept);
        if (group.keep) this.keptVariants.add(key);
        variants.push(key);
      }
    }
    this.multiline = variants.some((variant) => variant.includes('\n'));
    // Longest first (a stable sort: of equal length, the list's order), per first unit.
    variants.sort((a, b) => b.length - a.length);
    for (const variant of variants) {
      const first = variant.charCodeAt(0);
      this.starts[first] = 1;
      const list = this.byFirst.get(first);
      if (list) list.push(variant);
      else this.byFirst.set(first, [variant]);
    }
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
    let out = '';
    let copied = 0;
    for (let i = 0; i < normal.length;) {
      const variant = this.starts[normal.charCodeAt(i)] === 1 ? this.variantAt(normal, i) : undefined;
      if (variant === undefined) {
        i++;
        continue;
      }
      out += normal.slice(copied, i) + this.replacement.get(variant)!;
      copied = i += variant.length;
    }
    return copied === 0 ? normal : out + normal.slice(copied);
  }

  /** The longest variant written at `at` in `text`, if any. */
  private variantAt(text: string, at: number): string | undefined {
    const list = this.byFirst.get(text.charCodeAt(at));
    if (list) for (const variant of list) if (text.startsWith(variant, at)) return variant;
    return undefined;
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
