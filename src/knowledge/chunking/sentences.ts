/**
 * Cutting text that is too long for one passage: at sentence ends first (。！？), then at
 * clause ends (；), then at commas, and only as a last resort in the middle — and packing
 * the pieces into parts of even length, so no part is a stub.
 */

/** Split after sentence-final punctuation, keeping closing quotes and brackets with their sentence. */
export function splitSentences(text: string): string[] {
  return splitAfter(text, /[。！？!?]+[”’」』）)]*/g);
}

/** Split after clause punctuation (；), for sentences that are still too long. */
export function splitClauses(text: string): string[] {
  return splitAfter(text, /[；;]+[”’」』）)]*/g);
}

function splitCommas(text: string): string[] {
  return splitAfter(text, /[，,、：:]+[”’」』）)]*/g);
}

function splitAfter(text: string, ends: RegExp): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const match of text.matchAll(ends)) {
    const end = match.index + match[0].length;
    pieces.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces.filter((piece) => piece.trim().length > 0);
}

/** Break one stretch of text into pieces each at most `max` characters, at the gentlest boundary that works. */
export function splitToFit(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  for (const split of [splitSentences, splitClauses, splitCommas]) {
    const pieces = split(text);
    if (pieces.length > 1) return pieces.flatMap((piece) => splitToFit(piece, max));
  }
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += max) pieces.push(text.slice(i, i + max));
  return pieces;
}

/**
 * Pack consecutive pieces into as few parts as fit in `max`, of roughly even length: a
 * piece goes to the next part once most of it would fall past the even share.
 */
export function packEvenly(pieces: readonly string[], max: number, joiner: string): string[] {
  const fitted = pieces.flatMap((piece) => splitToFit(piece, max));
  const total = fitted.reduce((sum, piece) => sum + piece.length, 0) + joiner.length * (fitted.length - 1);
  if (total <= max) return [fitted.join(joiner)];
  const target = total / Math.ceil(total / max);
  const parts: string[] = [];
  let current: string[] = [];
  let length = 0;
  for (const piece of fitted) {
    const grown = length + (current.length > 0 ? joiner.length : 0) + piece.length;
    if (current.length > 0 && (grown > max || length + piece.length / 2 > target)) {
      parts.push(current.join(joiner));
      current = [];
      length = 0;
    }
    length += (current.length > 0 ? joiner.length : 0) + piece.length;
    current.push(piece);
  }
  if (current.length > 0) parts.push(current.join(joiner));
  return parts;
}
