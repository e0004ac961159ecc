/**
 * The subject a count or list is narrowed to, besides its kinds and period:
 * 上半年视察了几次安全生产 → 安全生产, 上半年视察了学校吗 → 学校,
 * 关于食品安全的执法检查有几次 → 食品安全, 围绕乡村振兴开展了几次调研 → 乡村振兴.
 *
 * It is read only where Chinese puts an activity's object — after the last activity word
 * (and 了, 几次), or before the first one behind 关于/就/围绕 or ending in 方面/的 — so the
 * one who acted (组织代表视察), a verb (代表建议办理了几次), the kind's own nouns
 * (几个专项工作报告) and the person asking are never taken for a subject. Without a subject
 * read here the question counts the whole kind, as before; with one, the reply says what it
 * matched and the kind's total beside it, so a narrowing that misses is seen, never silent.
 */
import type { Taxonomy } from './kinds.ts';
import { PER_PART } from './cues.ts';
import { blankOut, prepare, type Prepared } from './prepare.ts';
import type { IsoDate } from '../time/index.ts';

/** Where a clause ends: the subject never reaches across one. */
const CLAUSE = /[，,。？?！!；;：:\n]/;

/** What closes a count or list question after its subject (吗, 几次, 的记录, 有哪些). Stripped repeatedly. */
const TAIL = new RegExp(
  '(?:吗|呢|没有|没|啊|呀|吧|嘛|' +
    // 调研那块儿呢, 执法检查这一块: pointing back at the kind itself, never a subject.
    '(?:这|那)(?:一)?(?:块儿?|边儿?|方面|部分|头|类)|' +
    '的?(?:次数|数量|总数|情况|记录|清单|明细|台账|安排)|' +
    '(?:都|分别|具体)?(?:有|是)?(?:哪些|哪几次|哪几个|哪几项|什么时候|哪天|哪几天|什么)|' +
    '(?:一共|总共|共计|合计|累计|共)?(?:有|开展|进行|组织|举办|搞|开|办|做)?(?:了|过)?(?:几|多少)(?:次|个|项|期|场|回|件|批|趟|轮|起|家|条)?|' +
    '(?:画|做|出|生成|弄)?(?:个|一个|张|一张|成)?(?:柱状|统计)?图表?|' +
    '占(?:全部|所有|总|各类|同期)?[^，,。；;]{0,10}|比例|比重|百分比|' +
    '(?:列出来?|列一下|列个表|列个清单|列表|列清单|(?:导出|输出|下载)(?:来|一下)?(?:为|成|到)?(?:一个|一份)?(?:excel|xlsx|电子表格|表格|文件)?|' +
    '(?:做|生成|整理)成?(?:一个|一份)?(?:excel|xlsx|电子表格|表格))|' +
    '(?:同比|环比|比上年|比去年)?(?:增加|增长|减少|下降|多|少)|同比|环比|分别|各自|各|' +
    // 监督工作比(去年…), 的调研跟(上个月比): what it is compared with is another period, never the subject.
    '相比|对比|比较|比|跟|和|与|同|怎么样|如何|怎样|(?:有)?(?:什么)?变化|还是|' +
    // 按月, 每个月, 分类统计: how the count is broken down, never what is counted.
    '(?:按|分|逐)(?:月份?|季度?|类别?|类型)(?:统计|计算|列出)?|每个?月|各个?月|' +
    '(?:一共|总共|共计|合计|累计|总计|加起来|加在一起|合起来)|了|过|一下|的)$',
  'i',
);

/** What opens the words after an activity word before its subject (了, 几次, 一共). Stripped repeatedly. */
const HEAD = /^(?:相比|对比|比较|比|了|过|的|都|又|还|(?:这|那)一?(?:块儿?|边儿?|方面|部分)|一共|总共|共计|合计|累计|共|(?:几|多少)(?:次|个|项|场|回|期|批)?(?:的)?|哪些|哪几[个家处所次]|是?(?:关于|有关|涉及|围绕|针对))/;

/** A subject before the first activity word: 关于X的, 就X开展了几次, X方面的, X的. */
const BEFORE = /^(?:关于|有关|就|对|围绕|针对|涉及)?(.+?)(?:方面|相关|领域)?(?:的|开展了?|进行了?|组织了?)?(?:了|过)?(?:(?:几|多少)(?:次|个|项|场|回))?$/;
/** Before the first activity word, a subject needs a word that marks it as one (关于, 的, 方面). */
const MARKED_BEFORE = /(?:关于|有关|就|对|围绕|针对|涉及).+|.+(?:方面|相关|领域|的)(?:的)?$/;

/** Asking words that open a question (请问, 帮我列出, 统计一下): never part of a subject. */
const ASKING = new RegExp(`^(?:请问|请|麻烦|帮我|帮忙|给我|查一下|查查|看看|看一下|统计一下|统计|列出来?|列一下|导出|把|${PER_PART.source})`);

/** Words that are never a subject: who acts or asks, the office, the log's own nouns. */
const NOT_SUBJECT = new RegExp(
  `^(?:我们|咱们|我|你|大家|常委会|人大|区人大|人大常委会|区人大常委会|本级|办公室|机关|领导|主任|代表|委员|同志|全区|本区|区里|全部|所有|各类|各项|具体|一共|总共|情况|记录|活动|工作|次数|数量|时间|日期|什么|哪些|有|是|都|这些|那些|最近|近期|近来|目前|当前|为止|迄今|至今|现在|以前|之前|以来|期间|全年|年度|内容|主题|地点|对象|单位|地方|人员|结果|成效|效果|过程|分别|各自|开始|以后|起|的|${PER_PART.source})+$`,
);

/** Verbs of office work left behind an activity word (代表建议办理了几次): never a subject. */
const VERB =
  /^(?:办理|督办|审议|听取|召开|举办|开展|进行|组织|参加|接待|学习|检查|交办|答复|评议|督查|落实|推进|完成|处理|安排|举行|出席|列席|研究|讨论|决定|审定|通过|部署|议定|比|比较|对比)+$/;

/** Words of asking, counting or listing anywhere in a phrase: then it is no subject (是在, 列个表, 加起来). */
const QUESTION_WORDS = /是在|在哪|多少|啥|有没有|有无|几[次个项场回月]|列|表格|清单|统计|加起来|合计|总共|一共|什么|哪|^[0-9零〇一二两三四五六七八九十百]+\s*[次个项场回件批期]$/;

/** The kinds' own nouns and generic words (几个专项工作报告): a subject must be more than these. */
const GENERIC = /专项|专题|工作|报告|会议|议题|活动|记录|情况|方面|相关|有关|事项|问题|领域|法律法规|法律|法规|部门|单位|的/g;

/** Letters, digits and Chinese characters only, two or more: a subject is one unbroken phrase. */
const PHRASE = /^[\u4e00-\u9fffA-Za-z0-9·()（）]{2,24}$/;

/** A count word right before what was counted: 去过几次学校, 去了几次乡镇. */
const COUNTED = /(?:几|多少)\s*(?:次|回|趟)(.{2,12})$/;
/** Going somewhere: where they went is the subject, not the going (去企业, 到乡镇). */
const WENT = /^(?:去|到|赴|前往|走进|深入)(?:过|了)?(?=.{2})/;

/** Strip a pattern from one end again and again. */
function stripRepeatedly(text: string, pattern: RegExp): string {
  let out = text;
  for (let previous = ''; previous !== out; ) {
    previous = out;
    out = out.replace(pattern, '');
  }
  return out;
}

/** The phrase as a subject, or undefined when it is none. */
export function subject(phrase: string): string | undefined {
  if (!PHRASE.test(phrase) || NOT_SUBJECT.test(phrase) || VERB.test(phrase) || QUESTION_WORDS.test(phrase)) return undefined;
  // 今天没有活动吗: whether there was any, not entries titled 没有活动.
  if (/^(?:没有?|无|未)/.test(phrase)) return undefined;
  // 我记的视察: who recorded (query-recorder.ts), not what was done.
  if (/(?:记|记录|登记|录入|填报)$/.test(phrase)) return undefined;
  return phrase.replace(GENERIC, '').length >= 2 ? phrase : undefined;
}

/** The words after the last activity word up to the clause's end, trimmed of question words. */
function after(p: Prepared): string | undefined {
  const last = p.mentions[p.mentions.length - 1];
  const clause = p.blank.slice(last.end).split(CLAUSE)[0].trim();
  const words = stripRepeatedly(stripRepeatedly(clause, TAIL), HEAD);
  return words ? subject(words) : undefined;
}

/** The words before the first activity word, back to the clause's start, when marked as its subject. */
function before(p: Prepared): string | undefined {
  const first = p.mentions[0];
  const clauses = p.blank.slice(0, first.start).split(CLAUSE);
  // The last unbroken run: time words (blanked) and 列出 before it are not part of the subject.
  const run = clauses[clauses.length - 1].trim().split(/\s+/).pop() ?? '';
  const words = stripRepeatedly(run, ASKING);
  // 去过几次学校视察: a count word right before the subject marks it too.
  const counted = COUNTED.exec(words);
  if (counted) return subject(counted[1]);
  // 有没有去学校视察, 到企业调研了几次: where they went, right before the activity word.
  const went = /(?:去|到|赴|前往)(?:过|了)?([\u4e00-\u9fff]{2,10})$/.exec(words);
  if (went) return subject(went[1]);
  if (!MARKED_BEFORE.test(words)) return undefined;
  const m = BEFORE.exec(words);
  return m ? subject(stripRepeatedly(m[1], /(?:方面|相关|领域|的)$/)) : undefined;
}

/** The subject a count or list question names, or undefined (most questions name none). */
export function queryTopic(p: Prepared): string | undefined {
  if (p.mentions.length === 0) return undefined;
  return after(p) ?? before(p);
}

/**
 * The subject of a count or list naming no activity word (今年出差几次, 今年人代会开了几次, 上半年
 * 去了几次乡镇): what is left once the time words and asking words are out, when that is one
 * phrase. Counted over every kind it would be a figure of everything, silently; narrowed, the
 * reply says what matched, with every kind's total beside it. 开会 and 活动 are placed already.
 */
export function unplacedSubject(p: Prepared): string | undefined {
  if (p.mentions.length > 0) return undefined;
  const runs = p.blank.split(/[\s\p{P}]+/u)
    .map((run) => {
      const words = stripRepeatedly(run, ASKING);
      return COUNTED.exec(words)?.[1] ?? withoutAsking(words);
    })
    .filter(Boolean);
  return runs.length === 1 ? subject(runs[0].replace(WENT, '')) : undefined;
}

/** A run of words without the question's head and tail words (了, 几次, 有哪些) and edge 的/了. */
function withoutAsking(run: string): string {
  return stripRepeatedly(stripRepeatedly(run, TAIL), HEAD).replace(/^(?:的|了)+|(?:的|了)+$/g, '');
}

/**
 * A committee or office named as the one that acted (法工委今年调研了几次, 财经委搞了几次执法检查):
 * the log keeps no department, so its entries are found by the name in their titles — counted
 * over every one of the kind instead, the figure would pass for the committee's. 常委 (members)
 * and 常委会 (the whole body) narrow nothing.
 */
const COMMITTEE = /[\u4e00-\u9fff]{1,8}?(?:工委|专委会?|委员会|委(?!员)|办公室|研究室|联络处)/g;
/** The body as a whole or its members: no narrowing. */
const WHOLE_BODY = /常委会?$|常务委员会$/;

/** The committee a count or list names before its first activity word, or undefined. */
export function committeeSubject(p: Prepared): string | undefined {
  if (p.mentions.length === 0) return undefined;
  const run = p.blank.slice(0, p.mentions[0].start).split(CLAUSE).pop() ?? '';
  const words = stripRepeatedly(run.replace(/\s+/g, ''), ASKING);
  const found = [...words.matchAll(COMMITTEE)].filter((m) => !WHOLE_BODY.test(m[0]));
  if (found.length === 0) return undefined;
  // 法工委和财经委: both named, as written (no title holds both, and the reply says so with the total).
  const first = found[0];
  const last = found[found.length - 1];
  const named = words.slice(first.index, last.index + last[0].length);
  // 由法工委牵头的, 区人大法工委: the committee, not the words around it.
  return named.replace(/^(?:由|是|请|让|把|区人大|人大|区)+/, '') || undefined;
}

/** The part of a subject titles are searched for: 安全生产工作 → 安全生产, 区政府的报告 → 区政府. */
export function topicCore(about: string): string {
  // 区政府的报告 → 区政府: titles say 区政府关于…的报告, so the kind's own nouns are left out too.
  const core = stripRepeatedly(about, /(?:工作|情况|方面|相关|有关|事项|问题|领域|专项|专题|报告|会议|活动|记录|的)$/)
    .replace(/^(?:关于|有关|涉及)/, '');
  return core.length >= 2 ? core : about;
}

/**
 * The subject among a command's words (/stats 上半年 视察 学校 → 学校): what is left once its time
 * words, activity words and asking words are taken out, when that is one phrase — so a word the
 * command cannot place narrows the count visibly instead of being dropped.
 */
export function commandSubject(words: string, now: IsoDate, taxonomy: Taxonomy): string | undefined {
  const p = prepare(words, now, taxonomy);
  const runs = blankOut(p.blank, p.mentions).split(/[\s\p{P}]+/u)
    .map(withoutAsking)
    .filter(Boolean);
  return runs.length === 1 ? subject(runs[0]) : undefined;
}

/** Common surnames: a name named before 代表/委员/主任 starts with one (群众代表, 两位代表 are no names). */
const SURNAME = '[王李张刘陈杨黄赵吴周徐孙朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤温康施牛樊邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申耿兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝游辛靳柴蒙鲍华喻祁蒲房滕屈饶牟艾尤穆卓古吉缪简车项连芦麦褚娄窦戚岑景宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘池麻苑迟邝]';
const PERSON = new RegExp(`^(${SURNAME}[\u4e00-\u9fff]{1,2}(?:代表|委员)|${SURNAME}(?:副?主任|书记|秘书长))`);
/** Words that say which deputies, not who: 组织代表, 部分委员, 高校代表 (a surname's character may open them). */
const NO_NAME = /人大|高校|企业|群众|选民|青年|妇女|界别|专业|行业|特邀|列席|组织|部分|全体|各位|有关|相关|新任|基层|驻区|邀请|带领|这些|那些|哪些|几位|多少|广大|常委|专委|工委|[省市区县乡镇村位名个些]/;
const PLACE = /(?:在|到|去|赴)([\u4e00-\u9fff]{2,8}?(?:镇|乡|街道|村|社区|片区|开发区|园区|联络站|代表之家))/;

/**
 * A deputy or leader named as the one who acted (王建国代表参加了几次视察, 李主任带队视察了几次), or
 * the place it was done (在城关镇开展了几次代表活动), before the first activity word: like a
 * committee, found by its name in the titles — over the whole kind the figure would pass for
 * that person's or place's. Undefined when the words name neither.
 */
export function actorSubject(p: Prepared): string | undefined {
  if (p.mentions.length === 0) return undefined;
  const run = p.blank.slice(0, p.mentions[0].start).split(CLAUSE).pop() ?? '';
  const words = stripRepeatedly(run.replace(/\s+/g, ''), ASKING);
  const person = PERSON.exec(words)?.[1];
  // 王建国代表 → 王建国 (titles may say 组织王建国等代表…); 李主任 stays whole.
  const name = person?.replace(/(?:代表|委员)$/, '');
  if (person && name && !NO_NAME.test(name)) return name;
  return PLACE.exec(words)?.[1];
}

/** Who acted and the words tying them to the activity (张主任参加的, 组织部分代表, 李主任带队): never a subject. */
const DOERS = new RegExp(
  `^(?:${SURNAME}[\u4e00-\u9fff]{0,2}(?:代表|委员|副?主任|书记|秘书长)|(?:组织|带领|邀请|陪同|安排)?(?:部分|全体|各位|驻区|基层|新任|市区|区)?(?:人大)?(?:代表|委员|常委会组成人员|组成人员|常委|领导|同志)|参加的?|参与的?|带队的?|带领的?|牵头的?|组织的?|主持的?|一起|和|与|等|的|都|又|还|也|共|一共|总共|分别|各)+`,
);

/**
 * A place or thing named bare right before the first activity word (今年城东街道视察了几次, 学校视察
 * 过没有, 教育局专题询问了几次): what is left of that run once time words, asking words, who acted
 * and the committee are out. Dropped, the kind's total would pass for that place's; narrowed, the
 * reply says what it matched, with the total beside it.
 */
export function unmarkedSubject(p: Prepared): string | undefined {
  if (p.mentions.length === 0) return undefined;
  const run = (p.blank.slice(0, p.mentions[0].start).split(CLAUSE).pop() ?? '').trim().split(/\s+/).pop() ?? '';
  let words = stripRepeatedly(run, ASKING).replace(COMMITTEE, (m) => (WHOLE_BODY.test(m) ? m : ' '));
  words = words.split(' ').pop() ?? '';
  // 在城关镇参加了几次(代表活动): the count asked between the place and the activity word is no part of the place.
  words = stripRepeatedly(words, DOERS).replace(/(?:参加|参与|开展|组织|进行|搞|开|去|到)?(?:了|过)?(?:几|多少)(?:次|回|场|趟)?$/, '')
    .replace(/(?:那边|这边|那块|这块|那一块|一带|那里|这里|分别|各|都|的|了|去|到|在|赴|前往)+$/, '').replace(/^(?:去|到|在|赴|前往)/, '');
  // 开了几次常委会, 最近一次执法检查, 全年召开党组会议: asking, counting or time words, no place.
  // 集中视察, 重点调研, 下乡调研: how it was done; only a place or body, by its last word, narrows.
  return words && !BARE_NOT.test(words) && BARE_PLACE.test(words) ? subject(words) : undefined;
}

/** Places named bare side by side (北关镇和城关镇各走访几次): titles are searched for one at a time. */
export function listedPlaces(about: string | undefined): string[] {
  const parts = about?.split(/和|与|及|、/) ?? [];
  return parts.length >= 2 && parts.every((x) => x.length >= 2 && BARE_PLACE.test(x)) ? parts : [];
}

/** How a place or body named bare ends (城东街道, 城南小学, 区教育局, 污水处理厂, 农贸市场). */
const BARE_PLACE = /(?:街道|镇|乡|村|社区|片区|开发区|园区|新区|联络站|代表之家|学校|小学|中学|大学|学院|幼儿园|医院|卫生院|局|厂|公司|企业|集团|市场|中心|站|所|馆|基地|景区|小区|工地|项目|水库|河道?|湖|路|桥|广场|公园)$/;

/** Words a bare place or thing never holds: a count, a verb of holding, a time or order word. */
const BARE_NOT = /^(?:下|进|回|出|返|驻|入)(?:乡|镇|村|社区|企业|基层)|几|多少|最|[一首上下这那]次|查|召开|开了|开过|举办|举行|全年|年度|半年|季度|月份?|以来|为止|期间|今年|去年|明年/;
