/**
 * Log titles as the 事项 a draft names: "区政府关于金融支持实体经济的工作报告" →
 * "金融支持实体经济", "视察全区优化营商环境工作" → "全区优化营商环境". A title is
 * sanitised first: its own counted figures (交办46件) and anything that reads as an
 * instruction to a model never reach a draft or a prompt.
 */
import { countedFigures } from './grounding.ts';

// Words that tell a model what to do; a log title never needs them.
const INSTRUCTION = /忽略|无视|不要理会|ignore|disregard|system|prompt|assistant|请(?:你|务必)?(?:写|输出|改|回答|生成|在稿)|你(?:是|必须|应该|要)|(?:以上|上述|之前|前面)的?(?:要求|指示|规则)|指令|提示词|[<>{}`]/i;

const ISSUER = /^(?:区|全区)?人大常委会(?=.)/;
const REPORT_ISSUER = /^(?:区(?:人民)?政府|区政府办)?关于/;
const COURT_ISSUER = /^(区(?:人民)?法院|区(?:人民)?检察院|区监(?:委|察委员会))关于/;
// 赴/到 a place and a verb: the place stays, the verb goes (到XX街道调研基层治理 → XX街道基层治理).
const PLACE = /^(?:赴|到)(.{2,12}?(?:街道|乡镇|社区|村|园区|企业|学校|医院))(?:走访调研|调研|视察|走访|检查)了?/;
const LEADING = /^(?:听取(?:和)?(?:审议)?了?|审议了?|组织(?:部分)?(?:人大)?(?:代表)?|开展了?|召开了?|举办了?|参加了?|对|就|围绕|关于|专题|视察了?|走访调研|调研了?|调查研究|执法检查|询问|走访了?|督办|交办|回访|学习|代表建议(?:办理)?(?:情况)?|帮包乡镇(?:（街道）|\(街道\))?|了)+/;
const YEAR = /^区?(?:\d{4}|[〇零一二三四五六七八九]{4})年(?:度|上半年|下半年|第[一二三四]季度)?/;
const REPORT_TAIL = /(?:的)?(?:专项)?(?:工作)?(?:情况)?(?:的)?报告$/;
const TRAILING = /(?:等)?(?:工作情况|工作|情况|活动|进行视察|开展视察|开展调研|专题调研|执法检查)+$/;
const MAX_LENGTH = 30;

/**
 * A title fit for a draft or a prompt: one line, no counted figure of its own, no
 * instruction; undefined when nothing usable is left.
 */
export function sanitizeTitle(title: string): string | undefined {
  let text = title.replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\s+/g, ' ').trim();
  if (INSTRUCTION.test(text)) return undefined;
  // A title's own numbers (交办46件, 120人次) are not facts of the log: drop them, keep the rest.
  for (const figure of countedFigures(text)) text = text.replace(figure.text, '');
  text = text.replace(/[（(]\s*[）)]/g, '').replace(/\s+/g, ' ').trim();
  return text.length >= 2 ? text : undefined;
}

/** The 事项 of a title, or undefined when none reads well (or it is just a kind's name). */
export function matterOf(title: string, kindWords: ReadonlySet<string> = new Set()): string | undefined {
  const clean = sanitizeTitle(title);
  if (!clean) return undefined;
  let text = clean.split(/[:：]/).pop() ?? clean;
  // Parentheses holding a number are the log's own bookkeeping: (2023年第1次).
  text = text.replace(/[（(][^）)]*[0-9一二三四五六七八九十][^）)]*[）)]/g, '').replace(/[“”"]/g, '').trim();
  // A report's year is the report's business (2022年度审计工作 → 审计); a meeting's name keeps it.
  const report = /关于|报告$/.test(text);
  for (let i = 0; i < 3; i++) {
    text = text.replace(ISSUER, '').replace(COURT_ISSUER, '$1').replace(REPORT_ISSUER, '').replace(PLACE, '$1')
      .replace(LEADING, '').replace(report ? YEAR : /^$/, '').replace(REPORT_TAIL, '').replace(TRAILING, '').trim();
  }
  text = text.replace(/^[，,、；;。\s]+|[，,、；;。\s]+$/g, '');
  const bare = text.replace(/[()（）]/g, '');
  // 第十次会议 is bookkeeping, not a matter.
  if (text.length < 2 || text.length > MAX_LENGTH || text.startsWith('第') || kindWords.has(text) || kindWords.has(bare)) return undefined;
  return text;
}

/** Up to `limit` distinct 事项 of the titles, in the order given. */
export function mattersOf(titles: readonly string[], kindWords: ReadonlySet<string>, limit = 3): string[] {
  const seen = new Set<string>();
  for (const title of titles) {
    const matter = matterOf(title, kindWords);
    if (matter && ![...seen].some((s) => s.includes(matter) || matter.includes(s))) seen.add(matter);
    if (seen.size >= limit) break;
  }
  return [...seen];
}

/**
 * The 事项 joined the office's way: "A、B、C等" when the list stops short of `count`
 * (or `always` asks for 等 before a figure), "A、B" when it names them all.
 */
export function joinMatters(matters: readonly string[], count: number, always = false): string | undefined {
  if (matters.length === 0) return undefined;
  const more = matters.length < count || (always && count > 1);
  return matters.join('、') + (more ? '等' : '');
}
