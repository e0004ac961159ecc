/**
 * BM25 over an in-memory inverted index held in typed arrays (compressed-sparse-row
 * postings), so a query over 100,000 passages touches only the postings of its terms.
 * Context terms (title, heading path) count half as much as the passage's own words.
 * A passage may be added as several units (whole, and each paragraph); it scores its best
 * unit, so one decisive sentence in a long article is not drowned by length normalization.
 */
import { TermBoundsCache } from './bm25-bounds-cache.ts';
import { type Bm25Arrays, readIndexFile, writeIndexFile } from './bm25-file.ts';
import { type AddedPostings, groupedParts, groupedPostings, termOffsets } from './bm25-freeze.ts';
import { maxScoreSearch } from './bm25-maxscore.ts';
import type { SearchShare } from './bm25-share.ts';
import { type Hit, TopK } from './top-k.ts';

export type { Bm25Arrays };

const K1 = 1.2;
const B = 0.75;
/** Term frequencies are stored in half units in a byte: text words 2, context words 1. */
const TEXT_UNITS = 2;
const CONTEXT_UNITS = 1;
/** A posting packs its unit in the high 24 bits and its term frequency in the low 8 (one load per posting, 4 bytes not 5). */
export const MAX_UNITS = 1 << 24;
/**
 * The builder keeps its postings in blocks of this many, not in one array doubled: at a
 * million passages (187M postings) doubling reserved up to twice what was used and copied
 * it all at each step (old and new alive at once), the ingest's peak; blocks grow by 5 MB.
 */
const BLOCK_BITS = 20;
const BLOCK = 1 << BLOCK_BITS;
const IN_BLOCK = BLOCK - 1;

/** Accumulates passages, then freezes them into a Bm25Index. */
export class Bm25Builder {
  private readonly vocabulary = new Map<string, number>();
  private readonly passageIds: number[] = [];
  private docLengths: number[] = [];
  /** Per posting in the order added (blocks of BLOCK): its term id and its half units. */
  private termIds: Int32Array[] = [];
  private units: Uint8Array[] = [];
  private docStarts: number[] = [0];
  private used = 0;
  private finished = false;

  // Per term id, the half units of the passage being added (0 elsewhere), and the ids it
  // touched in first-seen order: a Map per passage was half the build's time.
  private passageUnits = new Int32Array(1 << 12);
  private touched = new Int32Array(1 << 10);

  /** Add one passage's terms. */
  add(id: number, textTerms: readonly string[], contextTerms: readonly string[]): void {
    let touched = 0;
    const count = (term: string, units: number): void => {
      let termId = this.vocabulary.get(term);
      if (termId === undefined) {
        termId = this.vocabulary.size;
        this.vocabulary.set(term, termId);
        if (termId >= this.passageUnits.length) this.passageUnits = grown(this.passageUnits, termId + 1);
      }
      if (this.passageUnits[termId] === 0) {
        if (touched === this.touched.length) this.touched = grown(this.touched, touched + 1);
        this.touched[touched++] = termId;
      }
      this.passageUnits[termId] += units;
    };
    for (const term of textTerms) count(term, TEXT_UNITS);
    for (const term of contextTerms) count(term, CONTEXT_UNITS);
    let length = 0;
    for (let i = 0; i < touched; i++) {
      const termId = this.touched[i];
      const units = this.passageUnits[termId];
      this.passageUnits[termId] = 0;
      const block = this.used >>> BLOCK_BITS;
      if (block === this.termIds.length) {
        this.termIds.push(new Int32Array(BLOCK));
        this.units.push(new Uint8Array(BLOCK));
      }
      this.termIds[block][this.used & IN_BLOCK] = termId;
      this.units[block][this.used & IN_BLOCK] = Math.min(units, 255);
      this.used++;
      length += units;
    }
    this.passageIds.push(id);
    this.docLengths.push(length / TEXT_UNITS);
    this.docStarts.push(this.used);
  }

  /** Freeze into a searchable index (single use, see `freeze`). */
  finish(generation: number): Bm25Index {
    return new Bm25Index(this.freeze(generation));
  }

  /** Freeze into the index's arrays, what its file holds (postings grouped by term, bm25-freeze.ts); single use: its blocks are let go. */
  freeze(generation: number): Bm25Arrays {
    const { added, offsets, frozen } = this.frozen(generation);
    return { ...frozen, postings: groupedPostings(added, offsets, 0, offsets.length - 1) };
  }

  /**
   * Freeze straight into an index file, byte for byte what `save` writes after `finish`, with
   * the grouped postings made and written a range of terms at a time (the build worker: it
   * never holds them whole beside its blocks). Single use, like `freeze`.
   */
  writeFrozen(path: string, generation: number): void {
    const { added, offsets, frozen } = this.frozen(generation);
    writeIndexFile(path, { ...frozen, postings: { count: added.used, parts: groupedParts(added, offsets) } });
  }

  /** What both ways of freezing start from: the postings as added (the builder lets go of them), each term's offsets, the other arrays. */
  private frozen(generation: number): { added: AddedPostings; offsets: Int32Array; frozen: Omit<Bm25Arrays, 'postings'> } {
    if (this.finished) throw new Error('Bm25Builder: a builder freezes once (its blocks are let go)');
    this.finished = true;
    if (this.passageIds.length > MAX_UNITS) throw new Error(`BM25 index: ${this.passageIds.length} units, at most ${MAX_UNITS} fit a posting`);
    const added: AddedPostings = { termIds: this.termIds, units: this.units, docStarts: this.docStarts, used: this.used, blockBits: BLOCK_BITS };
    [this.termIds, this.units] = [[], []];
    const offsets = termOffsets(added, this.vocabulary.size);
    const frozen = {
      generation,
      vocabulary: [...this.vocabulary.keys()],
      offsets,
      docLengths: Float32Array.from(this.docLengths),
      passageIds: Int32Array.from(this.passageIds),
    };
    return { added, offsets, frozen };
  }
}

/** A copy of `array` at least `atLeast` long (doubling). */
function grown(array: Int32Array, atLeast: number): Int32Array<ArrayBuffer> {
  let size = array.length * 2;
  while (size < atLeast) size *= 2;
  const copy = new Int32Array(size);
  copy.set(array);
  return copy;
}

/** A query term as the index knows it: its id, its postings (postings[start, end)) and its weight in this query. */
export interface IndexedTerm {
  readonly t: number;
  readonly start: number;
  readonly end: number;
  readonly lift: number;
}

/** A frozen BM25 index: search, save, load. */
export class Bm25Index {
  readonly generation: number;
  private readonly termIndex: Map<string, number>;
  private readonly averageLength: number;
  // Scratch of the exhaustive scan, made at its first use and reused (one search at a time per
  // thread): the pruned search, all a search thread runs, needs none of it.
  private scratch?: { scores: Float32Array; best: Float32Array; touched: Int32Array; heads: Int32Array };
  /** For each unit, the first unit of the same passage. */
  readonly head: Int32Array;
  readonly norms: Float32Array;
  /** Per term, the most it adds to a unit and its other bounds (computed on first use, or ahead by a search thread). */
  readonly bounds: TermBoundsCache;
  /** Postings read by the last search, and the milliseconds the last pruned search took (shared by two threads: from the asking to the merged hits) — the benchmark's measures. */
  lastWalked = 0;
  lastSearchMs = 0;

  constructor(private readonly arrays: Bm25Arrays) {
    this.generation = arrays.generation;
    this.termIndex = new Map(arrays.vocabulary.map((term, i) => [term, i]));
    let total = 0;
    for (const length of arrays.docLengths) total += length;
    this.averageLength = total / Math.max(arrays.docLengths.length, 1) || 1;
    const units = arrays.passageIds.length;
    this.head = new Int32Array(units);
    for (let u = 1; u < units; u++) {
      this.head[u] = arrays.passageIds[u] === arrays.passageIds[u - 1] ? this.head[u - 1] : u;
    }
    // The length normalization of each unit, computed once instead of per posting.
    this.norms = arrays.docLengths.map((length) => K1 * (1 - B + (B * length) / this.averageLength));
    this.bounds = new TermBoundsCache(arrays.postings, this.norms, TEXT_UNITS);
  }

  /** Postings grouped by term, ascending within a term: unit * 256 + term frequency in half units. */
  get postings(): Uint32Array {
    return this.arrays.postings;
  }

  /** Each unit's passage id. */
  get passageIds(): Int32Array {
    return this.arrays.passageIds;
  }

  /** Number of indexed passages. */
  get size(): number {
    return this.arrays.passageIds.length;
  }

  /** Inverse document frequency of a term; an unknown term is as rare as a term can be. */
  idf(term: string): number {
    const t = this.termIndex.get(term);
    const df = t === undefined ? 0 : this.arrays.offsets[t + 1] - this.arrays.offsets[t];
    const n = this.size;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The arrays the index reads, when they lie in shared memory (read from a file): a search thread views them without a copy. */
  get shared(): Bm25Arrays | undefined {
    return this.arrays.postings.buffer instanceof SharedArrayBuffer ? this.arrays : undefined;
  }

  /** The k best passages for the query terms (rank-safe Block-Max MaxScore: the same hits as `searchExhaustive`). */
  search(queryTerms: readonly string[], k: number): Hit[] {
    return this.searchTerms(this.termsOf(queryTerms), k);
  }

  /** `search` of terms already looked up (`termsOf`): what a search thread, holding no vocabulary, is sent; `share`: its ranges only. */
  searchTerms(terms: readonly IndexedTerm[], k: number, share?: SearchShare): Hit[] {
    if (k <= 0 || terms.length === 0) {
      this.lastWalked = 0;
      return [];
    }
    const started = performance.now();
    const bounded = terms.map((term) => this.bounds.queryTerm(term.t, term.start, term.end, term.lift));
    const { hits, walked } = maxScoreSearch(this, bounded, k, TEXT_UNITS, share);
    this.lastSearchMs = performance.now() - started;
    this.lastWalked = walked;
    return hits;
  }

  /**
   * The reference: every posting of every query term scored; ties go to the earlier passage.
   * With `among`, only those passages are scored (a search inside one document: its passages
   * rank exactly as they would among all, in one walk of the query's postings).
   */
  searchExhaustive(queryTerms: readonly string[], k: number, among?: ReadonlySet<number>): Hit[] {
    const { postings, passageIds } = this.arrays;
    const n = passageIds.length;
    const { scores, touched, best, heads } = this.scratch ??= { scores: new Float32Array(n), best: new Float32Array(n), touched: new Int32Array(n), heads: new Int32Array(n) };
    const { norms } = this;
    let touchedCount = 0;
    let walked = 0;
    for (const { start, end, lift } of this.termsOf(queryTerms)) {
      walked += end - start;
      for (let i = start; i < end; i++) {
        const posting = postings[i];
        const doc = posting >>> 8;
        if (among && !among.has(passageIds[doc])) continue;
        const tf = (posting & 255) / TEXT_UNITS;
        if (scores[doc] === 0) touched[touchedCount++] = doc;
        scores[doc] += (lift * tf) / (tf + norms[doc]);
      }
    }
    this.lastWalked = walked;
    // Units of one passage are consecutive; each passage keeps the score of its best unit.
    let headCount = 0;
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i];
      const head = this.head[doc];
      if (best[head] === 0) heads[headCount++] = head;
      if (scores[doc] > best[head]) best[head] = scores[doc];
      scores[doc] = 0;
    }
    heads.subarray(0, headCount).sort();
    const top = new TopK(Math.max(k, 0));
    for (let i = 0; i < headCount; i++) {
      const head = heads[i];
      if (k > 0) top.push(passageIds[head], best[head]);
      best[head] = 0;
    }
    return top.result();
  }

  /** The distinct known query terms in order of first use, each with its postings and weight. */
  termsOf(queryTerms: readonly string[]): IndexedTerm[] {
    const { offsets } = this.arrays;
    const weights = new Map<number, number>();
    for (const term of queryTerms) {
      const t = this.termIndex.get(term);
      if (t !== undefined) weights.set(t, (weights.get(t) ?? 0) + 1);
    }
    const n = this.size;
    return [...weights].map(([t, queryCount]) => {
      const start = offsets[t];
      const end = offsets[t + 1];
      const idf = Math.log(1 + (n - (end - start) + 0.5) / (end - start + 0.5)) * Math.sqrt(queryCount);
      return { t, start, end, lift: idf * (K1 + 1) };
    });
  }

  /** Write the index to a file: temporary name, fsync, rename. */
  save(path: string): void {
    writeIndexFile(path, this.arrays);
  }

  /**
   * Read an index written by `save`; undefined when the file is missing, of another format
   * version, truncated or damaged. Never throws: a bad index file is rebuilt, not fatal.
   */
  static load(path: string): Bm25Index | undefined {
    const arrays = readIndexFile(path);
    return arrays && new Bm25Index(arrays);
  }
}
