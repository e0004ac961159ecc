/**
 * Every text the assistant shows a user, in Simplified Chinese, in one place so it can be
 * reviewed and changed without reading code.
 */
import { COMMAND_TABLE } from '../commands.ts';

/** Chinese texts of the assistant, as constants and small formatters. */
/** After the entries shown: how many more fit. */
const moreNamed = (more: number): string => (more > 0 ? `\n（还有 ${more} 条也对得上，写明日期或类型可以缩小范围。）` : '');

export const messages = {
  environmentFailure: (reason: string, ref: string) => `${reason}（错误编号 ${ref}）`,
  apology: (ref: string) => `抱歉，处理这条消息时出了问题，请稍后再试。如问题持续，请把错误编号 ${ref} 告诉管理员。`,

  refusal: (id: string) =>
    `您好，您暂时没有使用履职助手的权限。如需开通，请把您的编号 ${id} 发给管理员，由管理员加入 LVZHI_ALLOW。`,
  adminOnlyIngest: '只有管理员可以向知识库添加文件。如需收录，请把文件交给管理员。',

  // One line per command from the command table, then what needs no command.
  help: [
    '我是履职助手，可以：',
    ...COMMAND_TABLE.flatMap((command): string[] => ('usage' in command ? [`· ${command.usage}`] : [])),
    '也可以直接说话，例如“上半年视察了几次”“今天听取了环保工作报告”“导出上半年的视察”（附 Excel 表格）。',
    '管理员把文件（PDF、Word、Markdown、文本）发给我，我会收进知识库；发来 .csv/.xlsx 表格，可导入为活动记录。',
    '在本机终端（管理员）：/ingest 路径 收录文件或文件夹，/import 路径 导入活动表格。',
    '起草的 Word 文档、导出的表格和图表同时保存在数据文件夹的 exports 目录里。',
  ].join('\n'),
  welcome: '您好，我是履职助手。',
  webOff: '网页没有开启：需要管理员设置 LVZHI_WEB_PORT 并重新启动助手。',
  webPrivateOnly: '为安全起见，网页登录链接只在私聊中发送：请私聊我发送 /web。',
  webLink: (url: string) => `您的网页登录链接（10分钟内有效，只能使用一次，请勿转发）：\n${url}`,

  emptyAsk: '请在 /ask 后面写上要问的问题，例如：/ask 常委会会议多久召开一次',
  emptyLog: '请在 /log 后面写上做了什么，例如：/log 今天组织代表视察了安全生产工作',
  notALog: (question: string) => `这句话我没能当作一条活动记下来。${question}`,
  notAQuery: '没能看懂要统计哪类活动、哪段时间。例如：/stats 上半年视察调研',
  emptyMessage: '请输入要问的问题或要记录的活动。发送 /help 查看用法。',

  loggedBy: (by: string) => `记录人：${by}。记错了可以发送 /undo 撤回，或直接说“改成6月13日”“不对，是调研”。`,
  otherKind: (titles: string, kinds: readonly string[]) =>
    `没能判断“${titles}”是哪类活动，暂记为“其他”，不计入任何一类的次数。如属以下一类，请直接说“不对，是${kinds[0]}”：${kinds.join('、')}。`,
  futureDate: (items: string) => `${items} 还没到。是要记录一项计划开展的活动吗？`,
  confirmChoice: '按计划记录',
  logChoice: '记录这项活动',
  logOffered: (items: string) => `这条消息里还说了一项活动：${items}。要记录吗？（回复之前不会记录）`,
  earlierChoice: (day: string) => `记为${day}`,
  earlierWord: '记为过去的日期',
  /** 为期三天: the day named as the first, or the last, of the activity. */
  firstDayChoice: (days: string) => `是第一天（${days}）`,
  firstDayWord: '第一天',
  lastDayChoice: (days: string) => `是最后一天（${days}）`,
  lastDayWord: '最后一天',
  cancelChoice: '取消',
  confirmWord: '按计划记录',
  logWord: '记录',
  cancelWord: '取消',
  deleteQuestion: (entry: string) => `确定删除这一条吗？${entry}`,
  deleteChoice: '确认删除',
  deleteWord: '确认删除',
  adminOnlyDelete: '只有管理员可以删除记录。记错了自己的记录，可以用 /edit 更正或 /undo 撤回。',
  notYours: (id: number) => `第 ${id} 条不是您记录的，只有记录人本人或管理员可以更正。`,
  noSuchEntry: (id: number) => `没有编号为 ${id} 的活动记录（或已被撤回、删除）。可以用 /list 查看编号。`,
  editUsage: '请这样写：/edit 编号 日期 6月13日，或 /edit 编号 类型 调研，或 /edit 编号 标题 新的标题。编号见 /list。',
  deleteUsage: '请这样写：/delete 编号（编号见 /list）。',
  /** A correction or deletion in words naming entries by day or kind: nothing changed, the fitting ones offered. */
  namedEdit: (lines: string, more: number) =>
    `这句话没有直接改动记录。您说的是下面哪一条？点选或发送对应的命令即可更正：\n${lines}${moreNamed(more)}`,
  namedDelete: (lines: string, more: number) =>
    `这句话没有删除任何记录。您说的是下面哪一条？点选或发送对应的命令（删除前还会再确认一次）：\n${lines}${moreNamed(more)}`,
  namedDeleteNotAdmin: (lines: string) =>
    `只有管理员可以删除记录，这句话没有删除任何记录。您说的记录是：\n${lines}\n自己刚记错的可以发送 /undo 撤回，其他的可以用 /edit 编号 更正。`,
  namedNone: (words: string) => `没有找到“${words}”对应的记录，没有改动。可以发送 /list 查看记录和编号。`,
  editEntryChoice: (id: number) => `更正第 ${id} 条`,
  deleteEntryChoice: (id: number) => `删除第 ${id} 条`,
  whichEntry: (ids: string) => `刚才记了几项（编号 ${ids}），要改哪一条？请用 /edit 编号 …，例如：/edit ${ids.split('、')[0]} 日期 6月13日。`,
  unclearChange: '没看懂要改成什么。例如：“改成6月13日”“不对，是调研”，或 /edit 编号 日期 6月13日。',
  cancelled: '好的，已取消，没有保存。',
  nothingPending: '没有等待确认的事项。',
  tellAgainAfter: (told: string) => `这条消息里还说了「${told}」——要记录的话，请先回答上面的问题，之后再把它发一次。`,
  askAgainAfter: (rest: string) => `您还问了：「${rest}」——请先回答上面的问题，之后再把它发一次。`,
  nothingToUndo: '您还没有可以撤回的记录。',

  countTotal: (period: string, kinds: string, total: number) => `${period}共${/会议$/.test(kinds) ? '召开' : '开展'}${kinds} ${total} 次：`,
  countLine: (label: string, count: number) => `· ${label}：${count} 次`,
  /** One kind's share of all counted, rounded and said to be (今年各类活动占比). */
  shareOfTotal: (part: number, total: number) => `（约 ${(Math.round((part / total) * 1000) / 10).toFixed(1)}%）`,
  countNone: (period: string, kinds: string) => `${period}没有${kinds}的记录。`,
  /** The count's share of every activity of the period, the percentage rounded and said to be. */
  shareOfAll: (part: number, total: number) =>
    `占同期各类活动 ${total} 次的${total > 0 ? `约 ${(Math.round((part / total) * 1000) / 10).toFixed(1)}%` : ' 0%'}（${part}÷${total}，均按活动记录统计）。`,
  /** A period the log does not reach back to: its 0 may be entries never logged, not nothing done. */
  beforeTheLog: (period: string) => `（注意：活动记录里${period}及以前没有任何一条记录，这里的 0 可能是当时的活动没有录入，不一定是没有开展。）`,
  compareLine: (period: string, kinds: string, total: number) => `· ${period}${kinds}：${total} 次`,
  compareDifference: (first: string, second: string, difference: number) =>
    `${first}比${second}${difference > 0 ? '多' : '少'} ${Math.abs(difference)} 次（均按活动记录统计）。`,
  breakdownTotal: (total: number) => `· 合计：${total} 次（均按活动记录统计）`,
  /** Counted entries dated after today: plans, not activities done. */
  somePlanned: (n: number, dates: string) => `（其中 ${n} 次的日期在今天之后（${dates}），是计划安排，还没有开展。）`,
  allPlanned: (n: number, dates: string) => `（这 ${n} 次的日期都在今天之后（${dates}），是计划安排，还没有开展。）`,
  /** A listed entry dated after today. */
  plannedMark: '（计划）',
  /** Yes/no about the log, answered before the entries: 开过 (meetings), 有, 有安排 (all after today). */
  whetherHeld: '开过', whetherSome: '有', whetherPlanned: '有安排', whetherNoRecord: '没有记录',
  /** Yes/no about the log with nothing logged: the period named; a day still to come says 安排. */
  whetherNone: (period: string, kinds: string) => `没有记录：活动记录里${period}没有${kinds}。`,
  whetherNonePlanned: (period: string, kinds: string) => `没有记录安排：活动记录里${period}还没有${kinds}的安排。`,
  whetherNothingAhead: '（今天以后还没有登记的安排。）',
  /** Asked of what was done, with only plans logged: 还没开过 (meetings) or 还没有, then the plans. */
  whetherNotYetHeld: '还没开过', whetherNotYet: '还没有',
  whetherOnlyPlans: (kinds: string) => `截至今天活动记录里还没有${kinds}，只有登记的安排：\n`,
  whetherNoneEither: (period: string, kinds: string) => `没有记录：活动记录里${period}没有${kinds}，也没有登记的安排。`,
  noPlansLogged: '（活动记录里只有按计划登记的安排；没有登记的计划，这里统计不到。）',
  /** The month(s) or kind(s) with the most or fewest activities (ties all named). */
  extreme: (names: readonly string[], most: boolean, count: number) =>
    `${most ? '最多' : '最少'}的是${names.join('、')}，${names.length > 1 ? '各' : '共'} ${count} 次（按活动记录统计）。`,
  extremeTied: (by: 'month' | 'kind', count: number) => `${by === 'month' ? '各月' : '各类活动'}次数相同，都是 ${count} 次。`,
  extremeMonthNotOver: '（本月还没有结束，不参与最少的比较。）',
  /** Entries counted per person who logged them (谁记的最多). */
  recordersHead: (scope: string, total: number) => `${scope}共 ${total} 条记录，按记录人统计：`,
  recorderLine: (who: string, n: number) => `· ${who}：${n} 条`,
  recordersExtreme: (names: readonly string[], most: boolean, n: number) =>
    `记得${most ? '最多' : '最少'}的是${names.join('、')}，${names.length > 1 ? '各' : '共'} ${n} 条（按活动记录统计，以记录时的名字为准）。`,
  recordersTied: (n: number) => `各记录人记的条数相同，都是 ${n} 条。`,
  recordersNone: (scope: string) => `${scope}没有记录，无法按记录人统计。`,
  compareSame: (first: string, second: string) => `${first}与${second}次数相同（均按活动记录统计）。`,
  allKinds: '各类活动',
  allMeetings: '各类会议',
  kindJoiner: '、',
  listHeader: (period: string, kinds: string, n: number) => `${period}${kinds}共 ${n} 项：`,
  listLine: (id: number, day: string, kindLabel: string, title: string, by: string) => `· ${id}. ${day} ${kindLabel} ${title}（${by}）`,
  listMore: (n: number) => `……另有 ${n} 项未列出，可缩小时间范围查看。`,
  /** The last word of an exported list's file name (2023年上半年视察活动记录.xlsx). */
  exportFileWord: '活动记录',
  /** An exported list's period when none was named. */
  exportAllTime: '全部',
  /** After a list sent with its Excel file. */
  exportedNote: (name: string) => `已导出为 Excel 表格：${name}（日期、结束日期、类型、事项、记录人、记录时间、编号）。`,
  /** The log cannot export here. */
  exportUnavailable: '这里不能导出表格；可以在终端用 export 命令，或在网页的活动记录里“导出为 Excel”。',
  listNone: (period: string, kinds: string) => `${period}没有${kinds}的记录。`,
  /** A count of places inside the activities (几家企业): the log counts activities, the entries follow. */
  unitsNotCounted: (units: string, kinds: string) =>
    `活动记录按次数记录${kinds}，不单独统计${units}的个数（一次活动可能去了几处，也可能没有写明）。${units}请从下面各次的事项中查看：`,
  /** Where a narrowed count looked: 2023年上半年的视察, 全部视察记录. */
  topicScope: (period: string | undefined, kinds: string) => (period ? `${period}的${kinds}` : `全部${kinds}记录`),
  /** A count or list narrowed (who logged, a subject), with the whole kind's figure beside it. */
  topicFound: (scope: string, criteria: string, n: number, total: number, unit: string, byTitle: boolean) =>
    `${scope}中，${criteria}共 ${n} ${unit}（同期共 ${total} ${unit}${byTitle ? '，按事项名称查找' : ''}）：`,
  /** Nothing of the kind matches: say so, and how to see them all. */
  topicNone: (scope: string, criteria: string, total: number, unit: string, byTitle: boolean, listAll: string) =>
    `${scope}中，没有${criteria}条目（同期共 ${total} ${unit}${byTitle ? '，按事项名称查找' : ''}）。如需查看全部，可以说“${listAll}”。`,
  /** 事项含“学校”的. */
  topicHolds: (core: string) => `事项含“${core}”的`,
  /** 您记录的 (the one asking), 小王记录的. */
  recordedBy: (name: string | undefined) => `${name ?? '您'}记录的`,
  /** A meeting logged with the reports it heard in its title: they are not counted as report reviews. */
  reportsInsideMeeting: (meeting: string, review: string, day: string) =>
    `这条按“${meeting}”记为一项；会上听取审议的报告没有单独记录，统计“${review}”时不会计入。` +
    `如需计入，请逐个记录，例如：“${day}听取审议区政府关于……的报告”。`,
  /** The most recent entry of the kinds (最近一次视察是什么时候). */
  latestEntry: (kinds: string, day: string, title: string, id: number, by: string) =>
    `最近一次${kinds}是${day}：${title}（编号 ${id}，${by}记录）。`,
  /** No entry of the kinds up to today. */
  latestNone: (kinds: string, narrowed: boolean) => (narrowed ? `活动记录里没有${kinds}。` : `活动记录里还没有${kinds}的记录。`),

  sourcesHeader: '来源：',
  /** One of several questions of a message, numbered, as it was searched (谁来召集全国人代会？). */
  questionHeader: (n: number, question: string) => `**${n}. ${question}**`,
  sourceLine: (n: number, title: string, location: string, doc: string) => `[${n}] 《${title}》${location ? ' ' + location : ''}（${doc}）`,

  draftUnavailable: '起草功能尚未配置，暂时不能起草。可以先用 /stats 查看数字。',
  emptyDraft: '请在 /draft 后面写上要起草什么，例如：/draft 上半年监督工作',
  draftFileName: '起草稿.docx',
  /** 口语化一点, 去掉第二段 after a draft: an edit the drafter cannot make, and what it can. */
  draftEditUnknown:
    '这样的修改我做不了。对刚才的稿子，我可以：改成发言稿（或总结）、再短一点、压缩到多少字（如“压缩到200字”）、加上下半年打算（计划部分要由办公室补写）、把数字再核一下、导出word；其他修改请在Word文件里直接改。',
  /** 再短一点 when the draft is already down to its figures' sentences. */
  draftNotShorter: (length: number) =>
    `稿子约${length}字，已经只留下写有数字的整句，再短就要拿掉数字或整项工作；如确需更短，请说“压缩到多少字”，我会略去整项工作并说明略去了什么。`,
  /** 把数字再核一下: the head of the figures checked against the log. */
  draftCheckHead: (period: string) => `稿子里的数字已与活动记录（${period}）逐一核对：`,
  draftFigureAgrees: (text: string, kinds: string, count: number) => `· “${text}”：活动记录中${kinds} ${count} 次，一致`,
  draftFigureUngrounded: (text: string) => `· “${text}”：活动记录中没有对应的次数，请核实后修改`,
  draftCheckTail: '次数按活动记录统计；记录有漏登、错登的，请先更正记录再重新起草。',
  draftNoFigures: '稿子里没有写次数等数字，没有需要核对的。',

  pathCommandTerminalOnly: '/ingest 和 /import 后面写的是本机上的路径，只能在本机终端使用。在聊天里请直接把文件发给我（管理员）。',
  emptyIngestPath: '请在 /ingest 后面写上文件或文件夹的路径，例如：/ingest ./规章制度',
  emptyImportPath: '请在 /import 后面写上 .csv 或 .xlsx 表格的路径，例如：/import ./活动台账.xlsx',
  pathNotFound: (path: string) => `找不到 ${path}，请检查路径是否正确。`,
  importNeedsTable: (path: string) => `/import 只导入 .csv 或 .xlsx 表格，${path} 不是。收录文档请用 /ingest。`,

  ingestStart: (name: string) => `正在收录《${name}》……`,
  ingestProgress: (done: number, total: number) => `正在收录，已处理 ${done}/${total} 个文件……`,
  ocrProgress: (done: number, total: number) => `这是扫描件，正在识别第 ${done}/${total} 页……`,
  ingestNote: (name: string, note: string) => `《${name}》：${note}`,
  ingested: (name: string, passages: number, scope?: string) =>
    `已收录《${name}》${scope && scope !== '公共' ? `（仅${scope}可见）` : ''}，共 ${passages} 段。现在可以就它提问了。`,
  replaceQuestion: (name: string, folder: string) => `已有同名文件《${name}》（${folder}），要替换吗？`,
  replaceChoice: '替换',
  replaceWord: '替换',
  replaceCancelled: '好的，没有替换，知识库里仍是原来的文件。',
  adminOnlyDocuments: '只有管理员可以查看、删除知识库文件或设置文件状态。',
  removeUsage: '请这样写：/remove 办公室/通知.md（文件名见 /docs）。',
  removeQuestion: (doc: string, title: string, passages: number) => `确定从知识库删除“${doc}”《${title}》（${passages} 段）吗？删除后回答不会再引用它。`,
  statusUsage: '请这样写：/status 办公室/规则.md 已替代（或 现行），可在后面加上替代它的新文件名。',
  ingestUpdated: (name: string, total: number) => `已更新《${name}》，知识库现共 ${total} 段。`,
  ingestUnchanged: (name: string) => `《${name}》已经收录过，内容没有变化。`,
  ingestSkipped: (name: string, reason: string) => `《${name}》没有收录：${reason}`,
  ingestFailed: (name: string, ref: string) => `《${name}》下载失败，没有收录。请稍后再发一次；如仍失败，请把错误编号 ${ref} 告诉管理员。`,
  importOffer: (name: string) =>
    `《${name}》是表格。若要把它作为活动记录导入（列：日期、类型、事项、记录人，或台账的 序号、日期、活动内容），请回复“导入”；知识库只收 PDF、Word、WPS、OFD、Markdown 和文本。`,
  unsupportedFile: (name: string) => `《${name}》的格式暂不支持。知识库可收 PDF（含扫描件）、Word（.docx、.doc）、WPS 文字（.wps）、OFD、Markdown 和文本文件。`,
  fileTooLarge: (name: string, mb: number, limitMb: number) => `《${name}》有 ${mb} MB，超过了知识库 ${limitMb} MB 的上限，没有收录。可以拆分后再发。`,
  importChoice: '导入活动记录',
  importWord: '导入',
  importFailed: (reason: string) => `导入没有完成：${reason}`,
  chartFailed: (ref: string) => `（图表没能生成，错误编号 ${ref}，数字以上面为准。）`,
  unknownCommand: (name: string) => `没有 /${name} 这个命令。`,
  badAccessEntry: (variable: string, entry: string, forms: readonly string[]) =>
    `设置项 ${variable} 中的“${entry}”格式不对，应为以下形式之一：${forms.join('、')}。`,
} as const;

/** Texts that answer a confirmation question. */
export const confirmationWords = {
  yes: /^(?:确认|确定|是的?|好的?|对|可以|记录|确认记录|按计划记录|y|yes)[。！!]?$/i,
  earlier: /^(?:记为过去的日期|记为去年|去年的?|是去年的?|上一次|记为上周)[。！!]?$/,
  firstDay: /^(?:是?(?:第一天|头一天|首日|开始那天|第1天)(?:[（(].*[)）])?|1)[。！!]?$/,
  lastDay: /^(?:是?(?:最后一天|末日|结束那天|最后1天)(?:[（(].*[)）])?|2)[。！!]?$/,
  deleteYes: /^(?:确认删除|确认|确定|是的?|删除|删吧|y|yes)[。！!]?$/i,
  no: /^(?:取消|不用?了?|否|算了|不记了?|不删了?|n|no)[。！!]?$/i,
  importYes: /^(?:导入|确认导入|确认|好的?|是的?)[。！!]?$/,
  replaceYes: /^(?:替换|确认替换|确认|确定|好的?|是的?|y|yes)[。！!]?$/i,
} as const;
