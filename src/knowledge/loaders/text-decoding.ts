/**
 * Bytes → text for plain-text files: UTF-8 (with or without BOM), UTF-16 with a BOM, or
 * GB18030/GBK, which many office PCs still save. Anything that does not decode to
 * plausible text is refused rather than indexed as noise.
 */
import iconv from 'iconv-lite';
import { UserError } from '../../errors.ts';
import { loaderMessages } from './messages.ts';

/** Which encoding the bytes were read as. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Decoded text and the encoding it was found in. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

/** Decode a text file's bytes; throws UserError for empty, binary or undecodable input. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new UserError('empty_file', loaderMessages.empty);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoded = decodeBytes(buffer);
  const text = decoded.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!isPlausibleText(text)) throw new UserError('binary_file', loaderMessages.binary);
  if (text.trim().length === 0) throw new UserError('empty_file', loaderMessages.empty);
  return { text, encoding: decoded.encoding };
}

function decodeBytes(buffer: Buffer): DecodedText {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(buffer.subarray(2)), encoding: 'utf-16le' };
  }
  if (buffer[0] === 0xfe && buffer[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(buffer.subarray(2)), encoding: 'utf-16be' };
  }
  // NUL bytes never occur in UTF-8 or GB18030 text: this is a binary file.
  if (buffer.includes(0)) throw new UserError('binary_file', loaderMessages.binary);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: try GB18030 (a superset of GBK and GB2312), then judge the result below.
  }
  const text = iconv.decode(buffer, 'gb18030');
  if (!isLikelyChinese(text)) throw new UserError('undecodable_text', loaderMessages.undecodable);
  return { text, encoding: 'gb18030' };
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
 * GB18030 maps nearly any byte sequence to some character, so a decode "succeeding" proves
 * little: accept it only when nearly every character is ASCII, common CJK or CJK punctuation.
 */
function isLikelyChinese(text: string): boolean {
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
      code === 0xb7 || code === 0xd7
    ) {
      usual++;
    }
  }
  return total > 0 && usual / total >= 0.95;
}
