/**
 * Checks an hnswlib index file is whole before it is loaded or published. hnswlib writes with
 * a C++ stream that ignores errors (a full disk gives a short file, reported as success) and
 * reads a damaged header by allocating what it says; both are caught here by walking the
 * layout it writes: a 96-byte header, the level-0 block, then one sized link list per element.
 */
import { closeSync, fstatSync, openSync, readSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';

const HEADER_BYTES = 96;
/** Bytes per element besides its vector: links of level 0 (2·M ids and a count) and the label. */
const LABEL_BYTES = 8;

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, read);
}

/**
 * What is wrong with an index file for vectors of `dimensions` (holding `count` elements, when
 * known), or undefined when its layout is whole.
 */
export function hnswFileProblem(path: string, dimensions: number, count?: number): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    return `cannot open: ${(error as Error).message}`;
  }
  try {
    const size = fstatSync(fd).size;
    if (size < HEADER_BYTES) return `${size} bytes, shorter than the header`;
    const header = readAt(fd, 0, HEADER_BYTES);
    const maxElements = Number(header.readBigUInt64LE(8));
    const elements = Number(header.readBigUInt64LE(16));
    const perElement = Number(header.readBigUInt64LE(24));
    const maxM = Number(header.readBigUInt64LE(56));
    const maxM0 = Number(header.readBigUInt64LE(64));
    if (count !== undefined && elements !== count) return `holds ${elements} elements, expected ${count}`;
    // A damaged capacity would make hnswlib allocate it: no index of ours is over four times full.
    if (elements > maxElements || maxElements > Math.max(4 * elements, 65_536) || maxM0 <= 0 || maxM0 > 20_000 || maxM <= 0 || maxM > maxM0) return 'header values out of range';
    if (perElement !== maxM0 * 4 + 4 + dimensions * 4 + LABEL_BYTES) return `element size ${perElement} is not that of ${dimensions} dimensions`;
    const linksStart = HEADER_BYTES + elements * perElement;
    if (linksStart + elements * 4 > size) return 'truncated in the element block';
    // The link lists: small (a few bytes per element); read them in one go and walk the sizes.
    const tail = readAt(fd, linksStart, size - linksStart);
    const linkListUnit = maxM * 4 + 4;
    let at = 0;
    for (let i = 0; i < elements; i++) {
      if (at + 4 > tail.length) return 'truncated in the link lists';
      const bytes = tail.readUInt32LE(at);
      if (bytes % linkListUnit !== 0) return 'a link list of impossible size';
      at += 4 + bytes;
    }
    if (at !== tail.length) return at > tail.length ? 'truncated in the link lists' : 'trailing bytes after the link lists';
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Elements an index file's header says it holds (call `hnswFileProblem` first). */
export function hnswFileElements(path: string): number {
  const fd = openSync(path, 'r');
  try {
    return Number(readAt(fd, 0, HEADER_BYTES).readBigUInt64LE(16));
  } finally {
    closeSync(fd);
  }
}

/**
 * An error for a written index file that is not whole. hnswlib never says why its write fell
 * short; when the disk has no room left, that is why, and the error says so (ENOSPC).
 */
export function incompleteIndexError(path: string, problem: string): Error {
  const error = new Error(`index file ${path} was not written whole: ${problem}`) as NodeJS.ErrnoException;
  try {
    const space = statfsSync(dirname(path));
    if (space.bavail === 0) error.code = 'ENOSPC';
  } catch {
    // no statfs here: the error stays unspecific
  }
  return error;
}
