/**
 * 今天开了党组会和主任会, 本周一、周二分别召开了主任会议和党组会议: activity words of different
 * kinds joined in one clause (和, 及, 、) are as many activities, each with its own kind and
 * title — never one entry under the first kind, which would leave the other uncounted.
 */
import { TIME_WORD } from '../time/index.ts';
import type { KindMention } from './lexicon.ts';

/** Only a joiner (or a space: 主任会议 党组会议) between two activity words: they are listed, not one inside the other's phrase. */
const JOINED = /^(?:\s*(?:以及|和|及|与|跟|、)\s*|\s+)$/;
/** Times of day listed before the deed (上午和下午分别…): when, not part of any title. */
const TIMES_BEFORE = new RegExp(`^\\s*(?:(?:${TIME_WORD})\\s*(?:以及|和|及|与|、)?\\s*)+`);

/** One activity of a joined clause. */
export interface JoinedActivity {
  readonly kind: string;
  readonly title: string;
}

/**
 * Each kind of a clause that lists activity words of different kinds (`mentions`, in order), with
 * its title: the words before the list, then its own activity word (开了党组会 / 开了主任会); what
 * follows the list stays with the last. Undefined unless two kinds or more are listed this way.
 */
export function joinedKinds(title: string, found: readonly KindMention[]): JoinedActivity[] | undefined {
  const listed = placed(title, found);
  if (!listed || listed.length < 2 || new Set(listed.map((m) => m.kind)).size < 2) return undefined;
  for (let i = 1; i < listed.length; i++) {
    if (!JOINED.test(title.slice(listed[i - 1].at + listed[i - 1].words.length, listed[i].at))) return undefined;
  }
  // The deed before the list (召开了), without a 分别 that split the days — or opening the first
  // activity word (召开了常委会会议和主任会议: 召开了 is the others' deed too).
  const opening = title.slice(0, listed[0].at).replace(TIMES_BEFORE, '').replace(/分别\s*/, '');
  const deed = opening ? '' : DEED.exec(listed[0].words)?.[0] ?? '';
  const last = listed[listed.length - 1];
  const after = title.slice(last.at + last.words.length);
  // 视察和调研了养老服务: listed deeds share what follows them; listed meetings leave it to the last.
  const shared = /^[了过]/.test(after);
  return listed.map((m, i) => ({
    kind: m.kind,
    title: `${opening}${i > 0 ? deed : ''}${m.words}${m === last || shared ? after : ''}`.trim(),
  }));
}

/** A deed that opens an activity word (召开了常委会): the deed of the words listed after it. */
const DEED = /^(?:召开了?|开了?|举行了?|举办了?|组织了?|开展了?|参加了?|列席了?|出席了?)(?=.)/;

/**
 * The activity words where they stand in the title, in order (`at`); words with nothing between
 * them (常委会 + 会议) are one, of the first one's kind. Undefined when one is not in the title.
 */
function placed(title: string, mentions: readonly KindMention[]): Array<{ kind: string; words: string; at: number }> | undefined {
  const whole: Array<{ kind: string; words: string; at: number }> = [];
  let from = 0;
  for (const m of mentions) {
    const at = title.indexOf(m.words, from);
    if (at < 0) return undefined;
    const previous = whole[whole.length - 1];
    if (previous && at === from) whole[whole.length - 1] = { ...previous, words: previous.words + m.words };
    else whole.push({ kind: m.kind, words: m.words, at });
    from = at + m.words.length;
  }
  return whole;
}
