/**
 * Reply text → WeCom text messages. WeCom limits a text message to 2,048 bytes (UTF-8: a
 * Chinese character is three) and shows no markup in plain text, so `**bold**` loses its stars.
 */
import { splitText, utf8Bytes } from '../kit/index.ts';

/** Longest text message WeCom accepts, in UTF-8 bytes. */
export const WECOM_TEXT_BYTES = 2048;

/** Plain text for WeCom: the only markup a Reply carries, `**bold**`, is dropped. */
export function toWecomText(text: string): string {
  return text.replace(/\*\*([^*\n]+?)\*\*/g, '$1');
}

/** Reply text → pieces WeCom accepts, each within the byte limit. */
export function renderPieces(text: string, limit = WECOM_TEXT_BYTES): string[] {
  return splitText(toWecomText(text), limit, utf8Bytes);
}
