/**
 * What each asked-* check returns (asked-approval.ts, asked-predicate.ts, asked-motion.ts…): the
 * passages to quote, the first moved to the front when another states what is asked, or that none
 * found does (then the answer is 没有找到 rather than a quote that answers something else).
 */
import type { ScoredPassage } from '../types.ts';

/** The passages to answer from, or that none found states what is asked. */
export interface CheckedQuote {
  readonly passages: readonly ScoredPassage[];
  /** Set when no passage found states what the question asks. */
  readonly unstated?: boolean;
}

/** The passages with the one at `at` moved to the front, the others in their order. */
export function movedFirst(passages: readonly ScoredPassage[], at: number): ScoredPassage[] {
  return [passages[at], ...passages.filter((_, i) => i !== at)];
}

/** The passages unchanged when the first `states` what is asked; else the first that does, moved to the front; else `unstated`. */
export function firstStating(passages: readonly ScoredPassage[], states: (passage: ScoredPassage) => boolean): CheckedQuote {
  const at = passages.findIndex(states);
  if (at === 0) return { passages };
  if (at > 0) return { passages: movedFirst(passages, at) };
  return { passages, unstated: true };
}
