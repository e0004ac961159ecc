/**
 * The kinds a count or list asks about. 会议 alone, or 开会 with no kind named, means every kind
 * of meeting the office logs (常委会会议, 主任会议, 党组会议, 其他会议 — the kinds labelled …会议),
 * never only 其他会议 nor every activity: "上半年开了多少次会议" counts them all, kind by kind.
 */
import type { Taxonomy } from './kinds.ts';
import type { KindMention } from './lexicon.ts';
import type { Prepared } from './prepare.ts';

/** The bare word for a meeting, as a mention's whole words. */
const ANY_MEETING_WORD = /^(?:会议|会)$/;
/** 开会, 开了几次会, 开过会, 开了哪些会, 本周有哪些会, 这周有会吗, 有没有会, …的会开了几次: meetings with no kind named (not 开会议程, 会见, 会谈). */
const HELD_MEETINGS = /开(?:了|过|的|不开|没开)?\s*(?:几|多少|哪些|什么|啥|哪几)?\s*(?:次|场|个)?\s*会(?![议见谈商计员长客场])|有\s*(?:没有|没)?\s*(?:哪些|什么|啥|哪几|几)?\s*(?:次|场|个)?\s*会(?![议见谈商计员长客场])|的会\s*(?:一共|总共|共)?\s*开(?:了|过)/;

/** Whether the words speak of holding meetings without naming a kind (上周三开会了吗). */
export function heldMeetings(blank: string): boolean {
  return HELD_MEETINGS.test(blank);
}

/** Every kind whose label names a meeting (常委会会议, 主任会议, 党组会议, 其他会议). */
export function meetingKinds(taxonomy: Taxonomy): string[] {
  return taxonomy.kinds.filter((k) => /会议$/.test(k.label)).map((k) => k.id);
}

/** The sorted kind ids a count or list over the prepared message asks about; empty means every kind. */
export function queryKinds(p: Prepared, taxonomy: Taxonomy): string[] {
  const kinds = p.mentions.flatMap((m: KindMention) => (ANY_MEETING_WORD.test(m.words) ? meetingKinds(taxonomy) : [m.kind]));
  if (kinds.length === 0 && HELD_MEETINGS.test(p.blank)) kinds.push(...meetingKinds(taxonomy));
  return [...new Set(kinds)].sort();
}
