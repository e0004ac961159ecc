/**
 * Freezing a Bm25Builder: its postings, kept in the order they were added (per posting a term
 * id and half units, in blocks), grouped by term with a counting sort. Whole (`finish`), or a
 * range of terms at a time straight into the index file (the build worker's `writeFrozen`): the
 * grouped array is then never held whole beside the builder's blocks, which at the end of an
 * ingest was the keyword worker's peak (+60 MB at 100,000 passages, both alive until written).
 */

/** A builder's postings as added: a unit's postings are consecutive, units in order. */
export interface AddedPostings {
  /** Per posting, in blocks of 2^blockBits: its term id. */
  readonly termIds: readonly Int32Array[];
  /** Per posting, in the same blocks: its term frequency in half units. */
  readonly units: readonly Uint8Array[];
  /** Per unit and one past the last: the index of its first posting. */
  readonly docStarts: readonly number[];
  /** Postings added. */
  readonly used: number;
  readonly blockBits: number;
}

/** Per term and one past the last: where its postings start in the grouped array. */
export function termOffsets(added: AddedPostings, termCount: number): Int32Array {
  const { termIds, used, blockBits } = added;
  const mask = (1 << blockBits) - 1;
  const offsets = new Int32Array(termCount + 1);
  for (let i = 0; i < used; i++) offsets[termIds[i >>> blockBits][i & mask] + 1]++;
  for (let t = 0; t < termCount; t++) offsets[t + 1] += offsets[t];
  return offsets;
}

/**
 * The grouped postings of terms [first, last): by term, ascending units within a term, each
 * unit * 256 + half units; in the start of `into` when given (long enough), else a new array.
 */
export function groupedPostings(added: AddedPostings, offsets: Int32Array, first: number, last: number, into?: Uint32Array): Uint32Array {
  const { termIds: blocks, units: unitBlocks, docStarts, used, blockBits } = added;
  const base = offsets[first];
  const grouped = into ? into.subarray(0, offsets[last] - base) : new Uint32Array(offsets[last] - base);
  const cursor = offsets.slice(first, last).map((at) => at - base);
  const block = 1 << blockBits;
  // Units are added in order, so posting i belongs to the unit whose range holds it.
  let doc = 0;
  for (let b = 0; b < blocks.length; b++) {
    const termIds = blocks[b];
    const units = unitBlocks[b];
    const end = Math.min(block, used - b * block);
    for (let j = 0; j < end; j++) {
      const i = b * block + j;
      while (i >= docStarts[doc + 1]) doc++;
      const t = termIds[j];
      if (t >= first && t < last) grouped[cursor[t - first]++] = doc * 256 + units[j];
    }
  }
  return grouped;
}

/**
 * The grouped postings in consecutive ranges of whole terms of at most `most` postings each (an
 * eighth of them, at least 2^20), each made when taken, in ONE array reused: a part is valid only
 * until the next is taken (a synchronous writer's use). Each range is one more pass over the
 * builder's postings, for an eighth of the memory.
 */
export function* groupedParts(
  added: AddedPostings, offsets: Int32Array, most = Math.max(1 << 20, Math.ceil(added.used / 8)),
): Generator<Uint32Array> {
  const terms = offsets.length - 1;
  let buffer: Uint32Array | undefined;
  for (let first = 0, last = 0; first < terms; first = last) {
    last = first + 1;
    while (last < terms && offsets[last + 1] - offsets[first] <= most) last++;
    // A range is longer than `most` only when one term alone is: then it has an array of its own.
    const length = offsets[last] - offsets[first];
    if (length > most) yield groupedPostings(added, offsets, first, last);
    else yield groupedPostings(added, offsets, first, last, buffer ??= new Uint32Array(most));
  }
}
