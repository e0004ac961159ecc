/** Bounds on what Lüzhi reads, in one place so the README and the tests name the same figures. */

/** Longest message or question read (characters); the rest is ignored, with a note, so no input can stall the bot. */
export const MAX_QUESTION_CHARS = 2000;

/** Rows one activity import may hold (the header not counted). */
export const MAX_IMPORT_ROWS = 200_000;

/** Largest table file (.csv/.xlsx) imported or downloaded from a chat. */
export const MAX_TABLE_BYTES = 50 * 1024 * 1024;

/** Limits on a zip container (.docx, .xlsx) checked while it is inflated, before any parser sees it. */
export interface ArchiveLimits {
  /** Entries in the archive. */
  readonly maxEntries: number;
  /** Every entry inflated, together. */
  readonly maxTotalBytes: number;
  /** The XML parts inflated, together: what the parser turns into objects in memory. */
  readonly maxXmlBytes: number;
  /** Inflated over compressed size of one entry, once it is past 1 MB: far above any real document. */
  readonly maxRatio: number;
}

/**
 * A Word file: mammoth holds the whole document XML as objects (about 50 bytes of memory and
 * 1.5 ms per kilobyte of XML), so 12 MB of XML (several hundred pages) keeps an ingest under 1 GB.
 */
export const DOCX_LIMITS: ArchiveLimits = { maxEntries: 5000, maxTotalBytes: 256 * 1024 * 1024, maxXmlBytes: 12 * 1024 * 1024, maxRatio: 100 };

/** An Excel table: room for the row limit with long titles, read row by row. */
export const XLSX_LIMITS: ArchiveLimits = { maxEntries: 5000, maxTotalBytes: 256 * 1024 * 1024, maxXmlBytes: 128 * 1024 * 1024, maxRatio: 100 };

/** Cut a question or message to the first MAX_QUESTION_CHARS characters; `truncated` when anything was cut. */
export function boundQuestion(text: string): { text: string; truncated: boolean } {
  if (text.length <= MAX_QUESTION_CHARS) return { text, truncated: false };
  // Never cut a surrogate pair in half.
  let end = MAX_QUESTION_CHARS;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return { text: text.slice(0, end), truncated: true };
}
