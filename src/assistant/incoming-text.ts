/**
 * A message as the assistant reads it: escape sequences, control and bidi characters removed
 * from the text and the sender's name (they would be stored and echoed back), and the text cut
 * to MAX_QUESTION_CHARS so no message can hold the bot for minutes; the reply then says so.
 */
import { MAX_QUESTION_CHARS, boundQuestion, inputMessages, plainText } from '../input/index.ts';
import type { Incoming, Reply } from './types.ts';

/** The cleaned message, and what to do to its reply (add the note when the text was cut). */
export function readableIncoming(received: Incoming): { incoming: Incoming; noteCut: (reply: Reply) => Reply } {
  const { text, truncated } = boundQuestion(plainText(received.text));
  const incoming = { ...received, text, userName: plainText(received.userName).trim() };
  const noteCut = (reply: Reply): Reply =>
    (truncated ? { ...reply, text: `${reply.text}\n${inputMessages.questionCut(MAX_QUESTION_CHARS)}` } : reply);
  return { incoming, noteCut };
}
