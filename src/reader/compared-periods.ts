/**
 * Two periods compared in one question (这个月的调研跟上个月比怎么样, 今年视察比去年多几次,
 * 对比一下今年和去年的专题询问): a count of the period asked about — the chat counts both and says
 * the difference (`parse --json` has one period: the one asked about). Two activities compared
 * with no second period (视察和调研相比有什么区别) are a question on the rules, not this.
 */
import type { Prepared } from './prepare.ts';
import { heldMeetings } from './query-kinds.ts';

/** Words that compare two counts (not 比如, 比例, 比重, 比率). */
export const COMPARE = /比(?!如|例|重|率)|相比|对比|同比|相较/;
/** Activities in general, when no activity word is named (今年的活动比去年多吗; 开的会: query-kinds.ts). */
const ACTIVITIES = /活动|工作/;
/** A question (吗, 几, 多少, 怎么样): a comparison of days is asked, not reported. */
const ASKS = /[?？]|吗|几|多少|怎么样|如何|多了还是少了/;
/** What a rule requires is asked of the documents (今年至少比去年多开几次). */
const REQUIRED = /至少|最少要|不少于|不超过|不得|应当|必须|规定|要求/;

/** Whether the message compares two different periods of the log's activities. */
export function comparesPeriods(p: Prepared): boolean {
  if (!COMPARE.test(p.blank) || REQUIRED.test(p.blank)) return false;
  if (p.mentions.length === 0 && !ACTIVITIES.test(p.blank) && !heldMeetings(p.blank)) return false;
  const spans = p.periods.filter((x) => !x.timeOnly);
  // 今天视察了学校，比昨天更深入 reports a day; 今天的会比昨天多吗 asks about it.
  if (spans.some((x) => x.day) && !ASKS.test(p.blank)) return false;
  return new Set(spans.map((x) => `${x.from}/${x.to}`)).size >= 2;
}
