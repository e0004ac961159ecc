/**
 * Follow-ups right after a draft: 改成发言稿 (another form), 导出word (its file again),
 * 再写一段关于视察的 (another topic, the same period), 再短一点 (the same draft to its
 * figures' sentences), 压缩到200字 (a length), 加上下半年打算 (the plan, which the log does not
 * hold: the draft says so), 把数字再核一下 (each figure with its count in the log), and any other
 * edit (口语化一点, 去掉第二段), which is answered with what can be done.
 */
import { scanTime, type IsoDate } from '../time/index.ts';
import type { Reading } from '../reader/index.ts';

/** What a thread remembers of the draft just written. */
export interface DraftTurn {
  readonly request: string;
  /** The body's length in characters, once drafted. */
  readonly length?: number;
}

/** A follow-up of a draft resolved. */
export type DraftFollowUp =
  /** The request to draft (again); `shorterThan` when the draft is to come out below that length. */
  | { intent: 'draft'; request: string; shorterThan?: number }
  /** Each figure of the draft with its count in the log. */
  | { intent: 'draft-check'; request: string }
  /** An edit the drafter cannot make: say what it can. */
  | { intent: 'draft-edit' };

/** 改成发言稿, 换成总结 right after a draft: the same request in that form. */
const REFORM = /^(?:请|帮我|麻烦)?(?:改|换|写|改写|变)(?:成|为)(?:一[篇段份个])?((?:交流)?(?:发言|讲话|演讲)稿?|致辞|工作总结|总结|汇报材料|汇报|简报)(?:吧|呢|的形式)?[。！!]?$/;
/** The form words of a request, taken out before the new one is put in. */
const FORM_WORDS = /(?:的)?(?:交流)?(?:发言稿?|讲话稿?|演讲稿?|致辞|工作总结|总结|汇报材料|汇报|简报)/g;
/** 导出word, 要Word版 right after a draft: the same draft again, which comes with its Word file. */
const DRAFT_FILE = /^(?:请|帮我)?(?:导出|生成|输出|下载|发|给我|要)?(?:一[个份])?成?\s*(?:word|docx)\s*(?:版|文件|文档)?(?:吧|呢)?[。！!]?$/i;
/** 再写一段关于视察的 right after a draft: another draft, of the same period unless it names its own. */
const ANOTHER = /^(?:请|帮我)?(?:再|另外|接着|还要|还得)(?:帮我)?(?:写|起草|拟|草拟|弄)/;

/** A length named: 压缩到200字, 控制在300字以内, 500字左右. */
const LENGTH = /^(?:请|帮我|麻烦)?(?:再)?(?:压缩|缩短|缩减|删减|精简|控制|改|写|减|缩)?(?:到|在|成|为)?(?:不超过|不少于)?\s*([0-9]{2,5}|[一二三四五六七八九两千百十]{2,5})\s*字\s*(左右|以内|以下|以上|上下|内)?(?:吧|呢|就行|即可|就好)?[。！!]?$/;
/** Length words already in a request, replaced by the new ones. */
const LENGTH_WORDS = /[，,]?\s*(?:不超过|不少于|不低于|控制在)?\s*(?:[0-9]{2,5}|[一二三四五六七八九两千百十]{2,5})\s*字\s*(?:左右|以内|以下|以上|上下|内)?/g;
/** 再短一点, 精简一下, 太长了. */
const SHORTER = /^(?:请|帮我|麻烦)?(?:再|写得?|改得?|稍微|能不能|可以)?(?:再|更)?(?:短|简短|精简|简洁|简练|压缩|缩短|删减|紧凑|简单)(?:一?[点些]|一下|些)?(?:吧|呢|行吗|可以吗)?[。！!？?]?$|^(?:太长了?|有点长|长了|篇幅太长)(?:[，,].{0,8})?[。！!]?$/;
/** Already asked to be brief (the drafter's own reading, request-shape.ts). */
const BRIEF = /简短|短一[点些]|短点|精简|简洁|压缩一下|缩短/;
/** 加上下半年打算, 后面补充下一步工作计划. */
const PLAN_ADD = /^(?:请|帮我)?(?:在)?(?:后面|最后|文末|结尾|末尾)?(?:再)?(?:加上|加入|加|补上|补充|附上|写上|带上|增加|添上)(?:一段)?(.{0,10}?(?:计划|打算|思路|安排|要点|规划|展望))(?:吧|呢)?[。！!]?$/;
/** 把数字再核一下, 数据准确吗, 次数对不对. */
const CHECK = /(?:核|核对|核实|核查|校对|检查|查|对)(?:一下|一遍|下)?.{0,4}(?:数字|数据|次数|数目)|(?:数字|数据|次数|数目)(?:都)?(?:再)?(?:核|核对|核实|核查|校对|检查|对不对|准确|准不准|没错|有没有错|对吗|是否准确|可靠|靠谱)/;
/** Words of an edit to a text: 口语化一点, 去掉第二段, 语气正式一些, 换个标题. */
const EDIT = /去掉|删掉|删除|删去|去除|拿掉|加上|加入|增加|补充|补上|添上|调整|修改|改一下|改改|改得|润色|口语|通俗|正式|书面|生动|活泼|精炼|换个|换一下|语气|措辞|标题|第[一二三四五六七八九十\d]段|段落|顺序|分段|合并|长一[点些]|详细|扩写|展开/;

/** A follow-up of the draft just written, or undefined when the message is not about it. */
export function draftFollowUp(text: string, previous: DraftTurn, reading: Reading, now: IsoDate): DraftFollowUp | undefined {
  const t = text.trim();
  const form = REFORM.exec(t);
  if (form) return { intent: 'draft', request: `${previous.request.replace(FORM_WORDS, '')}的${form[1]}` };
  if (DRAFT_FILE.test(t)) return { intent: 'draft', request: previous.request };
  const length = LENGTH.exec(t);
  if (length) {
    const bound = length[2] === '左右' || length[2] === '上下' ? '左右' : length[2] === '以上' || /不少于/.test(t) ? '以上' : '以内';
    return { intent: 'draft', request: `${previous.request.replace(LENGTH_WORDS, '')}，${length[1]}字${bound}` };
  }
  if (SHORTER.test(t)) {
    const request = BRIEF.test(previous.request) ? previous.request : `${previous.request}，简短一些`;
    return { intent: 'draft', request, ...(previous.length ? { shorterThan: previous.length } : {}) };
  }
  const plan = PLAN_ADD.exec(t);
  if (plan) {
    // 下一步安排 is a plan too: the drafter knows a plan by 计划 and 打算.
    const words = /计划|打算|思路|要点|规划/.test(plan[1]) ? plan[1] : `${plan[1]}打算`;
    // Right after the work asked for (总结，后面加上下半年打算), before a length it was given.
    const base = previous.request.replace(LENGTH_WORDS, '');
    const lengths = previous.request.match(LENGTH_WORDS)?.join('') ?? '';
    return { intent: 'draft', request: `${base}，后面加上${words}${lengths}` };
  }
  if (CHECK.test(t) && t.length <= 20) return { intent: 'draft-check', request: previous.request };
  if (ANOTHER.test(t) && !scanTime(t, now).periods.some((p) => !p.timeOnly)) {
    const period = scanTime(previous.request, now).periods.filter((p) => !p.timeOnly).map((p) => p.words).join('');
    if (period) return { intent: 'draft', request: `${period}${t}` };
  }
  // 口语化一点 is about the draft; 今天去调研了 or 上半年视察了几次 stands on its own.
  if (t.length <= 20 && EDIT.test(t) && !['log', 'undo', 'count', 'list', 'draft'].includes(reading.intent)) return { intent: 'draft-edit' };
  return undefined;
}
