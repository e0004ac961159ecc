/**
 * A template draft within the length asked. Over the limit (300字以内) or asked to be brief
 * (简短一些), each item keeps its heading and its sentences up to their figures (compactItem),
 * under a plain opening; still over a limit, whole items go from the end, the first always stays,
 * and the note names what went. No figure is cut out of what is kept, so what is left reads whole.
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
}

/** The template draft as long as the wish allows. */
export function fitToLength(templates: DraftTemplates, input: TemplateDraftInput, wish: ShapeWish, taxonomy?: Taxonomy): FittedDraft {
  const full = draftFromTemplates(templates, input, taxonomy);
  const limit = lengthLimit(wish);
  if (!wish.brief && !(limit && draftLength(full) > limit)) return { document: full, dropped: [] };
  const compact = draftFromTemplates(templates, { ...input, compact: true }, taxonomy);
  if (!limit || draftLength(compact) <= limit) return { document: compact, dropped: [] };
  const present = input.items.filter((i) => i.fact.count > 0);
  let fitted = compact;
  let dropped: DraftItem[] = [];
  // Whole items from the end; the first (what the draft is about before all) always stays.
  for (let keep = present.length - 1; keep >= 1 && draftLength(fitted) > limit; keep--) {
    dropped = present.slice(keep);
    fitted = draftFromTemplates(templates, { ...input, compact: true, omitted: new Set(dropped) }, taxonomy);
  }
  return { document: fitted, dropped };
}
