/**
 * Counts asked in chat: one period, two periods compared (今年视察比去年多几次), several periods
 * side by side or in clauses of their own (今年开了几次常委会，去年开了几次), and the months or
 * quarters of a period — each period counted from the log, none dropped.
 */
import type { IsoDate } from '../time/index.ts';
import type { Extreme, MessageReader, Taxonomy } from '../reader/index.ts';
import type { CountQuery, Query } from './commands/index.ts';
import type { ConversationMemory } from './memory.ts';
import type { TurnContext } from './follow-up.ts';
import type { ErrorLog } from './error-boundary.ts';
import type { ActivityLogPort } from './ports.ts';
import type { Incoming, Reply } from './types.ts';
import { chartedReply, monthlyOf } from './chart-reply.ts';
import { personOf } from './log-flows.ts';
import { messages as m } from './messages.ts';
import { kindsText, renderCount, renderList } from './render.ts';
import { narrowingOf, topicKindsText, topicReply, topicStats, type Narrowing } from './topic-query.ts';
import { askedFirst, clausePeriods, comparedPeriods, listedCountPeriods, monthsOf, partsAskedFor, periodsLeftOut, renderBreakdown, renderComparison, type ComparedPeriod } from './comparison.ts';
import { kindExtreme, monthExtreme, recorderCounts } from './extremes.ts';
import { beforeTheLog, plannedNote } from './count-notes.ts';

/** What a count or list is narrowed to: a subject (学校) and who logged the entries (我, 小王). */
type Narrow = Pick<Query, 'about' | 'by'>;

/** A period to count, with its own kinds when its clause names others than the message's first. */
type PeriodCount = ComparedPeriod & { readonly kinds?: string[] };

/** What the count flows are built from. */
export interface CountFlowParts {
  readonly activities: ActivityLogPort;
  readonly taxonomy: Taxonomy;
  readonly reader: MessageReader;
  readonly contexts: ConversationMemory<TurnContext>;
  readonly log: ErrorLog;
  readonly todayOf: (incoming: Incoming) => IsoDate;
}

/** The count flows of the assistant. */
export interface CountFlows {
  /** A count as asked in `text`: two periods compared, several periods or the months (quarters) broken down, else one count. */
  answerCount(q: CountQuery, text: string, incoming: Incoming, today: IsoDate): Promise<Reply>;
}

/** Create the count flows. */
export function createCountFlows(parts: CountFlowParts): CountFlows {
  const { activities, taxonomy, reader, contexts, log, todayOf } = parts;

  async function count(query: Query, incoming: Incoming, withChart: boolean, share = false, extreme?: Extreme): Promise<Reply> {
    await contexts.set(incoming.threadId, { kind: 'query', intent: 'count', ...query });
    const narrowing = narrowingOf(query, personOf(incoming));
    if (narrowing) return { text: (await topicReply(activities, query, narrowing, 'count', taxonomy, Number(todayOf(incoming).slice(0, 4)))).text };
    const stats = await activities.stats(query);
    // 视察占全部活动的比例: every kind's total of the same period, for the share.
    const whole = share && query.kinds.length > 0 ? (await activities.stats({ kinds: [], from: query.from, to: query.to })).total : undefined;
    const text = renderCount(stats, query.kinds, taxonomy, share && query.kinds.length === 0) + (stats.total === 0 ? await beforeTheLog(activities, [query]) : '') +
      await plannedNote(activities, query, stats.total, todayOf(incoming)) +
      (whole === undefined ? '' : `\n${m.shareOfAll(stats.total, whole)}`) + kindExtreme(extreme, stats, query.kinds, taxonomy);
    if (!withChart || (!query.from && !query.to)) return { text };
    return chartedReply({ activities, taxonomy, log }, text, stats, query.kinds, incoming);
  }

  async function answerCount(q: CountQuery, text: string, incoming: Incoming, today: IsoDate): Promise<Reply> {
    if (q.extreme?.by === 'recorder') return { text: await recorderCounts(activities, q, q.extreme, taxonomy) };
    if (q.units) return placesAsked(q, q.units, text, incoming, today);
    const narrow = { about: q.about, by: q.by };
    // 与去年相比，今年视察多了几次: the period the reading asks about comes first, the other is what it is compared with.
    const compared = q.versus && q.from && q.to ? [{ from: q.from, to: q.to }, q.versus] as const : askedFirst(comparedPeriods(text, today), q);
    if (compared) return compare(q.kinds, compared, incoming, narrow);
    const listed = listedCountPeriods(text, today);
    if (listed.length > 1) return breakdown(q.kinds, listed, incoming, narrow);
    // 今年开了几次常委会，去年开了几次: each clause's period, with the kinds that clause names (or the message's).
    const clauses = clausePeriods(text, today);
    if (clauses.length > 1) return breakdown(q.kinds, await kindsOfClauses(clauses, q.kinds, today), incoming, narrow);
    const months = q.extreme?.by === 'month' ? monthsOf(q.from, q.to) : partsAskedFor(text, q.from, q.to);
    if (months.length > 1) return breakdown(q.kinds, months, incoming, narrow, today, q.chart === true, q.extreme);
    return count({ kinds: q.kinds, from: q.from, to: q.to, ...narrow }, incoming, q.chart === true, q.share === true, q.extreme);
  }

  /** 今年视察了几家企业: the log counts activities, not the places in them — said so, and the entries shown with their titles. */
  async function placesAsked(q: CountQuery, units: string, text: string, incoming: Incoming, today: IsoDate): Promise<Reply> {
    const query: Query = { kinds: q.kinds, from: q.from, to: q.to, ...(q.about ? { about: q.about } : {}), ...(q.by ? { by: q.by } : {}) };
    await contexts.set(incoming.threadId, { kind: 'query', intent: 'list', ...query });
    const narrowing = narrowingOf(query, personOf(incoming));
    if (narrowing) return { text: `${m.unitsNotCounted(units, kindsText(q.kinds, taxonomy))}\n${(await topicReply(activities, query, narrowing, 'list', taxonomy, Number(today.slice(0, 4)))).text}` };
    // 去年1月和今年1月视察了几家企业: each period's entries, none dropped.
    const apart = periodsLeftOut(text, today, q.from, q.to);
    const periods = apart.length > 0 ? apart.map((p) => ({ ...query, from: p.from, to: p.to })) : [query];
    const lists = await Promise.all(periods.map(async (p) => renderList(await activities.list(p), p, taxonomy, today)));
    return { text: `${m.unitsNotCounted(units, kindsText(q.kinds, taxonomy))}\n${lists.join('\n')}` };
  }

  /** Each clause's own kinds when it names any (去年视察了几次), else the message's. */
  async function kindsOfClauses(clauses: ReadonlyArray<ComparedPeriod & { words: string }>, kinds: string[], today: IsoDate): Promise<PeriodCount[]> {
    const read = await Promise.all(clauses.map((c) => reader.read(c.words, today)));
    const own = read.map((r) => (r.intent === 'count' || r.intent === 'list') && r.kinds.length > 0 ? [...r.kinds].sort() : undefined);
    const differ = own.some((k) => k && k.join() !== [...kinds].sort().join());
    return clauses.map((c, i) => ({ from: c.from, to: c.to, ...(differ ? { kinds: own[i] ?? own.slice(0, i).reverse().find(Boolean) ?? kinds } : {}) }));
  }

  /** 今年视察比去年多几次: both counts and the difference; the first period stays the thread's topic. */
  async function compare(kinds: string[], periods: readonly [ComparedPeriod, ComparedPeriod], incoming: Incoming, narrow: Narrow): Promise<Reply> {
    const narrowing = narrowingOf(narrow, personOf(incoming));
    const [first, second] = await Promise.all(periods.map((p) => statsOf({ kinds, from: p.from, to: p.to }, narrowing)));
    await contexts.set(incoming.threadId, { kind: 'query', intent: 'count', kinds: [...kinds], ...periods[0], ...narrow });
    return { text: renderComparison(topicKindsText(kinds, narrowing, taxonomy), first, second) + await beforeTheLog(activities, periods) };
  }

  /** Counts per kind; narrowed to the matching entries when the question narrows. */
  function statsOf(query: Query, narrowing: Narrowing | undefined) {
    return narrowing ? topicStats(activities, query, narrowing, taxonomy) : activities.stats(query);
  }

  /** 上半年和下半年视察了几次: one count per period and the sum; the periods stay the thread's topic. */
  async function breakdown(
    kinds: string[], periods: readonly PeriodCount[], incoming: Incoming, narrow: Narrow, today?: IsoDate, withChart = false, extreme?: Extreme,
  ): Promise<Reply> {
    const narrowing = narrowingOf(narrow, personOf(incoming));
    const all = await Promise.all(periods.map((p) => statsOf({ kinds: p.kinds ?? kinds, from: p.from, to: p.to }, narrowing)));
    // Months still to come with nothing in them are left out of a per-month answer — unless every
    // month is still to come (明年每个月的活动): then each is shown with its 0, never a bare 合计.
    const begun = today ? all.filter((s) => s.total > 0 || (s.from ?? '') <= today) : all;
    const counts = begun.length > 0 ? begun : all;
    await contexts.set(incoming.threadId, { kind: 'query', intent: 'count', kinds: [...kinds], from: periods[0].from, to: periods[0].to, ...narrow });
    // 下半年每月视察了几次 on 7月5日: planned entries counted in a month are said to be plans.
    const total = counts.reduce((sum, s) => sum + s.total, 0);
    const planned = narrowing ? '' : await plannedNote(activities, { kinds, from: periods[0].from, to: periods[periods.length - 1].to }, total, todayOf(incoming));
    const own = periods.some((p) => p.kinds) ? periods.map((p) => topicKindsText(p.kinds ?? kinds, narrowing, taxonomy)) : undefined;
    const text = renderBreakdown(topicKindsText(kinds, narrowing, taxonomy), counts, own) + monthExtreme(extreme, counts, today) + planned;
    // 上半年各月视察调研画个图: the months drawn as the text counts them (narrowed too, if asked).
    if (!withChart || !today || counts.length === 0) return { text };
    return chartedReply({ activities, taxonomy, log }, text, monthlyOf(counts), kinds, incoming);
  }

  return { answerCount };
}
