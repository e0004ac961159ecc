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
    // Words that mark a part of a topic (视察里安全生产那块, 调研当中生态环保那部分), not the part itself.
    '那一块|这一块|那块|这块|那部分|这部分|部分|当中|其中|写写|概括|一点',
  ].join('|'),
  'g',
);

/** Qualifiers of the whole office's work (重点工作, 主要工作情况): the occasion's report, not a subject. */
export const GENERAL = /^(?:重点|主要|全面|整体|总体|日常|各项|有关|相关|近期|阶段性?|年度|本职|重要|常规|中心|具体|基本|其他|其它|业务|履职|全部|所有|一些)$/;
/** The words of a request left once its period, topics and asking words are taken out. */
export function leftover(request: string, periodWords: string | undefined, topics: readonly Topic[]): string[] {
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
 * Words of the office's whole work, as themes rather than a line of work (落实区委决策部署,
 * 全过程人民民主实践, 依法履职, 亮点工作): a run made only of them is the occasion's report.
 */
export const THEME = /依法|履职|尽责|重点|主要|全面|整体|总体|日常|各项|有关|相关|近期|阶段性?|本职|重要|常规|中心|具体|基本|其他|其它|业务|全部|所有|一些|进展|开展|亮点|特色|创新|经验|做法|成效|成绩|落实|推进|半年|全年|区委|决策部署|部署|服务|大局|高质量|发展|实践|全过程|人民民主|民主|典型|突出|扎实|有效|任务|目标|工作|情况/gu;

/** Words of plan, style and occasion: left over from a request, yet no subject the log could name. */
const NOT_A_MATTER = /计划|打算|思路|要点|规划|下半年|下一步|明年|今后|成效|成绩|经验|做法|亮点|特色|交流|发言|讲话|小结|总结|述职|简要|简洁|简短|详细|一些|一点|即可|就行|语言|文字|格式|口吻|语气|风格|文风|精练|精炼|朴实|生动|规范|正式|参考|参照|写法|模板|范文|篇幅|字数/g;

/**
 * Whether a title names a subject: holds it, or, for one of four or more characters, holds it
 * as the office shortens it — its first two characters together, the rest in order close after
 * (生态环保 in 调研生态环境和资源保护工作, 食品安全 in 视察食品药品安全).
 */
export function namesSubject(title: string, subject: string): boolean {
  if (title.includes(subject)) return true;
  if (subject.length < 4) return false;
  for (let at = title.indexOf(subject.slice(0, 2)); at >= 0; at = title.indexOf(subject.slice(0, 2), at + 1)) {
    let i = at + 2;
    for (const c of subject.slice(2)) {
      i = title.indexOf(c, i);
      if (i < 0) break;
      i++;
    }
    if (i > 0 && i - at <= subject.length * 2.5) return true;
  }
  return false;
}

/**
 * The part of a subject the titles name: the whole, else its longest run of four or more
 * characters some title holds (安全生产领域 → 安全生产, 生态环境保护 → 生态环境); undefined when none.
 */
export function namedPart(subject: string, titles: readonly string[]): string | undefined {
  if (titles.some((t) => namesSubject(t, subject))) return subject;
  for (let n = subject.length - 1; n >= 4; n--) {
    for (let at = 0; at + n <= subject.length; at++) {
      const part = subject.slice(at, at + n);
      if (titles.some((t) => t.includes(part))) return part;
    }
  }
  return undefined;
}

/**
 * The subject a request names that only some of the counted entries are about, or none of
 * them (近一个月公益诉讼方面的监督 when no 公益诉讼 entry falls in the month): the draft counts
 * the whole kinds either way, and says so. A short word no entry names is left alone (it may be
 * a word of style); one of four or more characters is a matter, and its absence is said.
 * One every entry names needs no note.
 */
export function namedSubject(request: string, periodWords: string | undefined, topics: readonly Topic[], facts: readonly Fact[]): NamedSubject | undefined {
  const titles = facts.flatMap((f) => f.titles);
  const counted = facts.reduce((sum, f) => sum + f.count, 0);
  const complete = titles.length >= counted;
  const words = leftover(request, periodWords, topics);
  for (const word of words) {
    const subject = namedPart(word, titles);
    if (!subject) continue;
    const matching = titles.filter((t) => namesSubject(t, subject));
    if (matching.length < counted) return { subject, counted, matching, complete };
  }
  // Nothing counted: the draft already says none is logged. Titles not all read: absence unknown.
  if (counted === 0 || !complete) return undefined;
  const matter = (w: string) => w.replace(NOT_A_MATTER, '');
  // Only the clause that names the work (近一个月公益诉讼和司法监督方面的情况), not one that
  // asks for a manner (，语言精练一些; ，参考去年的写法).
  const clauses = request.split(/[，,；;。！!？?]/);
  const main = clauses.filter((c) => topics.some((t) => t.words.some((w) => c.includes(w))));
  const asked = leftover((main.length > 0 ? main : clauses.slice(0, 1)).join('，'), periodWords, topics);
  // 依法履职, 落实区委决策部署: the office's whole work in other words, no matter of its own.
  const absent = asked.find((w) => matter(w).length >= 4 && matter(w).replace(THEME, '').length >= 2 && !namedPart(w, titles));
  return absent ? { subject: matter(absent), counted, matching: [], complete } : undefined;
}
