/**
 * The offline embedding: hashed character n-grams, no model download, deterministic.
 *
 * Why this shape: Chinese meaning sits in characters and short character runs, so unigrams
 * (weak weight), bigrams and trigrams (half weight) of the canonicalized text capture most of what a
 * lexical match would, but as a dense vector that survives partial overlaps (代表建议 vs
 * 建议办理). Signed hashing (the sign from a second hash bit) keeps inner products unbiased
 * under collisions; sublinear term weights stop repeated phrases from dominating.
 * 96 dimensions (offline-hash-v3; v2 had 128, same features): collisions are many, but fusion
 * gives the vector vote a small weight (it breaks near-ties of BM25), and on the dev questions
 * 96 dimensions rank as well as 128 (qa.mjs recall@1 82% vs 80%, recall@5 equal); at 64 the
 * vector retriever alone starts missing fixture questions. Hashed n-gram vectors have little
 * cluster structure, the hard case for HNSW, and fewer dimensions make it easier: on the
 * bench's 100,000 passages recall@10 0.95 needs ef≈1,000 at 128 dimensions (a third of the exact
 * scan's time) but ef≈350 at 96 (a tenth), and the graph builds faster.
 */
import type { Embedder } from '../../models/index.ts';
import { type Canonicalizer, defaultEquivalences } from './equivalences.ts';

/** Id of the offline vector space; bump the version whenever the features change. */
export const OFFLINE_EMBEDDER_ID = 'offline-hash-v3';

// Question words carry no topic; strip them before taking n-grams (as the tokenizer does).
const QUESTION_WORDS = /什么|怎么样|怎么|怎样|如何|为什么|多少|多久|哪些|哪个|能不能|可不可以|是不是|有没有|是否|吗|呢|吧|请问/g;
const TEXT = /^[\p{L}\p{N}]$/u;

/** Whether the UTF-16 unit at `i` belongs to a letter or digit (fast paths for CJK and ASCII). */
function isTextUnit(text: string, i: number, code: number): boolean {
  if (code >= 0x4e00 && code <= 0x9fff) return true;
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  if (code >= 0xd800 && code <= 0xdbff) return TEXT.test(text.slice(i, i + 2)); // high half of a pair
  if (code >= 0xdc00 && code <= 0xdfff) return i > 0 && TEXT.test(text.slice(i - 1, i + 1)); // low half
  return TEXT.test(text[i]);
}

/** Dimensions of the shipped space (other sizes get their own id). */
const DEFAULT_DIMENSIONS = 96;

/** Options of the offline embedder (defaults are the shipped `offline-hash-v3`). */
export interface OfflineEmbedderOptions {
  readonly dimensions?: number;
  readonly canonicalizer?: Canonicalizer;
}

/** Create the offline, deterministic Embedder. */
export function createOfflineEmbedder(options: OfflineEmbedderOptions = {}): Embedder & { embedOne(text: string): Float32Array } {
  const dimensions = options.dimensions ?? DEFAULT_DIMENSIONS;
  const canonicalizer = options.canonicalizer ?? defaultEquivalences();
  // Bigrams carry most meaning in Chinese; unigrams are mostly noise, trigrams add phrase order.
  const weights = [0.1, 1, 0.5];

  // Open-addressing table reused across calls: per distinct n-gram its hash, length and count.
  let capacity = 2048;
  let hashes = new Int32Array(capacity);
  let lengths = new Uint8Array(capacity); // 0 = empty slot
  let counts = new Uint16Array(capacity);
  // Slots in first-seen order: the sum runs in text order, so a vector never depends on
  // what was embedded before (the table's size) and equals the string-keyed version bit for bit.
  let order = new Int32Array(capacity);
  let distinct = 0;

  function count(hash: number, n: number): void {
    const mask = capacity - 1;
    let slot = (hash ^ (hash >>> 15)) & mask;
    while (lengths[slot] !== 0) {
      if (hashes[slot] === hash && lengths[slot] === n) {
        if (counts[slot] < 65535) counts[slot]++;
        return;
      }
      slot = (slot + 1) & mask;
    }
    hashes[slot] = hash;
    lengths[slot] = n;
    counts[slot] = 1;
    order[distinct++] = slot;
  }

  function embedOne(text: string): Float32Array {
    const clean = canonicalizer.apply(text).replace(QUESTION_WORDS, ' ');
    // Each n-gram is hashed with 32-bit FNV-1a seeded with its length (offset basis ^ n), from
    // char codes without building the strings: this loop was most of an ingest's embedding time.
    const wanted = 4 * 3 * clean.length + 16; // load factor under 1/4
    if (wanted > capacity) {
      while (capacity < wanted) capacity *= 2;
      hashes = new Int32Array(capacity);
      lengths = new Uint8Array(capacity);
      counts = new Uint16Array(capacity);
      order = new Int32Array(capacity);
    } else lengths.fill(0);
    distinct = 0;
    // Runs of letters and digits, found by char code (a Unicode-property split costs more
    // than the hashing); n-grams never cross a run's end.
    let start = 0;
    for (let end = 0; end <= clean.length; end++) {
      if (end < clean.length) {
        const code = clean.charCodeAt(end);
        if (isTextUnit(clean, end, code)) continue;
      }
      // Unigrams, then bigrams, then trigrams of the run: the order the vector sums in.
      for (let i = start; i < end; i++) count(Math.imul((2166136261 ^ 1) ^ clean.charCodeAt(i), 16777619), 1);
      for (let i = start; i + 1 < end; i++) {
        count(Math.imul(Math.imul((2166136261 ^ 2) ^ clean.charCodeAt(i), 16777619) ^ clean.charCodeAt(i + 1), 16777619), 2);
      }
      for (let i = start; i + 2 < end; i++) {
        const h = Math.imul(Math.imul((2166136261 ^ 3) ^ clean.charCodeAt(i), 16777619) ^ clean.charCodeAt(i + 1), 16777619);
        count(Math.imul(h ^ clean.charCodeAt(i + 2), 16777619), 3);
      }
      start = end + 1;
    }
    const vector = new Float32Array(dimensions);
    for (let k = 0; k < distinct; k++) {
      const slot = order[k];
      const n = lengths[slot];
      const hash = hashes[slot] >>> 0;
      const sign = hash & 0x80000000 ? -1 : 1;
      vector[hash % dimensions] += sign * weights[n - 1] * (1 + Math.log(counts[slot]));
    }
    let norm = 0;
    for (let i = 0; i < dimensions; i++) norm += vector[i] * vector[i];
    norm = Math.sqrt(norm);
    if (norm > 0) for (let i = 0; i < dimensions; i++) vector[i] /= norm;
    return vector;
  }

  return {
    id: dimensions === DEFAULT_DIMENSIONS ? OFFLINE_EMBEDDER_ID : `${OFFLINE_EMBEDDER_ID}-${dimensions}`,
    dimensions,
    embedOne,
    async embed(texts) {
      return texts.map(embedOne);
    },
  };
}
