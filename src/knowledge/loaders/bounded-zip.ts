/**
 * A zip reader that cannot be blown up: it reads the central directory itself and inflates one
 * entry at a time with zlib's `maxOutputLength`, so a "zip bomb" (a few KB declaring or
 * inflating to gigabytes) stops at the limit instead of filling memory. Declared sizes are not
 * trusted. Only what document formats use is supported: stored and deflated entries, no
 * encryption, no multi-disk, no zip64 (every input is under MAX_DOCUMENT_BYTES).
 */
import { inflateRawSync } from 'node:zlib';

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

interface Entry {
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEndOfCentralDirectory(buffer: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535.
  const earliest = Math.max(0, buffer.length - 22 - 0xffff);
  for (let i = buffer.length - 22; i >= earliest; i--) if (buffer.readUInt32LE(i) === EOCD) return i;
  throw new ZipError('corrupt', 'no end of central directory');
}

/** Open a zip held in memory. Throws ZipError for anything that is not a readable zip. */
export function openBoundedZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): BoundedZip {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 22) throw new ZipError('corrupt', 'too short for a zip');
  const eocd = findEndOfCentralDirectory(buffer);
  const count = buffer.readUInt16LE(eocd + 10);
  const offset = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipError('unsupported', 'zip64');
  if (count > limits.maxEntries) throw new ZipError('too_large', `${count} entries`);
  const entries = new Map<string, Entry>();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL) throw new ZipError('corrupt', 'bad central directory');
    const flags = buffer.readUInt16LE(at + 8);
    const nameLength = buffer.readUInt16LE(at + 28);
    const skip = nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
    if (at + 46 + skip > buffer.length) throw new ZipError('corrupt', 'central directory runs past the end');
    const rawName = buffer.subarray(at + 46, at + 46 + nameLength);
    // Bit 11: the name is UTF-8; otherwise it is whatever the zipping tool used — read as Latin-1.
    const name = rawName.toString(flags & 0x800 ? 'utf8' : 'latin1');
    entries.set(name.replace(/^\/+/, ''), {
      flags,
      method: buffer.readUInt16LE(at + 10),
      compressedSize: buffer.readUInt32LE(at + 20),
      localOffset: buffer.readUInt32LE(at + 42),
    });
    at += 46 + skip;
  }
  let budget = limits.maxTotalBytes;
  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    read(name) {
      const entry = entries.get(name);
      if (!entry) throw new ZipError('corrupt', `missing entry ${name}`);
      if (entry.flags & 0x1) throw new ZipError('encrypted', name);
      const local = entry.localOffset;
      if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== LOCAL) throw new ZipError('corrupt', `bad local header ${name}`);
      const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
      const end = start + entry.compressedSize;
      if (end > buffer.length) throw new ZipError('corrupt', `entry ${name} runs past the end`);
      const data = buffer.subarray(start, end);
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
