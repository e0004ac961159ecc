/**
 * Several things asked or said in one message, each answered in turn rather than the message read
 * as one (its first question answered and the rest silently dropped):
 * - several counts or lists (今年视察了几次？去年呢？), the later ones read as follow-ups of the earlier;
 * - a count beside a question on the rules (上半年视察了几次？常委会会议由谁主持？);
 * - an activity to log beside questions (今天组织代表视察了安全生产工作。上半年视察了几次？): read
 *   whole, the statement's 今天 became the count's period and nothing was logged;
 * - an activity to log beside a draft asked for (…。帮我写一段视察情况的讲话稿): logged, then drafted.
 */
import type { IsoDate } from '../time/index.ts';
import type { MessageReader, ReadActivity, Reading } from '../reader/index.ts';
import { looksLikeFollowUp } from './follow-up.ts';
import type { Reply } from './types.ts';

/** At most this many questions of one message are answered one by one. */
const MOST = 4;
const COUNTED = new Set<Reading['intent']>(['count', 'list']);
const QUESTION = new Set<Reading['intent']>(['count', 'list', 'ask']);
/** Where a question begins inside a sentence: after a comma, 请问/顺便问一下/另外问下/还想问…. */
const ASKING_TURN = /[，,]\s*(?=(?:请问|顺便问(?:一)?下|另外(?:问(?:一)?下)?|还想问(?:一)?下?|想问(?:一)?下|问(?:一)?下))/g;

/**
 * The questions of a message asking several things of which at least one is a count or list, each
 * with its question mark; undefined when it asks one thing, only questions on the rules (those are
 * answered together, see several-rule-questions.ts), or anything else (a log entry, a draft) is among them.
 */
export async function severalQuestions(text: string, reader: MessageReader, today: IsoDate): Promise<string[] | undefined> {
  // 上半年的活动导出excel，另外问一下…: a question turned to after a comma is a part of its own.
  const parts = text.split(ASKING_TURN).flatMap(questionClauses).filter((p) => /[\u4e00-\u9fff]/.test(p));
  if (parts.length < 2 || parts.length > MOST) return undefined;
  return (await questionsRead(parts, reader, today)) === 'counted' ? parts : undefined;
}

/**
 * Whether each part is a question (or, after the first, a follow-up such as 去年呢): 'counted' when
 * one of them counts or lists, 'rules' when all ask the rules; undefined when a part is no question.
 */
async function questionsRead(parts: readonly string[], reader: MessageReader, today: IsoDate): Promise<'counted' | 'rules' | undefined> {
  let counted = false;
  for (const [i, part] of parts.entries()) {
    const { intent } = await reader.read(part, today);
    counted ||= COUNTED.has(intent);
    if (!QUESTION.has(intent) && !(i > 0 && looksLikeFollowUp(part))) return undefined;
  }
  return counted ? 'counted' : 'rules';
}

/** A sentence that may ask for a draft (帮我写一段…讲话稿): the reader decides. */
const MAY_DRAFT = /写|起草|草拟|拟[一个份篇段稿]/;

/**
 * The parts of a message that both tells of an activity to log and asks something (a question, a
 * draft): the statement first, then the questions in their words, then the draft asked for;
 * undefined unless the other sentences read as a log entry (or one asking which end of its days
 * today is) on their own and every question reads as one (a question mark inside a log entry,
 * 今天视察了河道？, is no question of its own).
 */
export async function statementAndQuestions(text: string, reader: MessageReader, today: IsoDate): Promise<string[] | undefined> {
  const sentences = text.replace(ASKING_TURN, '\n').split(/(?<=[。！!；;？?\n])/).map((s) => s.trim()).filter((s) => /[\u4e00-\u9fff]/.test(s));
  if (sentences.length < 2) return undefined;
  const asked = (s: string): boolean => /[？?]$/.test(s) || /^(?:请问|顺便|另外|还想问|想问|问(?:一)?下)/.test(s);
  const questions = sentences.filter(asked);
  const drafts: string[] = [];
  for (const s of sentences) if (!asked(s) && MAY_DRAFT.test(s) && (await reader.read(s, today)).intent === 'draft') drafts.push(s);
  const statement = sentences.filter((s) => !asked(s) && !drafts.includes(s)).join('');
  if (questions.length + drafts.length === 0 || questions.length > MOST || drafts.length > 1 || !statement) return undefined;
  // A log entry, or one that asks which end of its days today is (…，为期三天): logged once answered.
  const told = await reader.read(statement, today);
  if (told.intent !== 'log' && !(told.intent === 'unclear' && told.ends)) return undefined;
  if (questions.length > 0 && !(await questionsRead(questions, reader, today))) return undefined;
  return [statement, questions.join(''), ...drafts].filter(Boolean);
}

/** A deed reported (了, 过) on a day named, in the clauses before a question. */
const TOLD_DONE = /[了过]/;
const TOLD_DAY = /今天|今日|昨天|昨日|前天|上午|下午|晚上|\d+\s*[日号]|[一二三四五六七八九十]+[日号]|[上本这]周|星期|周[一二三四五六日天]/;

/** An activity told in the clauses before a one-sentence question, and the question itself. */
export interface ToldBeforeQuestion {
  readonly activities: readonly ReadActivity[];
  readonly told: string;
  readonly question: string;
  /** A question on the rules: searched with the clauses before it, its condition (…代表因故不能参加的，要怎么请假？). */
  readonly onRules: boolean;
}

/**
 * 今天视察了河道，上半年视察了几次？: an activity told before the comma of a one-sentence question. Read
 * whole, the message is the question and the activity is never logged; but such a clause may be the
 * question's circumstance, so it is offered to be logged, never stored unasked. Undefined unless the
 * clauses before the last comma report something done on a day named and read as a log entry on their
 * own, and the last one reads as a question (委员因病不能出席会议，应当怎么请假？ is one question).
 */
export async function toldBeforeQuestion(text: string, reader: MessageReader, today: IsoDate): Promise<ToldBeforeQuestion | undefined> {
  const t = text.trim();
  if (!/[？?]$/.test(t) || /[。！!；;？?\n]/.test(t.replace(/[？?]+$/, ''))) return undefined;
  const cut = Math.max(t.lastIndexOf('，'), t.lastIndexOf(','));
  if (cut < 2) return undefined;
  const [told, question] = [t.slice(0, cut), t.slice(cut + 1).trim()];
  // Something done on a day named (今天视察了河道), not a case (委员因病不能出席会议，应当怎么请假？).
  if (!TOLD_DONE.test(told) || !TOLD_DAY.test(told)) return undefined;
  const reading = await reader.read(told, today);
  const asked = await reader.read(question, today);
  if (reading.intent !== 'log' || !QUESTION.has(asked.intent)) return undefined;
  return { activities: reading.activities, told, question, onRules: asked.intent === 'ask' };
}

/**
 * The question answered, then the activity told before it offered to be logged (its choices the
 * reply's); when the answer itself asks back, the activity is named for the person to send again.
 */
export async function answerThenOffer(told: ToldBeforeQuestion, each: EachPart & { offer(): Promise<Reply> }): Promise<Reply> {
  const answered = await each.answer(told.question);
  if (await each.waiting()) return { ...answered, text: `${answered.text}\n\n${each.askAgain(told.told)}` };
  const offer = await each.offer();
  return { ...answered, text: `${answered.text}\n\n${offer.text}`, choices: offer.choices };
}

/** A message cut after each question mark (？ or ?), what follows the last one kept as the last part. */
export function questionClauses(text: string): string[] {
  const parts = [...text.matchAll(/[^？?]+[？?]+/g)].map((m) => m[0].trim());
  const rest = text.replace(/[^？?]+[？?]+/g, '').trim();
  return rest ? [...parts, rest] : parts;
}

/** How the parts of one message are answered in turn. */
export interface EachPart {
  /** The reply to one part, as if it were a message of its own. */
  answer(part: string): Promise<Reply>;
  /** Whether the part just answered asked back and waits for the person's answer. */
  waiting(): Promise<boolean>;
  /** The note naming the parts left unanswered, for the person to send again. */
  askAgain(rest: string): string;
}

/**
 * Answer the parts one after another (each one's context is the answer before it), as one reply.
 * A part that asks back ends the turn: what follows would be read as the answer to it, so the rest
 * is named for the person to send again once they have answered.
 */
export async function answerEach(parts: readonly string[], each: EachPart): Promise<Reply> {
  const replies: Reply[] = [];
  for (const [i, part] of parts.entries()) {
    replies.push(await each.answer(part));
    if (i < parts.length - 1 && (await each.waiting())) {
      replies.push({ text: each.askAgain(parts.slice(i + 1).join('')) });
      break;
    }
  }
  const files = replies.flatMap((r) => r.files ?? []);
  const choices = replies.find((r) => r.choices?.length)?.choices;
  return { text: replies.map((r) => r.text).join('\n\n'), ...(files.length > 0 ? { files } : {}), ...(choices ? { choices } : {}) };
}
