/**
 * Block maxima of a BM25 term: besides the most the term adds to any unit, the most it adds to
 * a unit of each block of 32 consecutive units, rounded UP to 1/255 of the former so a block
 * costs one byte. The pruned search reads them to skip the postings and probes of a term in
 * blocks where it is weak or absent (Ding & Suel 2011). A term in many units also keeps where
 * each block's postings start, so a probe or a window's walk starts there instead of merging
 * or galloping to it. Computed per term on first use, in the one walk of its postings that the
 * global maximum needs anyway: the index file is unchanged.
 */
import type { Hit } from './top-k.ts';

/**
 * log2 of the units per block: 32 units, not 64 (paired on the bench's 100,000 passages, the
 * tighter maxima let fewer candidates through: 0.69–0.75× the time against 0.78–0.84×).
 */
export const BLOCK_SHIFT = 5;
/** log2 of the units per window (whole blocks): the pruned search splits its terms window by window. */
export const WINDOW_SHIFT = 10;
/**
 * Terms in at least this share of the units keep their block starts (2 bytes per block). Paired
 * on the bench's 300,000 passages, 1/64 against none: p95 0.75× (long questions probe many such
 * terms), p50 unchanged; 1/16: p95 0.91×.
 */
const RANK_SHARE = 1 / 64;
/** Terms with fewer postings keep only their global maximum (their lists are short anyway). */
const MIN_BLOCKED_POSTINGS = 32;

/** The most a term can add to a unit: overall, and per block when the term has blocks. */
export interface TermBounds {
  /** The largest tf / (tf + norm) of the term's postings. */
  readonly saturation: number;
  /** Per block, that largest value within the block in 255ths of `saturation`, rounded up. */
  readonly blocks?: Uint8Array;
  /** Per window of units, the largest of its blocks' values (so a window's bound is one read). */
  readonly windows?: Uint8Array;
  /** Per window (and one past the last), where in the postings its units' postings start: see `blockStarts`. */
  readonly windowStarts?: Int32Array;
  /** Per block, where its units' postings start, counted from its window's start (a window has at most 1,024). */
  readonly blockStarts?: Uint16Array;
}

/**
 * A term's bounds, every field present (undefined when absent), all made here: one object shape
 * from one place. Object literals that differed by path (three shapes, one with a spread) left
 * V8's compiled `termBounds` without feedback for the path it had not yet taken, and it
 * deoptimised there on every later call with the same code (493 times over the bench's first 300
 * questions on the main thread) instead of compiling it again.
 */
export function boundsOf(
  saturation: number, blocks?: Uint8Array, windows?: Uint8Array, windowStarts?: Int32Array, blockStarts?: Uint16Array,
): TermBounds {
  return { saturation, blocks, windows, windowStarts, blockStarts };
}

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

/** One distinct query term as the pruned search reads it: its postings, its weight, the most it can add to one unit, and its bounds. */
export interface QueryTerm {
  readonly start: number;
  readonly end: number;
  readonly lift: number;
  readonly bound: number;
  /** Per block of units, the most it can add there in 255ths of `bound` (none: `bound` everywhere). */
  readonly blocks?: Uint8Array;
  /** Per window of units, the largest of `blocks` there (present when `blocks` is). */
  readonly windows?: Uint8Array;
  /** Per unit, the term's half units there (0: absent), for a term in most units: read instead of merged. */
  readonly dense?: Uint8Array;
  /** As in TermBounds, for a term in RANK_SHARE of the units: a probe or a walk starts at its unit's block. */
  readonly windowStarts?: Int32Array;
  readonly blockStarts?: Uint16Array;
}

/**
 * Terms in at least this share of the units are probed through a byte per unit (`denseFrequencies`)
 * rather than a merge with their postings: measured on the bench (100,000 passages), a share of
 * 1/2 covers the terms of the shared titles and headings that most candidates are probed for.
 */
export const DENSE_SHARE = 1 / 2;

/** Per unit, the half units of the term whose packed postings are postings[start, end) (0: absent). */
export function denseFrequencies(postings: Uint32Array, start: number, end: number, units: number): Uint8Array {
  const dense = new Uint8Array(units);
  for (let i = start; i < end; i++) dense[postings[i] >>> 8] = postings[i] & 255;
  return dense;
}

/**
 * The bounds of the term whose packed postings (unit * 256 + half units) are postings[start, end).
 * It holds no loop, and each loop is a function of its own: V8 compiles a long loop while it
 * runs (on-stack replacement) and keeps that code for the loop's next entry, so the code after
 * the loop, never run when it was compiled, deoptimised at every later call (91 times in a fresh
 * process's first 40 questions at 100,000 passages when the walks were loops here; 489–983 over
 * the bench's first 300 questions with the block loop here).
 */
export function termBounds(
  postings: Uint32Array, start: number, end: number, norms: Float32Array, textUnits: number,
): TermBounds {
  if (end - start < MIN_BLOCKED_POSTINGS) return boundsOf(saturationOf(postings, start, end, norms, textUnits));
  const blockCount = (norms.length >>> BLOCK_SHIFT) + 1;
  if (touchedBlocks.length < blockCount) [touchedBlocks, touchedMaxima] = [new Int32Array(blockCount), new Float64Array(blockCount)];
  // Per block and one past the last: the first posting at or past the block's first unit.
  const firsts = end - start >= norms.length * RANK_SHARE ? scratchFirsts(blockCount + 1) : undefined;
  const saturation = firsts
    ? walkRanked(postings, start, end, norms, textUnits, touchedBlocks, touchedMaxima, firsts)
    : walkBlocked(postings, start, end, norms, textUnits, touchedBlocks, touchedMaxima);
  if (saturation === 0) return boundsOf(saturation);
  if (firsts) firsts.fill(end, walked[0]);
  const blocks = new Uint8Array(blockCount);
  const windows = new Uint8Array((blockCount >>> (WINDOW_SHIFT - BLOCK_SHIFT)) + 1);
  blockMaxima(touchedBlocks, touchedMaxima, walked[1], saturation, blocks, windows);
  if (!firsts) return boundsOf(saturation, blocks, windows);
  // Where the blocks' postings start, as kept: an Int32 per window and a Uint16 per block.
  const windowStarts = new Int32Array(((firsts.length - 1) >>> (WINDOW_SHIFT - BLOCK_SHIFT)) + 1);
  const blockStarts = new Uint16Array(firsts.length);
  blockStartsOf(firsts, windowStarts, blockStarts);
  return boundsOf(saturation, blocks, windows, windowStarts, blockStarts);
}

/**
 * The blocks' and windows' bytes from the most the term adds in each block it is in (`count` of
 * them, in order): only those blocks are visited (at a million passages most terms are in few of
 * 31,251 blocks).
 */
function blockMaxima(touched: Int32Array, maxima: Float64Array, count: number, saturation: number, blocks: Uint8Array, windows: Uint8Array): void {
  const span = WINDOW_SHIFT - BLOCK_SHIFT;
  for (let i = 0; i < count; i++) {
    const b = touched[i];
    const most = Math.min(255, Math.ceil((maxima[i] / saturation) * 255));
    blocks[b] = most;
    if (most > windows[b >>> span]) windows[b >>> span] = most;
  }
}

/** Per-block first postings (`firsts`) as TermBounds keeps them, relative to their window's first. */
function blockStartsOf(firsts: Int32Array, windowStarts: Int32Array, blockStarts: Uint16Array): void {
  const span = WINDOW_SHIFT - BLOCK_SHIFT;
  for (let w = 0; w < windowStarts.length; w++) windowStarts[w] = firsts[w << span];
  for (let b = 0; b < firsts.length; b++) blockStarts[b] = firsts[b] - windowStarts[b >>> span];
}

/** The most the term adds to a unit (in units of its lift): its saturation. */
function saturationOf(postings: Uint32Array, start: number, end: number, norms: Float32Array, textUnits: number): number {
  let saturation = 0;
  for (let i = start; i < end; i++) {
    const tf = (postings[i] & 255) / textUnits;
    const value = tf / (tf + norms[postings[i] >>> 8]);
    if (value > saturation) saturation = value;
  }
  return saturation;
}

/** What the last walk left: the blocks given a first posting (`walkRanked`), the blocks the term is in. */
const walked = new Int32Array(2);
// Working arrays of `termBounds`, reused (every cell is written before it is read): the blocks a
// term is in, in order (its postings ascend), and the most it adds in each.
let touchedBlocks = new Int32Array(0);
let touchedMaxima = new Float64Array(0);

/** `saturationOf`, keeping the most per block too (in `blocks` and `maxima`, the blocks in order). */
function walkBlocked(
  postings: Uint32Array, start: number, end: number, norms: Float32Array, textUnits: number, blocks: Int32Array, maxima: Float64Array,
): number {
  let saturation = 0;
  let n = -1;
  let current = -1;
  for (let i = start; i < end; i++) {
    const tf = (postings[i] & 255) / textUnits;
    const doc = postings[i] >>> 8;
    const value = tf / (tf + norms[doc]);
    if (value > saturation) saturation = value;
    const b = doc >>> BLOCK_SHIFT;
    if (b !== current) {
      current = b;
      blocks[++n] = b;
      maxima[n] = 0;
    }
    if (value > maxima[n]) maxima[n] = value;
  }
  walked[1] = n + 1;
  return saturation;
}

/**
 * `walkBlocked`, keeping each block's first posting too: a loop of its own, since giving every
 * block a first posting passes over all blocks, which a term in few of them should not pay.
 */
function walkRanked(
  postings: Uint32Array, start: number, end: number, norms: Float32Array, textUnits: number, blocks: Int32Array, maxima: Float64Array, firsts: Int32Array,
): number {
  let saturation = 0;
  let n = -1;
  let current = -1;
  let block = 0;
  for (let i = start; i < end; i++) {
    const tf = (postings[i] & 255) / textUnits;
    const doc = postings[i] >>> 8;
    const value = tf / (tf + norms[doc]);
    if (value > saturation) saturation = value;
    const b = doc >>> BLOCK_SHIFT;
    if (b !== current) {
      current = b;
      blocks[++n] = b;
      maxima[n] = 0;
    }
    if (value > maxima[n]) maxima[n] = value;
    while (block <= b) firsts[block++] = i;
  }
  walked[0] = block;
  walked[1] = n + 1;
  return saturation;
}

let firstsOfBlocks = new Int32Array(0);

/** `length` per-block first postings (a view of the reused array; every cell is written before it is read). */
function scratchFirsts(length: number): Int32Array {
  if (firstsOfBlocks.length < length) firstsOfBlocks = new Int32Array(length);
  return firstsOfBlocks.subarray(0, length);
}
