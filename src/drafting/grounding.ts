/**
 * The number-grounding check (CONTRACTS.md, "Drafting"): every counted figure — Arabic
 * digits before a measure word, not after 第 — must be one of the facts' counts.
 */

/** A counted figure found in a text. */
export interface CountedFigure {
  readonly value: number;
  /** The figure as written, e.g. `14个`. */
  readonly text: string;
}

// 个 followed by 月 is a duration (6个月), not a count.
const COUNTED = /(第)?([0-9]+)\s*(次|个(?!月)|项|场|期|件|批)/g;

/** Every counted figure in a text, ordinals (第3次) excluded. */
export function countedFigures(text: string): CountedFigure[] {
  return [...text.matchAll(COUNTED)]
    .filter((m) => !m[1])
    .map((m) => ({ value: Number(m[2]), text: m[0] }));
}

/** The figures of a text that are not among the allowed counts. */
export function ungroundedFigures(text: string, counts: Iterable<number>): CountedFigure[] {
  const allowed = new Set(counts);
  return countedFigures(text).filter((f) => !allowed.has(f.value));
}
