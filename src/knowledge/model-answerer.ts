/**
 * The grounded Answerer: a chat model answers from the retrieved passages only, citing
 * them as [n]. Passages go to the model inside a delimited data block it is told holds no
 * instructions; citations to passages it was not given are removed; an answer that cites
 * nothing is marked unverified with the passages beside it. Whenever the model fails,
 * times out or talks nonsense, the extractive answer is given instead, with a note.
 */
import type { Answer, Answerer, ScoredPassage } from './types.ts';
import { WEAK_MATCH_COVERAGE, createExtractiveAnswerer, queryCoverage, toSource } from './extractive-answerer.ts';
import { openKnowledgeBase, type KnowledgeBaseOptions, type OpenKnowledgeBase } from './knowledge-base.ts';
import {
  ModelError, checkCitations, modelMessages, promptMessages, timeoutController, toModelError,
  type ChatModel,
} from '../models/index.ts';

/** What the model answerer needs. */
export interface ModelAnswererOptions {
  readonly model: ChatModel;
  /** The offline answerer used when the model cannot answer (K2's extractive one). */
  readonly fallback: Answerer;
  /** Longest time for a whole answer, fallback included (default 20 s). */
  readonly budgetMs?: number;
  /** Part of the budget kept for the fallback (default 2 s). */
  readonly fallbackReserveMs?: number;
  /** Longest passage text sent to the model; longer ones are cut (default 1,500 characters). */
  readonly maxPassageChars?: number;
  /** Folder of prompt files (default the shipped `prompts/`). */
  readonly promptsDir?: string;
  /** Where internal failures are written (default stderr, one line). */
  readonly log?: (line: string) => void;
  /**
   * Whether the passages bear on the question at all; when not, the fallback's "nothing
   * found" answer is given without asking the model, so a model never answers off the data.
   */
  readonly isAnswerable?: (question: string, passages: readonly ScoredPassage[]) => boolean;
}

/** Characters of each passage shown beside an unverified answer. */
const EXCERPT_CHARS = 160;

/** Make a value unable to open or close a tag of the data block. */
function neutralise(text: string): string {
  return text.replace(/</g, '＜').replace(/>/g, '＞').replace(/"/g, '＂');
}

/** The numbered passages as the data block's inner lines. */
export function renderPassages(passages: readonly ScoredPassage[], maxChars = 1_500): string {
  return passages.map(({ passage }, i) => {
    const body = passage.text.length > maxChars ? passage.text.slice(0, maxChars) + '……' : passage.text;
    return `<资料 编号="${i + 1}" 文件="${neutralise(passage.title)}" 位置="${neutralise(passage.location)}">\n${neutralise(body)}\n</资料>`;
  }).join('\n');
}

/** A reply that is not an answer: empty, garbled, or without a single word. */
export function isNonsense(text: string): boolean {
  const t = text.trim();
  if (t.length < 2) return true;
  const garbled = (t.match(/[\uFFFD\u0000-\u0008\u000E-\u001F]/g) ?? []).length;
  if (garbled / t.length > 0.1) return true;
  return !/[\p{L}\p{N}]/u.test(t);
}

function unverified(text: string, passages: readonly ScoredPassage[]): string {
  const excerpts = passages.map(({ passage }, i) => {
    const body = passage.text.length > EXCERPT_CHARS ? passage.text.slice(0, EXCERPT_CHARS) + '……' : passage.text;
    return `[${i + 1}] 《${passage.title}》${passage.location ? ' ' + passage.location : ''}：${body}`;
  });
  return [modelMessages.unverifiedNote, text, '', modelMessages.unverifiedPassages, ...excerpts].join('\n');
}

/** Build the grounded model answerer. */
export function createModelAnswerer(options: ModelAnswererOptions): Answerer {
  const budgetMs = options.budgetMs ?? 20_000;
  const reserveMs = options.fallbackReserveMs ?? 2_000;
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));

  async function ask(question: string, passages: readonly ScoredPassage[], signal: AbortSignal, onPartial?: (t: string) => void): Promise<string> {
    const messages = promptMessages('answer', {
      question: neutralise(question.trim()),
      passages: renderPassages(passages, options.maxPassageChars),
      count: passages.length,
    }, options.promptsDir);
    if (!onPartial) return options.model.complete(messages, { signal });
    let text = '';
    for await (const piece of options.model.stream(messages, { signal })) {
      text += piece;
      try {
        onPartial(checkCitations(text, passages.length).text);
      } catch (error) {
        // A channel that cannot show a partial must not cost the user the answer.
        log(`model-answerer: onPartial failed: ${String(error)}`);
      }
    }
    return text;
  }

  return {
    async answer(question, passages, answerOptions): Promise<Answer> {
      // No passage, no grounds: the extractive answerer says nothing was found.
      if (passages.length === 0 || options.isAnswerable?.(question, passages) === false) {
        return options.fallback.answer(question, passages, { signal: answerOptions?.signal, onPartial: answerOptions?.onPartial });
      }
      const timer = timeoutController(budgetMs - reserveMs, answerOptions?.signal);
      try {
        const raw = await ask(question, passages, timer.signal, answerOptions?.onPartial);
        if (isNonsense(raw)) throw new ModelError('nonsense', `unusable reply: ${JSON.stringify(raw.slice(0, 80))}`);
        const check = checkCitations(raw.trim(), passages.length);
        let text = check.text;
        if (check.dropped.length > 0) text += `\n${modelMessages.droppedCitations(check.dropped)}`;
        if (check.cited.length === 0) text = unverified(text, passages);
        return { answer: text, found: true, mode: 'llm', sources: passages.map(toSource) };
      } catch (error) {
        const failure = toModelError(error);
        log(`model-answerer: falling back to extractive answer (${failure.message})`);
        const withNote = (text: string) => `${modelMessages.fallbackNote}\n${text}`;
        const onPartial = answerOptions?.onPartial;
        // The partial model text already shown is replaced by the fallback at once.
        const extractive = await options.fallback.answer(question, passages, {
          signal: answerOptions?.signal,
          onPartial: onPartial && ((text) => onPartial(withNote(text))),
        });
        return { ...extractive, answer: withNote(extractive.answer) };
      } finally {
        timer.dispose();
      }
    },
  };
}

/**
 * Open the knowledge base with a chat model (when given) answering through
 * `createModelAnswerer`, falling back to the extractive answerer weighted by the live
 * index's idf — the same one `openKnowledgeBase` uses on its own. Without `chat` this is
 * plain `openKnowledgeBase`.
 */
export async function openKnowledgeBaseWithModel(
  options: KnowledgeBaseOptions & { chat?: ChatModel; answering?: Omit<ModelAnswererOptions, 'model' | 'fallback'> },
): Promise<OpenKnowledgeBase> {
  const { chat, answering, ...base } = options;
  if (!chat || base.answerer) return openKnowledgeBase(base);
  // The idf comes from the index opened below; it is only read when a question is answered.
  let opened: OpenKnowledgeBase | undefined;
  const idf = (term: string) => opened?.indexes.bm25().idf(term) ?? 1;
  const fallback = createExtractiveAnswerer({ idf });
  const isAnswerable = (question: string, passages: readonly ScoredPassage[]) =>
    queryCoverage(question, passages[0].passage, { idf }) >= WEAK_MATCH_COVERAGE;
  opened = await openKnowledgeBase({
    ...base,
    answerer: createModelAnswerer({ isAnswerable, ...answering, model: chat, fallback }),
  });
  return opened;
}
