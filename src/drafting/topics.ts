import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { DraftForm, DraftItem } from './types.ts';

/** A drafting topic: the words that name it and the kinds each item of the draft counts. */
export interface Topic {
  readonly id: string;
  readonly label: string;
  readonly words: readonly string[];
  readonly groups: ReadonlyArray<readonly string[]>;
}

/** An occasion (座谈会发言, 汇报, 总结) and the topics a request naming only it draws on. */
export interface Occasion {
  readonly words: readonly string[];
  readonly topics: readonly string[];
}

/** The editable mapping from a request's words to topics and occasions. */
export interface TopicBook {
  readonly topics: readonly Topic[];
  readonly occasions: readonly Occasion[];
}

const schema = z.object({
  topics: z.array(z.object({
    id: z.string().min(1),
    label: z.string().min(1),
    words: z.array(z.string().min(1)),
    groups: z.array(z.array(z.string().min(1)).min(1)).min(1),
  })).min(1),
  occasions: z.array(z.object({
    words: z.array(z.string().min(1)).min(1),
    topics: z.array(z.string().min(1)).min(1),
  })).default([]),
});

/** The editable topic mapping shipped with Lüzhi. */
export const TOPICS_FILE = new URL('./topics.json', import.meta.url);

/** Read the topic mapping; an occasion naming an unknown topic is an error in the file. */
export function loadTopics(file: string | URL = TOPICS_FILE): TopicBook {
  const book = schema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const ids = new Set(book.topics.map((t) => t.id));
  const unknown = book.occasions.flatMap((o) => o.topics).find((id) => !ids.has(id));
  if (unknown) throw new Error(`topics.json: occasion names unknown topic ${unknown}`);
  return book;
}

/**
 * Every topic a request names, in the order named: words are matched leftmost-longest
 * without overlap (代表培训 is one topic, not 代表… and 培训), and a topic named twice counts once.
 */
export function findTopics(request: string, book: TopicBook): Topic[] {
  const words = book.topics.flatMap((topic) => topic.words.map((word) => ({ word, topic })))
    .sort((a, b) => b.word.length - a.word.length);
  const found: Topic[] = [];
  for (let at = 0; at < request.length;) {
    const hit = words.find((w) => request.startsWith(w.word, at));
    if (!hit) {
      at++;
      continue;
    }
    if (!found.includes(hit.topic)) found.push(hit.topic);
    at += hit.word.length;
  }
  return found;
}

/**
 * The topic a subject read from a request misspells by one character (代表工做 → 代表工作, 监督工做 → 监督工作),
 * with the word it was read as; undefined for a subject of three characters or fewer's own, or none near.
 * Two-character subjects are never read as a slip (信访 is no 走访).
 */
export function slipOfTopic(subject: string, book: TopicBook): { topic: Topic; word: string } | undefined {
  if (subject.length < 3) return undefined;
  const near = (word: string) => word.length === subject.length && [...word].filter((c, i) => c !== subject[i]).length === 1;
  for (const topic of book.topics) {
    const word = [...topic.words, topic.label].find(near);
    if (word) return { topic, word };
  }
  return undefined;
}

/** The topics of the first occasion the request names (座谈会上的发言 → overall), or none. */
export function occasionTopics(request: string, book: TopicBook): Topic[] {
  const occasion = book.occasions.find((o) => o.words.some((w) => request.includes(w)));
  return occasion ? occasion.topics.map((id) => book.topics.find((t) => t.id === id)!) : [];
}

/** The form a request asks for: a paragraph to read aloud, or a report section. */
export function findForm(request: string): DraftForm {
  return /发言|讲话|致辞|演讲/.test(request) ? 'speech' : 'section';
}

/** Where a speech is given: 在代表座谈会上的发言, 在常委会会议上关于监督工作的讲话. */
const VENUE = /在([^，,。；;]{2,24}?)上(?=的?(?:交流|表态|汇报)?(?:发言|讲话|致辞)|讲|关于|有关|就|围绕|对|作|做)/;
/** Who gives it, right before where (主任在…): the speaker, not the subject. */
const SPEAKER = /(?:副主任|主任委员|主任|秘书长|书记|领导|同志)(?=在)/g;

/** The occasion a speech is for, as its title names it: 在代表座谈会上的发言 → 代表座谈会. */
export function findVenue(request: string): string | undefined {
  // 在代表座谈会上的发言, or the meeting it is written for: 为全市人大工作交流会写一段发言.
  const match = VENUE.exec(request) ?? FOR_MEETING.exec(request);
  // …上的讲话, or 写成讲话稿，在…上讲: the speech given there.
  const spoken = match && (/发言|讲话|致辞/.test(request.slice(match.index)) || request.startsWith('讲', match.index + match[0].length));
  return match && spoken ? match[1] : undefined;
}

/** The head of the standing committee as the one who speaks (帮主任写…讲话, 主任在推进会上讲话), not 主任会议 as a venue. */
const HEAD_SPEAKS = /(?:帮|为|替|给)\s*(?:常委会|人大)?\s*主任(?!会议|委员)|(?<!副)主任(?!会议|委员)\s*(?:在|的)/;

/**
 * The salutation for a speech the 主任 gives: no 尊敬的各位主任 addressing himself (同志们：); any
 * other unchanged. Undefined stays undefined (the template's own).
 */
export function salutationFor(salutation: string | undefined, request: string): string | undefined {
  if (!salutation || !HEAD_SPEAKS.test(request) || speechWord(request) !== '讲话') return salutation;
  const rest = salutation.replace(/尊敬的各位主任[、，,]?/, '');
  return rest.length > 1 ? rest : '同志们：';
}

/** The kind of speech a request names, for its title: 讲话 or 致辞 when it says so, else 发言. */
export function speechWord(request: string): '讲话' | '致辞' | '发言' {
  return /发言/.test(request) ? '发言' : /讲话/.test(request) ? '讲话' : /致辞/.test(request) ? '致辞' : '发言';
}

/**
 * The meeting a draft is written for (为全市人大工作交流会写…, 为主任会议准备…, 为第十一次会议闭幕写…): an occasion,
 * like 在…上, not the work to report on.
 */
const FOR_MEETING = /为([^，,。；;为]{2,20}?(?:会议|会|班|论坛)(?:(?:开幕|闭幕|开班|结业)式)?)(?:开幕|闭幕|开班|结业)?(?=准备|写|起草|撰写|草拟|拟|作|做|提供)/;

/**
 * What a draft is for, not about (起草上半年调研工作情况，用于常委会工作报告): 用于/用在/用作 and
 * the words up to the clause's end; 供 only opening a clause (，供常委会会议参考), as 供水 is a topic.
 */
const PURPOSE = /(?:用于|用在|用作|(?<=^|[，,；;：:]\s*)供)[^，,。；;]{2,24}/g;

/**
 * The request without where, for which meeting and by whom a speech is given (主任在常委会会议上关于监督工作的讲话 →
 * 关于监督工作的讲话) and what the draft is for (，用于常委会工作报告): the 常委会会议 it is given
 * at and the report it goes into are not topics to count, the 主任 no subject.
 */
export function withoutOccasion(request: string): string {
  return withoutPurpose(request.replace(VENUE, ' ').replace(FOR_MEETING, ' ').replace(SPEAKER, ' '));
}

/**
 * The request without what the draft is for (，用于主任会议): the meeting a paper goes to is never
 * what it is about, even when no other topic is named (the venue of a speech may be: 在代表培训班上).
 */
export function withoutPurpose(request: string): string {
  return request.replace(PURPOSE, ' ');
}

/**
 * The items of a draft: the topics' groups in order, a group whose kinds an earlier
 * group already counts left out (监督工作 and 视察 name inspections once).
 */
export function itemsOf(topics: readonly Topic[]): Array<{ readonly topic: Topic; readonly kinds: readonly string[] }> {
  const counted = new Set<string>();
  const items: Array<{ topic: Topic; kinds: readonly string[] }> = [];
  for (const topic of topics) {
    for (const kinds of topic.groups) {
      if (kinds.every((k) => counted.has(k))) continue;
      const fresh = kinds.filter((k) => !counted.has(k));
      fresh.forEach((k) => counted.add(k));
      items.push({ topic, kinds: fresh });
    }
  }
  return items;
}

/** Whether every kind of `part` is among `whole`'s kinds. */
const covers = (whole: Topic, part: Topic): boolean => {
  const kinds = new Set(whole.groups.flat());
  return part.groups.flat().every((k) => kinds.has(k));
};

/**
 * The topics without those another named topic wholly covers (自身建设、学习方面 → 自身建设;
 * 代表工作和代表培训 → 代表工作): their activities are the larger topic's items already, drafted
 * once. Of two topics covering the same kinds, the first named stays.
 */
export function withoutCovered(topics: readonly Topic[]): Topic[] {
  return topics.filter((topic, i) =>
    !topics.some((other, j) => j !== i && covers(other, topic) && (!covers(topic, other) || j < i)));
}

/**
 * The named topics with no activity at all in the period: none of their kinds was counted by
 * any item of the draft, whichever topic's item counted it (常委会工作和自身建设: the 党组会议
 * counted under 常委会工作 are 自身建设's too, so it is not declared empty).
 */
export function emptyTopics(topics: readonly Topic[], items: readonly DraftItem[]): Topic[] {
  const counted = new Set<string>();
  for (const item of items) {
    for (const fact of item.parts.length > 0 ? item.parts : [item.fact]) {
      if (fact.count > 0) fact.kinds.forEach((k) => counted.add(k));
    }
  }
  return topics.filter((topic) => !topic.groups.flat().some((k) => counted.has(k)));
}
