/**
 * A draft's figures count whole kinds (`stats`, CONTRACTS.md), never a subject inside them. When a
 * request names one (写一段上半年视察食品安全工作的汇报) and only some of the period's entries are
 * about it, the draft says so beside the text — how many of the counted entries name it and which —
 * so a figure for all inspections is never read as a figure for food-safety inspections.
 */
import type { Fact } from './types.ts';
import type { Topic } from './topics.ts';

/** Asking, writing and form words, and the office's own names: never the subject of a request. */
export const NOT_SUBJECT = new RegExp(
  [
    '请|麻烦|帮我|帮忙|给我|替我|写|起草|草拟|拟写|撰写|拟|生成|整理|准备|做|出|一下',
    '一段|一篇|一份|一个|段|篇|份|个|关于|有关|围绕|就|对|的|和|与|及|、',
    '汇报材料|汇报|材料|发言稿|发言|讲话稿|讲话|致辞|稿子|稿|总结|简报|报告|通报|情况|工作|方面|内容|开展|组织',
    '区人大常委会|人大常委会|常委会|人大|区|我们|咱们|在|上|中|里',
  ].join('|'),
  'g',
);

/** Qualifiers of the whole office's work (重点工作, 主要工作情况): the occasion's report, not a subject. */
export const GENERAL = /^(?:重点|主要|全面|整体|总体|日常|各项|有关|相关|近期|阶段性?|年度|本职|重要|常规|中心|具体|基本|其他|其它|业务|履职|全部|所有|一些)$/;
/** The words of a request left once its period, topics and asking words are taken out. */
function leftover(request: string, periodWords: string | undefined, topics: readonly Topic[]): string[] {
  let rest = periodWords ? request.replace(periodWords, ' ') : request;
  const topicWords = topics.flatMap((t) => t.words).sort((a, b) => b.length - a.length);
  for (const word of topicWords) rest = rest.split(word).join(' ');
  return rest.replace(/[\s\p{P}]+/gu, ' ').replace(NOT_SUBJECT, ' ').split(/\s+/).filter((w) => /^[\u4e00-\u9fff]{2,12}$/.test(w) && !GENERAL.test(w));
}

/** What a draft's request names besides its period and topics, with the counted entries naming it. */
export interface NamedSubject {
  readonly subject: string;
  /** How many entries were counted in all, and the titles of those naming the subject. */
  readonly counted: number;
  readonly matching: readonly string[];
  /** Whether every counted entry's title was read (a fact carries the first titles only). */
  readonly complete: boolean;
}

/**
 * The subject a request names that only some of the counted entries are about, or undefined.
 * A word no entry names is left alone (it may be a word of style); one every entry names needs no note.
 */
export function namedSubject(request: string, periodWords: string | undefined, topics: readonly Topic[], facts: readonly Fact[]): NamedSubject | undefined {
  const titles = facts.flatMap((f) => f.titles);
  const counted = facts.reduce((sum, f) => sum + f.count, 0);
  for (const subject of leftover(request, periodWords, topics)) {
    const matching = titles.filter((t) => t.includes(subject));
    if (matching.length > 0 && matching.length < counted) return { subject, counted, matching, complete: titles.length >= counted };
  }
  return undefined;
}

