/**
 * Opens a zip container (.docx, .xlsx) with limits, before any parser sees it: the number of
 * entries, the inflated size of everything and of the XML parts, and each entry's inflation
 * ratio. Sizes are counted while inflating (a bomb can declare any size it likes in its
 * headers), the output is thrown away as it comes, and inflation stops at the first limit
 * passed: a 1.7 MB bomb costs milliseconds and a few kilobytes, not gigabytes.
 */
import { createInflateRaw } from 'node:zlib';
import { UserError } from '../errors.ts';
import type { ArchiveLimits } from './limits.ts';
import { inputMessages as m } from './messages.ts';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Below this many inflated bytes an entry's ratio is not judged (a page of spaces compresses 500:1). */
const RATIO_FLOOR = 1024 * 1024;

/** One entry of the central directory. */
interface Entry {
  readonly name: string;
  readonly method: number;
  readonly encrypted: boolean;
  readonly compressed: number;
  readonly declared: number;
  readonly localOffset: number;
}

function endOfCentralDirectory(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) if (bytes.readUInt32LE(at) === EOCD) return at;
  return -1;
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

function centralDirectory(bytes: Buffer, name: string, limits: ArchiveLimits): Entry[] {
  const eocd = endOfCentralDirectory(bytes);
  if (eocd < 0) throw new UserError('not_an_archive', m.notAnArchive(name));
  const total = bytes.readUInt16LE(eocd + 10);
  const start = bytes.readUInt32LE(eocd + 16);
  // 0xFFFF entries means a ZIP64 directory: more entries than any Office file has.
  if (total === 0xffff || total > limits.maxEntries) throw new UserError('archive_too_many_entries', m.tooManyEntries(name, limits.maxEntries));
  const entries: Entry[] = [];
  let at = start;
  for (let i = 0; i < total; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw new UserError('not_an_archive', m.notAnArchive(name));
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const sizes = { compressed: bytes.readUInt32LE(at + 20), declared: bytes.readUInt32LE(at + 24), localOffset: bytes.readUInt32LE(at + 42) };
    zip64(bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), sizes);
    entries.push({
      name: bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
      method: bytes.readUInt16LE(at + 10),
      encrypted: (bytes.readUInt16LE(at + 8) & 1) === 1,
      ...sizes,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The compressed bytes of an entry, found through its local header. */
function entryData(bytes: Buffer, entry: Entry, name: string): Buffer {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) throw new UserError('not_an_archive', m.notAnArchive(name));
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  return bytes.subarray(start, Math.min(bytes.length, start + entry.compressed));
}

/** Inflate, counting and discarding the output; stops once `limit` is passed. */
function inflatedLength(data: Buffer, limit: number): Promise<{ bytes: number; over: boolean }> {
  return new Promise((resolve) => {
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
    let bytes = 0;
    let settled = false;
    const settle = (over: boolean) => {
      if (settled) return;
      settled = true;
      resolve({ bytes, over });
    };
    inflater.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > limit) {
        settle(true);
        inflater.destroy();
      }
    });
    inflater.on('end', () => settle(false));
    // A broken stream is the parser's to report as a damaged file; here it only stops counting.
    inflater.on('error', () => settle(false));
    inflater.end(data);
  });
}

const isXml = (entryName: string) => /\.(?:xml|rels)$/i.test(entryName);

/**
 * Check a zip container against `limits`; throws UserError with a Chinese reason naming the
 * file (`name`) when it is not a zip, is encrypted, or passes a limit.
 */
export async function checkArchive(data: Uint8Array, name: string, limits: ArchiveLimits): Promise<void> {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const entries = centralDirectory(bytes, name, limits);
  if (entries.some((e) => e.encrypted)) throw new UserError('archive_encrypted', m.encryptedArchive(name));
  // What the headers declare is checked first (free); what inflating gives is checked next (true).
  const declaredXml = entries.filter((e) => isXml(e.name)).reduce((sum, e) => sum + e.declared, 0);
  if (declaredXml > limits.maxXmlBytes) throw new UserError('archive_too_large', m.tooLargeInflated(name, limits.maxXmlBytes));
  let total = 0;
  let xml = 0;
  for (const entry of entries) {
    const compressed = entryData(bytes, entry, name);
    let size: { bytes: number; over: boolean };
    const ratioLimit = Math.max(RATIO_FLOOR, limits.maxRatio * compressed.length);
    const budget = Math.min(limits.maxTotalBytes - total, isXml(entry.name) ? limits.maxXmlBytes - xml : Infinity);
    if (entry.method === 0) size = { bytes: compressed.length, over: compressed.length > budget };
    else if (entry.method === 8) size = await inflatedLength(compressed, Math.min(budget, ratioLimit));
    else continue; // a method the parsers cannot inflate either: they will call the file damaged
    if (size.over && size.bytes > ratioLimit) throw new UserError('archive_bomb', m.compressionBomb(name, limits.maxRatio));
    if (size.over) throw new UserError('archive_too_large', m.tooLargeInflated(name, isXml(entry.name) ? limits.maxXmlBytes : limits.maxTotalBytes));
    total += size.bytes;
    if (isXml(entry.name)) xml += size.bytes;
  }
}
