/**
 * Model drafts: the prompt from the facts (titles sanitised), one retry that names the
 * figures the model invented, and the text laid out as paragraphs. A draft that still
 * fails the grounding check is not returned: the caller falls back to the template.
 */
import { loadPrompt, type ChatMessage, type ChatModel } from '../models/index.ts';
import { strayFigures } from './grounding.ts';
import { strayDates, unrecordedKinds, writtenInChinese } from './draft-claims.ts';
import type { IsoDate } from '../time/index.ts';
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
  /** The period drafted: a year, month or day the draft names must lie in it. */
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** The taxonomy's kinds: work named by a kind's own name must be of a kind with entries. */
  readonly kinds?: ReadonlyArray<{ readonly id: string; readonly label: string }>;
}

// Kinds whose names are everyday words (学习贯彻, 其他) name no work of their own in a draft.
const EVERYDAY_KINDS = new Set(['study', 'other']);

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

// A line addressed to the colleague who asked (好的，以下是为您起草的……；如需修改请告诉我) is not the draft's.
const CHATTER = /^(?:好的|当然|以下是|下面是)|为您|如需|请告诉我|希望(?:以上|这份|这篇)|供您参考/;

/**
 * The model's text as paragraphs: Markdown marks and code fences removed, lines spoken to the
 * colleague rather than written for the draft left out, a salutation line set apart.
 */
export function paragraphsOf(text: string): Array<{ style: ParagraphStyle; text: string }> {
  return completeEnumeration(text).split(/\n+/)
    .filter((line) => !/^\s*```/.test(line) && !CHATTER.test(line.trim()))
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
  let failure: 'figures' | 'claims' | 'language' | 'empty' = 'empty';
  const done = new Set(input.grounds.filter((f) => f.count > 0).flatMap((f) => f.kinds));
  const kinds = (input.kinds ?? []).filter((k) => !EVERYDAY_KINDS.has(k.id));
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
    const claims = [...strayDates(body, input.from, input.to), ...unrecordedKinds(body, kinds, done)].map((c) => inClause(body, c.index, c.text));
    const chinese = writtenInChinese(body);
    if (paragraphs.length > 0 && chinese && invented.length === 0 && claims.length === 0) return { paragraphs };
    const retry: string[] = [];
    if (invented.length > 0 || paragraphs.length === 0) {
      retry.push(loadPrompt('draft-retry').fill({
        数字: (invented.length > 0 ? invented : [messages.modelEmpty]).join('、'),
        允许: [...new Set(input.grounds.map((f) => f.count).filter((c) => c > 0))].join('、'),
      }));
    }
    if (paragraphs.length > 0 && (claims.length > 0 || !chinese)) {
      retry.push(loadPrompt('draft-retry-facts').fill({
        内容: [...new Set(chinese ? claims : [messages.modelNotChinese, ...claims])].join('、'),
        时段: input.period,
      }));
    }
    bad = invented.length > 0 ? invented : claims;
    failure = invented.length > 0 ? 'figures' : claims.length > 0 ? 'claims' : paragraphs.length > 0 ? 'language' : 'empty';
    conversation = [...prompt, { role: 'assistant', content: text }, { role: 'user', content: retry.join('\n') }];
  }
  const count = new Set(bad).size;
  return {
    note: failure === 'figures' ? messages.modelInventedFigure(count)
      : failure === 'claims' ? messages.modelStrayClaims(count)
        : failure === 'language' ? messages.modelNotChineseDraft : messages.modelNoDraft,
  };
}
