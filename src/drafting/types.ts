/** The shapes of a draft: the facts it rests on and the text it gives. */
import type { IsoDate } from '../activities/index.ts';
import type { Source } from '../knowledge/index.ts';

/** One counted fact from the activity log: the kinds, how many, and what they were. */
export interface Fact {
  readonly kinds: readonly string[];
  readonly count: number;
  readonly titles: readonly string[];
}

/** How the draft is meant to be used: a report section, or a paragraph read aloud. */
export type DraftForm = 'section' | 'speech';

/** A finished draft (CONTRACTS.md, `draft --json`). */
export interface Draft {
  /** The whole draft as plain text (title line first). */
  readonly text: string;
  readonly mode: 'template' | 'llm';
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly facts: readonly Fact[];
  readonly sources: readonly Source[];
  /** Title and paragraphs, for the Word export. */
  readonly document: DraftDocument;
  /** A note for the user (e.g. the model invented a figure, the template was used). */
  readonly note?: string;
}

/** A draft laid out for the Word export. */
export interface DraftDocument {
  readonly title: string;
  readonly paragraphs: ReadonlyArray<{ readonly style: 'heading' | 'body'; readonly text: string }>;
}
