/**
 * A message split into the parts that each report one activity: at clause ends, numbered items,
 * and 闭幕后接着…; a clause opening with a day, a time of day or "then" starts a new activity.
 */
import type { Prepared } from './prepare.ts';
import { TIME_WORD } from '../time/index.ts';
import { ITEM_START, itemStarts } from './listed-items.ts';

/** Where one activity's words lie in the message. */
export interface Part {
  readonly start: number;
  readonly end: number;
}

const CLAUSE_END = /[，,；;。\n]/g;
/** Inside a clause, the close of one activity before the next (常委会会议闭幕后接着召开了党组会议). */
const CLOSE_THEN = /(?:闭幕|结束|散会)后(?=\s*(?:接着|随即|随后|紧接着)\s*(?:又)?\s*(?:召开|开|举行|组织|进行|开展))/g;
/** A clause that opens with a time of day or "then" continues the day before with a new activity. */
const NEXT_ACTIVITY = new RegExp(`^\\s*(?:\\d+[.、)]\\s*)?(?:${TIME_WORD}|随后|随即|紧接着|然后|接着|之后|另外|此外|当天|当日|同日|同一天|同一日|同天|次日)`);

/** Split the message into the parts that each report one activity. */
export function partsOf(p: Prepared): Part[] {
  const clauses = [...new Set([0, ...[...p.text.matchAll(CLAUSE_END), ...p.text.matchAll(CLOSE_THEN)].map((m) => m.index + m[0].length), ...itemStarts(p.text), p.text.length])].sort((a, b) => a - b);
  const bounds = [...new Set([...clauses, ...unpunctuated(p, clauses)])].sort((a, b) => a - b);
  const parts: Array<{ start: number; end: number; kind: boolean }> = [];
  const kindsIn = (start: number, end: number): string[] => p.mentions.filter((m) => m.start >= start && m.start < end).map((m) => m.kind);
  const kindIn = (start: number, end: number): boolean => kindsIn(start, end).length > 0;
  const dayIn = (start: number, end: number): boolean => p.periods.some((d) => d.day && !d.timeOnly && d.start >= start && d.start < end);
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [start, end] = [bounds[i], bounds[i + 1]];
    if (p.text.slice(start, end).trim() === '') continue;
    const kind = kindIn(start, end);
    const ownDay = dayIn(start, end);
    const last = parts[parts.length - 1];
    const opens = ownDay || NEXT_ACTIVITY.test(p.text.slice(start, end)) || ITEM_START.test(p.text.slice(start, end));
    // 6月13日，召开主任会议: a day on its own opens the activity of the clause after it, when that is
    // another kind (6月13日，继续视察 after a 视察 may be the same one on a second day: asked).
    const next = i + 2 < bounds.length ? kindsIn(end, bounds[i + 2]) : [];
    const dayBefore = ownDay && !kind && last !== undefined && next.length > 0 && !dayIn(end, bounds[i + 2])
      && !next.some((k) => kindsIn(last.start, last.end).includes(k));
    if (last && last.kind && (kind || dayBefore) && opens) parts.push({ start, end, kind });
    else if (last) parts[parts.length - 1] = { start: last.start, end, kind: last.kind || kind };
    else parts.push({ start, end, kind });
  }
  return parts;
}

/** Words before a time that make it what was discussed (研究, 部署, 通报…). */
const DISCUSSED_BEFORE = /(?:研究|部署|讨论|安排|关于|通报|审议|听取|商定|确定|布置|筹备)[^，,。；;]{0,6}$/;

/** A time of day that opens a new activity inside a clause (…视察了学校下午开了主任会). */
const INNER_TIME = /上午|中午|下午|傍晚|晚上|早上/g;

/**
 * Where a clause typed or dictated without punctuation (今天上午8名代表视察了2所学校下午开了主任会,
 * 昨天视察了城东街道今天调研) turns to another activity: a time of day or a day between two
 * activity words of the clause, as if a comma stood before it.
 */
function unpunctuated(p: Prepared, clauses: readonly number[]): number[] {
  const starts = [...[...p.text.matchAll(INNER_TIME)].map((m) => m.index), ...p.periods.filter((d) => d.day && !d.timeOnly).map((d) => d.start)];
  return starts.filter((at) => {
    const end = clauses.find((b) => b > at) ?? p.text.length;
    const start = [...clauses].reverse().find((b) => b <= at) ?? 0;
    // 研究下午的视察安排, 通报了明天的调研: a time that is what was discussed opens nothing.
    // 刚才说的那个视察记一下：今天视察了…: what follows a colon is the activity the words before it point at.
    if (/^[^，,。；;]{0,4}的/.test(p.text.slice(at)) || DISCUSSED_BEFORE.test(p.text.slice(start, at)) || /[：:]\s*$/.test(p.text.slice(start, at))) return false;
    return at > start && p.mentions.some((m) => m.start >= start && m.end <= at) && p.mentions.some((m) => m.start >= at && m.start < end);
  });
}
