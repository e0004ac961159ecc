/** 2月29日 as written (with its year, when one is written): the leap day. */
const LEAP_DAY = /^(?:(\d{4})\s*年\s*)?(?:0?2|二)\s*月\s*(?:29|二十九)\s*[日号]?$/;

/** Every Chinese text the message reader and the `parse` command show a user. */
export const readerMessages = {
  /** Which month or kind had the most, with no period to count over. */
  extremePeriod: '请说明统计哪段时间，例如：“上半年哪个月活动最多”“今年哪类活动最多”。',
  /** Two narrowings in one count or list (张主任参加的学校视察): titles are searched for one phrase at a time. */
  twoNarrowings: (a: string, b: string, word: string): string =>
    `活动记录按事项名称里的一个词查找，一次只能查一个。您要查事项含“${a}”的${word}，还是含“${b}”的${word}？请只写其中一个再问一次。`,
  /** Rooms, cars, equipment asked after (会议室下午有人用吗): neither the log nor the documents keep them. */
  logistics:
    '会议室、车辆、设备这类办公事务安排，助手不管理（活动记录只记开展了哪些活动，知识库只收文件），无法回答是否有人用或是否安排好，请向负责的同事确认。要记录已开展的活动，请写明日期和做了什么，例如：“6月12日组织代表视察了城区防汛工作”。',
  /** An errand about an activity's things (调研提纲发我一下, 视察照片发群里): nothing done to record. */
  errand:
    '这条消息说的是活动的材料或安排，不是一项已开展的活动，所以没有记录。要记录活动，请写明日期和做了什么，例如：“6月12日组织代表视察了城区防汛工作”。',
  /** Which committee, place or person did the most: the log keeps no such field. */
  unkeptRank: (what: string): string =>
    `活动记录只记日期、类型和事项，不单独记是哪个${what}，所以排不出哪个${what}最多或最少。` +
    '可以问“今年哪类活动最多”“今年哪个月活动最多”，或按名称查某一个，例如：“今年城东街道视察了几次”。',
  /** A message the rules could not place at all. */
  unclear:
    '没太明白您的意思。您是想记录一项活动、统计次数、列出活动，还是问一个规定？' +
    '例如：“6月12日视察城区防汛工作”“上半年视察了几次”“列出上个月的调研”“常委会会议多久召开一次”。',
  /** A count per month (or quarter) with no period to break down (每个月的活动画个图). */
  perPartPeriod: (part: string, what: string, chart: boolean): string =>
    `请说明统计哪段时间${part}的${what}${chart ? '并画图' : ''}，例如：“今年${part}的${what}次数”“上半年${part}的${what}次数”。`,
  /** A period with nothing to do with it (上半年). */
  periodOnly: (words: string): string =>
    `您是想统计${words}的活动次数，还是列出这些活动？例如：“${words}视察了几次”或“列出${words}的活动”。`,
  /** An activity word alone (视察). */
  kindOnly: (label: string): string =>
    `您是想记录一次“${label}”吗？请写明日期和内容，例如：“6月12日${label} 城区防汛工作”；` +
    `如果想统计次数，可以问：“今年${label}了几次”。`,
  /**
   * A day and bare activity words apart (今天 视察 调研): one activity (视察调研) or one of each?
   * Two entries for one would count it twice.
   */
  bareKinds: (day: string, labels: readonly string[]): string => {
    const n = ['', '一', '两', '三', '四', '五'][labels.length] ?? String(labels.length);
    return `“${labels.join(' ')}”是一项活动，还是${n}项？是一项请写在一起并写明内容，例如：“${day}${labels.join('')}城区防汛工作”；` +
      `是${n}项请分别写明，例如：“${day}上午${labels[0]}城区防汛工作，下午${labels[1]}乡村振兴”。`;
  },
  /** A period and an activity word but no verb (上半年视察). */
  countOrList: (words: string, label: string): string =>
    `您是想统计${words}“${label}”的次数，还是列出这些活动？例如：“${words}${label}了几次”或“列出${words}的${label}”。`,
  /** Who attended or was absent at one meeting: the log does not record it. */
  attendanceNotLogged:
    '活动记录只记开展了哪些活动，不记谁出席、谁请假，所以回答不了这个问题。各次会议的出席和请假情况请查会议签到表或会议记录。',
  /** A message to log that says nothing of what was done (帮我记一下, 刚才群里说的那个活动记一下). */
  whatActivity:
    '没看出要记录的是哪项活动。请把日期和具体做了什么一起发给我，例如：“6月12日组织代表视察了城区防汛工作”。',
  /** `/log` with nothing after it. */
  emptyLog: '要记录什么活动？例如：/log 6月12日 视察 城区防汛工作',
  /** A slash command that does not exist. */
  unknownCommand: (name: string): string =>
    `没有“/${name}”这个命令。可用的命令：/log 记录、/stats 统计、/list 列出、/edit 更正、/delete 删除、/ask 提问、/draft 起草、/undo 撤销、/help 帮助。`,
  /** A date that does not exist (2月30日, 13月5日, 第五季度; 2月29日 outside a leap year). */
  impossibleDate: (words: string): string => {
    const leapDay = LEAP_DAY.exec(words);
    if (leapDay) {
      // Only a year without one makes 2月29日 impossible: the written year, else this year.
      const year = leapDay[1] ? `${leapDay[1]}年` : '今年';
      return `${year}不是闰年，没有2月29日。请核对日期后再发，是2月28日还是3月1日？例如：“2月28日视察城区防汛工作”。`;
    }
    // A day and its weekday or its date in brackets that disagree (7月3日(周二), 昨天(7月3日)).
    if (/[（(]/.test(words)) {
      const what = /周|星期|礼拜/.test(words) ? '日期和星期几' : '两个日子';
      return `“${words}”里的${what}对不上，不知道是哪一天，请核对后再发，例如：“6月12日视察城区防汛工作”。`;
    }
    return `“${words}”不是一个有效的日期，请核对后再发，例如：“6月12日视察城区防汛工作”。`;
  },
  /** A period where a logged activity needs its day (上周组织代表视察…). */
  whichDay: (words: string): string =>
    `“${words}”是一段时间，请告诉我具体是哪一天，例如：“${words.includes('周') ? '上周三' : '6月12日'}组织代表视察了城区防汛工作”。`,
  /** A length (为期三天) with one day named that may be its first or its last. */
  lastingWhichEnd: (lasting: string, day: string): string =>
    `“${lasting}”：${day}是第一天还是最后一天？请回复“第一天”或“最后一天”，也可以写明起止日期重发，例如：“7月3日至5日组织代表视察了城区防汛工作”。回复之前不会记录。`,
  /** A length (为期三天) with a range whose days do not add up to it. */
  lastingMismatch: (lasting: string): string =>
    `日期的天数和“${lasting}”对不上，请核对起止日期后再发，例如：“7月3日至5日组织代表视察了城区防汛工作”。这句话没有记录。`,
  /** A length (连续两天) with no day named at all. */
  lastingNoDay: (lasting: string): string =>
    `“${lasting}”是哪几天？请写明起止日期，例如：“7月3日至5日组织代表视察了城区防汛工作”。这句话没有记录。`,
  /** A day counted in months or years back (两个月前): roughly when, so the person gives the day. */
  roughDay: (words: string, reckoned: string, now: string): string => {
    const [year, month, day] = reckoned.split('-').map(Number);
    // A date without its year means the nearest one: a year back must be written with it.
    const written = `${reckoned.slice(0, 4) === now.slice(0, 4) ? '' : `${year}年`}${month}月${day}日`;
    return `“${words}”是大概的时间，请写明具体是哪一天，例如：“${written}组织代表视察了城区防汛工作”。`;
  },
  /** A time word no rule reads (元旦, 11月底, 前几天). */
  unreadableDate: (words: string): string =>
    `没看懂“${words}”具体是哪一天（或哪段时间），请写明日期，例如：“12月28日”或“2026年1月1日”。`,
  /** A weekday alone, asked yes or no, when this week's is past: the last one or the next? */
  whichWeekday: (words: string, last: string, next: string): string =>
    `您问的“${words}”是${last}还是${next}？请写明日期再问，例如：“${next}开会吗”。`,
  /** One of several activities in a message without its own day. */
  /** 每天 over a run of days too long to log as one entry a day. */
  dailyTooLong: (days: number): string =>
    `这段时间共 ${days} 天，每天一条会记 ${days} 条，没有记录。请写明具体是哪几天，或分几次发给我，例如：“12月1日至3日每天都接待了选民”。`,
  whichDayFor: (clause: string): string =>
    `“${clause}”是哪一天？请给每项活动写上日期，例如：“6月12日视察城区防汛工作，6月15日听取区法院工作报告”。`,
  /** A corrected date still to come, written without its year. */
  correctionNeedsYear: (words: string): string =>
    `“${words}”还没到。如果是这个日期，请写上年份，例如：“改成2025年${words.replace(/^\d{4}年/, '')}”。`,
  /** A corrected kind that is not in the taxonomy. */
  unknownKindInCorrection: (value: string, labels: string): string =>
    `没有“${value}”这种活动类型。可用的类型：${labels}。`,
  /** Two days and one deed, without 分别: one activity over both days, or one on each? */
  oneOrSeveral: (days: string): string =>
    `“${days}”是同一项活动持续了几天，还是每天各开展了一次？持续几天请写成“6月12日至13日…”，各一次请写成“6月12日和13日分别…”。`,
  /** Days and activities of different kinds listed with 分别 that do not pair up. */
  daysAndKinds: (days: string, kinds: string): string =>
    `“${days}”和“${kinds}”对不上，请给每项活动写明日期，例如：“周一召开主任会议，周二召开党组会议”。这句话没有记录。`,
  /** Weekdays listed together that fall in different weeks (周一、周三、周五 said on a Wednesday). */
  whichWeek: (days: string, bare: string): string => {
    const w = bare.replace(/^(?:周|星期|礼拜)/, '');
    return `“${days}”是哪一周的？请写明，例如：“本周${w}”“上周${w}”，或写上日期“6月12日”。`;
  },
  /** A correction with no entry just logged in this conversation to apply it to. */
  /** 把11月28日那条视察删掉 read without the log at hand (the assistant shows the entries that fit). */
  deletionNeedsNumber: '要删除哪一条记录？请先用 /list 查到编号，再发送 /delete 编号（只有管理员可以删除）；刚记错的可以发送 /undo 撤回。这句话没有删除任何记录。',
  correctionWithoutEntry:
    '要更正哪一条记录？刚记下的可以接着说“改成6月13日”“不对，是调研”；其他记录请用 /edit 编号 日期 6月13日（编号见 /list）。这句话没有记录。',
  /** 去年同期 with no period named to match it. */
  /** 去年和今年1月: the whole year, or its part too. */
  yearOrItsPart: (year: string, part: string, second: string): string =>
    `“${year}和${second}”是指${year}全年和${second}，还是${year}${part}和${second}？请写明，例如：“${year}${part}和${second}”或“${year}全年和${second}”。`,
  sameTimeOf: (words: string): string =>
    `“${words}同期”是指${words}的哪段时间？请写明，例如：“${words}上半年视察了几次”或“今年上半年视察比${words}同期多几次”。`,
  /** An activity called off or put back: nothing done to store. */
  calledOff:
    '这像是活动取消或改期了，没有记录。如果之前已经记了：刚记的可以发送 /undo 撤回，其他的用 /edit 编号 日期 … 改期或 /delete 编号 删除（编号见 /list）；实际开展后再按“日期+做了什么”记录。',
  /** A deed still to come, with no day named (还要开一次党组会). */
  plannedNoDay:
    '这像是还没开展的计划，没写哪一天，没有记录。请写明日期，例如：“下周三召开主任会议”（日期在今天之后的，我会先请您确认）；已经开展的，请按“日期+做了什么”记录。',
  /** A deed said not to have happened (昨天没开主任会): nothing to store. */
  notDone:
    '这句话说的是没有开展的活动，没有记录。实际开展后，再按“日期+做了什么”发给我，例如：“6月12日组织代表视察了城区防汛工作”。',
  /** A supposition (如果…, 假如…): nothing happened yet. */
  supposed:
    '这是一个假设的情况，没有记录。活动实际开展后，再按“日期+做了什么”发给我；如果是问规定，请直接提问，例如：“代表视察要提前几天通知”。',
  /** Nothing on today (今天没什么活动): acknowledged, nothing stored or searched. */
  nothingOn: '好的，没有需要记录的活动。有活动时按“日期+做了什么”发给我即可，例如：“今天组织代表视察了安全生产工作”。',
  /** Thanks, a greeting or an acknowledgement: a polite word, nothing stored. */
  thanks: '不客气！需要记录活动或查询时随时找我，例如：“今天组织代表视察了安全生产工作”“上半年视察了几次”。',
  /** A pasted paragraph that reports counts (组织视察4次、专题调研3次). */
  summaryParagraph:
    '这段文字像是一段总结，没有记录。要我按其中的每一项分别记录吗？请把每项活动按“日期+做了什么”分行发给我，例如：“6月12日视察城区防汛工作”。',
  /** A file path or a web address. */
  pathOrLink:
    '这像是一个文件路径或网址，没有记录。要把文件收进知识库，请直接把文件发给我；要记录活动，请写明日期和内容，例如：“6月12日视察城区防汛工作”。',
  /** A near-miss activity word (视查). */
  didYouMean: (typed: string, meant: string): string =>
    `您是说“${meant}”吗？“${typed}”我不认识，没有记录。请改正后再发，例如：${/会(?:议)?$/.test(meant) ? `“今天召开${meant}”` : `“今天组织代表${meant}了安全生产工作”`}。`,
  /** `parse` given no text. */
  emptyText: '请提供要解析的消息，例如：parse "上半年视察了几次" --now 2023-07-05',
  /** `--now` that is not a real day. */
  badNow: (value: string): string => `--now 的日期“${value}”不对，请写成 YYYY-MM-DD，例如 2023-07-05。`,
  /** A `parse --batch` line that is not a JSON object with a text. */
  badBatchLine: (line: number): string => `第 ${line} 行以 { 开头，但不是 {"now": "...", "text": "..."} 格式的 JSON；也可以不用 JSON，直接写消息本身。`,
  /** Names of the intents, for the human-readable `parse` output. */
  intentNames: {
    log: '记录活动', count: '统计次数', list: '列出活动', ask: '提问', draft: '起草材料',
    undo: '撤销上一条', help: '帮助', unclear: '无法判断',
  } as Record<string, string>,
  /** "every kind" in the human-readable output. */
  allKinds: '全部类型',
  /** "no period named" in the human-readable output. */
  noPeriod: '不限时间',
} as const;
