/**
 * Count and list questions the log holds no one kind for: a field of work that spans several
 * kinds (代表工作: 培训, 代表活动 and 代表建议办理) is counted over those kinds, each shown with its own
 * count, never over every kind; who attended or was on leave at one meeting (the log records what
 * was done, never who came) is said plainly, never answered with a rule on how to ask for leave.
 */
import type { Taxonomy } from './kinds.ts';
import type { Prepared } from './prepare.ts';
import { readerMessages as say } from './messages.ts';

/**
 * A field of work named as what is counted, and the kinds it takes: the kinds of the drafting
 * topic of the same name (src/drafting/topics.json; a test keeps them alike), so a count and a
 * draft of 代表工作 give the same figures.
 */
const FIELDS: ReadonlyArray<{ words: RegExp; name: string; kinds: readonly string[] }> = [
  { words: /代表(?:方面的?|履职(?:服务)?|联络|服务)?工作/, name: '代表工作', kinds: ['training', 'deputy_activity', 'suggestion'] },
  { words: /监督(?:方面的?)?工作/, name: '监督工作', kinds: ['report_review', 'inspection', 'research', 'law_check', 'inquiry'] },
  { words: /(?:自身|机关)(?:方面的?)?建设/, name: '自身建设', kinds: ['party_meeting', 'study', 'meeting'] },
];

/** Any field's words (代表工作, 监督工作, 自身建设), everywhere in a text. */
export const FIELD_WORDS = new RegExp(FIELDS.map(({ words }) => words.source).join('|'), 'g');

/** The fields a count or list may name, for the test that keeps them alike with the drafting topics. */
export const FIELD_KINDS: ReadonlyArray<{ readonly name: string; readonly kinds: readonly string[] }> = FIELDS;

/**
 * The kinds a count or list with no activity word counts when it names a field of several kinds
 * (今年代表工作开展了几次: 培训, 代表活动 and 代表建议办理, each shown with its own count), or undefined.
 */
export function fieldKinds(p: Prepared, taxonomy: Taxonomy): string[] | undefined {
  if (p.mentions.length > 0) return undefined;
  const field = FIELDS.find(({ words }) => words.test(p.blank));
  return field?.kinds.filter((id) => taxonomy.get(id)).sort();
}

/** One meeting or occasion in particular: 上次, 那次, 昨天的, 第二十一次, 6月12日的. */
const OCCASION = /上[一]?次|上回|那次|这次|本次|刚才|刚开的|昨天|前天|今天|第\s*[0-9零〇一二两三四五六七八九十百]+\s*次|[0-9一二三四五六七八九十]+\s*月\s*[0-9一二三四五六七八九十]+\s*[日号]|上周|本周|这周/;
/** Being there or not: 请假, 缺席, 没来, 出席. */
const PRESENCE = '(?:请假|请了假|缺席|缺会|没来|没到|未到|没参加|未参加|没出席|未出席|出席|列席|到会|参会|参加)';
/** Asking who: 请假的都有谁, 谁没来, 哪些委员缺席, 出席名单. */
const WHO_PRESENT = new RegExp(
  `${PRESENCE}(?:了|的)?(?:人员|委员|组成人员|代表|同志)?(?:都|分别|具体)?(?:有|是)?(?:谁|哪些人|哪几(?:个人|位|个)|哪位|哪些(?:委员|组成人员|代表|同志))|` +
  `(?:谁|哪些人|哪几位|哪位|哪些(?:委员|组成人员|代表|同志))(?:没|未|又)?[^，,。？?]{0,4}${PRESENCE}|${PRESENCE}(?:人员)?名单`,
);
/** A rule about leave rather than a meeting's roll: 向谁请假, 经谁批准, 由谁审批. */
const RULE_OF_LEAVE = /向谁|经谁|由谁|找谁|谁(?:批准|审批|同意|签字)|批准|审批|应当|需要|怎么|如何|规定/;

/**
 * The plain answer when a message asks who attended or was absent at one meeting (上次常委会请假的都有谁),
 * or undefined. A count of them (几人请假) is left to the documents: minutes may state it.
 */
export function attendanceAsked(p: Prepared): string | undefined {
  if (!WHO_PRESENT.test(p.text) || RULE_OF_LEAVE.test(p.text) || !/会|活动|视察|调研|检查/.test(p.text)) return undefined;
  return OCCASION.test(p.text) ? say.attendanceNotLogged : undefined;
}
