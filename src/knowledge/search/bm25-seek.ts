/** Moving a cursor forward through one term's packed postings (ascending units) to a unit. */

/** Postings read by the last `seek` (a variable, not a returned pair: no allocation per probe). */
export let seekSteps = 0;

/** The first position in [from, end) whose unit is ≥ target (galloping; packed postings order as their units). */
export function seek(postings: Uint32Array, from: number, end: number, target: number): number {
  seekSteps = 1;
  target *= 256;
  if (from >= end || postings[from] >= target) return from;
  let lo = from;
  let step = 1;
  let hi = from + 1;
  while (hi < end && postings[hi] < target) {
    lo = hi;
    step *= 2;
    hi = lo + step;
    seekSteps++;
  }
  if (hi > end) hi = end;
  lo++;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    seekSteps++;
    if (postings[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
