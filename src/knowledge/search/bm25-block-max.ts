/**
 * Block maxima of a BM25 term: besides the most the term adds to any unit, the most it adds to
 * a unit of each block of 32 consecutive units, rounded UP to 1/255 of the former so a block
 * costs one byte. The pruned search reads them to skip the postings and probes of a term in
 * blocks where it is weak or absent (Ding & Suel 2011). Computed per term on first use, in the
 * one walk of its postings that the global maximum needs anyway: the index file is unchanged.
 */

/**
 * log2 of the units per block: 32 units, not 64 (paired on the bench's 100,000 passages, the
 * tighter maxima let fewer candidates through: 0.69–0.75× the time against 0.78–0.84×).
 */
export const BLOCK_SHIFT = 5;
/** log2 of the units per window (whole blocks): the pruned search splits its terms window by window. */
export const WINDOW_SHIFT = 10;
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

/** The bounds of the term whose packed postings (unit * 256 + half units) are postings[start, end). */
export function termBounds(
  postings: Uint32Array, start: number, end: number, norms: Float32Array, textUnits: number,
): TermBounds {
  const blocked = end - start >= MIN_BLOCKED_POSTINGS;
  const perBlock = blocked ? new Float64Array((norms.length >>> BLOCK_SHIFT) + 1) : undefined;
  let saturation = 0;
  for (let i = start; i < end; i++) {
    const tf = (postings[i] & 255) / textUnits;
    const doc = postings[i] >>> 8;
    const value = tf / (tf + norms[doc]);
    if (value > saturation) saturation = value;
    if (perBlock && value > perBlock[doc >>> BLOCK_SHIFT]) perBlock[doc >>> BLOCK_SHIFT] = value;
  }
  if (!perBlock || saturation === 0) return { saturation };
  const blocks = new Uint8Array(perBlock.length);
  for (let b = 0; b < perBlock.length; b++) blocks[b] = Math.min(255, Math.ceil((perBlock[b] / saturation) * 255));
  const windows = new Uint8Array((blocks.length >>> (WINDOW_SHIFT - BLOCK_SHIFT)) + 1);
  for (let b = 0; b < blocks.length; b++) {
    const w = b >>> (WINDOW_SHIFT - BLOCK_SHIFT);
    if (blocks[b] > windows[w]) windows[w] = blocks[b];
  }
  return { saturation, blocks, windows };
}

/** Terms given a byte per unit for their probes, at most (a corpus has few terms in half its units). */
const MAX_DENSE_TERMS = 32;
/** The block and window maxima kept at most: 8 MB, or those of 2,048 terms on a larger index. */
const maxBoundBytes = (units: number): number => Math.max(8 << 20, 64 * units);

/**
 * The bounds of an index's terms, computed on first use and kept: block maxima up to
 * `maxBoundBytes` (a byte per 32 units per term), then forgotten all at once, so a long-running
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
    let bounds = this.bounds.get(t);
    if (!bounds) {
      bounds = termBounds(this.postings, start, end, this.norms, this.textUnits);
      const bytes = (bounds.blocks?.length ?? 0) + (bounds.windows?.length ?? 0);
      if (this.bytes + bytes > maxBoundBytes(this.norms.length)) {
        this.bounds = new Map();
        this.bytes = 0;
      }
      this.bounds.set(t, bounds);
      this.bytes += bytes;
    }
    let dense = this.dense.get(t);
    if (!dense && end - start >= this.norms.length * DENSE_SHARE && this.dense.size < MAX_DENSE_TERMS) {
      this.dense.set(t, dense = denseFrequencies(this.postings, start, end, this.norms.length));
    }
    return { start, end, lift, bound: lift * bounds.saturation, blocks: bounds.blocks, windows: bounds.windows, dense };
  }
}
