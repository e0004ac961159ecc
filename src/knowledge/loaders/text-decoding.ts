/**
 * Bytes → text for plain-text files (see input/text-encoding.ts for the encodings recognised).
 * Anything that does not decode to plausible text is refused rather than indexed as noise.
 */
import { UserError } from '../../errors.ts';
import { detectText, isPlausibleText, type TextEncodingName } from '../../input/index.ts';
import { loaderMessages } from './messages.ts';

/** Decoded text and the encoding it was found in. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

/** Decode a text file's bytes; throws UserError for empty, binary or undecodable input. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new UserError('empty_file', loaderMessages.empty);
  const decoded = detectText(bytes);
  if ('problem' in decoded) {
    if (decoded.problem === 'binary') throw new UserError('binary_file', loaderMessages.binary);
    throw new UserError('undecodable_text', loaderMessages.undecodable);
  }
  const text = decoded.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!isPlausibleText(text)) throw new UserError('binary_file', loaderMessages.binary);
  if (text.trim().length === 0) throw new UserError('empty_file', loaderMessages.empty);
  return { text, encoding: decoded.encoding };
}
