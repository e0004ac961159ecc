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
 * Each walk of the postings is a function of its own holding one loop: V8 compiles a long loop
 * while it runs (on-stack replacement) and, when the code after it has never run, threw that
 * compiled code away at the loop's end, so every long list's first walk ran in the interpreter
 * (91 such deoptimisations in a fresh process's first 40 questions at 100,000 passages).
 */
export function termBounds(
  postings: Uint32Array, start: number, end: number, norms: Float32Array, textUnits: number,
): TermBounds {
  if (end - start < MIN_BLOCKED_POSTINGS) return { saturation: saturationOf(postings, start, end, norms, textUnits) };
  const blockCount = (norms.length >>> BLOCK_SHIFT) + 1;
  const perBlock = scratchMaxima(blockCount);
  // Per block and one past the last: the first posting at or past the block's first unit.
  const firsts = end - start >= norms.length * RANK_SHARE ? scratchFirsts(blockCount + 1) : undefined;
  const saturation = firsts
    ? walkRanked(postings, start, end, norms, textUnits, perBlock, firsts)
    : walkBlocked(postings, start, end, norms, textUnits, perBlock);
  if (saturation === 0) return { saturation };
  if (firsts) firsts.fill(end, walkedBlocks[0]);
  const blocks = new Uint8Array(perBlock.length);
  for (let b = 0; b < perBlock.length; b++) blocks[b] = Math.min(255, Math.ceil((perBlock[b] / saturation) * 255));
  const windows = new Uint8Array((blocks.length >>> (WINDOW_SHIFT - BLOCK_SHIFT)) + 1);
  for (let b = 0; b < blocks.length; b++) {
    const w = b >>> (WINDOW_SHIFT - BLOCK_SHIFT);
    if (blocks[b] > windows[w]) windows[w] = blocks[b];
  }
  return firsts ? { saturation, blocks, windows, ...starts(firsts) } : { saturation, blocks, windows };
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

/** `saturationOf`, keeping the most per block too. */
function walkBlocked(postings: Uint32Array, start: number, end: number, norms: Float32Array, textUnits: number, perBlock: Float64Array): number {
  let saturation = 0;
  for (let i = start; i < end; i++) {
    const tf = (postings[i] & 255) / textUnits;
    const doc = postings[i] >>> 8;
    const value = tf / (tf + norms[doc]);
    if (value > saturation) saturation = value;
    const b = doc >>> BLOCK_SHIFT;
    if (value > perBlock[b]) perBlock[b] = value;
  }
  return saturation;
}

/** The blocks `walkRanked` gave a first posting (the rest start at the list's end). */
const walkedBlocks = new Int32Array(1);

/** `walkBlocked`, keeping each block's first posting too. */
function walkRanked(
  postings: Uint32Array, start: number, end: number, norms: Float32Array, textUnits: number, perBlock: Float64Array, firsts: Int32Array,
): number {
  let saturation = 0;
  let block = 0;
  for (let i = start; i < end; i++) {
    const tf = (postings[i] & 255) / textUnits;
    const doc = postings[i] >>> 8;
    const value = tf / (tf + norms[doc]);
    if (value > saturation) saturation = value;
    const b = doc >>> BLOCK_SHIFT;
    if (value > perBlock[b]) perBlock[b] = value;
    while (block <= b) firsts[block++] = i;
  }
  walkedBlocks[0] = block;
  return saturation;
}

// Working arrays of `termBounds`, reused: a term's walk leaves only the bounds it keeps (at a
// million passages a fresh pair was 375 KB of garbage per term).
let maxima = new Float64Array(0);
let firstsOfBlocks = new Int32Array(0);

/** `length` zeroed per-block maxima (a view of the reused array). */
function scratchMaxima(length: number): Float64Array {
  if (maxima.length < length) maxima = new Float64Array(length);
  const view = maxima.subarray(0, length);
  view.fill(0);
  return view;
}

/** `length` per-block first postings (a view of the reused array; every cell is written before it is read). */
function scratchFirsts(length: number): Int32Array {
  if (firstsOfBlocks.length < length) firstsOfBlocks = new Int32Array(length);
  return firstsOfBlocks.subarray(0, length);
}

/** `firsts` (per block) as TermBounds keeps it: an Int32 per window and a Uint16 per block. */
function starts(firsts: Int32Array): { windowStarts: Int32Array; blockStarts: Uint16Array } {
  const span = WINDOW_SHIFT - BLOCK_SHIFT;
  const windowStarts = new Int32Array(((firsts.length - 1) >>> span) + 1);
  const blockStarts = new Uint16Array(firsts.length);
  for (let w = 0; w < windowStarts.length; w++) windowStarts[w] = firsts[w << span];
  for (let b = 0; b < firsts.length; b++) blockStarts[b] = firsts[b] - windowStarts[b >>> span];
  return { windowStarts, blockStarts };
}

/**
 * Terms in at least this share of the units have their bounds computed ahead of the questions.
 * At 100,000 passages: 614 terms holding 75% of the postings, 6 MB of bounds (1/64: 1,187
 * terms, 86%, 12 MB of bounds and 341 ms of CPU to compute them).
 */
const WARM_SHARE = 1 / 16;

/** The terms whose bounds cost a question most to compute (a walk of a long list), longest first: `warmBounds` computes them ahead. */
function longTerms(offsets: Int32Array, units: number): number[] {
  const long: number[] = [];
  for (let t = 0; t + 1 < offsets.length; t++) if (offsets[t + 1] - offsets[t] >= units * WARM_SHARE) long.push(t);
  return long.sort((a, b) => offsets[b + 1] - offsets[b] - (offsets[a + 1] - offsets[a]));
}

/** Milliseconds of bound computing between two looks at other work: a question waits at most this. */
const WARM_SLICE_MS = 2;

/**
 * Compute the bounds of an index's longest lists ahead of the questions, a slice at a time (a
 * search arriving meanwhile runs between two slices), while `wanted()`: a term's first search
 * would otherwise walk its whole list for them, ~1 ms per term in every other unit at 100,000
 * passages. They go to `warmed` in shared memory: the other thread searching the index adopts them.
 */
export function warmBounds(
  cache: TermBoundsCache, offsets: Int32Array, units: number, wanted: () => boolean, warmed: (terms: SharedTermBounds[]) => void,
): void {
  const terms = longTerms(offsets, units);
  let next = 0;
  const slice = (): void => {
    if (!wanted()) return; // replaced: its bounds are of no more use
    const until = performance.now() + WARM_SLICE_MS;
    const done: SharedTermBounds[] = [];
    while (next < terms.length && performance.now() < until) {
      const t = terms[next++];
      done.push(cache.shared(t, offsets[t], offsets[t + 1]));
    }
    warmed(done);
    if (next < terms.length) setImmediate(slice);
  };
  setImmediate(slice);
}

/** Terms given a byte per unit for their probes, at most (a corpus has few terms in half its units). */
const MAX_DENSE_TERMS = 32;
/**
 * The bounds kept at most: 32 MB, or 160 bytes per unit (160 MB at a million units). The bench's
 * 300 questions hold 1,549 terms' bounds, about 100 bytes per unit: more than the bound would
 * have every question recompute its terms' bounds (a walk of each list, twice the search).
 */
const maxBoundBytes = (units: number): number => Math.max(32 << 20, 160 * units);

/**
 * The bounds of an index's terms, computed on first use and kept: up to `maxBoundBytes` (a
 * byte per 32 units per term, three for a term with block starts), then forgotten all at once, so a long-running
 * process asked about ever new terms does not grow without end (a recomputation is one walk of
 * a list); per-unit frequencies for the first MAX_DENSE_TERMS terms in DENSE_SHARE of the units.
 */
export class TermBoundsCache {
  private bounds = new Map<number, TermBounds>();
  private bytes = 0;
  private readonly dense = new Map<number, Uint8Array>();

  constructor(private readonly postings: Uint32Array, private readonly norms: Float32Array, private readonly textUnits: number) {}

  /** Term `t` (postings[start, end), weight `lift`) with its bounds, as the pruned search reads it. */
  queryTerm(t: number, start: number, end: number, lift: number): QueryTerm {
    const bounds = this.bounds.get(t) ?? this.remember(t, termBounds(this.postings, start, end, this.norms, this.textUnits));
    let dense = this.dense.get(t);
    if (!dense && end - start >= this.norms.length * DENSE_SHARE && this.dense.size < MAX_DENSE_TERMS) {
      this.dense.set(t, dense = denseFrequencies(this.postings, start, end, this.norms.length));
    }
    const { blocks, windows, windowStarts, blockStarts } = bounds;
    return { start, end, lift, bound: lift * bounds.saturation, blocks, windows, dense, windowStarts, blockStarts };
  }

  /**
   * Term `t`'s bounds (and per-unit frequencies, for a term in most units), computed if need be
   * and moved into shared memory: what another thread searching the same index adopts.
   */
  shared(t: number, start: number, end: number): SharedTermBounds {
    this.queryTerm(t, start, end, 0);
    let bounds = this.bounds.get(t)!;
    if (!(bounds.blocks?.buffer instanceof SharedArrayBuffer) && bounds.blocks) this.bounds.set(t, bounds = inSharedMemory(bounds));
    let dense = this.dense.get(t);
    if (dense && !(dense.buffer instanceof SharedArrayBuffer)) this.dense.set(t, dense = copyInto(new Uint8Array(new SharedArrayBuffer(dense.length)), dense));
    return { t, bounds, dense };
  }

  /** Bounds another thread computed (`shared`), kept unless this thread has its own. */
  adopt({ t, bounds, dense }: SharedTermBounds): void {
    if (!this.bounds.has(t)) this.remember(t, bounds);
    if (dense && !this.dense.has(t) && this.dense.size < MAX_DENSE_TERMS) this.dense.set(t, dense);
  }

  /** Keep a term's bounds: up to `maxBoundBytes`, then all are forgotten at once. */
  private remember(t: number, bounds: TermBounds): TermBounds {
    const bytes = (bounds.blocks?.length ?? 0) + (bounds.windows?.length ?? 0) + 4 * (bounds.windowStarts?.length ?? 0) + 2 * (bounds.blockStarts?.length ?? 0);
    if (this.bytes + bytes > maxBoundBytes(this.norms.length)) {
      this.bounds = new Map();
      this.bytes = 0;
    }
    this.bounds.set(t, bounds);
    this.bytes += bytes;
    return bounds;
  }
}

/** A term's bounds as one thread hands them to another. */
export interface SharedTermBounds {
  readonly t: number;
  readonly bounds: TermBounds;
  readonly dense?: Uint8Array;
}

/** `bounds` with its arrays copied into one SharedArrayBuffer (widest first, so each view is aligned). */
function inSharedMemory(bounds: TermBounds): TermBounds {
  const { saturation, blocks, windows, windowStarts, blockStarts } = bounds;
  const sizes = [4 * (windowStarts?.length ?? 0), 2 * (blockStarts?.length ?? 0), blocks?.length ?? 0, windows?.length ?? 0];
  const memory = new SharedArrayBuffer(sizes.reduce((sum, size) => sum + size, 0));
  let at = 0;
  const next = (size: number): number => (at += size) - size;
  const copied = {
    windowStarts: windowStarts && copyInto(new Int32Array(memory, next(sizes[0]), windowStarts.length), windowStarts),
    blockStarts: blockStarts && copyInto(new Uint16Array(memory, next(sizes[1]), blockStarts.length), blockStarts),
    blocks: blocks && copyInto(new Uint8Array(memory, next(sizes[2]), blocks.length), blocks),
    windows: windows && copyInto(new Uint8Array(memory, next(sizes[3]), windows.length), windows),
  };
  return copied.windowStarts ? { saturation, ...copied } : { saturation, blocks: copied.blocks, windows: copied.windows };
}

function copyInto<T extends Uint8Array | Uint16Array | Int32Array>(target: T, source: T): T {
  target.set(source);
  return target;
}
