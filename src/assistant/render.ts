/**
 * Turning answers, counts and lists into the text of a reply. Log confirmations and counts
 * use the activity log's own wording (`statsReply`, `loggedReply`); the chat adds a bound
 * on list length and the knowledge base's numbered sources.
 */
import { daysInWords, periodInWords, type IsoDate } from '../time/index.ts';
import { meetingKinds, type Taxonomy } from '../reader/index.ts';
import { statsReply, type Activity, type Stats } from '../log/index.ts';
import { citedSources, type Answer } from '../knowledge/index.ts';
import { messages as m } from './messages.ts';

/** Most entries a list reply shows; more would drown a chat. */
export const LIST_LIMIT = 30;

/** "视察、调研", or "各类活动" when no kind is named. */
export function kindsText(kinds: readonly string[], taxonomy: Taxonomy): string {
  if (kinds.length === 0) return m.allKinds;
  // 会议 alone asks for every kind of meeting (常委会会议, 主任会议 …): 各类会议.
  const meetings = meetingKinds(taxonomy);
  if (meetings.length > 1 && kinds.length === meetings.length && meetings.every((k) => kinds.includes(k))) return m.allMeetings;
  // In the taxonomy's order (听取审议报告、视察、调研…), not the ids' alphabetical one.
  const order = (k: string): number => taxonomy.kinds.findIndex((kind) => kind.id === k);
  return [...kinds].sort((a, b) => order(a) - order(b)).map((k) => taxonomy.label(k)).join(m.kindJoiner);
}

/** "2023年上半年共视察 8 次。", or the total and one line per kind when several are counted. */
export function renderCount(stats: Stats, kinds: readonly string[], taxonomy: Taxonomy, shares = false): string {
  const period = periodInWords(stats.from, stats.to);
  if (stats.total === 0) return m.countNone(period, kindsText(kinds, taxonomy));
  if (kinds.length === 1) return `${statsReply(stats)}。`;
  const lines = [m.countTotal(period, kindsText(kinds, taxonomy), stats.total)];
  for (const c of stats.counts) {
    if (c.count > 0 || kinds.includes(c.kind)) lines.push(m.countLine(c.label, c.count) + (shares ? m.shareOfTotal(c.count, stats.total) : ''));
  }
  return lines.join('\n');
}

/** A dated list of activities, at most `LIST_LIMIT` lines; an entry after `today` is marked as a plan. */
export function renderList(
  activities: readonly Activity[],
  query: { kinds: readonly string[]; from: string | null; to: string | null },
  taxonomy: Taxonomy,
  today: IsoDate,
): string {
  const currentYear = Number(today.slice(0, 4));
  const period = periodInWords(query.from, query.to);
  const kinds = kindsText(query.kinds, taxonomy);
  if (activities.length === 0) return m.listNone(period, kinds);
  const lines = [m.listHeader(period, kinds, activities.length)];
  for (const a of activities.slice(0, LIST_LIMIT)) {
    lines.push(m.listLine(a.id, daysInWords(a.date, a.to, currentYear), taxonomy.label(a.kind), a.title, a.by_name ?? a.by) + (a.date > today ? m.plannedMark : ''));
  }
  if (activities.length > LIST_LIMIT) lines.push(m.listMore(activities.length - LIST_LIMIT));
  return lines.join('\n');
}

/**
 * The answer text followed by the sources it cites (document and location). A "not found"
 * answer names its nearest documents itself and lists no source.
 */
export function renderAnswer(answer: Answer): string {
  const text = answer.answer.trim();
  // Sources the answer already quotes with their own citation line are not listed twice.
  const sources = citedSources(answer)
    .filter(({ n }) => !text.includes(`[${n}] 《`))
    .map(({ n, source: s }) => m.sourceLine(n, s.title || s.doc, s.location, s.doc));
  return sources.length ? [text, '', m.sourcesHeader, ...sources].join('\n') : text;
}
