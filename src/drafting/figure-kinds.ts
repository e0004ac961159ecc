/**
 * Which kinds of activity a figure speaks of (视察12次 → inspection), so that a figure is
 * grounded only by a fact about what the sentence names. Without it, "开展执法检查12次" would
 * pass whenever any fact — say 12 inspections — happens to count 12.
 *
 * A figure's kinds are read from its clause: first the words before it back to the last
 * clause mark or figure (视察5次、调研3次 → 调研 for the 3), else the words after it up to the
 * next one (开展12次视察 → 视察). A clause that names no kind leaves the figure to the value
 * check alone, so wording the taxonomy does not know never blocks a draft.
 */

/** A kind as the taxonomy gives it (reader's `Kind`). */
export interface KindNames {
  readonly id: string;
  readonly label: string;
  readonly synonyms: readonly string[];
}

/** Clause marks: a kind named across one of them is about another figure. */
const CLAUSE_END = /[，,。；;：:！!？?\n]/;

/** The words that name each kind, longest first, so 常委会会议 is read before 会议. */
export class KindWords {
  private readonly words: ReadonlyArray<{ readonly word: string; readonly kind: string }>;

  constructor(kinds: readonly KindNames[]) {
    // `other` names nothing in particular; placeholders (第X次会议) and single characters are too loose.
    this.words = kinds.filter((k) => k.id !== 'other')
      .flatMap((k) => [k.label, ...k.synonyms].filter((w) => w.length >= 2 && !w.includes('X')).map((word) => ({ word, kind: k.id })))
      .sort((a, b) => b.word.length - a.word.length);
  }

  /** The kinds a piece of text names; where two words overlap, only the longer counts. */
  named(text: string): Set<string> {
    const taken = new Uint8Array(text.length);
    const kinds = new Set<string>();
    for (const { word, kind } of this.words) {
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
        if (taken.subarray(at, at + word.length).some((t) => t === 1)) continue;
        taken.fill(1, at, at + word.length);
        kinds.add(kind);
      }
    }
    return kinds;
  }
}

/** Where a figure stands in its text (start and end, UTF-16 offsets). */
export interface FigureSpan {
  readonly index: number;
  readonly text: string;
}

/**
 * The kinds each figure of a text speaks of, in the figures' order: an empty set where its
 * clause names none. `figures` must be in text order (as `countedFigures` gives them).
 */
export function figureKinds(text: string, figures: readonly FigureSpan[], words: KindWords): Array<Set<string>> {
  return figures.map((figure, i) => {
    const previousEnd = i > 0 ? figures[i - 1].index + figures[i - 1].text.length : 0;
    const before = clauseTail(text.slice(previousEnd, figure.index));
    const named = words.named(before);
    if (named.size > 0) return named;
    const end = figure.index + figure.text.length;
    const nextStart = i + 1 < figures.length ? figures[i + 1].index : text.length;
    return words.named(clauseHead(text.slice(end, nextStart)));
  });
}

function clauseTail(text: string): string {
  let start = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (CLAUSE_END.test(text[i])) {
      start = i + 1;
      break;
    }
  }
  return text.slice(start);
}

function clauseHead(text: string): string {
  const end = text.search(CLAUSE_END);
  return end < 0 ? text : text.slice(0, end);
}
