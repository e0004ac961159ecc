/** A question as the knowledge base searches it: bounded, clean, and checked. */
import { boundQuestion, plainText } from '../input/index.ts';
import { UserError } from '../errors.ts';
import { knowledgeMessages as m } from './messages.ts';

/** Largest k `ask` accepts. */
export const MAX_K = 50;

/** A question as searched: its first MAX_QUESTION_CHARS characters, without escapes or control characters. */
export function readableQuestion(question: string): string {
  return boundQuestion(plainText(question)).text;
}

/** A question as searched for `k` passages; an empty one or a `k` out of range is a Chinese UserError. */
export function searchedQuestion(asked: string, k: number): string {
  const question = readableQuestion(asked);
  if (!question.trim()) throw new UserError('empty_question', m.emptyQuestion);
  if (!Number.isInteger(k) || k < 1 || k > MAX_K) throw new UserError('bad_k', m.badK(String(k)));
  return question;
}
