/**
 * The words that tell what a message wants. Each cue is tested on the message with its
 * time words blanked out, so 近一年 does not read as the rule-like 一年.
 */

/** Withdraw the last entry: 撤销, 撤回, 删掉刚才那条, 刚才那条记错了. */
export const UNDO =
  /^\s*(?:请|帮我|麻烦)?(?:撤销|撤回|撤掉|删掉|删除|删了|去掉|作废|取消)(?:一下)?(?:我的|我)?(?:刚才|刚刚|上一|最后一|刚)?(?:的|那|这|记的|录的)?(?:一)?(?:条|个|次|项)?(?:记录|登记|活动|日志)?(?:吧|哈)?\s*[。!！]?\s*$|(?:刚才|刚刚|上一条|最后一条|那条|这条|刚记的)[^，,。?？]{0,8}(?:撤销|撤回|删掉|删除|删了|删去|去掉|撤了|不要了|作废|记错了)|^\s*undo\s*$/i;

/** Delete some entry, naming none (帮我删一下记录, 删条记录): which one is asked, never the last withdrawn. */
export const DELETE_SOME = /^\s*(?:请|帮我|麻烦)?\s*(?:删|删掉|删除|删去)(?:一下|掉)?\s*(?:一?条|几条|个)?\s*(?:记录|条目|活动)\s*(?:吧|哈)?\s*[。!！]?\s*$/;

/** What can you do / how is this used. */
export const HELP =
  /^\s*(?:帮助|help|菜单|说明|使用说明|功能|你好|您好|hi|hello|在吗)[!！。?？]?\s*$|你(?:能|会|可以)(?:做|干)?(?:什么|啥|哪些)|怎么用|如何使用|怎么使用|使用方法|有(?:什么|哪些)功能|能干(?:什么|啥)|你是谁/i;

/** How to use one of the assistant's own functions (怎么导出活动记录, 如何撤销): answered by the help. */
export const HOW_TO_USE =
  /^\s*(?:请问)?(?:我)?(?:要|该)?(?:怎么|如何|怎样)(?:才能|可以)?(?:把[^，,。]{0,12})?(?:(?:导出|下载|导入|撤销|撤回|更正|上传)[^，,。]{0,6}(?:记录|表格|excel|Excel|台账|日志|这条|那条|刚才|文件|文档|资料|图表)|记一条|登记一条|添加记录|生成图表|画图)/;

/** When the latest one was: 最近一次视察是什么时候, 上次开主任会议是哪天. */
export const LATEST =
  /(?:(?:最近|上|前|最后)一次|上次|上回|上一回|最近的一次|最后的一次)(?=[^，,。；;]*(?:什么时候|哪天|哪一天|什么时间|几号|几月几[日号]|何时|啥时候|什么日子))/;

/** Writing verbs that ask for a draft when they open the message or follow a polite ask. */
const DRAFT_VERB = '(?:起草|草拟|拟写|撰写|写|拟)';
/** Asking someone for something. */
const POLITE = '(?:帮我|帮忙|帮着|给我|替我|请(?!问)你?|麻烦你?)';

/** A request to write: 帮我写…, 写一段…, 起草…, …写成一段简报. */
export const DRAFT = new RegExp(
  `^\\s*(?:${POLITE}\\s*)*(?:(?:起草|草拟|撰写|拟写|生成)(?![了过完好])|拟一?(?:份|段|篇|个)|(?:准备|整理|弄|出)一?(?:份|篇|段))|` +
  `^\\s*(?:${POLITE}\\s*)*写(?![了过的完好])|` +
  `${POLITE}\\s*(?:再)?${DRAFT_VERB}(?![了过完])|` +
  `${POLITE}\\s*(?:做|弄|出|整|准备|搞|整理)一?(?:份|篇|段|个)|` +
  `(?:^\\s*|${POLITE}\\s*)(?:总结|归纳|概括|梳理)(?![了过完好])(?:一下)?|` +
  `(?:写成|整理成|改写成|汇总成|归纳成|总结成|概括成|提炼成|改成(?=\\s*(?:一|正式|公文|简报|总结|发言|讲话|汇报|报告|材料|通稿|稿|段|篇|份|文字)))|写一?(?:段|篇|份|个)(?![人])|` +
  `(?:起草|草拟|撰写)(?:一|个|段|篇|份|下)|` +
  // 给主任准备一个…讲话稿: a text to be written, for whomever (准备了一份材料 is a deed done).
  `(?:准备|整理|弄|出|写|拟)\\s*一?\\s*(?:个|份|篇|段)[^，,。？?]{0,20}(?:稿|稿子|材料|提纲|致辞|主持词|总结|小结|汇报|简报)\\s*[。.]?\\s*$|` +
  // 列个汇报提纲, 帮我起个工作报告的提纲: an outline is written, not a list of entries.
  `(?:列|起|拟|搭|理|出)\\s*(?:给我)?\\s*一?\\s*(?:个|份|下)[^，,。？?]{0,16}(?:提纲|大纲|框架)`,
);

/** A message that only names a text to be written: 上半年视察工作总结. */
export const DRAFT_NOUN_END = /(?:总结|小结|汇报材料|发言稿|讲话稿|发言提纲|简报|讲稿|致辞|主持词)\s*[。.]?\s*$/;

/** A question inside a log entry's title (研究如何推进…), which does not make it a question. */
export const EMBEDDED_QUESTION = /(?:研究|探讨|讨论|商讨|商量|谋划|部署|交流|明确)(?:了)?(?:如何|怎么|怎样)(?=[\u4e00-\u9fff]{2})/g;

/** Asking how something should be written rather than for the text itself. */
export const HOW_TO_WRITE = /(?:什么|哪种|啥)(?:格式|结构|体例|要求)|怎么写|如何写|怎样写|写法|注意(?:什么|哪些)/;

/** How many: 几次, 多少个, 统计…次数 (not 第几次, which asks which one). */
export const COUNT =
  /(?<!第\s*)(?:几|多少)\s*(?:次|个|项|期|场|回|件|批|趟|轮|起|家|条)|了多少\s*[?？。]?\s*$|(?:一共|总共|合计|共计|累计|共)\s*(?:有|是)?\s*多少|有多少|多少(?=活动|会议)|次数|(?:总|数)量|统计|共计几|总数|频次/;

/**
 * A count of what the log does not hold: people (多少名选民, 几位委员, 多少人次), bodies (几个专门
 * 委员会, 多少个工作机构, 代表总数, 委员人数) or items (多少件代表建议, 代表建议多少件, 几条意见). The log counts activities; such
 * figures are in the rules and the work reports, so the question goes to the documents.
 */
export const NON_ACTIVITY_COUNT =
  /(?:代表|委员(?!会)|组成人员|成员|人员|选民|人口)(?:的)?\s*(?:总数|人数|名额|总额)|(?:多少|几)\s*(?:名|位|人次|个人|人(?![大民代])|(?:个|名|位)?\s*(?:委员(?!会)|组成人员|成员|人员|代表(?!活动|建议|视察|调研|接待|培训|工作|之家|联络站|小组|大会)|选民|群众|干部|专门委员会|工作委员会|工作机构|机构|部门|科室|工委))|(?:多少|几)\s*[件条]\s*(?:代表)?(?:建议|意见|议案|批评|提案|问题)|(?:建议|意见|议案|批评|提案)\s*(?:共|一共|总共|共计)?\s*(?:有|收到|提出)?\s*(?:多少|几)\s*[件条]/;

/** A share of the whole: 占全部活动的比例, 占比多少, 百分之几. */
export const SHARE = /比例|占比|比重|百分比|百分之几|占(?:全部|所有|总|各类|同期)[^，,。；;]{0,8}(?:多少|几成)/;

/**
 * Which month or which kind had the most or the fewest (上半年哪个月活动最多, 今年哪类活动最少,
 * 视察和调研哪个多, 二季度活动最多的是哪个月, 几月份开会最多, 什么活动搞得最多): counted from the log, not a rule's 最多. Group 1, 2, 3 or 4
 * is 多 or 少 (忙 or 闲 of a month: 哪个月最忙, 最忙的是哪个月).
 */
export const EXTREME =
  /(?:哪(?:一)?个?|几)月(?:份)?[^，,。；;？?]{0,12}?最?(多(?!少)|(?<!多)少|(?<=最)[忙闲])|(?:(?:哪|什么)(?:一)?(?:类|种|项|方面)(?:的)?(?:活动|工作)?|什么(?:活动|工作))[^，,。；;？?]{0,8}?最?(多(?!少)|(?<!多)少)(?![^，,。；;？?]*(?:可以|能|得|应|须|要))|哪(?:一)?个\s*(?:更|最)?(多(?!少)|(?<!多)少)|最(多(?!少)|(?<!多)少|忙|闲)的(?:是|为|在)?(?:哪(?:一)?个?月|几月份?|哪(?:一)?(?:类|种|项)|什么(?:活动|工作))/;

/**
 * Which committee, place or person did the most (今年哪个委员会活动最多, 视察去得最多的是哪个街道): the log
 * keeps no such field to rank by. Group 1 or 2 is what was asked about.
 */
export const UNKEPT_RANK =
  /(?:哪|什么)(?:一)?(?:个|位|家|些)?\s*(委员会|工委|专委会?|部门|单位|街道|乡镇|镇|乡|村|社区|地方|学校|企业|代表|委员|领导)[^，,。；;？?]{0,12}?最?(?:多(?!少)|(?<!多)少)(?![^，,。；;？?]*(?:可以|能|得|应|须|要))|最(?:多|少)的(?:是|为|在)?(?:哪|什么)(?:一)?(?:个|位|家)?\s*(委员会|工委|专委会?|部门|单位|街道|乡镇|镇|乡|村|社区|地方|学校|企业|代表|委员|领导)/;

/**
 * The entries counted per person who logged them: 谁记的最多, 记录最少的是谁, 每个人记了几条,
 * 按记录人统计. Group 1 or 2 is 多 or 少 when asked.
 */
export const BY_RECORDER =
  /(?:谁|哪个人|哪位|哪个同事)(?:记|登记|录入|记录|录)(?:的|得|了)?(?:最|更)?(多|少)|(?:记|登记|录入|记录|录)(?:的|得)?(?:最|更)(多|少)的?(?:是谁|是哪位|人)|(?:每个人|每人|各人|大家|每位同事)(?:分别|各)?(?:记|登记|录入|记录|录)了?(?:几|多少)|按(?:记录人|记录的人|登记人|人)(?:统计|分别统计|数)/;

/** A picture of the counts: 画个图, 做个柱状图, 出一张统计图, 图表. */
export const CHART = /画(?:个|一个|张|一张)?(?:柱状|统计)?图|(?:做|出|生成|弄)(?:个|一个|张|一张|成)?(?:柱状|统计)?图(?:表)?|图表|柱状图|统计图/;

/**
 * A deed done to a list or a tally (整理了…清单, 统计了…情况, 印发了任务清单, 加班整理…台账,
 * 完成了…统计), to the end of its clause: reported, not a list, count or draft asked of the log.
 */
export const RECORDS_DEED =
  /(?:(?:加班|连夜|通宵)\s*(?:整理|梳理|编制|统计|汇总|核对|填报|更新|导出|列出)|(?:整理|梳理|编制|制定|印发|下发|报送|上报|形成|更新|填报|导出|列出|列|统计|汇总|核对)(?:了|完|好了))[^，,。；;？?]*|(?:完成|做|进行|开展)了[^，,。；;？?]{0,20}?(?:统计|清单|台账|汇总)[^，,。；;？?]*/g;

/** Which / list them: 列出, 列一下, 都有哪些, 清单, 都记了什么. */
export const LIST =
  /导出|(?:做|生成|导|出|整理)成?(?:一个|一份|个)?(?:表格|excel|Excel|EXCEL|xlsx|电子表格)|列(?:出|给|一下|一列|个|下|举|表|清单)|罗列|哪几(?:次|个|项|场|期)|清单|明细|一览|都有(?:哪些|什么|啥)|(?:记|登记|录)了(?:哪些|什么|啥)|都记(?:了)?(?:哪些|什么|啥)|有(?:哪些|什么|啥)活动|(?:开展|组织|搞|做|干|开|举办|进行)了些?(?:哪些|什么|啥)|都(?:干|做|搞)了些?(?:啥|什么|哪些)?/;

/** Show me: 查一下, 看看, 搜一下, …记录发我 — a list only when a period or an activity word says of what. */
export const LIST_WEAK = /(?:查|看|翻|搜)(?:一下|一查|一看|一搜|看|查|搜)|查询|查找|搜索|找一下|显示|调出|(?:记录|台账|明细|列表)\s*(?:给我|发我|发给我|发一下|发过来|拿出来|拉出来|找出来)/;

/** A "what was done" ending: 上周做了什么, 昨天有啥, 昨天干啥了 (not 重点是什么). */
export const DONE_TAIL =
  /(?:有|了|干|做|搞|记|开展)些?(?:哪些|什么|啥)(?:活动|工作|事|事情|会议|安排)?\s*(?:了|呢|啊|呀)*\s*[?？。]?\s*$/;

/** The end of a "which" question: nothing more, or only 活动/工作 (有哪些 vs 有哪些要求). */
export const WHICH_TAIL = /(?:哪些|什么|啥)(?:活动|工作|事|事情|会议)?\s*(?:呢|啊|呀)?\s*[?？。]?\s*$/;

/** Words of rules and norms: a count question with these asks what is required. */
export const NORMATIVE =
  /(?:几|多少)\s*个?\s*(?:工作日|天|日|周|星期|月|年)\s*(?:以内|之内|内)|多长时间内|计划(?:里|中|上|内)|(?<![不没还])能\s*(?:开|搞|组织|开展|举行|召开|进行|安排)\s*(?:几|多少)|合适|为宜|一个(?:月|季度|星期)|连续\s*(?:几|多少)|(?:会|将|要)被|一般|通常|至少|最少|最多|上限|下限|限额|不少于|不超过|不得|应当|应该|需要|须|必须|规定|要求|每\s*(?:个|一)?\s*(?:年|季度?|月|周|星期|次|届|半年)|一年|多久|多长时间|是否|能否|能不能|可不可以|可以|怎么|如何|为什么/;

/** A clause that bounds the asked period (截至6月底，今年…): its time word is the count's end, read or asked. */
export const UP_TO_BOUND = /^\s*(?:截至|截止|截止到|截止至|到|至)\s*$/;

/** Something that has happened: counts are of the past. */
export const PAST = /了|过|已经|一共|总共|共计|累计|合计|共有/;

/** A question about rules, procedure or documents. */
export const QUESTION =
  /[?？]|吗\s*[。]?\s*$|呢\s*$|什么|怎么|怎样|如何|哪些|哪个|哪里|哪儿|哪种|哪(?:一)?(?:年|月|天|日|届|位|家|部|条|次|级|类)|(?:从|在|去|到|向|找|归)哪(?!怕)|啥|咋(?!天)|为啥|第几|(?:周|星期|礼拜)几|(?<![这近])几月份?(?![0-9])|几号|(?<![这近])(?<![^提]前)(?<!^前)几(?:年|天|个月|个人|人|名|位|岁|条|种|类|点|时|届|任|倍|成)|多久|多长|多少|行不行|好不好|是否|能不能|能否|可不可以|可以吗|要不要|需不需要|有没有|是不是|为什么|为何|谁|^\s*(?:请|麻烦)?(?:介绍|讲讲|解释|说说|说明)/;

/**
 * A topic asked about by its last word (执法检查的流程, 代表任期几年). Weaker than QUESTION:
 * such words also end log entries, so they count only when nothing was done on a day.
 */
export const TOPIC_QUESTION =
  /(?:规定|要求|程序|流程|依据|条件|标准|区别|含义|定义|职责|职权|职能|条款|条文|法条|合适)\s*[。.]?\s*$/;

/** A past action that makes a message a log entry even with no activity word. */
export const ACTION =
  /召开|开展|组织|举办|举行|参加|出席|列席|召集|进行|完成|协助|配合|接待|陪同|看望|慰问|开了|办了|搞了|去了|到了|赴|前往|参与|主持|承办|筹备|做了|做好|落实|开通|启动|印发|发布|报送|上报|提交|审定|通过|会见|座谈|(?:整理|梳理|总结|归纳|汇总|统计|编制|起草|撰写|修改|审核)了/;

/** Words that only ask the bot to note something down. */
export const LOG_FILLER =
  /(?:请|麻烦|帮我|帮忙)?(?:记一下|记上|记下来?|记一笔|记录一下|登记一下|登记|记录下来?|备案一下|记着)(?:吧|哈|啊)?|^\s*记\s*[:：]|时间是|日期是/g;

/** Times of day that follow a date (今天上午). */
export const TIME_OF_DAY = /^\s*(?:上午|下午|晚上|早上|中午|傍晚|晚|上午|全天)/;

/** Nothing on (今天没什么活动, 这周没有安排): said, not asked (no 吗, no question mark). */
export const NOTHING_ON = /^\s*(?:(?:今天|今日|今儿|昨天|本周|这周|这几天|最近)\s*)?(?:都|也|暂时|还)?(?:没(?:有)?什么|没(?:有)?|无)\s*(?:活动|安排|事|事情|工作)(?:要记|可记|需要记录)?(?:了|啊|哈|呢)?\s*[。!！]?\s*$/;

/** One figure per month or quarter asked (每个月, 各月份, 按月, 每季度): how a count is broken down, never what is counted. */
export const PER_PART = /每个?月份?|各个?月份?|按月份?|逐月|分月|每个?季度|各个?季度|按季度?|逐季|分季度/;
