/**
 * The BM25 index file: magic and format version, sizes, a JSON header, the vocabulary, padding
 * to four bytes, then the typed arrays as they lie in memory. Loading keeps the file's bytes (in
 * shared memory) and views the arrays in place (no second copy, so opening a base costs the
 * file's size once, and a search thread views the same bytes).
 * Reading checks every length and cross-reference, so a truncated or damaged file (or one of
 * another version, such as v1 with separate unit and frequency arrays) is rebuilt, never misread.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { writeFileAtomic } from '../../storage/index.ts';

/** The arrays of a frozen index (what its file holds). */
export interface Bm25Arrays {
  readonly generation: number;
  readonly vocabulary: readonly string[];
  readonly offsets: Int32Array;
  /** Grouped by term, ascending within a term: unit * 256 + term frequency in half units. */
  readonly postings: Uint32Array;
  readonly docLengths: Float32Array;
  readonly passageIds: Int32Array;
}

const MAGIC = 'LZBM25v2';
/** Magic and the sizes block: the JSON header starts here. */
const PREAMBLE = MAGIC.length + 16;

/** Postings produced a part at a time, in order (bm25-freeze.ts), `count` in all. */
export interface PostingParts {
  readonly count: number;
  readonly parts: Iterable<Uint32Array>;
}

/** An index's arrays as written: the postings whole, or made a part at a time as the file is written. */
export type WritableIndex = Omit<Bm25Arrays, 'postings'> & { readonly postings: Uint32Array | PostingParts };

/** Write an index's arrays: temporary name, fsync, rename. */
export function writeIndexFile(path: string, arrays: WritableIndex): void {
  const { generation, vocabulary, offsets, postings, docLengths, passageIds } = arrays;
  const given = postings instanceof Uint32Array ? { count: postings.length, parts: [postings] } : postings;
  const header = Buffer.from(JSON.stringify({
    generation, terms: vocabulary.length, postings: given.count, passages: passageIds.length,
  }));
  const vocab = Buffer.from(vocabulary.join('\n'));
  const sizes = Buffer.alloc(16);
  sizes.writeUInt32LE(header.length, 0);
  sizes.writeUInt32LE(vocab.length, 4);
  const padding = Buffer.alloc(paddingAfter(PREAMBLE + header.length + vocab.length));
  // One generator, not spread into an array: each postings part is made only when the writer reaches it.
  writeFileAtomic(path, (function* () {
    yield* [Buffer.from(MAGIC), sizes, header, vocab, padding];
    yield* bytesOf([offsets]);
    yield* bytesOf(given.parts, given.count);
    yield* bytesOf([docLengths, passageIds]);
  })());
}

/** The arrays' bytes as they lie in memory, each taken when the writer reaches it; with `count`, checked to hold that many elements. */
function* bytesOf(arrays: Iterable<Int32Array | Uint32Array | Float32Array>, count?: number): Generator<Uint8Array> {
  let seen = 0;
  for (const a of arrays) {
    seen += a.length;
    yield new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  }
  // A short or long postings array would publish a file its own header contradicts.
  if (count !== undefined && seen !== count) throw new Error(`BM25 index file: ${seen} postings written, ${count} announced`);
}

/** Bytes that bring `length` to a multiple of four (the arrays are viewed in place, aligned). */
const paddingAfter = (length: number): number => (4 - (length % 4)) % 4;

/**
 * Read an index file into shared memory (a search thread views its arrays without a copy);
 * undefined when missing, of another version, truncated or damaged (never throws).
 */
export function readIndexFile(path: string): Bm25Arrays | undefined {
  let file: Buffer;
  try {
    file = readShared(path);
  } catch {
    return undefined;
  }
  try {
    return parseIndexFile(file);
  } catch {
    return undefined; // a length field pointing past the end, a header that is not JSON …
  }
}

/** The whole file in a SharedArrayBuffer (one read of its length; a file that changes meanwhile fails the checks). */
function readShared(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const file = Buffer.from(new SharedArrayBuffer(size));
    let at = 0;
    while (at < size) {
      const read = readSync(fd, file, at, size - at, at);
      if (read === 0) break;
      at += read;
    }
    return file.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

/** The arrays of a saved index, every length and cross-reference checked; undefined when not whole. */
function parseIndexFile(file: Buffer): Bm25Arrays | undefined {
  if (file.length < PREAMBLE || file.subarray(0, MAGIC.length).toString() !== MAGIC) return undefined;
  const headerLength = file.readUInt32LE(MAGIC.length);
  const vocabLength = file.readUInt32LE(MAGIC.length + 4);
  let at = PREAMBLE;
  if (at + headerLength + vocabLength > file.length) return undefined;
  const header = JSON.parse(file.subarray(at, at + headerLength).toString()) as {
    generation: number; terms: number; postings: number; passages: number;
  };
  const { generation, terms, postings: postingCount, passages } = header;
  if (!isCount(generation) || !isCount(terms) || !isCount(postingCount) || !isCount(passages)) return undefined;
  at += headerLength;
  const arraysAt = at + vocabLength + paddingAfter(at + vocabLength);
  // Sizes must add up before anything is viewed: a damaged count must not reach past the file.
  if (arraysAt + (terms + 1) * 4 + postingCount * 4 + passages * 8 !== file.length) return undefined;
  const vocabulary = terms ? file.subarray(at, at + vocabLength).toString().split('\n') : [];
  if (vocabulary.length !== terms) return undefined;
  // A view needs its start aligned in memory: a file read whole starts its own buffer; else copy once.
  const bytes = (file.byteOffset + arraysAt) % 4 === 0 ? file : new Uint8Array(file);
  at = bytes.byteOffset + arraysAt;
  const take = <T>(Kind: { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number }, count: number): T => {
    const view = new Kind(bytes.buffer, at, count);
    at += count * Kind.BYTES_PER_ELEMENT;
    return view;
  };
  const offsets = take(Int32Array, terms + 1);
  const postings = take(Uint32Array, postingCount);
  const docLengths = take(Float32Array, passages);
  const passageIds = take(Int32Array, passages);
  // Postings must point inside the arrays, or a search would read past them.
  if (offsets[0] !== 0 || offsets[terms] !== postingCount) return undefined;
  for (let t = 0; t < terms; t++) if (offsets[t + 1] < offsets[t]) return undefined;
  const limit = passages * 256;
  for (let i = 0; i < postingCount; i++) if (postings[i] >= limit) return undefined;
  return { generation, vocabulary, offsets, postings, docLengths, passageIds };
}
