/**
 * Counts and lists narrowed to a subject (上半年视察了几次安全生产, 上半年视察了学校吗) or to who
 * logged the entries (我上个月记了哪些, 小王今年记了几条): the period's entries of the kinds that
 * match, listed so the person sees what matched, with the kinds' whole figure beside them — a
 * narrowing that matched nothing, or the wrong entries, is seen at once, never a silently smaller
 * (or larger) count.
 */
import { dayInWords, periodInWords, type IsoDate } from '../time/index.ts';
import { topicCore, type Taxonomy } from '../reader/index.ts';
import type { Activity, Stats } from '../log/index.ts';
import type { Query } from './commands/index.ts';
import { messages as m } from './messages.ts';
import type { ActivityLogPort } from './ports.ts';
import { kindsText, LIST_LIMIT } from './render.ts';

/** What a count or list is narrowed to: a subject's core in the title, and who logged the entries. */
export interface Narrowing {
  readonly core?: string;
  /** The one asking (their platform id), or a name as written (小王, 办公室). */
  readonly by?: { readonly self: true; readonly id: string } | { readonly self: false; readonly name: string };
}

/** The narrowing a query asks for, or undefined; `me` is the asking person's platform id. */
export function narrowingOf(query: Pick<Query, 'about' | 'by'>, me: string): Narrowing | undefined {
  if (!query.about && !query.by) return undefined;
  const by = query.by === '我' ? { self: true as const, id: me } : query.by ? { self: false as const, name: query.by } : undefined;
  return { ...(query.about ? { core: topicCore(query.about) } : {}), ...(by ? { by } : {}) };
}

/** Whether an entry matches: its title holds the core (as the export's title filter does), its recorder is the one named. */
function matches(a: Activity, n: Narrowing): boolean {
  if (n.core && !a.title.includes(n.core)) return false;
  if (n.by?.self) return a.by === n.by.id;
  if (n.by) return a.by === n.by.name || a.by_name === n.by.name;
  return true;
}

/** 您记录的、事项含“学校”的 — the narrowing in words. */
function criteria(n: Narrowing): string {
  const who = n.by ? m.recordedBy(n.by.self ? undefined : n.by.name) : '';
  return `${who}${n.core ? m.topicHolds(n.core) : ''}`;
}

/** The kinds' entries of the period, and those matching. */
async function narrowed(activities: ActivityLogPort, query: Query, n: Narrowing): Promise<{ all: Activity[]; matched: Activity[] }> {
  const all = await activities.list({ kinds: query.kinds, from: query.from, to: query.to });
  return { all, matched: all.filter((a) => matches(a, n)) };
}

/** The reply to a narrowed count or list, and how many entries it shows. */
export async function topicReply(
  activities: ActivityLogPort, query: Query, n: Narrowing, intent: 'count' | 'list', taxonomy: Taxonomy, currentYear: number,
): Promise<{ text: string; shown: number }> {
  const { all, matched } = await narrowed(activities, query, n);
  const kinds = kindsText(query.kinds, taxonomy);
  const period = query.from || query.to ? periodInWords(query.from, query.to) : undefined;
  if (all.length === 0) return { text: m.countNone(period ?? periodInWords(null, null), kinds), shown: 0 };
  const unit = intent === 'count' ? '次' : '项';
  const scope = m.topicScope(period, kinds);
  const byTitle = Boolean(n.core);
  if (matched.length === 0) {
    return { text: m.topicNone(scope, criteria(n), all.length, unit, byTitle, period ? `列出${period}的${kinds}` : `列出全部${kinds}`), shown: 0 };
  }
  const lines = [m.topicFound(scope, criteria(n), matched.length, all.length, unit, byTitle)];
  for (const a of matched.slice(0, LIST_LIMIT)) {
    lines.push(m.listLine(a.id, dayInWords(a.date, currentYear), taxonomy.label(a.kind), a.title, a.by_name ?? a.by));
  }
  if (matched.length > LIST_LIMIT) lines.push(m.listMore(matched.length - LIST_LIMIT));
  return { text: lines.join('\n'), shown: matched.length };
}

/** The most recent entry up to today of the query's kinds (narrowed, if asked): 最近一次视察是什么时候. */
export async function latestReply(activities: ActivityLogPort, query: Query, today: IsoDate, taxonomy: Taxonomy, n?: Narrowing): Promise<string> {
  const upTo = query.to && query.to < today ? query.to : today;
  const entries = await activities.list({ kinds: query.kinds, from: query.from, to: upTo });
  const latest = (n ? entries.filter((a) => matches(a, n)) : entries).at(-1);
  const kinds = n ? `${criteria(n)}${kindsText(query.kinds, taxonomy)}` : kindsText(query.kinds, taxonomy);
  if (!latest) return m.latestNone(kinds, Boolean(n));
  return m.latestEntry(kinds, dayInWords(latest.date, 0), latest.title, latest.id, latest.by_name ?? latest.by);
}

/** Counts per kind of the matching entries, for comparisons and breakdowns. */
export async function topicStats(activities: ActivityLogPort, query: Query, n: Narrowing, taxonomy: Taxonomy): Promise<Stats> {
  const { matched } = await narrowed(activities, query, n);
  const kinds = query.kinds.length > 0 ? query.kinds : [...new Set(matched.map((a) => a.kind))];
  const counts = kinds.map((kind) => ({ kind, label: taxonomy.label(kind), count: matched.filter((a) => a.kind === kind).length }));
  return { from: query.from, to: query.to, total: matched.length, counts };
}

/** The kinds' words for a narrowed comparison or breakdown (事项含“学校”的视察). */
export function topicKindsText(kinds: readonly string[], n: Narrowing | undefined, taxonomy: Taxonomy): string {
  return `${n ? criteria(n) : ''}${kindsText(kinds, taxonomy)}`;
}
