/**
 * Model drafts: the prompt from the facts (titles sanitised), one retry that names the
 * figures the model invented, and the text laid out as paragraphs. A draft that still
 * fails the grounding check is not returned: the caller falls back to the template.
 */
import { loadPrompt, type ChatMessage, type ChatModel } from '../models/index.ts';
import { strayFigures } from './grounding.ts';
import type { KindWords } from './figure-kinds.ts';
import { messages } from './messages.ts';
import type { DraftForm, ParagraphStyle } from './types.ts';

/** What a model draft is written from. */
export interface ModelDraftInput {
  readonly form: DraftForm;
  readonly period: string;
  readonly request: string;
  readonly subject: string;
  /** One line per fact, titles sanitised (see drafter.ts). */
  readonly facts: string;
  /** One line per named topic that has no entries. */
  readonly empty: string;
  readonly examples: string;
  /** The facts whose counts the draft may use, each about its kinds. */
  readonly grounds: ReadonlyArray<{ readonly count: number; readonly kinds: readonly string[] }>;
  /** The kinds' words: a figure must be a count of the kind its sentence names. */
  readonly words?: KindWords;
}

/** A model draft's outcome: paragraphs, or a note saying why the template is used instead. */
export type ModelDraftResult =
  | { readonly paragraphs: ReadonlyArray<{ style: ParagraphStyle; text: string }>; readonly note?: undefined }
  | { readonly paragraphs?: undefined; readonly note: string };

const ORDINAL = /([一二三四五六七八九十]+)是/g;

/** A lone 一是 (no 二是 after it) is no enumeration: drop the word, keep the sentence. */
export function completeEnumeration(text: string): string {
  const found = new Set([...text.matchAll(ORDINAL)].map((m) => m[1]));
  return found.has('一') && !found.has('二') ? text.replace(/一是/, '') : text;
}

/** The model's text as paragraphs: Markdown marks removed, a salutation line set apart. */
export function paragraphsOf(text: string): Array<{ style: ParagraphStyle; text: string }> {
  return completeEnumeration(text).split(/\n+/)
    .map((line) => line.replace(/\*\*/g, '').replace(/^\s*(?:#+|[-*•]|\d+[.、])\s*/, '').trim())
    .filter(Boolean)
    .map((line, i) => ({ style: i === 0 && line.length <= 30 && /[：:]$/.test(line) ? 'salutation' : 'body', text: line }));
}

/** A figure with the words just before it in its clause (执法检查12次), so the retry names what is wrong. */
function inClause(text: string, index: number, figure: string): string {
  const before = text.slice(Math.max(0, index - 8), index);
  return `${before.slice(before.search(/[^，,。；;：:、\n]*$/))}${figure}`;
}

/** Ask the model for a draft; regenerate once naming any invented figure; never return one that fails. */
export async function modelDraft(model: ChatModel, input: ModelDraftInput): Promise<ModelDraftResult> {
  const prompt = loadPrompt('draft').messages({
    形式: input.form === 'speech' ? messages.promptFormSpeech : messages.promptFormSection,
    结构: input.form === 'speech' ? messages.promptShapeSpeech : messages.promptShapeSection,
    时段: input.period,
    要求: input.request,
    题目: input.subject,
    事实: input.facts,
    无记录: input.empty || messages.promptNoEmpty,
    范例: input.examples || messages.promptNoExamples,
  });
  let conversation: ChatMessage[] = prompt;
  let bad: string[] = [];
  for (let attempt = 0; attempt < 2; attempt++) {
    let text: string;
    try {
      text = (await model.complete(conversation)).trim();
    } catch {
      return { note: messages.modelUnavailable };
    }
    const paragraphs = paragraphsOf(text);
    const body = paragraphs.map((p) => p.text).join('\n');
    const invented = strayFigures(body, input.grounds, input.words).map((f) => inClause(body, f.index, f.text));
    if (paragraphs.length > 0 && invented.length === 0) return { paragraphs };
    bad = invented.length > 0 ? invented : [messages.modelEmpty];
    conversation = [
      ...prompt,
      { role: 'assistant', content: text },
      {
        role: 'user',
        content: loadPrompt('draft-retry').fill({
          数字: bad.join('、'),
          允许: [...new Set(input.grounds.map((f) => f.count).filter((c) => c > 0))].join('、'),
        }),
      },
    ];
  }
  const invented = new Set(bad.filter((b) => b !== messages.modelEmpty)).size;
  return { note: invented > 0 ? messages.modelInventedFigure(invented) : messages.modelNoDraft };
}
