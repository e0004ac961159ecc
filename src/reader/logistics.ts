/**
 * Office logistics asked about (会议室下午有人用吗, 视察车辆安排好了吗, 投影仪能用吗): rooms, cars and
 * equipment are neither activities in the log nor rules in the documents, so the plain answer is
 * that the assistant does not keep them — never a search that ends in 没有找到, never an entry.
 * How to book a room (会议室怎么预订) may be in the office's rules, so it stays a question for them.
 */
import type { Prepared } from './prepare.ts';

/** A room, car or piece of equipment of the office. */
const THING = /(?<=的|用|派)车(?![间站库型])|会议室|会场|报告厅|接待室|场地|车辆|用车|公车|派车|车子|大巴|中巴|投影仪?|话筒|麦克风|音响|电子屏|显示屏/;
/** Whether it is free, booked or ready (有人用吗, 空着吗, 订了没, 安排好了吗, 到位了吗). */
const STATE_ASKED =
  /(?:有没有)?人用|(?:被|有人)?占(?:用|了)|空(?:着|闲|的)?(?:吗|没|呢|[?？])|能用|可以用|好用|(?:订|预订|预约|借|约|派|安排|准备|落实|调试|联系)(?:好|了|到)[^，,。；;]{0,4}(?:吗|没|呢|[?？]|$)|到位|定了|够不够|够吗/;
/** A rule or a how-to is asked (怎么预订, 如何申请, 规定): the documents may hold it. */
const RULE_ASKED = /怎么|怎样|如何|规定|程序|流程|办法|制度|要求|标准|可以申请|审批/;
/** Something done or counted: an activity to log or a count of the log, not an errand. */
const DONE_OR_COUNTED = /召开|开展|组织|举行|举办|进行|听取|审议|开了|去了|[了过](?:视察|调研|走访)|几次|多少次/;

/** Whether the message asks after the office's rooms, cars or equipment, which no store of the assistant keeps. */
export function logisticsAsked(p: Prepared): boolean {
  const thing = THING.exec(p.text);
  if (!thing || RULE_ASKED.test(p.text) || DONE_OR_COUNTED.test(p.text)) return false;
  return STATE_ASKED.test(p.text.slice(thing.index + thing[0].length));
}
