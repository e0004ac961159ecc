/** The shapes of a draft: the facts it rests on and the text it gives. */
import type { IsoDate } from '../time/index.ts';
import type { Source } from '../knowledge/index.ts';

/** One counted fact from the activity log: the kinds, how many, and what they were. */
export interface Fact {
  readonly kinds: readonly string[];
  readonly count: number;
  readonly titles: readonly string[];
  /** The first log entries counted (their ids, date order, one per title): what a page links a figure to. */
  readonly ids: readonly number[];
}

/** One item of a draft (一是…): a group of kinds, its total, and each kind's own count. */
export interface DraftItem {
  /** The topic that asked for it (its id). */
  readonly topic: string;
  /** The group's total. */
  readonly fact: Fact;
  /** One fact per kind of the group (just `fact` for a one-kind group). */
  readonly parts: readonly Fact[];
}

/** How the draft is meant to be used: a report section, or a speech to read aloud. */
export type DraftForm = 'section' | 'speech';

/** A finished draft (CONTRACTS.md, `draft --json`). */
export interface Draft {
  /** The whole draft as plain text (title line first), with `advice` after it when there is any. */
  readonly text: string;
  /**
   * What to do when the log held nothing to draft (补充记录后重新起草): the last line of `text`,
   * as chat shows it, but no part of `document` — a Word file holds only the draft.
   */
  readonly advice?: string;
  readonly mode: 'template' | 'llm';
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly facts: readonly Fact[];
  readonly sources: readonly Source[];
  /** Title and paragraphs, for the Word export. */
  readonly document: DraftDocument;
  /** A note for the user (e.g. the model invented a figure, the template was used). */
  readonly note?: string;
  /** A file name for the draft without extension (2023上半年监督工作总结). */
  readonly fileName: string;
  /** The topics drafted, as the office names them (监督工作, 代表培训). */
  readonly topics: readonly string[];
  /** Named topics the log has no entries for (the draft says so). */
  readonly empty: readonly string[];
}

/** How a paragraph is set: the salutation stands flush left, the rest are body text. */
export type ParagraphStyle = 'heading' | 'salutation' | 'body';

/** A draft laid out for the Word export. */
export interface DraftDocument {
  readonly title: string;
  readonly paragraphs: ReadonlyArray<{ readonly style: ParagraphStyle; readonly text: string }>;
  /** The period and what the draft rests on: the last line, which the secretary may delete. */
  readonly basis?: string;
}
