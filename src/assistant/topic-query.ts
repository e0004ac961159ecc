/**
 * Counts and lists narrowed to a subject (上半年视察了几次安全生产, 上半年视察了学校吗): the
 * period's entries of the kinds whose title holds the subject, listed so the person sees what
 * matched, with the kinds' whole figure beside them — a subject that matched nothing, or the
 * wrong entries, is seen at once, never a silently smaller (or larger) count.
 */
import { dayInWords, periodInWords, type IsoDate } from '../time/index.ts';
import { topicCore, type Taxonomy } from '../reader/index.ts';
import type { Activity, Stats } from '../log/index.ts';
import type { Query } from './commands/index.ts';
import { messages as m } from './messages.ts';
import type { ActivityLogPort } from './ports.ts';
import { kindsText, LIST_LIMIT } from './render.ts';

/** Whether an entry's title holds the subject's core (as the export's title filter matches). */
function holds(activity: Activity, core: string): boolean {
  return activity.title.includes(core);
}

/** The entries of the query's kinds and period, and those of them naming the subject. */
async function narrowed(activities: ActivityLogPort, query: Query, about: string): Promise<{ all: Activity[]; matched: Activity[] }> {
  const all = await activities.list({ kinds: query.kinds, from: query.from, to: query.to });
  const core = topicCore(about);
  return { all, matched: all.filter((a) => holds(a, core)) };
}

/** The reply to a count or list narrowed to `about`, and how many entries it shows. */
export async function topicReply(
  activities: ActivityLogPort, query: Query, about: string, intent: 'count' | 'list', taxonomy: Taxonomy, currentYear: number,
): Promise<{ text: string; shown: number }> {
  const { all, matched } = await narrowed(activities, query, about);
  const kinds = kindsText(query.kinds, taxonomy);
  const period = query.from || query.to ? periodInWords(query.from, query.to) : undefined;
  if (all.length === 0) return { text: m.countNone(period ?? periodInWords(null, null), kinds), shown: 0 };
  const unit = intent === 'count' ? '次' : '项';
  const scope = m.topicScope(period, kinds);
  const core = topicCore(about);
  if (matched.length === 0) {
    return { text: m.topicNone(scope, core, all.length, unit, period ? `列出${period}的${kinds}` : `列出全部${kinds}`), shown: 0 };
  }
  const lines = [m.topicFound(scope, core, matched.length, all.length, unit)];
  for (const a of matched.slice(0, LIST_LIMIT)) {
    lines.push(m.listLine(a.id, dayInWords(a.date, currentYear), taxonomy.label(a.kind), a.title, a.by_name ?? a.by));
  }
  if (matched.length > LIST_LIMIT) lines.push(m.listMore(matched.length - LIST_LIMIT));
  return { text: lines.join('\n'), shown: matched.length };
}

/** The most recent entry up to today of the query's kinds (and subject): 最近一次视察是什么时候. */
export async function latestReply(activities: ActivityLogPort, query: Query, today: IsoDate, taxonomy: Taxonomy): Promise<string> {
  const upTo = query.to && query.to < today ? query.to : today;
  const entries = await activities.list({ kinds: query.kinds, from: query.from, to: upTo });
  const core = query.about ? topicCore(query.about) : undefined;
  const latest = (core ? entries.filter((a) => holds(a, core)) : entries).at(-1);
  const kinds = core ? m.topicKinds(core, kindsText(query.kinds, taxonomy)) : kindsText(query.kinds, taxonomy);
  if (!latest) return m.latestNone(kinds, Boolean(core));
  return m.latestEntry(kinds, dayInWords(latest.date, 0), latest.title, latest.id, latest.by_name ?? latest.by);
}

/** Counts per kind of the entries naming the subject, for comparisons and breakdowns. */
export async function topicStats(activities: ActivityLogPort, query: Query, about: string, taxonomy: Taxonomy): Promise<Stats> {
  const { matched } = await narrowed(activities, query, about);
  const kinds = query.kinds.length > 0 ? query.kinds : [...new Set(matched.map((a) => a.kind))];
  const counts = kinds.map((kind) => ({ kind, label: taxonomy.label(kind), count: matched.filter((a) => a.kind === kind).length }));
  return { from: query.from, to: query.to, total: matched.length, counts };
}

/** The kinds' words for a narrowed comparison or breakdown (事项含“学校”的视察). */
export function topicKindsText(query: Query, about: string | undefined, taxonomy: Taxonomy): string {
  const kinds = kindsText(query.kinds, taxonomy);
  return about ? m.topicKinds(topicCore(about), kinds) : kinds;
}
