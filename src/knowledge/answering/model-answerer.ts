/**
 * The grounded Answerer: a chat model answers from the retrieved passages only, in the shape
 * of the extractive answer (one direct sentence with [n], then at most two quoted passages).
 * Passages go to the model inside a delimited data block it is told holds no instructions;
 * those that contain instructions are marked as quoted material. The reply is checked, not
 * trusted: citations to passages it was not given are removed, every cited sentence must
 * share its key terms and every number with its passages (answer-check.ts), and an answer
 * whose lead sentence fails, or that cites nothing, gives way to the extractive answer with
 * a note. When the knowledge base judges that the passages do not answer the question, the
 * model is not asked; when the model says so itself, the answer is "not found". Whenever the
 * model fails, times out or talks nonsense, the extractive answer is given instead, with a note.
 */
import type { Answer, Answerer, Assessment, ScoredPassage } from '../types.ts';
import { componentLog } from '../../runtime/index.ts';
import { checkAnswer } from './answer-check.ts';
import type { ClaimSource } from './answer-claims.ts';
import { createExtractiveAnswerer, notFoundText, toSource } from './extractive-answerer.ts';
import { hasInstruction } from '../ranking/instruction-cue.ts';
import { openKnowledgeBase, type KnowledgeBaseOptions, type OpenKnowledgeBase } from '../knowledge-base.ts';
import { knowledgeMessages } from '../messages.ts';
import {
  ModelError, checkCitations, modelMessages, promptMessages, timeoutController, toModelError, withoutReasoning,
  type ChatModel, type RerankModel,
} from '../../models/index.ts';
import { createModelReranker } from '../ranking/model-reranker.ts';

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
}

/** Make a value unable to open or close a tag of the data block. */
function neutralise(text: string): string {
  return text.replace(/</g, '＜').replace(/>/g, '＞').replace(/"/g, '＂');
}

/**
 * The numbered passages as the data block's inner lines; a passage holding words addressed to
 * the assistant is marked as quoted material.
 */
export function renderPassages(passages: readonly ScoredPassage[], maxChars = 1_500): string {
  return passages.map(({ passage }, i) => {
    const body = passage.text.length > maxChars ? passage.text.slice(0, maxChars) + '……' : passage.text;
    const flag = hasInstruction(passage.text) ? ` 注意="${modelMessages.instructionFlag}"` : '';
    return `<资料 编号="${i + 1}" 文件="${neutralise(passage.title)}" 位置="${neutralise(passage.location)}"${flag}>\n${neutralise(body)}\n</资料>`;
  }).join('\n');
}

/**
 * The reply as plain text: without a reasoning block (also one whose opening tag was in the
 * prompt), code fences and Markdown emphasis or headings, which a channel would show as marks.
 */
export function plainReply(raw: string): string {
  return withoutReasoning(raw)
    .replace(/^[ \t]*```[\w-]*[ \t]*$/gm, '')
    .replace(/\*\*|__/g, '')
    .replace(/^[ \t]*#{1,6}[ \t]+/gm, '')
    .trim();
}

/** A reply that is not an answer: empty, garbled, or without a single word. */
export function isNonsense(text: string): boolean {
  const t = text.trim();
  if (t.length < 2) return true;
  const garbled = (t.match(/[\uFFFD\u0000-\u0008\u000E-\u001F]/g) ?? []).length;
  if (garbled / t.length > 0.1) return true;
  return !/[\p{L}\p{N}]/u.test(t);
}

// The model's own "the passages do not say": its first sentence, as the prompt asks it to word it.
const DECLINE = /^[^。！？\n]{0,20}(?:没有找到|未找到|找不到|没有(?:明确|相关|具体)?(?:的)?规定|未(?:作|做)?(?:明确)?规定|无法(?:根据|从)?[^。]{0,8}回答|不足以回答|没有涉及|未涉及)/;

/** Whether the model says the passages do not answer the question. */
export function isDecline(text: string): boolean {
  return DECLINE.test(text.trim());
}

/** The passages as the check reads them: text, and the names (title, location) they go by. */
function claimSources(passages: readonly ScoredPassage[]): ClaimSource[] {
  return passages.map(({ passage }) => ({ text: passage.text, names: [passage.title, passage.location, passage.context].join('\n') }));
}

// The first sentence carries its citation (before or just after its full stop), after any
// words that only lead into it (根据所给资料：).
const CITED_LEAD = /^(?:[^。！？\n“]*[：:]\s*)*(?:“[^”]*”|[^。！？\n“])*(?:[。！？]\s*)?\[\d{1,2}\]/;

/**
 * What of a reply's first sentences may be shown while the rest is written: the checked text,
 * once its direct answer is there, cited and borne out; undefined until then.
 */
export function checkedPartial(sentences: string, passages: readonly ScoredPassage[]): string | undefined {
  // A quotation still open cannot be checked against its passage yet.
  const open = sentences.lastIndexOf('“');
  const whole = open > sentences.lastIndexOf('”') ? sentences.slice(0, open) : sentences;
  const citations = checkCitations(plainReply(whole), passages.length);
  const check = checkAnswer(citations.text, claimSources(passages));
  return !check.leadRemoved && CITED_LEAD.test(check.text) ? check.text : undefined;
}

/** Build the grounded model answerer. */
export function createModelAnswerer(options: ModelAnswererOptions): Answerer {
  const budgetMs = options.budgetMs ?? 20_000;
  const reserveMs = options.fallbackReserveMs ?? 2_000;
  const log = options.log ?? componentLog('model-answerer');

  async function ask(question: string, passages: readonly ScoredPassage[], signal: AbortSignal, onPartial?: (t: string) => void): Promise<string> {
    const messages = promptMessages('answer', {
      question: neutralise(question.trim()),
      passages: renderPassages(passages, options.maxPassageChars),
      count: passages.length,
    }, options.promptsDir);
    if (!onPartial) return options.model.complete(messages, { signal });
    let text = '';
    let shownUpTo = 0;
    for await (const piece of options.model.stream(messages, { signal })) {
      text += piece;
      // Only whole sentences that pass the check are shown: unchecked words never reach the
      // screen, not even for the seconds before the final answer replaces them.
      const end = Math.max(...['。', '！', '？', '\n'].map((mark) => text.lastIndexOf(mark))) + 1;
      if (end <= shownUpTo) continue;
      shownUpTo = end;
      const partial = checkedPartial(text.slice(0, end), passages);
      if (partial === undefined) continue;
      try {
        onPartial(partial);
      } catch (error) {
        // A channel that cannot show a partial must not cost the user the answer.
        log(`model-answerer: onPartial failed: ${String(error)}`);
      }
    }
    return text;
  }

  /** The extractive answer behind a note, shown at once to a channel that showed the model's text. */
  async function extractive(
    question: string, passages: readonly ScoredPassage[], note: string,
    answerOptions?: { onPartial?: (t: string) => void; signal?: AbortSignal; assessment?: Assessment },
  ): Promise<Answer> {
    const withNote = (text: string) => `${note}\n${text}`;
    const onPartial = answerOptions?.onPartial;
    const answer = await options.fallback.answer(question, passages, {
      signal: answerOptions?.signal,
      assessment: answerOptions?.assessment,
      onPartial: onPartial && ((text) => onPartial(withNote(text))),
    });
    return { ...answer, answer: withNote(answer.answer) };
  }

  return {
    async answer(question, passages, answerOptions): Promise<Answer> {
      // No passage, or none that answers: the extractive answerer says nothing was found.
      if (passages.length === 0 || answerOptions?.assessment?.found === false) {
        return options.fallback.answer(question, passages, answerOptions);
      }
      const timer = timeoutController(budgetMs - reserveMs, answerOptions?.signal);
      const sources = passages.map(toSource);
      try {
        const raw = plainReply(await ask(question, passages, timer.signal, answerOptions?.onPartial));
        if (isNonsense(raw)) throw new ModelError('nonsense', `unusable reply: ${JSON.stringify(raw.slice(0, 80))}`);
        if (isDecline(raw)) {
          return { answer: notFoundText(question, passages), found: false, mode: 'llm', sources };
        }
        const citations = checkCitations(raw, passages.length);
        const check = checkAnswer(citations.text, claimSources(passages));
        if (check.cited.length === 0 || check.leadRemoved) {
          log(`model-answerer: reply failed the check against its passages (${check.removed.length} sentence(s) removed)`);
          return extractive(question, passages, citations.cited.length === 0 ? modelMessages.uncitedNote : modelMessages.checkFailedNote, answerOptions);
        }
        const notes: string[] = [];
        if (check.removed.length > 0) notes.push(modelMessages.removedSentences(check.removed.length));
        if (citations.dropped.length > 0) notes.push(modelMessages.droppedCitations(citations.dropped));
        if (check.cited.some((n) => hasInstruction(passages[n - 1].passage.text))) notes.push(knowledgeMessages.instructionNote);
        // The reply the channel shows last is this checked text, whatever was streamed before it.
        return { answer: [check.text, ...notes].join('\n'), found: true, mode: 'llm', sources };
      } catch (error) {
        const failure = toModelError(error);
        log(`model-answerer: falling back to extractive answer (${failure.message})`);
        // The partial model text already shown is replaced by the fallback at once.
        return extractive(question, passages, modelMessages.fallbackNote, answerOptions);
      } finally {
        timer.dispose();
      }
    },
  };
}

/**
 * Open the knowledge base with a chat model (when given) answering through
 * `createModelAnswerer`, falling back to the extractive answerer weighted by the live index —
 * the same one `openKnowledgeBase` uses on its own — and with a rerank model (when given) in
 * front of the built-in second stage. Without either this is plain `openKnowledgeBase`.
 */
export async function openKnowledgeBaseWithModel(
  options: KnowledgeBaseOptions & {
    chat?: ChatModel;
    /** A rerank model for the second stage (the built-in re-ranker stands in when it fails). */
    rerank?: RerankModel;
    answering?: Omit<ModelAnswererOptions, 'model' | 'fallback'>;
  },
): Promise<OpenKnowledgeBase> {
  const { chat, rerank, answering, ...rest } = options;
  const base = rerank && !rest.reranker ? { ...rest, reranker: createModelReranker(rerank) } : rest;
  if (!chat || base.answerer) return openKnowledgeBase(base);
  // The weights come from the index opened below; they are only read when a question is answered.
  let opened: OpenKnowledgeBase | undefined;
  const fallback = createExtractiveAnswerer({
    idf: (term) => opened?.indexes.bm25().idf(term) ?? 1,
    maxIdf: () => opened?.indexes.bm25().idf('\u0000') ?? 1,
  });
  opened = await openKnowledgeBase({ ...base, answerer: createModelAnswerer({ ...answering, model: chat, fallback }) });
  return opened;
}
