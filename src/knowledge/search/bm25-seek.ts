/** Moving a cursor forward through one term's packed postings (ascending units) to a unit. */

/** Postings read by the last `seek` (a shared cell, not a returned pair: no allocation per probe). */
export const seekSteps = { count: 0 };

/** The first position in [from, end) whose unit is ≥ target (galloping; packed postings order as their units). */
export function seek(postings: Uint32Array, from: number, end: number, target: number): number {
  seekSteps.count = 1;
  target *= 256;
  if (from >= end || postings[from] >= target) return from;
  let lo = from;
  let step = 1;
  let hi = from + 1;
  while (hi < end && postings[hi] < target) {
    lo = hi;
    step *= 2;
    hi = lo + step;
    seekSteps.count++;
  }
  if (hi > end) hi = end;
  lo++;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    seekSteps.count++;
    if (postings[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `seek` to `target`, the first unit of a window of 2^windowShift units: one read when the term
 * keeps where each window's postings start (a term in many units, see bm25-block-max.ts).
 */
export function seekWindow(
  postings: Uint32Array, from: number, end: number, target: number, windowShift: number, windowStarts?: Int32Array,
): number {
  if (windowStarts === undefined) return seek(postings, from, end, target);
  seekSteps.count = 1;
  const window = target >>> windowShift;
  return window < windowStarts.length ? Math.max(from, windowStarts[window]) : end;
}

/**
 * The first position in [from, end) whose unit is ≥ `unit`, any unit (where a shared search's
 * range starts): `seekWindow` to its window, then `seek` within it; `seekSteps` counts both.
 */
export function seekUnit(
  postings: Uint32Array, from: number, end: number, unit: number, windowShift: number, windowStarts?: Int32Array,
): number {
  const p = seekWindow(postings, from, end, unit, windowShift, windowStarts);
  if (p >= end || postings[p] >>> 8 >= unit) return p;
  const steps = seekSteps.count;
  const found = seek(postings, p, end, unit);
  seekSteps.count += steps;
  return found;
}
