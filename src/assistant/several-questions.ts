/**
 * Several counts or lists asked in one message (今年视察了几次？去年呢？): each is answered in turn,
 * the later ones read as follow-ups of the earlier — not the first answered and the rest dropped.
 */
import type { IsoDate } from '../time/index.ts';
import type { MessageReader } from '../reader/index.ts';
import { looksLikeFollowUp } from './follow-up.ts';
import type { Reply } from './types.ts';

/** At most this many questions of one message are answered one by one. */
const MOST = 4;

/**
 * The questions of a message asking several counts or lists, each with its question mark; undefined
 * when it asks one thing, or anything else (a rule, a log entry, a draft) is among them.
 */
export async function severalQuestions(text: string, reader: MessageReader, today: IsoDate): Promise<string[] | undefined> {
  const parts = questionClauses(text).filter((p) => /[\u4e00-\u9fff]/.test(p));
  if (parts.length < 2 || parts.length > MOST) return undefined;
  for (const [i, part] of parts.entries()) {
    const reading = await reader.read(part, today);
    const counted = reading.intent === 'count' || reading.intent === 'list';
    if (!counted && !(i > 0 && looksLikeFollowUp(part))) return undefined;
  }
  return parts;
}

/** A message cut after each question mark (？ or ?), what follows the last one kept as the last part. */
export function questionClauses(text: string): string[] {
  const parts = [...text.matchAll(/[^？?]+[？?]+/g)].map((m) => m[0].trim());
  const rest = text.replace(/[^？?]+[？?]+/g, '').trim();
  return rest ? [...parts, rest] : parts;
}

/** Answer the questions one after another (each one's context is the answer before it), as one reply. */
export async function answerEach(questions: readonly string[], answer: (question: string) => Promise<Reply>): Promise<Reply> {
  const replies: Reply[] = [];
  for (const question of questions) replies.push(await answer(question));
  const files = replies.flatMap((r) => r.files ?? []);
  return { text: replies.map((r) => r.text).join('\n\n'), ...(files.length > 0 ? { files } : {}) };
}
