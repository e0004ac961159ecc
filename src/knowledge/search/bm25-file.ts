/**
 * The BM25 index file: magic and format version, sizes, a JSON header, the vocabulary, then the
 * typed arrays as they lie in memory. Reading checks every length and cross-reference, so a
 * truncated or damaged file (or one of another version) is rebuilt, never misread.
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../storage/index.ts';
import type { Bm25Arrays } from './bm25-index.ts';

const MAGIC = 'LZBM25v1';

/** Write an index's arrays: temporary name, fsync, rename. */
export function writeIndexFile(path: string, arrays: Bm25Arrays): void {
  const { generation, vocabulary, offsets, postingDocs, postingUnits, docLengths, passageIds } = arrays;
  const header = Buffer.from(JSON.stringify({
    generation, terms: vocabulary.length, postings: postingDocs.length, passages: passageIds.length,
  }));
  const vocab = Buffer.from(vocabulary.join('\n'));
  const sizes = Buffer.alloc(16);
  sizes.writeUInt32LE(header.length, 0);
  sizes.writeUInt32LE(vocab.length, 4);
  const parts: Uint8Array[] = [Buffer.from(MAGIC), sizes, header, vocab,
    ...[offsets, postingDocs, docLengths, passageIds, postingUnits].map((a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength))];
  writeFileAtomic(path, parts);
}

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
  return { generation, vocabulary, offsets, postingDocs, postingUnits, docLengths, passageIds };
}
