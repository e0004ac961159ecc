/**
 * Rank-safe MaxScore over BM25 postings (Turtle & Flood 1995). Query terms are ordered by the
 * most they can add to a unit's score; once the k-th best passage scores more than the terms of
 * the smallest bounds together could give, those terms stop producing candidates and are only
 * probed (galloping) for units the others found. Terms present in nearly every passage (工作,
 * 人大, 常委 …) thus cost a few probes instead of a walk of their whole list. Scores are summed
 * in the query's term order in float32, as the exhaustive scan sums them, so hits and scores are
 * bit-identical to it; ties go to the earlier unit.
 */
import { type Hit, TopK } from './top-k.ts';

/** The arrays the scoring reads (those of a frozen Bm25Index). */
export interface ScoringArrays {
  /** Grouped by term, ascending within a term: unit * 256 + term frequency in half units. */
  readonly postings: Uint32Array;
  readonly norms: Float32Array;
  /** For each unit, the first unit of its passage. */
  readonly head: Int32Array;
  readonly passageIds: Int32Array;
}

/** One distinct query term: its postings, its weight and the most it can add to one unit. */
export interface QueryTerm {
  readonly start: number;
  readonly end: number;
  readonly lift: number;
  readonly bound: number;
}

/** Top hits and the number of postings read to find them. */
export interface ScoredSearch {
  readonly hits: Hit[];
  readonly walked: number;
}

/** Float32 sums may round up a little past the exact bound: bounds are compared inflated by this. */
const SLACK = 1 + 1e-5;
/** Units per window of the term-at-a-time pass over the essential lists (a power of two). */
const WINDOW = 1024;

// Per-window contributions of each essential term (slot * WINDOW + offset), valid where the
// epoch matches: kept across searches so a question allocates nothing big and clears nothing.
let cellValues = new Float64Array(0);
let cellEpochs = new Int32Array(0);
let epoch = 0;

function cells(slots: number): void {
  if (cellValues.length >= slots * WINDOW && epoch < 0x7fffff00) return;
  cellValues = new Float64Array(Math.max(slots, 8) * WINDOW);
  cellEpochs = new Int32Array(cellValues.length);
  epoch = 0;
}

/**
 * The k best passages for `terms` (query order), pruning what cannot reach the top k.
 *
 * Like Lucene's MaxScore scorer, candidates come window by window: the essential lists' postings
 * in a window of units are summed term at a time into an accumulator (a tight loop, as the
 * exhaustive scan's), and only then is each touched unit checked against the bound of the
 * non-essential terms, probed from their own forward cursors. A unit that survives is scored
 * exactly, in query order, from the contributions the window and the probes recorded. The
 * essential set is fixed within a window (a larger set than needed only prunes less) and
 * shrinks between windows as the k-th score rises.
 */
export function maxScoreSearch(a: ScoringArrays, terms: readonly QueryTerm[], k: number, textUnits: number): ScoredSearch {
  const { postings, norms, head, passageIds } = a;
  const m = terms.length;
  const order = terms.map((_, i) => i).sort((x, y) => terms[x].bound - terms[y].bound);
  // cumulative[i]: the most the terms order[0..i] can add together.
  const cumulative = new Float64Array(m);
  let sum = 0;
  for (let i = 0; i < m; i++) cumulative[i] = sum += terms[order[i]].bound;
  const pos = Int32Array.from(terms, (t) => t.start); // window walk, essential terms
  const probe = Int32Array.from(terms, (t) => t.start); // bound probes of the non-essential terms
  const end = Int32Array.from(terms, (t) => t.end);
  const lift = Float64Array.from(terms, (t) => t.lift);
  const rank = new Int32Array(m); // rank[t]: t's place in `order`
  order.forEach((t, i) => { rank[t] = i; });
  const probed = new Float64Array(m); // non-essential contributions of the unit being checked
  cells(m);
  const acc = new Float64Array(WINDOW);
  const touched = new Uint32Array(WINDOW / 32);
  const top = new TopK(k);
  let threshold = -Infinity;
  let essential = 0; // order[essential..] produce candidates
  let walked = 0;
  let currentHead = -1;
  let currentBest = 0;
  let done = false;
  const finishPassage = (): void => {
    if (currentHead < 0 || currentBest === 0) return;
    top.push(passageIds[currentHead], currentBest);
    threshold = top.threshold();
    while (essential < m && cumulative[essential] * SLACK <= threshold) essential++;
  };
  // The contribution of term t to unit doc, or 0; advances t's probe cursor.
  const contributionAt = (t: number, doc: number): number => {
    const p = seek(postings, probe[t], end[t], doc);
    walked += seekSteps;
    probe[t] = p;
    if (p >= end[t] || postings[p] >>> 8 !== doc) return 0;
    const f = (postings[p] & 255) / textUnits;
    return (lift[t] * f) / (f + norms[doc]);
  };
  while (!done && essential < m) {
    const windowEssential = essential;
    let base = 0x7fffffff;
    for (let i = windowEssential; i < m; i++) {
      const t = order[i];
      if (pos[t] < end[t] && postings[pos[t]] >>> 8 < base) base = postings[pos[t]] >>> 8;
    }
    if (base === 0x7fffffff) break;
    const limitDoc = base + WINDOW;
    const stamp = ++epoch;
    for (let i = windowEssential; i < m; i++) {
      const t = order[i];
      const l = lift[t];
      const slot = (i - windowEssential) * WINDOW;
      let p = pos[t];
      const e = end[t];
      for (; p < e; p++) {
        const posting = postings[p];
        const doc = posting >>> 8;
        if (doc >= limitDoc) break;
        const f = (posting & 255) / textUnits;
        const off = doc - base;
        const c = (l * f) / (f + norms[doc]);
        acc[off] += c;
        cellValues[slot + off] = c;
        cellEpochs[slot + off] = stamp;
        touched[off >>> 5] |= 1 << (off & 31);
      }
      walked += p - pos[t];
      pos[t] = p;
    }
    for (let w = 0; w < touched.length; w++) {
      let bits = touched[w];
      if (bits === 0) continue;
      touched[w] = 0;
      while (bits !== 0) {
        const bit = 31 - Math.clz32(bits & -bits);
        bits &= bits - 1;
        const off = (w << 5) | bit;
        const partial = acc[off];
        acc[off] = 0;
        if (done) continue; // clear the rest of the window
        const doc = base + off;
        if (head[doc] !== currentHead) {
          finishPassage();
          currentHead = head[doc];
          currentBest = 0;
          if (essential >= m) {
            done = true;
            continue;
          }
        }
        if (survives(doc, partial, windowEssential, Math.max(threshold, currentBest))) {
          let score = 0;
          for (let t = 0; t < m; t++) {
            const r = rank[t];
            let c = probed[t];
            if (r >= windowEssential) {
              const cell = (r - windowEssential) * WINDOW + off;
              c = cellEpochs[cell] === stamp ? cellValues[cell] : 0;
            }
            if (c !== 0) score = Math.fround(score + c);
          }
          if (score > currentBest) currentBest = score;
        }
      }
    }
  }
  finishPassage();
  return { hits: top.result(), walked };

  // Whether a unit whose essential terms sum to `partial` may still beat `limit`: the
  // non-essential terms are probed from the largest bound down, stopping as soon as what they
  // could still add cannot lift it past.
  function survives(doc: number, partial: number, firstEssential: number, limit: number): boolean {
    for (let i = firstEssential - 1; i >= 0; i--) {
      if ((partial + cumulative[i]) * SLACK <= limit) return false;
      const t = order[i];
      partial += probed[t] = contributionAt(t, doc);
    }
    return partial * SLACK > limit;
  }
}

/** Postings read by the last `seek` (a variable, not a returned pair: no allocation per probe). */
let seekSteps = 0;

/** The first position in [from, end) whose unit is ≥ target (galloping; packed postings order as their units). */
function seek(postings: Uint32Array, from: number, end: number, target: number): number {
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
