/**
 * The inner step of the pruned BM25 search (bm25-maxscore.ts): one window of units, its
 * essential terms' postings walked, its candidates probed for the others and scored exactly.
 */
import { BLOCK_SHIFT as BLOCK_BITS, WINDOW_SHIFT as WINDOW_BITS } from './bm25-block-max.ts';
import type { PrunedSearch } from './bm25-maxscore.ts';
import * as seeking from './bm25-seek.ts';

// Module-local copies: under tsx each use of an imported binding is a getter call (see bm25-maxscore.ts).
const BLOCK_SHIFT = BLOCK_BITS;
const WINDOW_SHIFT = WINDOW_BITS;
const { seek, seekSteps, seekWindow } = seeking;

/** Float32 sums may round up a little past the exact bound: bounds are compared inflated by this. */
export const SLACK = 1 + 1e-5;
/** Units per window of the term-at-a-time pass over the essential lists: whole blocks. */
export const WINDOW = 1 << WINDOW_SHIFT;

// Per-window contributions of each essential term (slot * WINDOW + offset), valid where the
// epoch matches: kept across searches so a question allocates nothing big and clears nothing.
let cellValues = new Float64Array(0);
let cellEpochs = new Int32Array(0);
let probedCells = new Float64Array(0);
let epoch = 0;

/** Cells for `slots` essential terms (kept across searches). */
export function cells(slots: number): void {
  if (cellValues.length >= slots * WINDOW && epoch < 0x7fffff00) return;
  cellValues = new Float64Array(Math.max(slots, 8) * WINDOW);
  cellEpochs = new Int32Array(cellValues.length);
  probedCells = new Float64Array(cellValues.length);
  epoch = 0;
}

/** Walks the essential terms' postings in the window at `base` and scores the units they touch (a top-level function, see maxScoreSearch). */
export function scoreWindow(s: PrunedSearch, base: number, essential: number): void {
  const { postings, norms, m, byLocal, lift, cursor, end, windowStarts, acc, touched, candidates, partials, textUnits } = s;
  const { blockCumulative, blockLocal, dense, blockStarts, rank, head } = s;
  const values = cellValues;
  const epochs = cellEpochs;
  const probed = probedCells;
  const windowEnd = s.limitDoc;
  const threshold = s.threshold; // fixed until a passage is offered, below
  let walked = s.walked;
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
      if (doc >= windowEnd) break;
      const f = (posting & 255) / textUnits;
      const off = doc - base;
      const c = (l * f) / (f + norms[doc]);
      acc[off] += c;
      values[slot + off] = c;
      epochs[slot + off] = stamp;
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
      probed[slot + off] = c;
      candidates[kept] = off;
      partials[kept++] = partial += c;
    }
    cursor[t] = p;
    n = kept;
  }
  s.walked = walked;
  // Those left are scored exactly, in query order, and offered passage by passage.
  for (let j = 0; j < n && !s.done; j++) {
    const off = candidates[j];
    const doc = base + off;
    if (head[doc] !== s.currentHead) {
      if (s.currentBest !== 0) s.finishPassage();
      s.currentHead = head[doc];
      s.currentBest = 0;
      if (s.leading >= m) {
        s.done = true;
        break;
      }
    }
    if (partials[j] * SLACK <= Math.max(s.threshold, s.currentBest)) continue;
    let score = 0;
    for (let t = 0; t < m; t++) {
      const r = rank[t];
      let c: number;
      if (r >= essential) {
        const cell = (r - essential) * WINDOW + off;
        c = epochs[cell] === stamp ? values[cell] : 0;
      } else c = probed[r * WINDOW + off];
      if (c !== 0) score = Math.fround(score + c);
    }
    if (score > s.currentBest) s.currentBest = score;
  }
}
