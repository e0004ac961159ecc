/**
 * Bytes → text for files people make on office PCs: UTF-8 (with or without BOM), UTF-16 little-
 * or big-endian (with a BOM, or without one, as some Windows tools save "Unicode" text), and
 * GB18030/GBK. Each guess is checked: a decoding is accepted only when it reads as text.
 */
import { createRequire } from 'node:module';
import type * as Iconv from 'iconv-lite';

let iconv: typeof Iconv | undefined;

/**
 * GB18030 (a superset of GBK) bytes as text. iconv-lite and its tables load on the first such
 * file, not in every start of the CLI and the app (about 2 MB and tens of milliseconds).
 */
export function decodeGb18030(bytes: Uint8Array): string {
  iconv ??= createRequire(import.meta.url)('iconv-lite') as typeof Iconv;
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
}

/** Which encoding the bytes were read as. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** The text and its encoding, or why the bytes are not text. */
export type DetectedText =
  | { readonly text: string; readonly encoding: TextEncodingName }
  | { readonly problem: 'binary' | 'undecodable' };

/** How many bytes the UTF-16 guess looks at: enough to judge, cheap for a 50 MB file. */
const SAMPLE_BYTES = 64 * 1024;

/**
 * High bytes of UTF-16 code units in Chinese text: ASCII and Latin (00), general punctuation
 * “”— (20), CJK punctuation 、。《》 (30), CJK ideographs (4E–9F) and full-width forms ，：（） (FF).
 */
function plausibleHighByte(byte: number): boolean {
  return byte === 0x00 || byte === 0x20 || byte === 0x30 || byte === 0xff || (byte >= 0x4e && byte <= 0x9f);
}

/** UTF-16 without a BOM, when one byte of each pair looks like the high byte of Chinese text. */
function utf16Order(bytes: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  const length = Math.min(bytes.length, SAMPLE_BYTES) & ~1;
  if (length < 4) return undefined;
  let le = 0;
  let be = 0;
  for (let i = 0; i < length; i += 2) {
    if (plausibleHighByte(bytes[i + 1])) le++;
    if (plausibleHighByte(bytes[i])) be++;
  }
  const pairs = length / 2;
  if (le >= pairs * 0.9 && le > be) return 'utf-16le';
  if (be >= pairs * 0.9 && be > le) return 'utf-16be';
  return undefined;
}

function decodeUtf16(bytes: Buffer, encoding: 'utf-16le' | 'utf-16be'): string {
  return new TextDecoder(encoding).decode(bytes.subarray(0, bytes.length & ~1));
}

/** Control characters other than tab, newline, carriage return and form feed. */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;

/** Text, not binary: almost no control characters and no replacement characters. */
export function isPlausibleText(text: string): boolean {
  if (text.length === 0) return true;
  const controls = text.match(CONTROL)?.length ?? 0;
  const replacements = text.match(/\uFFFD/g)?.length ?? 0;
  return (controls + replacements) / text.length < 0.01;
}

/**
 * Nearly every character ASCII, common CJK or CJK punctuation. GB18030 (and UTF-16) map almost
 * any bytes to some character, so a decoding "succeeding" proves little without this.
 */
export function isLikelyChinese(text: string): boolean {
  let usual = 0;
  let total = 0;
  for (const ch of text) {
    total++;
    const code = ch.codePointAt(0)!;
    if (
      (code >= 0x20 && code < 0x7f) || code === 0x0a || code === 0x0d || code === 0x09 ||
      (code >= 0x4e00 && code <= 0x9fff) || // CJK unified ideographs
      (code >= 0x3000 && code <= 0x303f) || // CJK punctuation
      (code >= 0xff00 && code <= 0xffef) || // full-width forms
      (code >= 0x2000 && code <= 0x206f) || // general punctuation (“ ” — …)
      code === 0xb7 || code === 0xd7 || code === 0xfeff
    ) {
      usual++;
    }
  }
  return total > 0 && usual / total >= 0.95;
}

/** Decode bytes of a text file, trying BOMs, then UTF-16 by its pattern, UTF-8, and GB18030. */
export function detectText(data: Uint8Array): DetectedText {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeUtf16(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const order = utf16Order(bytes);
  // NUL bytes are a sign of UTF-16 without a BOM (every ASCII character has one), else of a
  // binary file, unless the rest is clean UTF-8 text with a stray NUL.
  const nul = bytes.includes(0);
  if (nul && order) {
    const text = decodeUtf16(bytes, order);
    if (isPlausibleText(text)) return { text, encoding: order };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (!nul || isPlausibleText(text)) return { text, encoding: 'utf-8' };
    return { problem: 'binary' };
  } catch {
    if (nul) return { problem: 'binary' };
    // Not UTF-8: Chinese UTF-16 without a BOM has no NUL at all; else GB18030 (a superset of GBK).
  }
  if (order) {
    const text = decodeUtf16(bytes, order);
    if (isPlausibleText(text) && isLikelyChinese(text)) return { text, encoding: order };
  }
  const text = decodeGb18030(bytes);
  return isLikelyChinese(text) ? { text, encoding: 'gb18030' } : { problem: 'undecodable' };
}
