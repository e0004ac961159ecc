/**
 * Rank-safe MaxScore over BM25 postings (Turtle & Flood 1995), document at a time. Query terms
 * are ordered by the most they can add to a unit's score; once the k-th best passage scores
 * more than the terms of the smallest bounds together could give, those terms stop producing
 * candidates and are only probed (galloping) for units the others found. Terms present in
 * nearly every passage (工作, 人大, 常委 …) thus cost a few probes instead of a walk of their
 * whole list. Scores are summed in the query's term order in float32, as the exhaustive scan
 * sums them, so hits and scores are bit-identical to it; ties go to the earlier unit.
 */
import { type Hit, TopK } from './top-k.ts';

/** The arrays the scoring reads (those of a frozen Bm25Index). */
export interface ScoringArrays {
  readonly postingDocs: Int32Array;
  readonly postingUnits: Uint8Array;
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

/** The k best passages for `terms` (query order), pruning what cannot reach the top k. */
export function maxScoreSearch(a: ScoringArrays, terms: readonly QueryTerm[], k: number, textUnits: number): ScoredSearch {
  const { postingDocs, postingUnits, norms, head, passageIds } = a;
  const m = terms.length;
  const order = terms.map((_, i) => i).sort((x, y) => terms[x].bound - terms[y].bound);
  // cumulative[i]: the most the terms order[0..i] can add together.
  const cumulative = new Float64Array(m);
  let sum = 0;
  for (let i = 0; i < m; i++) cumulative[i] = sum += terms[order[i]].bound;
  const pos = Int32Array.from(terms, (t) => t.start);
  const end = Int32Array.from(terms, (t) => t.end);
  const contribution = new Float64Array(m);
  const matched = new Int32Array(m); // == stamp: the term matched the current unit
  let stamp = 0;
  const top = new TopK(k);
  let threshold = -Infinity;
  let essential = 0; // order[essential..] produce candidates
  let walked = 0;
  let currentHead = -1;
  let currentBest = 0;
  const tf = (i: number): number => postingUnits[i] / textUnits;
  const finishPassage = (): void => {
    if (currentHead < 0 || currentBest === 0) return;
    top.push(passageIds[currentHead], currentBest);
    threshold = top.threshold();
    while (essential < m && cumulative[essential] * SLACK <= threshold) essential++;
  };
  for (;;) {
    let doc = 0x7fffffff;
    for (let i = essential; i < m; i++) {
      const t = order[i];
      if (pos[t] < end[t] && postingDocs[pos[t]] < doc) doc = postingDocs[pos[t]];
    }
    if (doc === 0x7fffffff) break;
    if (head[doc] !== currentHead) {
      finishPassage();
      currentHead = head[doc];
      currentBest = 0;
      if (essential >= m) break;
    }
    const limit = Math.max(threshold, currentBest);
    stamp++;
    let partial = 0;
    for (let i = essential; i < m; i++) {
      const t = order[i];
      const p = pos[t];
      if (p < end[t] && postingDocs[p] === doc) {
        const f = tf(p);
        partial += contribution[t] = (terms[t].lift * f) / (f + norms[doc]);
        matched[t] = stamp;
        pos[t] = p + 1;
        walked++;
      }
    }
    let alive = true;
    for (let i = essential - 1; i >= 0; i--) {
      if ((partial + cumulative[i]) * SLACK <= limit) {
        alive = false;
        break;
      }
      const t = order[i];
      const p = seek(postingDocs, pos[t], end[t], doc);
      walked += seekSteps;
      pos[t] = p;
      if (p < end[t] && postingDocs[p] === doc) {
        const f = tf(p);
        partial += contribution[t] = (terms[t].lift * f) / (f + norms[doc]);
        matched[t] = stamp;
        pos[t] = p + 1;
      }
    }
    if (!alive) continue;
    let score = 0;
    for (let t = 0; t < m; t++) if (matched[t] === stamp) score = Math.fround(score + contribution[t]);
    if (score > currentBest) currentBest = score;
  }
  finishPassage();
  return { hits: top.result(), walked };
}

/** Postings read by the last `seek` (a variable, not a returned pair: no allocation per probe). */
let seekSteps = 0;

/** The first position in [from, end) whose doc is ≥ target (galloping). */
function seek(docs: Int32Array, from: number, end: number, target: number): number {
  seekSteps = 1;
  if (from >= end || docs[from] >= target) return from;
  let lo = from;
  let step = 1;
  let hi = from + 1;
  while (hi < end && docs[hi] < target) {
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
    if (docs[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
