/**
 * A request about work no drafting topic names (立法工作, 信访工作, 新闻宣传方面): the
 * occasion's whole-office topics would fill the draft with other work, read as if it were
 * that work. Instead the draft is about the subject alone: the log's entries naming it,
 * without figures (the log counts kinds, not subjects), or a plain sentence that none is logged.
 */
import type { Activity, ActivityQuery, Paged, PageRequest } from '../log/index.ts';
import type { IsoDate } from '../time/index.ts';
import { sanitizeTitle } from './matters.ts';
import { fillTemplate, type DraftTemplates } from './template-file.ts';
import { speechClosing } from './template-drafter.ts';
import { GENERAL, THEME, namesSubject } from './subject-note.ts';
import type { DraftDocument, DraftForm, ParagraphStyle } from './types.ts';

/** How long the draft should be (300字左右, 一段就行): a wish about form, never a subject. */
const LENGTH_WISH = /[0-9０-９一二三四五六七八九十百千两]+\s*字(?:左右|以内|以下|以上|上下)?|(?:一|两|二|三|两三|二三|三四)(?:个)?段(?:落|话)?(?:即可|就行|就好|就可以)?|简要|简短|简洁|详细|即可|就行/g;
/**
 * A run of Chinese up to what a named subject is followed by: 信访工作, 宣传方面, 立法情况, or
 * 的 and the form asked for (信访接待的总结, 关于新闻宣传的汇报).
 */
const SUBJECT_RUN = /([\u4e00-\u9fff]+?)(?:(?:的)?(?:工作|方面|领域|情况)|的(?:总结|小结|汇报|材料|发言|讲话|报告|简报|稿子|情况))/gu;
/** Asking, form and organ words that open the run before a subject (帮我写一份区人大信访…). */
const OPENING = /^(?:请|麻烦|帮我|帮忙|给我|替我|写|起草|草拟|拟写|撰写|拟|生成|整理|准备|一下|一段|一篇|一份|一个|个|篇|份|段|关于|有关|围绕|就|对|区人大常委会|人大常委会|常委会|区人大|人大|我们|咱们|我区|全区|本区|今年|年度|本年度)+/u;

/**
 * The subject a request names as its work (立法工作 → 立法, 新闻宣传方面 → 新闻宣传) once its
 * period and length wishes are taken out; undefined when it names none (写一份上半年的工作汇报)
 * or only the office's whole work in other words (落实区委决策部署情况).
 */
export function unlistedSubject(request: string, periodWords: string | undefined, occasionWords: readonly string[] = []): string | undefined {
  const rest = (periodWords ? request.replace(periodWords, ' ') : request).replace(LENGTH_WISH, ' ');
  for (const [, run] of rest.matchAll(SUBJECT_RUN)) {
    // 信访接待和来信来访办理: two subjects joined; the first names the work.
    const subject = run.replace(OPENING, '').replace(/^的/, '').split(/以及|和|及|与/)[0];
    if (subject.length < 2 || subject.length > 8 || GENERAL.test(subject)) continue;
    // Where a speech is given (座谈会上的发言) is an occasion, not work to report on.
    if (/[上中里]$/.test(subject) || occasionWords.some((w) => subject.includes(w))) continue;
    if (subject.replace(THEME, '').length >= 2) return subject;
  }
  return undefined;
}

/** The subject as a draft's topic: 信访 → 信访工作; 新闻宣传工作 stays. */
export function subjectLabel(subject: string): string {
  return /工作$/.test(subject) ? subject : `${subject}工作`;
}

/** The part of the log the subject is looked for in. */
export interface EntrySource {
  page(filter: ActivityQuery, page: PageRequest): Promise<Paged<Activity>>;
}

const PAGE = 200;
const MOST = 2_000;

/** The period's entries whose titles name the subject, in date order. */
export async function entriesNaming(log: EntrySource, subject: string, from: IsoDate, to: IsoDate): Promise<Activity[]> {
  const found: Activity[] = [];
  for (let offset = 0; offset < MOST; offset += PAGE) {
    const page = await log.page({ from, to }, { offset, limit: PAGE });
    found.push(...page.items.filter((a) => namesSubject(a.title, subject)));
    if (page.items.length < PAGE) break;
  }
  return found;
}

/** An entry as the draft names it: 听取审议 before a report, the title otherwise; no figure of its own. */
function deed(entry: Activity): string | undefined {
  const title = sanitizeTitle(entry.title);
  if (!title) return undefined;
  return entry.kind === 'report_review' && !/^(?:听取|审议)/.test(title) ? `听取审议${title}` : title;
}

/** A day as a draft names it: 2023-02-09 → 2月9日. */
const dayOf = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/**
 * Each deed once, after the days it was done (2月10日、4月14日、6月9日学习党的二十大精神): a repeat is
 * told by its days, never by a count the log's kinds do not give.
 */
function datedDeeds(entries: readonly Activity[]): string[] {
  const days = new Map<string, string[]>();
  for (const entry of entries) {
    const name = deed(entry);
    if (name) days.set(name, [...(days.get(name) ?? []), dayOf(entry.date)]);
  }
  return [...days].map(([name, on]) => `${[...new Set(on)].join('、')}${name}`);
}

/** The draft about an unlisted subject: its entries named one by one, or the plain sentence that none is logged. */
export function subjectDocument(templates: DraftTemplates, input: {
  readonly title: string; readonly period: string; readonly organ: string; readonly form: DraftForm;
  readonly subject: string; readonly entries: readonly Activity[];
  /** The office's own salutation and closing, for a speech. */
  readonly salutation?: string; readonly closing?: string;
  /** The kind of speech (讲话 closes otherwise than a 发言). */
  readonly speech?: '讲话' | '致辞' | '发言';
}): DraftDocument {
  const common = { 时段: input.period, 机关: input.organ, 题目: subjectLabel(input.subject), 主题: input.subject };
  const deeds = datedDeeds(input.entries);
  const paragraphs: Array<{ style: ParagraphStyle; text: string }> = [];
  if (deeds.length === 0) {
    paragraphs.push({ style: 'body', text: fillTemplate(templates.get('无活动', '*') ?? '', common) });
  } else if (input.form === 'speech') {
    paragraphs.push({ style: 'salutation', text: input.salutation ?? fillTemplate(templates.get('发言称呼', '*') ?? '', common) });
    paragraphs.push({ style: 'body', text: fillTemplate(templates.get('主题事项', '*') ?? '', { ...common, 事项: deeds.join('；') }) });
    paragraphs.push({ style: 'body', text: input.closing ?? fillTemplate(speechClosing(templates, input.speech), common) });
  } else {
    paragraphs.push({ style: 'body', text: fillTemplate(templates.get('主题事项', '*') ?? '', { ...common, 事项: deeds.join('；') }) });
    paragraphs.push({ style: 'body', text: fillTemplate(templates.get('结尾', '*') ?? '', common) });
  }
  return { title: input.title, paragraphs };
}
