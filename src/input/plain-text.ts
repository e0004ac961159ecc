/**
 * Text safe to store and to show: terminal escape sequences (ANSI colours, cursor moves, OSC
 * titles), control characters (NUL, backspace, bell …), bidirectional overrides that make a
 * name read backwards (U+202E) and invisible zero-width characters are removed. Tabs and line
 * breaks stay; CRLF becomes LF.
 */

/** CSI (`ESC [ … final`), OSC (`ESC ] … BEL` or `ESC ] … ESC \`), and two-character escapes. */
const ESCAPES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]{0,256}(?:\u0007|\u001b\\)|[@-Z\\-_])|\u009b[0-?]*[ -/]*[@-~]/g;
/** C0 and C1 controls except tab and line feed (CR is turned into LF first). */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** Bidi marks, embeddings, overrides and isolates, and zero-width characters (U+200D, which joins emoji, stays). */
const INVISIBLE = /[\u061c\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** The text with escapes, control characters and invisible formatting characters removed. */
export function plainText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(ESCAPES, '').replace(CONTROLS, '').replace(INVISIBLE, '');
}
