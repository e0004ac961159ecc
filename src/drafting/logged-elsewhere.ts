/**
 * A period with none of the topics' entries, the request naming a matter (6月那次安全生产视察 when
 * the log's safety inspection is on 2月9日): the draft says none is logged in the period; beside
 * it, the entries of those kinds elsewhere in the log that name the matter, with their dates, so
 * a period misremembered is caught and asked about rather than drafted over or silently moved.
 */
import type { Activity, ActivityQuery, Paged, PageRequest } from '../log/index.ts';
import { leftover, namedPart, namesSubject } from './subject-note.ts';
import type { Topic } from './topics.ts';

/** The part of the log read. */
export interface ElsewhereSource {
  page(filter: ActivityQuery, page: PageRequest): Promise<Paged<Activity>>;
}

const PAGE = 200;
const MOST = 2_000;
/** At most this many entries are named. */
const SHOWN = 5;

/** The matter the request names and the log's entries of `kinds` naming it (any date), or undefined when none. */
export async function loggedElsewhere(log: ElsewhereSource, kinds: readonly string[], request: string, periodWords: string | undefined, topics: readonly Topic[]): Promise<{ subject: string; entries: Activity[] } | undefined> {
  if (kinds.length === 0) return undefined;
  const all: Activity[] = [];
  for (let offset = 0; offset < MOST; offset += PAGE) {
    const page = await log.page({ kinds, from: null, to: null }, { offset, limit: PAGE });
    all.push(...page.items);
    if (page.items.length < PAGE) break;
  }
  const titles = all.map((a) => a.title);
  for (const word of leftover(request, periodWords, topics)) {
    const subject = namedPart(word, titles);
    if (subject) return { subject, entries: all.filter((a) => namesSubject(a.title, subject)).slice(-SHOWN) };
  }
  return undefined;
}
