/**
 * Several questions on the rules in one message (全国人代会多久开一次？谁来召集？): each is searched,
 * decided (found or not) and cited on its own, under its own number, so a question the documents
 * do not answer is said to be unanswered instead of being lost in one mixed reply. A question with
 * no subject of its own (谁来召集？ 有没有例外？) is searched with the subject of the one before it,
 * and shown restated (谁来召集全国人代会？) so the person sees what was looked up.
 */
import type { IsoDate } from '../time/index.ts';
import type { MessageReader } from '../reader/index.ts';
import type { Answer } from '../knowledge/index.ts';
import { messages as m } from './messages.ts';
import { renderAnswer } from './render.ts';
import { questionClauses } from './several-questions.ts';
import type { Reply, ReplySink } from './types.ts';

/** At most this many questions of one message are answered one by one; more are asked as one, as before. */
const MOST = 4;

// A clause that asks: a question word or particle, or an A-not-A form (能不能, 有没有, 行不行).
// A clause that does not (如果联名人数不够？) is a condition of the question after it.
const ASKS = /[吗呢]|谁|什么|哪|怎|如何|何时|为何|多少|多久|多长|多大|几|是否|可否|能否|(.)[不没]\1/;
// Where a question's own asking starts (全国人代会|多久开一次): the words before it are its subject.
const QUESTION_WORD = /多少[人名位票次件个天年]?|多久|多长(?:时间)?|多大|几[个次天人名位年]?|什么|谁|哪[些个里儿位种一]?|怎[么样]?|如何|何时|为何|是否|可否|能否|(.)[不没]\1|[吗呢]/;
// Words left hanging before the question word (…组成人员|最多能有|多少人, …决议|需要|多少票).
const HANGING = /(?:需要|应当|应该|必须|能够|可以|最多|最少|最晚|最迟|最早|至少|一般|通常|大概|大约|[要能得由在是有的都还，,、\s])+$/;
// A count the question asks for (开|一次), not part of its subject.
const MEASURED = /[一二三四五六七八九十两\d]+[次个名位票件项天日年月]/g;
// Words that belong to the asking, left at the start of what follows it (多长时间|内要|答复).
const ASKING_TAIL = /^(?:以内|之内|内|以前|之前|前|以后|后|需要|应当|可以|[要能会得])+/;
// A last clause naming a time (…特别国债，第一年发多少) is part of the asking, not of the subject.
const TIMED = /[一二三四五六七八九十\d]|今年|当年|明年|去年/;
// A question with no subject of its own starts with a question word, a pronoun or a modal verb.
const LEANS = /^(?:那么?|它们?|其|这|该|此|谁|由谁|何时|什么时候|哪|怎|如何|为什么|为何|是|还|也|有没有|有无|能不能|能否|可不可以|可以|可否|要不要|需不需要|需要|要|多久|多长|多少|几|具体|一般|通常|用在|用于)/;
// 其中哪些…, 这个规定…: it points back to the question before, however long it is.
const POINTS_BACK = /^(?:它们?|其中?|这|该|此)/;
// 谁来召集, 哪些人可以参加: the subject carried over is what the asking verb acts on, so it goes after.
const ASKS_FOR_ACTOR = /^(?:由谁|谁|哪个|哪些|哪一?级)/;
const FOLLOW_WORD = /^(?:那么|那|另外|还有)/;
// 那县级呢？ 区里呢？: the same question asked of another level of congress or government.
const OTHER_LEVEL = /^(?:那么?|还有|另外)?(全国|省|市|县|区|乡|镇)(级?)(?:里|一级|的)?(?:人大|呢)*[？?]*$/;
const LEVEL_NAMED = /(全国|省|市|县|区|乡|镇)级?(?=人大|人民代表大会|人代会|常委会|常务委员会|人民政府|政府)/;

/** The characters that count for a question's length (no punctuation or spaces). */
const letters = (text: string): number => text.replace(/[\s\p{P}]/gu, '').length;

/**
 * The subject of a question, carried into one that leans on it: the words before the asking
 * (全国人代会 of 全国人代会多久开一次), with what it asks about after it (新规定 管以前发生的事);
 * a short last clause naming a time (…特别国债，第一年发多少) is part of the asking, not of the subject.
 */
export function subjectOf(question: string): { topic: string; content: string } {
  const text = question.replace(/[？?]+$/, '').trim();
  const found = QUESTION_WORD.exec(text);
  const head = (found ? text.slice(0, found.index) : text).replace(HANGING, '');
  const clauses = head.split(/[，,]/);
  const last = clauses.at(-1)!;
  const topic = clauses.length > 1 && letters(last) <= 4 && TIMED.test(last) ? clauses.slice(0, -1).join('，').replace(HANGING, '') : head;
  const after = found ? text.slice(found.index + found[0].length).replace(MEASURED, '').replace(/[，,。\s]+/g, '').replace(ASKING_TAIL, '') : '';
  return { topic, content: letters(after) >= 2 ? `${topic}${after}` : topic };
}

/** A question that leans on the one before: a few characters, one pointing back (其中…), or a short one with no subject of its own. */
export function leansOnEarlier(question: string): boolean {
  const n = letters(question);
  return n <= 5 || POINTS_BACK.test(question.trim()) || (n <= 10 && LEANS.test(question.trim()));
}

/**
 * A leaning question restated with the subject it leans on (谁来召集全国人代会？ 新规定管以前发生的事，有没有例外？),
 * or, when it names another level (那县级呢？), the question before asked of that level.
 */
export function restated(question: string, earlier: string): string {
  const level = OTHER_LEVEL.exec(question.trim());
  if (level && LEVEL_NAMED.test(earlier)) return earlier.replace(LEVEL_NAMED, level[1] + level[2]);
  const other = askedOfOther(question, earlier);
  if (other) return other;
  const own = question.trim().replace(FOLLOW_WORD, '');
  const { topic, content } = subjectOf(earlier);
  if (!topic) return own;
  if (ASKS_FOR_ACTOR.test(own)) return own.replace(/([？?]*)$/, `${topic}$1`);
  return `${content}，${own}`;
}

/** 那主任会议呢？: another thing of the same sort as the earlier question's subject (…会议, …报告). */
const OTHER_THING = /^(?:那么?|还有|另外)?\s*([\u4e00-\u9fff]{2,8}?)\s*呢\s*[？?]*$/;

/**
 * The earlier question asked of another thing of its subject's sort (主任会议呢 after
 * 常委会会议多久开一次 → 主任会议多久开一次), when the two end alike (…会议); else undefined.
 */
export function askedOfOther(question: string, earlier: string): string | undefined {
  const other = OTHER_THING.exec(question.trim())?.[1];
  const { topic } = subjectOf(earlier);
  if (!other || !topic || topic === other || letters(topic) < 3 || !topic.endsWith(other.slice(-2))) return undefined;
  return earlier.replace(topic, other);
}

/**
 * The questions of a message asking two to four, each as it is to be searched (a leaning one
 * restated); undefined when it asks one (a condition clause and its question are one), more than
 * four, or any of them is not a knowledge question (a count among them: the message goes as before).
 */
export async function ruleQuestions(text: string, reader: MessageReader, today: IsoDate): Promise<string[] | undefined> {
  const clauses = questionClauses(text);
  // A clause asking nothing goes with the question after it (or, last, with the one before).
  const parts: string[] = [];
  let pending = '';
  for (const clause of clauses) {
    if (ASKS.test(clause)) {
      parts.push(pending + clause);
      pending = '';
    } else pending += clause;
  }
  if (pending && parts.length > 0) parts[parts.length - 1] += pending;
  if (parts.length < 2 || parts.length > MOST) return undefined;
  const asked: string[] = [];
  let anchor = parts[0];
  for (const [i, part] of parts.entries()) {
    const leans = i > 0 && leansOnEarlier(part);
    // One leaning on a knowledge question is one too: it costs no reading (a model call, with a model reader).
    if (!leans && (await reader.read(part, today)).intent !== 'ask') return undefined;
    asked.push(leans ? restated(part, anchor) : part);
    if (!leans) anchor = part;
  }
  return asked;
}

/** Ask the documents one question, the answer's text shown as it grows (`onPartial`) when a channel can. */
export type AskDocuments = (question: string, onPartial?: (textSoFar: string) => void) => Promise<Answer>;

/**
 * The answers to the questions, each with its own sources (or its own 没有找到), in one reply:
 * numbered with the question as searched when there are several; streamed to `sink` when given.
 */
export async function answerQuestions(questions: readonly string[], ask: AskDocuments, sink?: ReplySink): Promise<Reply> {
  const blocks: string[] = [];
  let streamed = false;
  for (const [i, question] of questions.entries()) {
    const header = questions.length > 1 ? `${m.questionHeader(i + 1, question)}\n` : '';
    const before = blocks.map((b) => `${b}\n\n`).join('') + header;
    const onPartial = sink
      ? (t: string) => {
        streamed = true;
        // A channel failing to show a partial text must not fail the answer.
        void sink.partial(before + t).catch(() => undefined);
      }
      : undefined;
    blocks.push(header + renderAnswer(await ask(question, onPartial)));
  }
  const text = blocks.join('\n\n');
  return streamed ? { text, streamed } : { text };
}
