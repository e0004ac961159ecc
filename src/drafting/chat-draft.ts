/**
 * A finished draft as chat shows it: the text, what it rests on, its Word file, and — for a
 * follow-up that asks to check the figures (把数字再核一下) — each figure the text states with
 * the count in the log it agrees with.
 */
import type { Taxonomy } from '../reader/index.ts';
import { describeBasis } from './draft-parts.ts';
import { KindWords } from './figure-kinds.ts';
import { checkFigures } from './grounding.ts';
import { draftLength } from './request-shape.ts';
import type { Draft } from './types.ts';
import { draftToDocx } from './word-file.ts';
import type { DocxOptions } from './docx-writer.ts';

/** A figure of a draft with the log's count behind it (none when no count grounds it). */
export interface DraftFigure {
  /** The figure where it stands, with the words before it in its clause: 视察8次, 等14个. */
  readonly text: string;
  /** The kinds the log counts for it, as the office names them: 视察, 听取审议报告. */
  readonly kinds?: string;
  readonly count?: number;
}

/** What chat shows of a draft. */
export interface ChatDraft {
  readonly text: string;
  readonly note?: string;
  readonly basis: string;
  readonly docx: Uint8Array;
  readonly fileName: string;
  /** The body's length in characters, as a reader counts it (再短一点 goes below it). */
  readonly length: number;
  /** The period the figures count: 2023-01-01 至 2023-06-30. */
  readonly period: string;
  readonly figures: readonly DraftFigure[];
}

/** The draft, its basis, figures and Word file, for chat. */
export async function chatDraft(draft: Draft, taxonomy: Taxonomy | undefined, docx: DocxOptions = {}): Promise<ChatDraft> {
  const words = taxonomy ? new KindWords(taxonomy.kinds) : undefined;
  const label = (kind: string) => taxonomy?.label(kind) ?? kind;
  const body = draft.text;
  const figures = checkFigures(body, draft.facts, words).map((figure) => {
    // The clause up to the figure, a few words back: 其中视察8次 → 视察8次.
    const clauseStart = Math.max(...['，', '。', '、', '；', '：', '\n'].map((p) => body.lastIndexOf(p, figure.index - 1) + 1), figure.index - 10);
    const text = body.slice(clauseStart, figure.index + figure.text.length);
    const fact = figure.facts.length > 0 ? draft.facts[figure.facts[0]] : undefined;
    return fact ? { text, kinds: fact.kinds.map(label).join('、'), count: fact.count } : { text };
  });
  return {
    text: draft.text,
    note: draft.note,
    basis: describeBasis(draft, taxonomy),
    docx: await draftToDocx(draft.document, docx),
    fileName: `${draft.fileName}.docx`,
    length: draftLength(draft.document),
    period: `${draft.from} 至 ${draft.to}`,
    figures,
  };
}
