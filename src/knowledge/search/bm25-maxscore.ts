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
import { BLOCK_SHIFT as BLOCK_BITS, WINDOW_SHIFT as WINDOW_BITS } from './bm25-block-max.ts';
import type { QueryTerm, ScoredSearch, ScoringArrays } from './bm25-block-max.ts';
import * as seeking from './bm25-seek.ts';
import { SLACK as ROUNDING_SLACK, WINDOW as WINDOW_UNITS, cells, scoreWindow } from './bm25-score-window.ts';
import type { SearchShare } from './bm25-share.ts';
import { TopK } from './top-k.ts';

// Under tsx (bench, tests) each use of an imported binding is a getter call, 10–13% of the
// search's CPU in the loops below: they read module-local copies (the bundle inlines imports).
const BLOCK_SHIFT = BLOCK_BITS;
const WINDOW_SHIFT = WINDOW_BITS;
const { seekSteps, seekUnit, seekWindow } = seeking;

const SLACK = ROUNDING_SLACK;
const WINDOW = WINDOW_UNITS;
const BLOCKS_PER_WINDOW = WINDOW >>> BLOCK_SHIFT;
const WHOLE = [0, 0x7fffffff] as const; // the one range of a search not shared: every unit

/**
 * The k best passages for `terms` (query order), pruning what cannot reach the top k. Like
 * Lucene's MaxScore scorer, candidates come window by window: the essential lists' postings in
 * a window are summed term at a time, then the touched units are checked against the
 * non-essential terms' block maxima and probed term at a time; a unit that survives is scored
 * exactly, in query order, from the contributions recorded. A window where no unit can beat the
 * k-th score is skipped whole. With `share`, only the ranges this thread takes are searched.
 */
export function maxScoreSearch(a: ScoringArrays, terms: readonly QueryTerm[], k: number, textUnits: number, share?: SearchShare): ScoredSearch {
  return new PrunedSearch(a, terms, k, textUnits, share).run();
}

/**
 * One search's state, its steps methods of one class (and the window's step a function of
 * bm25-score-window.ts that reads it) rather than closures made per search: V8 kept closures'
 * compiled code after it no longer fitted and left it for the interpreter at every call (up to
 * 450 times in a fresh process's first questions at 100,000 passages).
 */
export class PrunedSearch {
  readonly postings: Uint32Array;
  readonly norms: Float32Array;
  readonly head: Int32Array;
  readonly passageIds: Int32Array;
  readonly m: number;
  /** Terms by bound, and cumulative[i], the most order[0..i] can add together. */
  readonly order: Int32Array;
  readonly cumulative: Float64Array;
  readonly cursor: Int32Array; // one forward cursor per term: walks and probes
  readonly end: Int32Array;
  readonly lift: Float64Array;
  readonly scale: Float64Array;
  readonly bounds: Float64Array;
  readonly blocks: Array<Uint8Array | undefined>;
  readonly windows: Array<Uint8Array | undefined>;
  readonly dense: Array<Uint8Array | undefined>;
  readonly windowStarts: Array<Int32Array | undefined>;
  readonly blockStarts: Array<Uint16Array | undefined>;
  /** In the current window: each term's bound, the terms by it, each term's place (rank). */
  readonly local: Float64Array;
  readonly byLocal: Int32Array;
  readonly rank: Int32Array;
  /** [j * m + i]: the most byLocal[0..i] can add in the window's block j; the most byLocal[i] alone can (0: absent). */
  readonly blockCumulative: Float64Array;
  readonly blockLocal: Float64Array;
  /** Per window: the candidates (offsets, ascending) and their partial sums (probedCells: what each probe found). */
  readonly candidates = new Int32Array(WINDOW);
  readonly partials = new Float64Array(WINDOW);
  readonly acc = new Float64Array(WINDOW);
  readonly touched = new Uint32Array(WINDOW / 32);
  readonly top: TopK;
  threshold = -Infinity;
  leading = 0; // order[leading..] may still produce a unit that beats the threshold
  walked = 0;
  currentHead = -1;
  currentBest = 0;
  done = false;
  limitDoc = 0; // where the current window ends (its range's end, if sooner)

  constructor(
    a: ScoringArrays,
    terms: readonly QueryTerm[],
    k: number,
    readonly textUnits: number,
    private readonly share: SearchShare | undefined,
  ) {
    ({ postings: this.postings, norms: this.norms, head: this.head, passageIds: this.passageIds } = a);
    const m = this.m = terms.length;
    this.order = Int32Array.from(terms.map((_, i) => i).sort((x, y) => terms[x].bound - terms[y].bound));
    this.cumulative = new Float64Array(m);
    for (let i = 0, sum = 0; i < m; i++) this.cumulative[i] = sum += terms[this.order[i]].bound;
    this.cursor = Int32Array.from(terms, (t) => t.start);
    this.end = Int32Array.from(terms, (t) => t.end);
    this.lift = Float64Array.from(terms, (t) => t.lift);
    this.scale = Float64Array.from(terms, (t) => t.bound / 255);
    this.bounds = Float64Array.from(terms, (t) => t.bound);
    // Filled one by one into arrays of one kind, whatever each term holds (a kind that varied from search to search cost recompiling).
    [this.blocks, this.windows, this.dense, this.windowStarts, this.blockStarts] = [new Array(m), new Array(m), new Array(m), new Array(m), new Array(m)];
    for (let t = 0; t < m; t++) {
      ({ blocks: this.blocks[t], windows: this.windows[t], dense: this.dense[t] } = terms[t]);
      ({ windowStarts: this.windowStarts[t], blockStarts: this.blockStarts[t] } = terms[t]);
    }
    this.local = new Float64Array(m);
    this.byLocal = new Int32Array(m);
    this.rank = new Int32Array(m);
    this.blockCumulative = new Float64Array(BLOCKS_PER_WINDOW * m);
    this.blockLocal = new Float64Array(BLOCKS_PER_WINDOW * m);
    this.top = new TopK(k);
    cells(m);
  }

  /** Search the whole index, or the ranges this thread takes of a shared search: the hits and the postings read. */
  run(): ScoredSearch {
    const { share, postings, order, cursor, end, windowStarts, m } = this;
    for (let range = share ? share.take() : WHOLE; range && !this.done && this.leading < m; range = share?.take()) {
      const [from, to] = range;
      for (let t = 0; share && t < m; t++) {
        cursor[t] = seekUnit(postings, cursor[t], end[t], from, WINDOW_SHIFT, windowStarts[t]);
        this.walked += seekSteps.count;
      }
      if (share) this.raiseThreshold();
      while (!this.done && this.leading < m) {
        let next = 0x7fffffff;
        for (let i = this.leading; i < m; i++) {
          const t = order[i];
          if (cursor[t] < end[t] && postings[cursor[t]] >>> 8 < next) next = postings[cursor[t]] >>> 8;
        }
        if (next >= to) break;
        const base = (next >>> WINDOW_SHIFT) << WINDOW_SHIFT;
        const limitDoc = this.limitDoc = Math.min(base + WINDOW, to);
        const essential = this.splitWindow(base >>> BLOCK_SHIFT);
        if (essential < m) scoreWindow(this, base, essential);
        if (limitDoc === to) break; // the range is done: the next one seeks its own start
        // The next window starts past this one for every term that may lead (skipped whole when
        // no unit in it could beat the threshold, or probed here without being walked).
        for (let i = this.leading; i < m; i++) {
          const t = order[i];
          if (cursor[t] < end[t] && postings[cursor[t]] >>> 8 < limitDoc) {
            cursor[t] = seekWindow(postings, cursor[t], end[t], limitDoc, WINDOW_SHIFT, windowStarts[t]);
            this.walked += seekSteps.count;
          }
        }
      }
      this.finishPassage(); // a range ends at a passage's start: its last passage is complete
      this.currentHead = -1;
      this.currentBest = 0;
    }
    return { hits: this.top.result(), walked: this.walked };
  }

  /** The threshold: this thread's k-th best, or the other's when higher (a shared search). */
  private raiseThreshold(): void {
    const own = this.top.threshold();
    const { share } = this;
    if (share && own > this.threshold) share.raise(own);
    const threshold = this.threshold = share ? Math.max(own, this.threshold, share.floor()) : own;
    while (this.leading < this.m && this.cumulative[this.leading] * SLACK <= threshold) this.leading++;
  }

  finishPassage(): void {
    if (this.currentHead < 0 || this.currentBest === 0) return;
    this.top.push(this.passageIds[this.currentHead], this.currentBest);
    this.raiseThreshold();
  }

  /** Orders the terms by bound in the window from `firstBlock`; returns how many (the weakest) are non-essential there. */
  private splitWindow(firstBlock: number): number {
    const { m, windows, scale, bounds, local, byLocal, rank, blocks, blockLocal, blockCumulative, threshold } = this;
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
