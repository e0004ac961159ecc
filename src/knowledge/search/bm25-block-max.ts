/**
 * Block maxima of a BM25 term: besides the most the term adds to any unit, the most it adds to
 * a unit of each block of 64 consecutive units, rounded UP to 1/255 of the former so a block
 * costs one byte. The pruned search reads them to skip the postings and probes of a term in
 * blocks where it is weak or absent (Ding & Suel 2011). Computed per term on first use, in the
 * one walk of its postings that the global maximum needs anyway: the index file is unchanged.
 */

/** log2 of the units per block. */
export const BLOCK_SHIFT = 6;
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
