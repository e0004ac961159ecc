/** Every Chinese text of the drafting module that is not a template. */
export const messages = {
  emptyRequest: '请说明要起草什么，例如：“起草上半年监督工作的总结”或“写一段代表工作的发言”。',
  unknownTopic: (known: string) =>
    `没有看出要起草哪方面的材料。我能起草这些方面：${known}；也可以只说场合，如“起草一段在代表座谈会上的发言”“写一份第二季度工作汇报”。`,
  /** 再短一点, 刚才那段改成提纲 with no draft before it: which draft is meant is asked, not guessed. */
  noPreviousDraft:
    '没有找到要修改的上一稿，不知道要改哪一段。请把题目和时段说全再发一次，例如“上半年监督工作那段再短一点，150字以内”“把上半年代表工作写成提纲”。',
  /** A plan (工作计划, 打算): the log holds what was done, not what is to be done. */
  planNotDrafted:
    '工作计划、打算要由办公室研究确定，活动记录里只有已经开展的活动，我不能替您写出来。我可以起草已开展工作的总结，例如“写一段上半年监督工作的总结”，计划部分请在稿中补充。',
  /** A request for the work done and a plan: the work is drafted, the plan left to the office. */
  planLeftOut: '要求里的计划、打算要由办公室研究确定，活动记录里只有已经开展的活动，稿中只写了已开展的工作，计划部分请在稿中补充。',
  /** The request named no start: the draft covers the year so far, and the person is told how to choose. */
  periodAssumed: (period: string, from: string, to: string) =>
    `要求里没有说明时段，按${period}（${from}至${to}）统计；如需其他时段，请在要求里写明，例如“上半年”“2023年3月”。`,
  badPeriod: '起草的时间段不对：开始日期晚于结束日期。',
  /** Periods listed that do not join (3月和5月): a draft covers one stretch. */
  periodsApart: (words: string) =>
    `“${words}”不是连续的一段时间，一份稿子按一段时间统计。请写明一段时间（例如“3月至5月”），或分别起草（例如先写“3月”，再写“5月”）。`,
  /** A named period that has not begun: nothing is logged for it yet. */
  periodToCome: (words: string) => `“${words}”还没有到，活动记录里还没有这段时间的活动，无法起草。如要写计划或打算，请直接在稿中补充。`,
  /** Period words without a year read as another year's (第四季度 in July: last year's). */
  periodYearTaken: (words: string, period: string) =>
    `要求里的“${words}”没有写年份，按${period}统计（今年的还没有到）；如指其他年份，请写明，例如“2023年${words}”。`,
  /** A named period not over yet: the figures run up to today. */
  periodNotOver: (period: string, from: string, to: string) =>
    `${period}还没有结束，稿中数字按${from}至${to}（截至今天）的活动记录统计。`,
  /** The request names whose entries to use (我记的); figures count everyone's entries. */
  recorderNotNarrowed: (who: string) =>
    `要求里提到“${who === '我' ? '我记' : who + '记'}的”：稿中的数字按该时段全部活动记录统计，没有只算${who === '我' ? '您' : who}记录的条目。`,
  /** The request names a subject the draft's figures are not narrowed to (figures count whole kinds). */
  subjectNotNarrowed: (subject: string, counted: number, matching: readonly string[], complete: boolean) => matching.length === 0
    ? `要求里提到“${subject}”，但该时段的活动记录中没有事项含“${subject}”的活动；稿中的次数和事项是该时段这些类型的全部活动（共 ${counted} 次），` +
      `不是“${subject}”方面的情况，请核实后再用；如有这方面的工作，请先补充记录再起草。`
    : `要求里提到“${subject}”：稿中的次数是该时段这些类型的全部活动（共 ${counted} 次），没有只算“${subject}”；` +
    `其中事项含“${subject}”的${complete ? '' : '至少'} ${matching.length} 次：${titlesOnce(matching)}。` +
    `如果只写这方面，请据此改动稿中的数字。`,
  /** Work no drafting topic names, with entries naming it: listed without figures. */
  /** Nothing of the topics in the period; entries naming the matter asked about are logged on other days. */
  loggedElsewhere: (period: string, subject: string, entries: string) =>
    `${period}没有登记这方面的活动；活动记录中含“${subject}”的是：${entries}。如要写的是这次，请写明它的日期或时段后重新起草。`,
  /** A topic's word written with one character slipped (代表工做): read as the word, and said. */
  slipRead: (written: string, word: string) => `要求里的“${written}”按“${word}”理解起草；如不是这个意思，请改正后重新提出。`,
  /** A unit named (代表工委): the draft keeps the kinds only it recorded in the period. */
  unitNarrowed: (unit: string, kept: string, shared: string) =>
    `稿中只写了${unit}的工作：${kept}，该时段这些活动都由${unit}登记，次数是这些类型的全部记录` +
    (shared ? `；${shared}也有${unit}登记的，但同类活动还有其他部门登记，活动记录按类型计数、不按部门计数，没有写入` : '') + '。请核实后再用。',
  /** A unit named that recorded no kind alone: nothing narrowed. */
  unitNotNarrowed: (unit: string) =>
    `要求里提到“${unit}”：活动记录按类型计数、不按部门计数，该时段没有只由${unit}登记的活动类型；稿中是区人大常委会该时段的全部工作，不是${unit}一家的，请核实后再用。`,
  subjectEntriesOnly: (subject: string, label: string) =>
    `“${label}”不是起草模板里的方面，稿中只列出事项含“${subject}”的活动，没有写次数（活动记录按视察、调研等类型计数，不按主题计数）。`,
  /** A part of a topic (视察里安全生产那块): its entries listed without figures; the topic's figures are the basis. */
  partEntriesOnly: (subject: string, topic: string, counted: number) =>
    `稿中只写了事项涉及“${subject}”的${topic}，逐项列出，没有写次数（活动记录按视察、调研等类型计数，不按主题计数）；该时段${topic}全部活动共 ${counted} 次，见依据。`,
  /** A count the request states that the log does not bear out: the draft keeps the log's. */
  countAsked: (words: string, labels: string, logged: number) =>
    `要求里说“${words}”，活动记录中该时段的${labels}是 ${logged} 次；稿中按活动记录写，没有用要求里的数字。如记录有遗漏，请先补录再起草。`,
  /** Work no drafting topic names, and no entry naming it. */
  subjectNoEntries: (subject: string, label: string) =>
    `活动记录中没有事项含“${subject}”的活动，稿中没有用其他工作充数；如要写全面工作，请说“写一份上半年工作总结”，${label}方面的活动可先补充记录再起草。`,
  /** The draft is shorter than asked: the log holds no more, and nothing else is added. */
  lengthShort: (n: number, bound: 'about' | 'most' | 'least', length: number) =>
    `要求${n}字${bound === 'least' ? '以上' : '左右'}，活动记录里的内容只够写约${length}字；稿中没有添加记录以外的做法和成效，请据实补充。`,
  /** The draft is longer than asked. */
  lengthLong: (n: number, bound: 'about' | 'most' | 'least', length: number) =>
    `要求${n}字${bound === 'most' ? '以内' : '左右'}，稿子约${length}字，没能压到要求以内：留下的都是写有数字的整句，再删就要拿掉数字或整项工作，请酌情删减。`,
  /** Whole items left out of a template draft to meet the length asked. */
  itemsDropped: (n: number, bound: 'about' | 'most' | 'least', inBrief: boolean, labels: string) =>
    `为控制在${n}字${bound === 'most' ? '以内' : '左右'}，${inBrief ? `${labels}只写了次数，没有展开` : `稿中略去了${labels}方面的内容（其数字也未写入）`}；如需写全，请放宽字数要求。`,
  /** Nothing logged for the draft at all: what to do, shown after the draft, never in its Word file. */
  nothingLogged:
    '请先在活动记录中补充相关活动（例如发送“6月12日组织代表视察了安全生产工作”），再重新起草；如确实没有开展相关工作，可如实说明。',
  /** Named topics without entries among others that have some: said in the draft, what to do said beside it. */
  topicsNotLogged: (topics: string) => `${topics}方面活动记录中没有登记相关活动，稿中如实写明；如有这方面的工作，请先补充记录再起草。`,
  /** The log stops well before the period ends: the figures run only up to its last entry. */
  logEnds: (last: string) =>
    `活动记录最后一条是${last}，此后没有登记任何活动；稿中的数字只包括${last}以前的活动。如之后的活动还没有录入，请先补录再起草。`,
  /** A comparison with a year before asked, the log holding nothing then: none is written. */
  compareNone: (from: string, to: string, first?: string) =>
    `要求里要与去年同期比较，但活动记录中没有去年同期（${from}至${to}）的活动${first ? `（最早一条是${first}）` : ''}，无法比较；` +
    '稿中只写了本期的情况，没有写增减。如需比较，请提供去年同期的数字。',
  /** A comparison with a year before asked: the draft writes this period's work alone. */
  compareNotDrafted: (from: string, to: string, total: number) =>
    `要求里要与去年同期比较：稿中只写了本期的情况，没有写增减。去年同期（${from}至${to}）活动记录共 ${total} 条，请统计该时段核对后再补充比较。`,
  /** Nothing logged up to the period's end, something after: the log begins later. */
  logStarts: (first: string) =>
    `活动记录最早一条是${first}，此前没有登记任何活动，所以稿中没有这段时间的工作情况。如这段时间的活动还没有录入，请先补录再起草。`,
  ordinals: ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'],
  sectionTitle: (organ: string, period: string, topic: string) =>
    `${organ}${period}${/(?:常委会|工委|委员会|办公室|研究室)$/.test(organ) ? topic.replace(/^常委会/, '') : topic}情况`,
  speechTitle: (topic: string, word: string = '发言') => `关于${topic}的${word === '发言' ? '交流发言' : word}`,
  venueTitle: (venue: string, word: string = '发言') => `在${venue}上的${word}`,
  /** The file name's last word, by form: 总结 for a section, 发言 for a speech; the request's own word wins. */
  fileWords: ['交流发言', '发言', '讲话', '汇报', '总结', '报告', '简报'],
  fileWordSection: '总结',
  fileWordSpeech: '发言',
  /** The invented figures themselves are not repeated: no figure outside the log reaches the user. */
  modelInventedFigure: (count: number) =>
    `模型两次起草的稿子里都有活动记录中没有的数字（${count} 处），已改用模板起草，数字均取自活动记录。`,
  /** Dates outside the period or work the log does not hold: not repeated either. */
  modelStrayClaims: (count: number) =>
    `模型两次起草的稿子里都有活动记录中没有的时间或工作（${count} 处），已改用模板起草，内容均取自活动记录。`,
  /** How the retry names a draft not written in Chinese. */
  modelNotChinese: '稿子不是用简体中文写的',
  modelNotChineseDraft: '模型两次给出的稿子都不是中文，已改用模板起草。',
  modelUnavailable: '模型暂时不可用，已改用模板起草。',
  modelNoDraft: '模型没有给出稿子，已改用模板起草。',
  /** How the retry names an empty draft to the model. */
  modelEmpty: '（空稿）',
  organ: '区人大常委会',
  basis: (byModel: boolean, from: string, to: string, facts: ReadonlyArray<{ label: string; count: number }>) =>
    `依据活动记录（${from} 至 ${to}）：${facts.length > 0 ? facts.map((f) => `${f.label} ${f.count} 次`).join('；') : '这段时间没有任何活动记录'}。（${byModel ? '模型起草' : '模板起草'}）`,
  /** Named topics without entries, after the basis. */
  basisEmpty: (topics: string) => `${topics}方面没有活动记录，稿中已如实说明。`,
  /** The office's own texts the draft took its register from. */
  basisStyle: (titles: string) => `文风参考：${titles}。`,
  /** The last line of the Word document: the secretary deletes it before filing. */
  documentBasis: (period: string, from: string, to: string, byModel: boolean) =>
    `（本稿时段为${period}（${from}至${to}），数字均取自活动记录，${byModel ? '由模型起草并经核对' : '按模板起草'}；定稿前请删除此行。）`,
  /** What the model is asked to write (the {{形式}} of prompts/draft.md). */
  promptFormSpeech: '一篇可以当众宣读的发言稿',
  promptFormSection: '一段工作总结（报告的一节）',
  promptShapeSpeech: '发言稿第一行单独写称呼（如“各位领导、同志们：”），然后分段写开头、各条工作和结尾，结尾写“谢谢大家！”。',
  promptShapeSection: '开头一段，每条工作一段，收尾一段。',
  /** {{范例}} when the knowledge base has no passage in the office's register. */
  promptNoExamples: '（无）',
  promptNoEmpty: '',
  /** One line of {{事实}}: the kinds, their count, each kind's own count, some 事项. */
  promptFact: (label: string, count: number, parts: string, matters: string) =>
    `- ${label}：共${count}次${parts ? `（${parts}）` : ''}${matters ? `；事项：${matters}` : ''}`,
  promptEmpty: (label: string) => `- ${label}：没有记录`,
} as const;

/** Titles as a list, each once, a repeated one with its count (学习党的二十大精神（3 次）); five at most. */
function titlesOnce(titles: readonly string[]): string {
  const times = new Map<string, number>();
  for (const t of titles) times.set(t, (times.get(t) ?? 0) + 1);
  const listed = [...times].slice(0, 5).map(([t, n]) => (n > 1 ? `${t}（${n} 次）` : t));
  return `${listed.join('、')}${times.size > 5 ? '等' : ''}`;
}
