/**
 * Activities written as a numbered list (今天：①召开主任会议②召开党组会议, 1.… 2.…, （1）…（2）…):
 * each item is an activity of its own, on the day named before the list — never one entry titled
 * with all of them, which would leave the others uncounted.
 */

/** An item number opening a clause: ① ⑴ ❶, 1. 1、 1), (1), 一、 (not 3、7月 or 11.18, a date). */
export const ITEM_START = /^\s*(?:[①-⑳⑴-⒇❶-❿]|\d{1,2}\s*[.、)](?!\d)|\(\d{1,2}\)|[一二三四五六七八九十]、)/;

/** Item numbers that open an item inside a clause: ① and (1) anywhere, 1. and 一、 after a space or colon. */
const ITEM_INSIDE = /[①-⑳⑴-⒇❶-❿]|\(\d{1,2}\)|(?<=[\s:])(?:\d{1,2}\s*[.、)](?!\d)|[一二三四五六七八九十]、)/g;

/** A time of day after a space (今天上午 主任会议 下午 党组会议): the next activity of that day begins. */
const TIME_AFTER_SPACE = /(?<=[\u4e00-\u9fff]\s+)(?=(?:上午|下午|晚上|早上|中午|傍晚)\s*[\u4e00-\u9fff])/g;

/** Where the items of a numbered list (or the activities of one day, spaced) begin in the (normalised) text. */
export function itemStarts(text: string): number[] {
  return [...text.matchAll(ITEM_INSIDE), ...text.matchAll(TIME_AFTER_SPACE)].map((m) => m.index);
}

/** A title without the item number it opens with. */
export function withoutItemNumber(title: string): string {
  return title.replace(ITEM_START, '').trim();
}
