/**
 * Paperwork about an activity is office work, not the activity: 起草了常委会工作报告 is no hearing
 * of a report (听取审议报告), 准备了视察方案 no 视察, 印发了调研方案 no 调研, 筹备常委会会议 no session, 通知…参加常委会会议 no session either. An activity word
 * that only names the document a paperwork verb was done to gives its entry no kind (其他), so a
 * count of hearings or inspections never takes in the drafting of their papers.
 */
import type { KindMention } from './lexicon.ts';
import type { Prepared } from './prepare.ts';

/** A verb done to a document, right before the words that name it (起草了, 印发, 准备了). */
const PAPER_VERB = /(?:起草|草拟|拟写|拟定|撰写|修改|修订|审核|校对|印发|下发|报送|上报|呈报|报备|提交|准备|制定|编制|完善|整理|完成|定稿|打印|形成)(?:了|好|完|过)?[^，,。；;！!？?\n]{0,12}$/;
/** A deed between that verb and the activity word: the activity word is that deed's, not the document's. */
const DEED_BETWEEN = /召开|开展|组织|参加|出席|列席|举行|举办|进行|赴|前往|听取|审议|主持|陪同|接待|开了|去了|到了/;
/** The document the activity word names, within its clause (视察报告, 常委会工作报告, 执法检查实施方案). */
const DOCUMENT_AFTER = /^[^，,。；;！!？?\n]{0,10}?(?:报告|方案|计划|纪要|通知|材料|初稿|稿|提纲|要点|函|简报|总结|议程|文件|意见|决定|决议|草案|讲话)/;
const DOCUMENT_WORD = /(?:报告|方案|计划|纪要|总结)$/;
const CLAUSE_BREAK = /[，,。；;！!？?\n]/g;

/** Preparing the activity rather than holding it: 筹备常委会会议, 布置了常委会会议会场. */
const PREPARING_BEFORE = /(?:筹备|筹划|布置)(?:了|好|完)?[^，,。；;！!？?\n]{0,8}$/;
/**
 * A notice to attend, right before the activity word (通知各委员参加常委会会议, 电话通知代表出席): the
 * notice is sent, the meeting not yet held. 接到通知参加培训 is attending, so not after 接到, 收到, 按, 根据.
 */
const NOTICE_BEFORE = /(?<!接到|收到|接|收|按|根据|按照|依照|遵照)(?:通知|告知)(?:了|到)?[^，,。；;！!？?\n]{0,12}$/;
/** A deed done after the notice in the same clause (通知后召开了): then the activity was held. */
const HELD_AFTER_NOTICE = /召开|开展|组织|举行|举办|进行|听取|审议|主持|开了/;
/** The activity as the purpose of what was done: 为常委会会议准备材料, 为下周的视察踩点. */
const FOR_BEFORE = /(?:为|给)[^，,。；;！!？?\n]{0,6}$/;
const FOR_AFTER = /^[^，,。；;！!？?\n]{0,6}?(?:准备|做准备|踩点|筹备|布置|打前站|对接)/;
/** Before it: 视察前的准备工作. */
const BEFORE_IT = /^\s*(?:前|之前)的?(?:各项)?(?:准备|筹备)/;

/**
 * Whether the activity word only names the document a paperwork verb was done to, or what was
 * prepared (筹备, 为…准备, …前的准备工作) rather than held.
 */
export function isPaperwork(p: Prepared, m: KindMention): boolean {
  const before = p.blank.slice(0, m.start);
  const clause = before.slice(Math.max(...[...before.matchAll(CLAUSE_BREAK)].map((x) => x.index + 1), 0));
  const rest = p.blank.slice(m.end);
  if (BEFORE_IT.test(rest) || (FOR_BEFORE.test(clause) && FOR_AFTER.test(rest))) return true;
  const notice = NOTICE_BEFORE.exec(clause);
  if (notice && !HELD_AFTER_NOTICE.test(clause.slice(notice.index + 2))) return true;
  const preparing = PREPARING_BEFORE.exec(clause);
  if (preparing && !DEED_BETWEEN.test(clause.slice(preparing.index + 2))) return true;
  const verb = PAPER_VERB.exec(clause);
  if (!verb || DEED_BETWEEN.test(clause.slice(verb.index + 2))) return false;
  return DOCUMENT_WORD.test(m.words) || DOCUMENT_AFTER.test(rest);
}

/** The first activity word of a part that is done, not the paperwork about it; else the first of the part. */
export function deedMention(p: Prepared, inPart: (m: KindMention) => boolean): KindMention | undefined {
  const found = p.mentions.filter(inPart);
  return found.find((m) => !isPaperwork(p, m)) ?? found[0];
}
