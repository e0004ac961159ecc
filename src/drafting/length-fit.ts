/**
 * A template draft within the length asked. Over the limit (300字以内) or asked to be brief
 * (简短一些), each item keeps its heading and its sentences up to their figures (compactItem),
 * under a plain opening; still over a limit, whole items go (the first work stays; each later one
 * that still fits is kept), named by their figures in one closing line (另有视察3次、调研5次。)
 * when that fits, and the note names what went. No figure is cut out of what is kept, so what is left reads whole.
 */
import type { Taxonomy } from '../reader/index.ts';
import { draftLength, lengthLimit, type ShapeWish } from './request-shape.ts';
import { draftFromTemplates, type TemplateDraftInput } from './template-drafter.ts';
import type { DraftTemplates } from './template-file.ts';
import type { DraftDocument, DraftItem } from './types.ts';

/** The fitted document, and the items left out to meet the limit. */
export interface FittedDraft {
  readonly document: DraftDocument;
  readonly dropped: readonly DraftItem[];
  /** The dropped items are still named by their figures in one line (另有视察3次、调研5次。). */
  readonly inBrief: boolean;
}

/** The template draft as long as the wish allows. */
export function fitToLength(templates: DraftTemplates, input: TemplateDraftInput, wish: ShapeWish, taxonomy?: Taxonomy): FittedDraft {
  const full = draftFromTemplates(templates, input, taxonomy);
  const limit = lengthLimit(wish);
  if (!wish.brief && !(limit && draftLength(full) > limit)) return { document: full, dropped: [], inBrief: false };
  const compact = draftFromTemplates(templates, { ...input, compact: true }, taxonomy);
  if (!limit || draftLength(compact) <= limit) return { document: compact, dropped: [], inBrief: false };
  const present = input.items.filter((i) => i.fact.count > 0);
  const fit = (room: number, inBrief: boolean) => {
    const kept = fullest(compact, present.length, limit - room);
    const dropped = present.filter((_, i) => !kept.has(i));
    const document = draftFromTemplates(templates, { ...input, compact: true, omitted: new Set(dropped), omittedInBrief: inBrief }, taxonomy);
    return { document, dropped, inBrief: inBrief && dropped.length > 0 };
  };
  // Whole items that fit, the rest named by their figures in one line (room made for it as it
  // is measured); when even that will not fit, the rest are left out.
  let room = 0;
  for (let tries = 0; tries < 4; tries++) {
    const fitted = fit(room, true);
    const over = draftLength(fitted.document) - limit;
    if (over <= 0) return fitted;
    room += over;
  }
  return fit(0, false);
}

/**
 * Which of the n items (the body paragraphs after the opening, in order) to keep within the
 * limit: in the draft's order, each that still fits — the first items are the first work — and
 * the first always, so a limit not met by it alone is said in the note.
 */
function fullest(compact: DraftDocument, n: number, limit: number): Set<number> {
  const bodies = compact.paragraphs.filter((p) => p.style === 'body').map((p) => p.text.replace(/\s/g, '').length);
  const lines = bodies.slice(1, 1 + n);
  let length = bodies.reduce((a, b) => a + b, 0) - lines.reduce((a, b) => a + b, 0);
  const kept = new Set<number>();
  lines.forEach((l, i) => {
    if (i === 0 || length + l <= limit) {
      kept.add(i);
      length += l;
    }
  });
  return kept;
}
