/**
 * Activity words that name what an activity looked at, not the activity: 就代表建议办理情况开展视察
 * is a 视察 (of how suggestions are handled), 对代表建议办理工作开展专题询问 a 专题询问. Inside a
 * 就/对/围绕/针对/关于 phrase, an activity word followed in its clause by a deed verb and another
 * activity word gives way to that one.
 */
import type { KindMention } from './lexicon.ts';

/** Opens the phrase that names what was looked at. */
const ABOUT = /(?:就|对|围绕|针对|关于)(?!口|接|于|照|比|外|象|待|话|面)/;
/** The deed done about it, right before the next activity word: 开展, 进行了, 组织 … */
const DEED_BEFORE = /(?:开展|进行|组织|实施|举行|召开)(?:了|过)?\s*(?:(?:几|多少)\s*[次场个项]?)?\s*$/;
const CLAUSE_BREAK = /[，,。；;！!？?\n]/;

/** The mentions, less those that only name what another activity in their clause was about. */
export function withoutTopics(blank: string, mentions: readonly KindMention[]): KindMention[] {
  return mentions.filter((m, i) => {
    const before = blank.slice(0, m.start);
    const clause = before.slice(Math.max(...[...before.matchAll(new RegExp(CLAUSE_BREAK, 'g'))].map((x) => x.index + 1), 0));
    if (!ABOUT.test(clause)) return true;
    return !mentions.slice(i + 1).some((n) => {
      const between = blank.slice(m.end, n.start);
      return !CLAUSE_BREAK.test(between) && DEED_BEFORE.test(between) && n.kind !== m.kind;
    });
  });
}
