/**
 * The BM25 index file: magic and format version, sizes, a JSON header, the vocabulary, padding
 * to four bytes, then the typed arrays as they lie in memory. Loading keeps the file's bytes and
 * views the arrays in place (no second copy, so opening a base costs the file's size once).
 * Reading checks every length and cross-reference, so a truncated or damaged file (or one of
 * another version, such as v1 with separate unit and frequency arrays) is rebuilt, never misread.
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../storage/index.ts';
import type { Bm25Arrays } from './bm25-index.ts';

const MAGIC = 'LZBM25v2';
/** Magic and the sizes block: the JSON header starts here. */
const PREAMBLE = MAGIC.length + 16;

/** Write an index's arrays: temporary name, fsync, rename. */
export function writeIndexFile(path: string, arrays: Bm25Arrays): void {
  const { generation, vocabulary, offsets, postings, docLengths, passageIds } = arrays;
  const header = Buffer.from(JSON.stringify({
    generation, terms: vocabulary.length, postings: postings.length, passages: passageIds.length,
  }));
  const vocab = Buffer.from(vocabulary.join('\n'));
  const sizes = Buffer.alloc(16);
  sizes.writeUInt32LE(header.length, 0);
  sizes.writeUInt32LE(vocab.length, 4);
  const padding = Buffer.alloc(paddingAfter(PREAMBLE + header.length + vocab.length));
  const parts: Uint8Array[] = [Buffer.from(MAGIC), sizes, header, vocab, padding,
    ...[offsets, postings, docLengths, passageIds].map((a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength))];
  writeFileAtomic(path, parts);
}

/** Bytes that bring `length` to a multiple of four (the arrays are viewed in place, aligned). */
const paddingAfter = (length: number): number => (4 - (length % 4)) % 4;

/** Read an index file; undefined when missing, of another version, truncated or damaged (never throws). */
export function readIndexFile(path: string): Bm25Arrays | undefined {
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
