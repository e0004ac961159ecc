/**
 * A count of the places or bodies inside the activities (今年视察了几家企业, 下周要去视察几个学校,
 * 走访了多少个社区): the log holds one entry per activity, and one visit may take in three
 * enterprises, so the number of entries is not the number asked. The reading stays a count of the
 * entries, marked with the noun counted (`units`), so the reply says what the log counts and shows
 * the entries with their titles — never the entries' number as the places'.
 */
import type { Prepared } from './prepare.ts';

/** 几家企业, 多少个社区, 几所学校 (not 第几个, not 几个会, 几场活动: those are the activities themselves). */
const PLACES_COUNTED = /(?<!第\s*)(?:几|多少)\s*(?:个|家|所|处|座|户)\s*([\u4e00-\u9fff]{1,6}?)(?=[了的过吗呢啊呀？?。，,！!\s]|$)/;
/** Nouns that are the activities (or their sittings) themselves, counted as entries rightly. */
const ACTIVITY_NOUN = /^(?:会|活动|次|场|项|批|轮|回|议题|专题|工作)/;

/** The noun a count asks for when it is not the activities (企业 in 视察了几家企业), or undefined. */
export function unitsCounted(p: Prepared): string | undefined {
  const m = PLACES_COUNTED.exec(p.blank);
  if (!m) return undefined;
  const start = m.index + m[0].length - m[1].length;
  if (ACTIVITY_NOUN.test(m[1]) || p.mentions.some((x) => x.start < start + m[1].length && x.end > start)) return undefined;
  // 几个委员会开展了调研: the noun ends where the deed begins.
  const noun = m[1].replace(/(?:开展|开了|参加|组织|进行|召开|举行|搞|去|到|是|有|在|被|接受|参与|都|还|一共|总共|共|分别|各).*$/, '');
  return noun || undefined;
}
