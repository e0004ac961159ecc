/**
 * A request about one unit's work (代表工委今年以来的工作, 教科文卫工委上半年做了哪些工作), the unit
 * being one the log's entries name as who recorded them (an imported log names the committee).
 * The log counts kinds, not units: the draft keeps the items whose entries in the period are all
 * that unit's, so each figure is still a kind's whole count; items shared with others are left out,
 * and both are said beside the draft. A unit that has no item of its own narrows nothing, said too.
 */
import type { Activity, ActivityQuery, Paged, PageRequest } from '../log/index.ts';
import type { IsoDate } from '../time/index.ts';
import type { Topic } from './topics.ts';
import type { DraftItem } from './types.ts';

/** The part of the log read. */
export interface UnitSource {
  page(filter: ActivityQuery, page: PageRequest): Promise<Paged<Activity>>;
}

const PAGE = 200;
const MOST = 5_000;
/** A unit's name, not a person's: 代表工委, 教科文卫工委, 财经委员会, 办公室, 研究室. */
const UNIT = /(?:工委|委员会|办公室|研究室)$/;
/** The standing committee itself is the organ every draft speaks for, no unit of it. */
const ORGAN = /常委会|常务委员会/;

/** Who a draft is for or sent to (给办公室写一段, 报送代表工委): no unit whose work it is. */
const AUDIENCE = /(?:为|给|向|替|供|报送?|交给?|发给?)\s*$/;

async function entries(log: UnitSource, from: IsoDate | null, to: IsoDate | null): Promise<Activity[]> {
  const found: Activity[] = [];
  for (let offset = 0; offset < MOST; offset += PAGE) {
    const page = await log.page({ from, to }, { offset, limit: PAGE });
    found.push(...page.items);
    if (page.items.length < PAGE) break;
  }
  return found;
}

const nameOf = (a: Activity): string => a.by_name ?? a.by;

/** The unit the request names among those the log's entries were recorded by (the longest named), else undefined. */
export async function unitIn(request: string, log: UnitSource): Promise<string | undefined> {
  const names = new Set((await entries(log, null, null)).flatMap((a) => [a.by, nameOf(a)]));
  return [...names].filter((n) => n.length >= 2 && UNIT.test(n) && !ORGAN.test(n) && request.includes(n) && !AUDIENCE.test(request.slice(0, request.indexOf(n))))
    .sort((a, b) => b.length - a.length)[0];
}

/** The items whose entries in the period are all the unit's (`kept`), and those it shares with others (`shared`). */
export async function unitItems(log: UnitSource, unit: string, items: readonly DraftItem[], from: IsoDate, to: IsoDate): Promise<{ kept: DraftItem[]; shared: DraftItem[] }> {
  const period = await entries(log, from, to);
  const kept: DraftItem[] = [];
  const shared: DraftItem[] = [];
  for (const item of items) {
    const its = period.filter((a) => item.fact.kinds.includes(a.kind));
    const theirs = its.filter((a) => a.by === unit || nameOf(a) === unit);
    if (its.length > 0 && theirs.length === its.length) kept.push(item);
    else if (theirs.length > 0) shared.push(item);
  }
  return { kept, shared };
}

/**
 * The one topic whose kinds are exactly those the unit's own items count (代表工委: training,
 * deputy_activity, suggestion → 代表工作), so its draft opens as that work does; else undefined.
 */
export function unitTopic(topics: readonly Topic[], items: readonly DraftItem[]): Topic | undefined {
  const kinds = new Set(items.flatMap((i) => i.parts.filter((p) => p.count > 0).flatMap((p) => p.kinds)));
  const same = (t: Topic) => { const own = new Set(t.groups.flat()); return own.size === kinds.size && [...own].every((k) => kinds.has(k)); };
  const found = topics.filter((t) => t.id !== 'overall' && same(t));
  return found.length === 1 ? found[0] : undefined;
}
