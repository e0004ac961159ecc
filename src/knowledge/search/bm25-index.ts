/**
 * BM25 over an in-memory inverted index held in typed arrays (compressed-sparse-row
 * postings), so a query over 100,000 passages touches only the postings of its terms.
 * Context terms (title, heading path) count half as much as the passage's own words.
 * A passage may be added as several units (whole, and each paragraph); it scores its best
 * unit, so one decisive sentence in a long article is not drowned by length normalization.
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../storage/index.ts';
import { type Hit, TopK } from './top-k.ts';

const K1 = 1.2;
const B = 0.75;
/** Term frequencies are stored in half units in a byte: text words 2, context words 1. */
const TEXT_UNITS = 2;
const CONTEXT_UNITS = 1;
const MAGIC = 'LZBM25v1';

/** Accumulates passages, then freezes them into a Bm25Index. */
export class Bm25Builder {
  private readonly vocabulary = new Map<string, number>();
  private readonly passageIds: number[] = [];
  private docLengths: number[] = [];
  private termIds = new Int32Array(1 << 16);
  private units = new Uint8Array(1 << 16);
  private docStarts: number[] = [0];
  private used = 0;

  /** Add one passage's terms. */
  add(id: number, textTerms: readonly string[], contextTerms: readonly string[]): void {
    const counts = new Map<number, number>();
    const count = (term: string, units: number): void => {
      let termId = this.vocabulary.get(term);
      if (termId === undefined) {
        termId = this.vocabulary.size;
        this.vocabulary.set(term, termId);
      }
      counts.set(termId, (counts.get(termId) ?? 0) + units);
    };
    for (const term of textTerms) count(term, TEXT_UNITS);
    for (const term of contextTerms) count(term, CONTEXT_UNITS);
    if (this.used + counts.size > this.termIds.length) this.grow(this.used + counts.size);
    let length = 0;
    for (const [termId, units] of counts) {
      this.termIds[this.used] = termId;
      this.units[this.used] = Math.min(units, 255);
      this.used++;
      length += units;
    }
    this.passageIds.push(id);
    this.docLengths.push(length / TEXT_UNITS);
    this.docStarts.push(this.used);
  }

  private grow(atLeast: number): void {
    let size = this.termIds.length * 2;
    while (size < atLeast) size *= 2;
    const termIds = new Int32Array(size);
    termIds.set(this.termIds.subarray(0, this.used));
    const units = new Uint8Array(size);
    units.set(this.units.subarray(0, this.used));
    this.termIds = termIds;
    this.units = units;
  }

  /** Freeze into a searchable index (postings grouped by term, a counting sort). */
  finish(generation: number): Bm25Index {
    const termCount = this.vocabulary.size;
    const offsets = new Int32Array(termCount + 1);
    for (let i = 0; i < this.used; i++) offsets[this.termIds[i] + 1]++;
    for (let t = 0; t < termCount; t++) offsets[t + 1] += offsets[t];
    const cursor = offsets.slice(0, termCount);
    const postingDocs = new Int32Array(this.used);
    const postingUnits = new Uint8Array(this.used);
    for (let doc = 0; doc < this.passageIds.length; doc++) {
      for (let i = this.docStarts[doc]; i < this.docStarts[doc + 1]; i++) {
        const at = cursor[this.termIds[i]]++;
        postingDocs[at] = doc;
        postingUnits[at] = this.units[i];
      }
    }
    return new Bm25Index({
      generation,
      vocabulary: [...this.vocabulary.keys()],
      offsets,
      postingDocs,
      postingUnits,
      docLengths: Float32Array.from(this.docLengths),
      passageIds: Int32Array.from(this.passageIds),
    });
  }
}

interface Bm25Arrays {
  readonly generation: number;
  readonly vocabulary: readonly string[];
  readonly offsets: Int32Array;
  readonly postingDocs: Int32Array;
  readonly postingUnits: Uint8Array;
  readonly docLengths: Float32Array;
  readonly passageIds: Int32Array;
}

/** A frozen BM25 index: search, save, load. */
export class Bm25Index {
  readonly generation: number;
  private readonly termIndex: Map<string, number>;
  private readonly averageLength: number;
  // Scratch buffers reused by every search (one search at a time: Node is single-threaded).
  private readonly scores: Float32Array;
  private readonly best: Float32Array;
  private readonly touched: Int32Array;
  private readonly heads: Int32Array;
  /** For each unit, the first unit of the same passage. */
  private readonly head: Int32Array;
  private readonly norms: Float32Array;

  constructor(private readonly arrays: Bm25Arrays) {
    this.generation = arrays.generation;
    this.termIndex = new Map(arrays.vocabulary.map((term, i) => [term, i]));
    let total = 0;
    for (const length of arrays.docLengths) total += length;
    this.averageLength = total / Math.max(arrays.docLengths.length, 1) || 1;
    const units = arrays.passageIds.length;
    this.scores = new Float32Array(units);
    this.best = new Float32Array(units);
    this.touched = new Int32Array(units);
    this.heads = new Int32Array(units);
    this.head = new Int32Array(units);
    for (let u = 1; u < units; u++) {
      this.head[u] = arrays.passageIds[u] === arrays.passageIds[u - 1] ? this.head[u - 1] : u;
    }
    // The length normalization of each unit, computed once instead of per posting.
    this.norms = arrays.docLengths.map((length) => K1 * (1 - B + (B * length) / this.averageLength));
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

  /** The k best passages for the query terms. */
  search(queryTerms: readonly string[], k: number): Hit[] {
    const { offsets, postingDocs, postingUnits, passageIds } = this.arrays;
    const weights = new Map<number, number>();
    for (const term of queryTerms) {
      const t = this.termIndex.get(term);
      if (t !== undefined) weights.set(t, (weights.get(t) ?? 0) + 1);
    }
    const { scores, norms, touched, best, heads } = this;
    let touchedCount = 0;
    const n = this.size;
    for (const [t, queryCount] of weights) {
      const start = offsets[t];
      const end = offsets[t + 1];
      const idf = Math.log(1 + (n - (end - start) + 0.5) / (end - start + 0.5)) * Math.sqrt(queryCount);
      const lift = idf * (K1 + 1);
      for (let i = start; i < end; i++) {
        const doc = postingDocs[i];
        const tf = postingUnits[i] / TEXT_UNITS;
        if (scores[doc] === 0) touched[touchedCount++] = doc;
        scores[doc] += (lift * tf) / (tf + norms[doc]);
      }
    }
    // Units of one passage are consecutive; each passage keeps the score of its best unit.
    let headCount = 0;
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i];
      const head = this.head[doc];
      if (best[head] === 0) heads[headCount++] = head;
      if (scores[doc] > best[head]) best[head] = scores[doc];
      scores[doc] = 0;
    }
    const top = new TopK(k);
    for (let i = 0; i < headCount; i++) {
      const head = heads[i];
      top.push(passageIds[head], best[head]);
      best[head] = 0;
    }
    return top.result();
  }

  /** Write the index to a file: temporary name, fsync, rename. */
  save(path: string): void {
    const { vocabulary, offsets, postingDocs, postingUnits, docLengths, passageIds } = this.arrays;
    const header = Buffer.from(JSON.stringify({
      generation: this.generation, terms: vocabulary.length, postings: postingDocs.length, passages: passageIds.length,
    }));
    const vocab = Buffer.from(vocabulary.join('\n'));
    const sizes = Buffer.alloc(16);
    sizes.writeUInt32LE(header.length, 0);
    sizes.writeUInt32LE(vocab.length, 4);
    const parts: Uint8Array[] = [Buffer.from(MAGIC), sizes, header, vocab,
      ...[offsets, postingDocs, docLengths, passageIds, postingUnits].map((a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength))];
    writeFileAtomic(path, parts);
  }

  /**
   * Read an index written by `save`; undefined when the file is missing, of another format
   * version, truncated or damaged. Never throws: a bad index file is rebuilt, not fatal.
   */
  static load(path: string): Bm25Index | undefined {
    let file: Buffer;
    try {
      file = readFileSync(path);
    } catch {
      return undefined;
    }
    try {
      return parseIndexFile(file);
    } catch {
      return undefined; // a length field pointing past the end, a header that is not JSON …
    }
  }
}

const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

/** The arrays of a saved index, every length and cross-reference checked; undefined when not whole. */
function parseIndexFile(file: Buffer): Bm25Index | undefined {
  if (file.length < MAGIC.length + 16 || file.subarray(0, MAGIC.length).toString() !== MAGIC) return undefined;
  let at = MAGIC.length;
  const headerLength = file.readUInt32LE(at);
  const vocabLength = file.readUInt32LE(at + 4);
  at += 16;
  if (at + headerLength + vocabLength > file.length) return undefined;
  const header = JSON.parse(file.subarray(at, at + headerLength).toString()) as {
    generation: number; terms: number; postings: number; passages: number;
  };
  const { generation, terms, postings, passages } = header;
  if (!isCount(generation) || !isCount(terms) || !isCount(postings) || !isCount(passages)) return undefined;
  at += headerLength;
  // Sizes must add up before anything is allocated: a damaged count must not ask for gigabytes.
  if (at + vocabLength + (terms + 1) * 4 + postings * 5 + passages * 8 !== file.length) return undefined;
  const vocabulary = terms ? file.subarray(at, at + vocabLength).toString().split('\n') : [];
  if (vocabulary.length !== terms) return undefined;
  at += vocabLength;
  const take = <T>(Kind: { new (buffer: ArrayBuffer): T; BYTES_PER_ELEMENT: number }, count: number): T => {
    const bytes = count * Kind.BYTES_PER_ELEMENT;
    const copy = new ArrayBuffer(bytes);
    new Uint8Array(copy).set(file.subarray(at, at + bytes));
    at += bytes;
    return new Kind(copy);
  };
  const offsets = take(Int32Array, terms + 1);
  const postingDocs = take(Int32Array, postings);
  const docLengths = take(Float32Array, passages);
  const passageIds = take(Int32Array, passages);
  const postingUnits = take(Uint8Array, postings);
  // Postings must point inside the arrays, or a search would read past them.
  if (offsets[0] !== 0 || offsets[terms] !== postings) return undefined;
  for (let t = 0; t < terms; t++) if (offsets[t + 1] < offsets[t]) return undefined;
  for (let i = 0; i < postings; i++) if (postingDocs[i] < 0 || postingDocs[i] >= passages) return undefined;
  return new Bm25Index({ generation, vocabulary, offsets, postingDocs, postingUnits, docLengths, passageIds });
}
