/** The pieces of a draft around its items: the basis shown beside it, its advice, and how its request is read (a plan, a period begun). */
import { describePeriod, type IsoDate } from '../time/index.ts';
import type { Taxonomy } from '../reader/index.ts';
import { messages } from './messages.ts';
import { documentText } from './template-drafter.ts';
import type { Draft, DraftDocument, Fact } from './types.ts';

/** The facts a draft rests on, in lines a person reads (shown beside the draft). */
export function describeBasis(draft: Pick<Draft, 'mode' | 'from' | 'to' | 'facts'> & Partial<Pick<Draft, 'empty' | 'sources'>>, taxonomy?: Taxonomy): string {
  // One figure per kind: a group's total is the sum of its kinds, shown once through them.
  const seen = new Set<string>();
  const facts = draft.facts.filter((f) => f.kinds.length === 1 && !seen.has(f.kinds[0]) && seen.add(f.kinds[0]))
    .map((f) => ({ label: taxonomy?.label(f.kinds[0]) ?? f.kinds[0], count: f.count }));
  const lines = [messages.basis(draft.mode === 'llm', draft.from, draft.to, facts)];
  if (draft.empty?.length) lines.push(messages.basisEmpty(draft.empty.join('、')));
  const titles = [...new Set((draft.sources ?? []).map((s) => `《${s.title}》`))];
  if (titles.length) lines.push(messages.basisStyle(titles.join('、')));
  return lines.join('\n');
}

/** A part of the topics a request names (视察里安全生产那块): the topics' label, kinds and facts, and how many entries they count. */
export interface TopicPart {
  readonly label: string;
  readonly kinds: readonly string[];
  readonly facts: readonly Fact[];
  readonly counted: number;
}

/** The draft's text and, when the log held nothing to draft, what to do: shown after the draft in chat, never in its Word file. */
export function withAdvice(document: DraftDocument, nothing: boolean): { text: string; advice?: string } {
  const text = documentText(document);
  return nothing ? { text: `${text}\n${messages.nothingLogged}`, advice: messages.nothingLogged } : { text };
}

/** A request for a plan (下半年工作计划, 明年工作打算, 工作要点), not an account of what was done. */
export const PLAN = /(?:计划|打算|思路|要点|规划)\s*(?:的)?\s*(?:稿子|材料|初稿|草稿|部分)?\s*[。！!]?\s*$/;

/** 要点 or 提纲 of a period already begun or over (列出上半年监督工作的要点 on 7月5日): the work done, in points; no plan. */
export function pointsOfWorkDone(asked: string, to: IsoDate | null | undefined, now: IsoDate): boolean {
  return !!to && to <= now && /要点|提纲/.test(asked) && !/计划|打算|思路|规划/.test(asked);
}

/** What joins the work done to a plan: 和, 、, a comma, or 后面加上 (监督工作总结，后面加上下半年打算). */
const PLAN_JOIN = String.raw`(?:和|及|以及|与|、|并|[，,]?\s*(?:后面|最后|末尾|结尾|文末|另外)?\s*(?:再|并)?(?:加上|附上|补上|写上|带上|加)|[，,])`;
/** A request for what was done and for a plan (工作成效和下半年打算, 工作总结，后面加上下半年打算): the first is drafted. */
export const DONE_AND_PLAN = new RegExp(String.raw`(?:成效|成绩|情况|做法|进展|工作|总结|小结|汇报|稿子?|发言|讲话|致辞|材料|简报)\s*${PLAN_JOIN}\s*[^，,。；;]{0,8}(?:计划|打算|思路|要点|规划)`);

/** A period begun but not over, as a draft names it: 今年以来, 2023年第三季度以来. */
export function sinceStart(start: IsoDate, end: IsoDate, now: IsoDate): string {
  return start === `${now.slice(0, 4)}-01-01` ? describePeriod(start, now, now) : `${describePeriod(start, end, now)}以来`;
}

/** Whether the request's period words name no year and were read as another year than this one. */
export function yearTaken(words: string | undefined, start: IsoDate, now: IsoDate): boolean {
  return !!words && start.slice(0, 4) !== now.slice(0, 4) && !/\d{2,4}\s*年|[今去前明上本]\s*一?年|往年|年度/.test(words);
}
