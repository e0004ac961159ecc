/**
 * A question that names whose record it asks about — a place (上海今年城镇新增就业目标是多少, 北京核心区
 * 退租多少户) or a dated record (2024年政府工作报告里…, 2022年的政府工作报告说…) — is answered from that
 * record only. Reports of different places and years state the same kinds of figures in the same
 * words (城镇新增就业…万人, 办理…代表建议…件), so another one's figure reads as the answer: the
 * national target passed off as Shanghai's, Shanghai's count of proposals as the 2024 report's.
 * Rules (laws, 议事规则) carry no place or year and are left to the other checks.
 */
import type { ScoredPassage } from '../types.ts';

// Provincial-level places, as staff name them (北京, 内蒙古); a report names its own in its title.
const PLACES = ['北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西',
  '山东', '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '内蒙古', '广西', '西藏', '宁夏',
  '新疆', '香港', '澳门', '台湾'];
// A record named by its year: 2024年政府工作报告, 2022年的政府工作报告, 2024年上半年工作总结,
// 2026年北京市政府工作报告, 2025年全国政府工作报告 (a year no national report in the library is of);
// not a year of what a report tells (2025年地区生产总值在报告里是多少).
const DATED_RECORD = /((?:19|20)\d{2})\s*年度?的?(?:上半年|下半年|全年)?(?:全国|\p{Script=Han}{2,3}[省市])?(?:人民)?(?:政府)?(?:工作)?(?:报告|总结|纪要)/u;
const YEAR_ANYWHERE = /(?:19|20)\d{2}/u;
// The office's own district as staff name it (咱们区今年GDP增长目标): its record is one whose title
// names a 区 (区人大常委会2024年上半年工作总结), never a city's or the national report.
const OWN_DISTRICT = /(?:咱们|我们|我|本|全)区/u;
// A question on the national record.
const NATIONAL = /全国|国务院|国家|中央/u;
// A document that records (a report, summary, minutes, speech) rather than rules, named so in its
// title or file name; a year alone does not make one (supervision-law-2024.md,
// 《监督法》2024年修正 are rules).
const RECORD = /报告|总结|纪要|讲话|(?:^|[-_\s/])(?:report|summary|minutes|speech)(?:[-_\s.]|$)/iu;
// A rule by its title: a law, rules of procedure, regulations.
const RULE_TITLE = /法(?:$|[（(\s])|规则|条例|办法|规定|细则|章程|决定/u;

/** Whether a document (by its title and file name) is a record rather than a rule. */
function isRecord(title: string, doc: string): boolean {
  return !RULE_TITLE.test(title) && RECORD.test(`${title} ${doc}`);
}

/** What a question names of the record it asks about. */
export interface NamedRecord {
  readonly places: readonly string[];
  readonly year?: string;
  /** The years asked about (2025年地区生产总值), or how many after the record's own (今年 0, 去年 -1). */
  readonly asked: { readonly years: readonly number[]; readonly relative?: number };
}

const YEAR = /(?:19|20)\d{2}(?=\s*年)/gu;
const RELATIVE: ReadonlyArray<readonly [RegExp, number]> = [[/去年|上一年|上年度/u, -1], [/明年/u, 1], [/今年|本年度?/u, 0]];
// A year a figure is compared with (赤字率…比上一年高了还是低了, 比去年增长多少) is not the year asked about.
const COMPARED_YEAR = /(?:比|较|同|跟|与|和)(?:去年|上一年|上年度?)/gu;

/** The places and the record's year a question names; undefined when it names neither. */
export function namedRecord(question: string): NamedRecord | undefined {
  const year = DATED_RECORD.exec(question)?.[1];
  // A place in a question on a dated or a national record is its topic (2024年政府工作报告对上海浦东
  // 有什么部署, 国务院…对北京的要求), not whose record it is.
  const places = year || NATIONAL.test(question) ? []
    : [...PLACES.filter((place) => question.includes(place)), ...(OWN_DISTRICT.test(question) ? ['区'] : [])];
  // The years the question asks about, apart from the one naming the record.
  const years = [...question.replace(DATED_RECORD, '').matchAll(YEAR)].map((m) => Number(m[0]));
  const relative = years.length ? undefined : RELATIVE.find(([words]) => words.test(question.replace(COMPARED_YEAR, '')))?.[1];
  return places.length || year || years.length || relative !== undefined ? { places, year, asked: { years, relative } } : undefined;
}

/**
 * Whether a passage's document is a record of another place or year than the one named, or the
 * passage stands under a heading of another year than the one asked (2025年工作回顾 for 北京今年计划…
 * in the 2026 report, whose 今年 is 2026).
 */
function otherRecord(named: NamedRecord, { passage }: ScoredPassage): boolean {
  const label = `${passage.title} ${passage.doc}`;
  if (!isRecord(passage.title, passage.doc)) return false;
  if (named.year && !label.includes(named.year)) return true;
  const own = Number(label.match(YEAR_ANYWHERE)?.[0]);
  const asked = named.asked.relative !== undefined && own ? [own + named.asked.relative] : named.asked.years;
  const headed = [...passage.context.replace(passage.title, '').matchAll(YEAR)].map((m) => Number(m[0]));
  if (asked.length && headed.length && !asked.some((year) => headed.includes(year))) return true;
  // A record naming none of the places asked (the national report for 上海…) is another's.
  return named.places.length > 0 && !named.places.some((place) => label.includes(place));
}

/**
 * The candidates an answer may quote for a question naming its record: without the records of
 * other places or years, in their order; `declined` when the first candidate was such a record
 * and none of the named one's is left to quote.
 */
export function namedRecordPassages(question: string, candidates: readonly ScoredPassage[]): { passages: readonly ScoredPassage[]; declined: boolean } {
  const named = namedRecord(question);
  if (!named || !candidates.length) return { passages: candidates, declined: false };
  const kept = candidates.filter((p) => !otherRecord(named, p));
  const declined = otherRecord(named, candidates[0]) && !kept.some((p) => isRecord(p.passage.title, p.passage.doc));
  return { passages: kept.length ? kept : candidates, declined };
}

// When the next one of a thing is (下一次常委会大概啥时候开, 下次视察定在哪天): a date ahead, not a rule.
const NEXT_ONE = /下一?次|下回|下一场/u;
const ASKS_WHEN = /什么时候|啥时候|哪天|哪一天|几号|几月|何时|多会儿|什么时间/u;
// A record's date ahead: 拟于8月下旬召开, 定于…举行; not the date a meeting was held (时间：2024年6月25日).
const SCHEDULED = /拟于|定于|计划于|将于|预计于|拟在|定在/u;

/** Whether a question asks when the next one of a thing is (下一次常委会大概啥时候开). */
export function asksNextDate(question: string): boolean {
  return NEXT_ONE.test(question) && ASKS_WHEN.test(question);
}

/**
 * The candidates an answer may quote for when the next one of a thing is: records stating a date
 * ahead only (minutes, plans, reports: 第二十二次会议拟于8月下旬召开). A rule says how often (每两个月举行一次) or that
 * one may be called (可以临时召集会议), never when the next one is; nor does a record's line on a
 * past meeting (时间：2024年6月25日). `declined` when no record states a date ahead.
 */
export function nextDatePassages(question: string, candidates: readonly ScoredPassage[]): { passages: readonly ScoredPassage[]; declined: boolean } {
  if (!asksNextDate(question)) return { passages: candidates, declined: false };
  const records = candidates.filter((p) => isRecord(p.passage.title, p.passage.doc) && SCHEDULED.test(p.passage.text));
  return { passages: records.length ? records : candidates, declined: !records.length };
}
