/**
 * Rank-safe Block-Max MaxScore over BM25 postings (Turtle & Flood 1995; Ding & Suel 2011). Query
 * terms are split into essential ones, whose postings produce candidates, and non-essential
 * ones, which together could not lift a unit past the k-th best score and are only probed
 * for units the others found. The split is made window by window from the terms' block maxima
 * (bm25-block-max.ts), so a term weak or absent in a window is not walked there, and a candidate
 * is dropped without a probe when the block maxima of its non-essential terms cannot lift it.
 * The probes go term at a time over a window's candidates in unit order (a merge with the
 * term's postings from the candidate's block on, or one byte read for a term in most units).
 * Scores are summed in the query's term order in float32, as the exhaustive scan sums them, so
 * hits and scores are bit-identical to it; ties go to the earlier unit.
 */
import { BLOCK_SHIFT as BLOCK_BITS, type QueryTerm, WINDOW_SHIFT as WINDOW_BITS } from './bm25-block-max.ts';
import * as seeking from './bm25-seek.ts';
import { type Hit, TopK } from './top-k.ts';

// Under tsx (bench, tests) each use of an imported binding is a getter call, 10–13% of the
// search's CPU in the loops below: they read module-local copies (the bundle inlines imports).
const BLOCK_SHIFT = BLOCK_BITS;
const WINDOW_SHIFT = WINDOW_BITS;
const { seek, seekSteps, seekWindow } = seeking;

/** The arrays the scoring reads (those of a frozen Bm25Index). */
export interface ScoringArrays {
  /** Grouped by term, ascending within a term: unit * 256 + term frequency in half units. */
  readonly postings: Uint32Array;
  readonly norms: Float32Array;
  /** For each unit, the first unit of its passage. */
  readonly head: Int32Array;
  readonly passageIds: Int32Array;
}

/** Top hits and the number of postings read to find them. */
export interface ScoredSearch {
  readonly hits: Hit[];
  readonly walked: number;
}

/** Float32 sums may round up a little past the exact bound: bounds are compared inflated by this. */
const SLACK = 1 + 1e-5;
/** Units per window of the term-at-a-time pass over the essential lists: whole blocks. */
const WINDOW = 1 << WINDOW_SHIFT;
const BLOCKS_PER_WINDOW = WINDOW >>> BLOCK_SHIFT;

// Per-window contributions of each essential term (slot * WINDOW + offset), valid where the
// epoch matches: kept across searches so a question allocates nothing big and clears nothing.
let cellValues = new Float64Array(0);
let cellEpochs = new Int32Array(0);
let probedCells = new Float64Array(0);
let epoch = 0;

function cells(slots: number): void {
  if (cellValues.length >= slots * WINDOW && epoch < 0x7fffff00) return;
  cellValues = new Float64Array(Math.max(slots, 8) * WINDOW);
  cellEpochs = new Int32Array(cellValues.length);
  probedCells = new Float64Array(cellValues.length);
  epoch = 0;
}

/**
 * The k best passages for `terms` (query order), pruning what cannot reach the top k.
 *
 * Like Lucene's MaxScore scorer, candidates come window by window: the essential lists' postings
 * in a window of units are summed term at a time into an accumulator, then the touched units
 * are checked against the non-essential terms' block maxima and probed term at a time (a
 * candidate leaves once its weaker terms cannot lift it past the threshold of the window's
 * start, a lower bound of the current one). A unit that survives is scored exactly, in query
 * order, from the contributions recorded. The split is fixed within a window (a larger essential
 * set only prunes less); a window where no unit can beat the k-th score is skipped whole.
 */
export function maxScoreSearch(a: ScoringArrays, terms: readonly QueryTerm[], k: number, textUnits: number): ScoredSearch {
  const { postings, norms, head, passageIds } = a;
  const m = terms.length;
  // Globally: terms by bound, and cumulative[i], the most order[0..i] can add together.
  const order = terms.map((_, i) => i).sort((x, y) => terms[x].bound - terms[y].bound);
  const cumulative = new Float64Array(m);
  let sum = 0;
  for (let i = 0; i < m; i++) cumulative[i] = sum += terms[order[i]].bound;
  const cursor = Int32Array.from(terms, (t) => t.start); // one forward cursor per term: walks and probes
  const end = Int32Array.from(terms, (t) => t.end);
  const lift = Float64Array.from(terms, (t) => t.lift);
  const scale = Float64Array.from(terms, (t) => t.bound / 255);
  const blocks = terms.map((t) => t.blocks);
  const windows = terms.map((t) => t.windows);
  const dense = terms.map((t) => t.dense);
  const windowStarts = terms.map((t) => t.windowStarts);
  const blockStarts = terms.map((t) => t.blockStarts);
  const bounds = Float64Array.from(terms, (t) => t.bound);
  // In the current window: each term's bound, the terms by it, each term's place (rank).
  const local = new Float64Array(m);
  const byLocal = new Int32Array(m);
  const rank = new Int32Array(m);
  // blockCumulative[j * m + i]: the most byLocal[0..i] can add in the window's block j.
  const blockCumulative = new Float64Array(BLOCKS_PER_WINDOW * m);
  // blockLocal[j * m + i]: the most byLocal[i] alone can add there (0: absent from the block).
  const blockLocal = new Float64Array(BLOCKS_PER_WINDOW * m);
  cells(m);
  // Per window: the candidates (offsets, ascending), their partial sums, and the non-essential
  // contributions found for them (slot i * WINDOW + offset for the term of local rank i).
  const candidates = new Int32Array(WINDOW);
  const partials = new Float64Array(WINDOW);
  const acc = new Float64Array(WINDOW);
  const touched = new Uint32Array(WINDOW / 32);
  const top = new TopK(k);
  let threshold = -Infinity;
  let leading = 0; // order[leading..] may still produce a unit that beats the threshold
  let walked = 0;
  let currentHead = -1;
  let currentBest = 0;
  let done = false;
  const finishPassage = (): void => {
    if (currentHead < 0 || currentBest === 0) return;
    top.push(passageIds[currentHead], currentBest);
    threshold = top.threshold();
    while (leading < m && cumulative[leading] * SLACK <= threshold) leading++;
  };

  while (!done && leading < m) {
    let next = 0x7fffffff;
    for (let i = leading; i < m; i++) {
      const t = order[i];
      if (cursor[t] < end[t] && postings[cursor[t]] >>> 8 < next) next = postings[cursor[t]] >>> 8;
    }
    if (next === 0x7fffffff) break;
    const base = (next >>> WINDOW_SHIFT) << WINDOW_SHIFT;
    const limitDoc = base + WINDOW;
    const essential = splitWindow(base >>> BLOCK_SHIFT);
    if (essential < m) scoreWindow(base, essential);
    // The next window starts past this one for every term that may lead (skipped whole when
    // no unit in it could beat the threshold, or probed here without being walked).
    for (let i = leading; i < m; i++) {
      const t = order[i];
      if (cursor[t] < end[t] && postings[cursor[t]] >>> 8 < limitDoc) {
        cursor[t] = seekWindow(postings, cursor[t], end[t], limitDoc, WINDOW_SHIFT, windowStarts[t]);
        walked += seekSteps.count;
      }
    }
  }
  finishPassage();
  return { hits: top.result(), walked };

  // Walks the essential terms' postings in the window at `base` and scores the units they touch.
  function scoreWindow(base: number, essential: number): void {
    const limitDoc = base + WINDOW;
    const stamp = ++epoch;
    for (let i = essential; i < m; i++) {
      const t = byLocal[i];
      const l = lift[t];
      const slot = (i - essential) * WINDOW;
      let p = seekWindow(postings, cursor[t], end[t], base, WINDOW_SHIFT, windowStarts[t]);
      walked += seekSteps.count - 1;
      const from = p;
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
      walked += p - from;
      cursor[t] = p;
    }
    // The touched units that the non-essential terms' block maxima could lift past the threshold.
    let n = 0;
    for (let w = 0; w < touched.length; w++) {
      let bits = touched[w];
      if (bits === 0) continue;
      touched[w] = 0;
      while (bits !== 0) {
        const off = (w << 5) | (31 - Math.clz32(bits & -bits));
        bits &= bits - 1;
        const partial = acc[off];
        acc[off] = 0;
        if (essential > 0 && (partial + blockCumulative[(off >>> BLOCK_SHIFT) * m + essential - 1]) * SLACK <= threshold) continue;
        candidates[n] = off;
        partials[n++] = partial;
      }
    }
    // The non-essential terms, strongest first, term at a time over the candidates in unit order
    // (a merge with the term's postings): each drops the candidates its weaker terms' block
    // maxima can no longer lift, then adds its contribution to those left.
    for (let i = essential - 1; i >= 0 && n > 0; i--) {
      const t = byLocal[i];
      const e = end[t];
      const l = lift[t];
      const slot = i * WINDOW;
      const perUnit = dense[t];
      const starts = blockStarts[t];
      const startsOf = windowStarts[t];
      let p = cursor[t];
      let kept = 0;
      for (let j = 0; j < n; j++) {
        const off = candidates[j];
        const row = (off >>> BLOCK_SHIFT) * m;
        let partial = partials[j];
        if ((partial + blockCumulative[row + i]) * SLACK <= threshold) continue;
        let c = 0;
        if (perUnit !== undefined) {
          const doc = base + off;
          const half = perUnit[doc];
          walked++;
          if (half !== 0) {
            const f = half / textUnits;
            c = (l * f) / (f + norms[doc]);
          }
        } else if (blockLocal[row + i] !== 0) {
          const doc = base + off;
          const target = doc * 256;
          // Not before the postings of the unit's block, where the term keeps where they start.
          if (starts !== undefined) p = Math.max(p, startsOf![doc >>> WINDOW_SHIFT] + starts[doc >>> BLOCK_SHIFT]);
          // Candidates are dense: the next posting at or past `doc` is usually a few steps on; else gallop.
          let steps = 1;
          while (p < e && postings[p] < target && steps < 8) {
            p++;
            steps++;
          }
          if (p < e && postings[p] < target) {
            p = seek(postings, p, e, doc);
            steps += seekSteps.count;
          }
          walked += steps;
          if (p < e && postings[p] >>> 8 === doc) {
            const f = (postings[p] & 255) / textUnits;
            c = (l * f) / (f + norms[doc]);
          }
        }
        probedCells[slot + off] = c;
        candidates[kept] = off;
        partials[kept++] = partial += c;
      }
      cursor[t] = p;
      n = kept;
    }
    // Those left are scored exactly, in query order, and offered passage by passage.
    for (let j = 0; j < n && !done; j++) {
      const off = candidates[j];
      const doc = base + off;
      if (head[doc] !== currentHead) {
        if (currentBest !== 0) finishPassage();
        currentHead = head[doc];
        currentBest = 0;
        if (leading >= m) {
          done = true;
          break;
        }
      }
      if (partials[j] * SLACK <= Math.max(threshold, currentBest)) continue;
      let score = 0;
      for (let t = 0; t < m; t++) {
        const r = rank[t];
        let c: number;
        if (r >= essential) {
          const cell = (r - essential) * WINDOW + off;
          c = cellEpochs[cell] === stamp ? cellValues[cell] : 0;
        } else c = probedCells[r * WINDOW + off];
        if (c !== 0) score = Math.fround(score + c);
      }
      if (score > currentBest) currentBest = score;
    }
  }

  // Orders the terms by bound in the window from `firstBlock`; returns how many (the weakest) are non-essential there.
  function splitWindow(firstBlock: number): number {
    const window = firstBlock >>> (WINDOW_SHIFT - BLOCK_SHIFT);
    for (let t = 0; t < m; t++) {
      const w = windows[t];
      const most = w ? (window < w.length ? w[window] * scale[t] : 0) : bounds[t];
      local[t] = most;
      // Insertion by local bound (queries have a few dozen terms at most).
      let i = t;
      while (i > 0 && local[byLocal[i - 1]] > most) {
        byLocal[i] = byLocal[i - 1];
        i--;
      }
      byLocal[i] = t;
    }
    let essential = 0;
    let total = 0;
    while (essential < m && (total + local[byLocal[essential]]) * SLACK <= threshold) total += local[byLocal[essential++]];
    for (let i = 0; i < m; i++) rank[byLocal[i]] = i;
    for (let i = 0; i < essential; i++) {
      const t = byLocal[i];
      const b = blocks[t];
      const s = scale[t];
      const stop = b === undefined ? BLOCKS_PER_WINDOW : Math.min(BLOCKS_PER_WINDOW, b.length - firstBlock);
      for (let j = 0, cell = i; j < BLOCKS_PER_WINDOW; j++, cell += m) {
        const most = b === undefined ? bounds[t] : j < stop ? b[firstBlock + j] * s : 0;
        blockLocal[cell] = most;
        blockCumulative[cell] = i === 0 ? most : blockCumulative[cell - 1] + most;
      }
    }
    return essential;
  }
}
