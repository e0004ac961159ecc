/** Finds `[n]` citations in a model's answer and keeps only those that point to a given passage. */

/** The outcome of checking an answer's citations against `count` passages. */
export interface CitationCheck {
  /** The text with invented citations removed (and `【n】`, `[1,2]` written as `[1][2]`). */
  readonly text: string;
  /** Passage numbers (1-based) the answer cites, in order of first use. */
  readonly cited: readonly number[];
  /** Numbers it cited that point to no passage. */
  readonly dropped: readonly number[];
}

// One or two digits only: `[2023]` in a document reference is not a citation.
const GROUP = /[[【［]\s*(\d{1,2}(?:\s*[,，、]\s*\d{1,2})*)\s*[\]】］]/g;

/** Check the citations of `text` against passages numbered 1..count. */
export function checkCitations(text: string, count: number): CitationCheck {
  const cited: number[] = [];
  const dropped: number[] = [];
  const cleaned = text.replace(GROUP, (_, inner: string) => {
    const numbers = inner.split(/[,，、]/).map((s) => Number(s.trim()));
    const kept = numbers.filter((n) => n >= 1 && n <= count);
    for (const n of numbers) {
      const list = kept.includes(n) ? cited : dropped;
      if (!list.includes(n)) list.push(n);
    }
    return kept.map((n) => `[${n}]`).join('');
  });
  // Removing a citation can leave a space before punctuation; tidy it.
  const text2 = cleaned.replace(/[ \t]+([。，；：！？、.,;:!?])/g, '$1').replace(/[ \t]{2,}/g, ' ');
  return { text: text2, cited, dropped };
}
