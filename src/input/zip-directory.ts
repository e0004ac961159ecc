/**
 * The central directory of a zip held in memory, read by hand: the one reader under both the
 * archive guard (zip-guard.ts, before an Office parser sees a file) and the bounded zip the
 * OFD loader reads pages through. Declared sizes are reported, never trusted: each caller
 * counts what inflating really gives.
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** One entry of the central directory. */
export interface ZipEntry {
  /** The name as stored: UTF-8 when the entry says so (bit 11), else read as Latin-1. */
  readonly name: string;
  readonly method: number;
  readonly encrypted: boolean;
  /** Compressed size from the directory (ZIP64 extra field when saturated). */
  readonly compressed: number;
  /** Inflated size the directory declares (not to be trusted). */
  readonly declared: number;
  readonly localOffset: number;
}

/** Why a buffer is not a directory we read: broken, too many entries, or a ZIP64 directory. */
export type ZipDirectoryProblem = 'corrupt' | 'too_many_entries' | 'zip64';

/** A zip whose directory cannot be read; each caller words it for its own users. */
export class ZipDirectoryError extends Error {
  constructor(readonly problem: ZipDirectoryProblem, message: string) {
    super(message);
    this.name = 'ZipDirectoryError';
  }
}

function endOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) if (bytes.readUInt32LE(at) === EOCD) return at;
  throw new ZipDirectoryError('corrupt', 'no end of central directory');
}

/** Sizes and offset from a ZIP64 extra field where the 32-bit ones are saturated. */
function zip64(extra: Buffer, sizes: { compressed: number; declared: number; localOffset: number }): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        const value = field + 8 <= at + 4 + length ? Number(extra.readBigUInt64LE(field)) : Number.MAX_SAFE_INTEGER;
        field += 8;
        return value;
      };
      if (sizes.declared === 0xffffffff) sizes.declared = next();
      if (sizes.compressed === 0xffffffff) sizes.compressed = next();
      if (sizes.localOffset === 0xffffffff) sizes.localOffset = next();
      return;
    }
    at += 4 + length;
  }
}

/** Where the central directory starts (it follows the last local record). */
export function centralDirectoryStart(bytes: Buffer): number {
  if (bytes.length < 22) throw new ZipDirectoryError('corrupt', 'too short for a zip');
  return bytes.readUInt32LE(endOfCentralDirectory(bytes) + 16);
}

/**
 * Every entry of the central directory, in order. The entry count is checked against
 * `maxEntries` before any entry is read; a ZIP64 directory (0xFFFF entries) is refused: no
 * document or table we read has that many.
 */
export function readZipDirectory(bytes: Buffer, maxEntries: number): ZipEntry[] {
  if (bytes.length < 22) throw new ZipDirectoryError('corrupt', 'too short for a zip');
  const eocd = endOfCentralDirectory(bytes);
  const total = bytes.readUInt16LE(eocd + 10);
  const start = bytes.readUInt32LE(eocd + 16);
  if (total === 0xffff || start === 0xffffffff) throw new ZipDirectoryError('zip64', 'zip64 directory');
  if (total > maxEntries) throw new ZipDirectoryError('too_many_entries', `${total} entries`);
  const entries: ZipEntry[] = [];
  let at = start;
  for (let i = 0; i < total; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw new ZipDirectoryError('corrupt', 'bad central directory');
    const flags = bytes.readUInt16LE(at + 8);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    if (at + 46 + nameLength + extraLength + commentLength > bytes.length) {
      throw new ZipDirectoryError('corrupt', 'central directory runs past the end');
    }
    const sizes = { compressed: bytes.readUInt32LE(at + 20), declared: bytes.readUInt32LE(at + 24), localOffset: bytes.readUInt32LE(at + 42) };
    zip64(bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), sizes);
    entries.push({
      name: bytes.subarray(at + 46, at + 46 + nameLength).toString(flags & 0x800 ? 'utf8' : 'latin1'),
      method: bytes.readUInt16LE(at + 10),
      encrypted: (flags & 1) === 1,
      ...sizes,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The compressed bytes of an entry, found through its local header, cut at the end of the
 * buffer; `complete` is false when the entry runs past it (a truncated file).
 */
export function zipEntryData(bytes: Buffer, entry: ZipEntry): { data: Buffer; complete: boolean } {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) throw new ZipDirectoryError('corrupt', `bad local header ${entry.name}`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const end = start + entry.compressed;
  return { data: bytes.subarray(start, Math.min(bytes.length, end)), complete: end <= bytes.length };
}
