/**
 * The block bounds of an index's terms as one thread keeps them (bm25-block-max.ts computes
 * them): on first use, or ahead for the longest lists, and handed between the two threads that
 * search a large index (bm25-share.ts) in shared memory, so each long list is walked once.
 */
import { DENSE_SHARE, type QueryTerm, type TermBounds, boundsOf, denseFrequencies, termBounds } from './bm25-block-max.ts';

/**
 * Terms in at least this share of the units have their bounds computed ahead of the questions.
 * At 100,000 passages: 1,187 terms holding 86% of the postings, 12 MB of bounds and 341 ms of
 * CPU to compute them (1/16: 614 terms, 75%, 6 MB). At a million passages, with the bounds
 * computed before the questions, the first pass over the bench's questions had p95 18.4 ms
 * against 24.7 with 1/16 (the second pass 14.6 and 15.0: it is the first use of terms that gains).
 */
const WARM_SHARE = 1 / 64;

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
 * The bounds kept at most: 32 MB, or 240 bytes per unit (240 MB at a million units). The warmed
 * terms hold about 120 bytes per unit, the bench's 300 questions 1,549 terms' bounds, about 100:
 * less than the two together would clear the warmed bounds with the rest, and every question
 * would recompute its terms' bounds (a walk of each list, twice the search).
 */
const maxBoundBytes = (units: number): number => Math.max(32 << 20, 240 * units);

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
  return boundsOf(saturation, copied.blocks, copied.windows, copied.windowStarts, copied.blockStarts);
}

function copyInto<T extends Uint8Array | Uint16Array | Int32Array>(target: T, source: T): T {
  target.set(source);
  return target;
}
