/**
 * A zip reader that cannot be blown up: the central directory is read by the input folder's
 * reader (the one the archive guard uses), and one entry at a time is inflated with zlib's
 * `maxOutputLength`, so a "zip bomb" (a few KB declaring or inflating to gigabytes) stops at
 * the limit instead of filling memory. Declared sizes are not
 * trusted. Only what document formats use is supported: stored and deflated entries, no
 * encryption, no multi-disk, no zip64 (every input is under MAX_DOCUMENT_BYTES).
 */
import { inflateRawSync } from 'node:zlib';
import { type ZipEntry, ZipDirectoryError, readZipDirectory, zipEntryData } from '../../input/index.ts';

/** Limits on what may be read out of one archive. */
export interface ZipLimits {
  /** Entries in the central directory. */
  readonly maxEntries: number;
  /** Bytes one entry may inflate to. */
  readonly maxEntryBytes: number;
  /** Bytes all entries read from this archive may inflate to together. */
  readonly maxTotalBytes: number;
}

/** Defaults for office documents: far above any real one. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 20_000,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
};

/** Why an archive could not be read. */
export type ZipProblem = 'corrupt' | 'too_large' | 'encrypted' | 'unsupported';

/** A zip that is broken, over the limits, encrypted or uses a feature we do not read. */
export class ZipError extends Error {
  constructor(readonly problem: ZipProblem, message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

/** An opened archive: entry names, and bounded reads of their contents. */
export interface BoundedZip {
  readonly names: readonly string[];
  has(name: string): boolean;
  /** The entry's bytes; throws ZipError when it is missing, broken or over a limit. */
  read(name: string): Buffer;
}

/** The directory read by the input folder's reader, its problems as ZipError. */
function directory(buffer: Buffer, limits: ZipLimits): Map<string, ZipEntry> {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(buffer, limits.maxEntries);
  } catch (error) {
    if (!(error instanceof ZipDirectoryError)) throw error;
    const problem = ({ corrupt: 'corrupt', too_many_entries: 'too_large', zip64: 'unsupported' } as const)[error.problem];
    throw new ZipError(problem, error.message);
  }
  return new Map(entries.map((entry) => [entry.name.replace(/^\/+/, ''), entry]));
}

/** Open a zip held in memory. Throws ZipError for anything that is not a readable zip. */
export function openBoundedZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): BoundedZip {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = directory(buffer, limits);
  let budget = limits.maxTotalBytes;
  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    read(name) {
      const entry = entries.get(name);
      if (!entry) throw new ZipError('corrupt', `missing entry ${name}`);
      if (entry.encrypted) throw new ZipError('encrypted', name);
      let found: { data: Buffer; complete: boolean };
      try {
        found = zipEntryData(buffer, entry);
      } catch (error) {
        throw new ZipError('corrupt', (error as Error).message);
      }
      if (!found.complete) throw new ZipError('corrupt', `entry ${name} runs past the end`);
      const data = found.data;
      const allowed = Math.min(limits.maxEntryBytes, budget);
      if (allowed <= 0) throw new ZipError('too_large', name);
      let out: Buffer;
      if (entry.method === 0) {
        if (data.length > allowed) throw new ZipError('too_large', name);
        out = Buffer.from(data);
      } else if (entry.method === 8) {
        try {
          out = inflateRawSync(data, { maxOutputLength: allowed });
        } catch (error) {
          const tooLarge = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
          throw new ZipError(tooLarge ? 'too_large' : 'corrupt', `${name}: ${(error as Error).message}`);
        }
      } else {
        throw new ZipError('unsupported', `compression method ${entry.method}`);
      }
      budget -= out.length;
      return out;
    },
  };
}
