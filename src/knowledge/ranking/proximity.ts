/**
 * Proximity cue: how closely the question's words stand together in a passage. 提出 next to 议案
 * ("提出…的议案") says more than the two words three clauses apart.
 */
import type { HeldTerms } from './weighted-terms.ts';

// Occurrences read per word: a word repeated more often than this is everywhere in the text anyway.
const OCCURRENCES = 50;

// Buffers reused by every call (the cue runs synchronously, thirty times a question).
let events = new Float64Array(1024);
let count = new Int32Array(64);

/**
 * The question's words' total length over the shortest stretch of text that holds every one of
 * them found there (1 when adjacent). `present` are the question's words the text holds, in the
 * question's order.
 */
export function proximity(present: HeldTerms, text: string): number {
  const n = present.count;
  if (n < 2) return n ? 0.5 : 0;
  if (events.length < n * OCCURRENCES) events = new Float64Array(n * OCCURRENCES);
  if (count.length < n) count = new Int32Array(n);
  // Each occurrence as one number, position × n + word, sorted: by position, and at one
  // position in the question's word order.
  let m = 0;
  let length = 0;
  for (let w = 0; w < n; w++) {
    const word = present.item(w);
    length += word.length;
    for (let i = text.indexOf(word), seen = 0; i >= 0 && seen < OCCURRENCES; i = text.indexOf(word, i + 1), seen++) events[m++] = i * n + w;
  }
  const sorted = events.subarray(0, m).sort();
  // Sweep: the shortest window [start, end) holding one occurrence of every word.
  count.fill(0, 0, n);
  let covered = 0;
  let best = Infinity;
  let left = 0;
  for (let right = 0; right < m; right++) {
    const w = sorted[right] % n;
    if (count[w]++ === 0) covered++;
    while (covered === n) {
      const first = sorted[left] % n;
      const span = (sorted[right] - w) / n + present.item(w).length - (sorted[left] - first) / n;
      if (span < best) best = span;
      if (--count[first] === 0) covered--;
      left++;
    }
  }
  return Math.min(1, length / best);
}
