/**
 * Long answers split to a platform's message limit, preferring a line break, then a sentence
 * end, so a citation is not cut in half. Limits are counted the platform's way: characters,
 * or UTF-8 bytes (some platforms count bytes: a Chinese character is three).
 */

/** How a platform measures a message. */
export type Measure = (text: string) => number;

/** Characters (UTF-16 code units, as most platforms count). */
export const characters: Measure = (text) => text.length;

/** UTF-8 bytes. */
export const utf8Bytes: Measure = (text) => Buffer.byteLength(text, 'utf8');

/** The longest prefix of `text` that measures at most `limit` (binary search: measures are monotone). */
function fitting(text: string, limit: number, measure: Measure): number {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(text.slice(0, mid)) <= limit) low = mid;
    else high = mid - 1;
  }
  // Never split a surrogate pair.
  if (low > 0 && low < text.length && /[\uD800-\uDBFF]/.test(text[low - 1])) low -= 1;
  return low;
}

/** Split `text` into pieces that each measure at most `limit`. */
export function splitText(text: string, limit: number, measure: Measure = characters): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest !== '' && measure(rest) > limit) {
    const room = Math.max(fitting(rest, limit, measure), 1);
    const window = rest.slice(0, room);
    let cut = window.lastIndexOf('\n');
    if (cut < room / 2) cut = Math.max(window.lastIndexOf('。'), window.lastIndexOf('；')) + 1;
    if (cut < room / 2) cut = room;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}
