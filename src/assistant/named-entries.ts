/**
 * A correction or a deletion in words that names an earlier entry by its day or kind
 * (11月28日的视察改成调研, 把上周三的调研删掉): no entry is changed from such words. The
 * entries that fit are shown with their numbers, each with the command that would change it
 * (a tap away as a choice); /edit and /delete then check who may, and /delete asks once more.
 */
import { splitIsoDate, type IsoDate } from '../time/index.ts';
import { readNamedCorrection, readNamedDeletion, readerMessages, type Change, type NamedEntry, type Taxonomy } from '../reader/index.ts';
import { entryInWords, type Activity } from '../log/index.ts';
import type { Access } from './access.ts';
import { messages as m } from './messages.ts';
import type { ActivityLogPort } from './ports.ts';
import type { Incoming, Reply } from './types.ts';

/** At most this many fitting entries are shown (the latest); the rest are counted. */
const SHOWN = 5;

function dayWritten(date: IsoDate): string {
  const { year, month, day } = splitIsoDate(date);
  return `${year}年${month}月${day}日`;
}

/** The words after `/edit <id>` that make the change (readChange reads them back). */
function editWords(change: Change, taxonomy: Taxonomy): string | undefined {
  if ('question' in change) return undefined;
  if (change.title !== undefined) return `标题 ${change.title}`;
  if (change.kind !== undefined) return `类型 ${taxonomy.label(change.kind)}`;
  if (change.date !== undefined) return `日期 ${dayWritten(change.date)}${change.to ? `至${dayWritten(change.to)}` : ''}`;
  return undefined;
}

/** Build the flow over the log port. */
export function createNamedEntries(activities: ActivityLogPort, taxonomy: Taxonomy, access: Access) {
  /** The live entries the words fit, latest first. */
  async function fitting(named: NamedEntry): Promise<Activity[]> {
    const kinds = named.kinds.length > 0 ? named.kinds : undefined;
    const spans = named.periods.length > 0 ? named.periods : [{ from: null, to: null }];
    const found = new Map<number, Activity>();
    for (const { from, to } of spans) {
      for (const a of await activities.list({ kinds, from, to })) found.set(a.id, a);
    }
    return [...found.values()].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
  }

  /** The reply to such words; undefined when the words are no correction or deletion naming an entry. */
  return async function named(text: string, incoming: Incoming, today: IsoDate): Promise<Reply | undefined> {
    const deletion = readNamedDeletion(text, today, taxonomy);
    const correction = deletion ? undefined : readNamedCorrection(text, today, taxonomy);
    const entry = deletion ?? correction?.entry;
    if (!entry) return undefined;
    const edit = correction && editWords(correction.change, taxonomy);
    if (correction && !edit) return 'question' in correction.change ? { text: correction.change.question } : undefined;
    if (entry.impossible) return { text: readerMessages.impossibleDate(entry.impossible) };
    const fits = await fitting(entry);
    if (fits.length === 0) return { text: m.namedNone(entry.words) };
    const shown = fits.slice(0, SHOWN);
    const command = (a: Activity) => (deletion ? `/delete ${a.id}` : `/edit ${a.id} ${edit}`);
    const line = (a: Activity) => `${a.id}. ${entryInWords(a, taxonomy, today)}（${a.by_name ?? a.by}）`;
    if (deletion && !access.isAdmin(incoming)) return { text: m.namedDeleteNotAdmin(shown.map(line).join('\n')) };
    return {
      text: (deletion ? m.namedDelete : m.namedEdit)(shown.map((a) => `${line(a)} → ${command(a)}`).join('\n'), fits.length - shown.length),
      choices: [...shown.map((a) => ({ label: (deletion ? m.deleteEntryChoice : m.editEntryChoice)(a.id), send: command(a) })),
        { label: m.cancelChoice, send: m.cancelWord }],
    };
  };
}
