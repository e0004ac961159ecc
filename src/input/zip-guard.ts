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
import { type ZipEntry, ZipDirectoryError, readZipDirectory, zipEntryData } from './zip-directory.ts';

/** Below this many inflated bytes an entry's ratio is not judged (a page of spaces compresses 500:1). */
const RATIO_FLOOR = 1024 * 1024;

/** The directory, its problems worded for the user: not a zip, or more entries than any Office file has. */
function centralDirectory(bytes: Buffer, name: string, limits: ArchiveLimits): ZipEntry[] {
  try {
    return readZipDirectory(bytes, limits.maxEntries);
  } catch (error) {
    if (!(error instanceof ZipDirectoryError)) throw error;
    if (error.problem === 'corrupt') throw new UserError('not_an_archive', m.notAnArchive(name), { cause: error });
    throw new UserError('archive_too_many_entries', m.tooManyEntries(name, limits.maxEntries), { cause: error });
  }
}

/** The compressed bytes of an entry (cut at the end of a truncated file: the parser will call it damaged). */
function entryData(bytes: Buffer, entry: ZipEntry, name: string): Buffer {
  try {
    return zipEntryData(bytes, entry).data;
  } catch (error) {
    throw new UserError('not_an_archive', m.notAnArchive(name), { cause: error });
  }
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
