/**
 * Who logged the entries a question asks about: 我上个月记了哪些活动 → 我, 小王今年记了几条 → 小王,
 * 办公室上半年记录了多少条 → 办公室. Read only before a verb of recording (记, 记录, 登记, 录入)
 * with 了/过/的 after it, at the start of a clause — so 组织代表视察 or 我们今年视察了几次 (the
 * office as a whole) never narrow a count to one person.
 */
import type { Prepared } from './prepare.ts';

/** A clause opening with who recorded: 小王今年记了, 我记的, 办公室上半年记录了, 用小王登记的, 其中哪些是代表工委记的. */
const RECORDED = /^\s*(?:其中)?\s*(?:哪些|哪几[条项个次])?\s*(?:是|为)?\s*(?:请问|帮我看看|帮我查查|看看|查查|查一下|把|用|按|根据)?\s*([\u4e00-\u9fff]{1,6}?)\s*(?:自己)?\s*(?:都|一共|总共|共)?\s*(?:记录|登记|录入|记|填报)(?:了|过|的)/;
/** Words for the office as a whole, or for nobody in particular: no narrowing. */
const EVERYONE = /^(?:我们|咱们|大家|常委会|人大|区人大|人大常委会|全部|所有|一共|总共|都|这边|那边|活动|工作|会议)$/;

/**
 * Who the words name as the one who logged the entries: 我 for the one asking, else the name
 * written; undefined for everyone. `notNames` are words that are something else (activity words).
 */
export function recorderIn(text: string, notNames: readonly string[] = []): string | undefined {
  for (const clause of text.split(/[，,。；;？?！!\n]/)) {
    const m = RECORDED.exec(clause);
    if (!m) continue;
    const who = m[1];
    if (/^(?:我|本人|我自己)$/.test(who)) return '我';
    // 帮我整理记录的…: asking and writing words are no one's name.
    if (EVERYONE.test(who) || /[帮请写整起给做拟]/.test(who) || notNames.some((words) => words.includes(who))) return undefined;
    return who.length >= 2 ? who : undefined;
  }
  return undefined;
}

/** The person a count or list narrows to (its time words blanked, its activity words no names). */
export function queryRecorder(p: Prepared): string | undefined {
  return recorderIn(p.blank, p.mentions.map((x) => p.text.slice(x.start, x.end)));
}
