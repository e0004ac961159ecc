/** Every Chinese text the message reader and the `parse` command show a user. */
export const readerMessages = {
  /** A message the rules could not place at all. */
  unclear:
    '没太明白您的意思。您是想记录一项活动、统计次数、列出活动，还是问一个规定？' +
    '例如：“6月12日视察城区防汛工作”“上半年视察了几次”“列出上个月的调研”“代表视察需要持什么证件”。',
  /** A period with nothing to do with it (上半年). */
  periodOnly: (words: string): string =>
    `您是想统计${words}的活动次数，还是列出这些活动？例如：“${words}视察了几次”或“列出${words}的活动”。`,
  /** An activity word alone (视察). */
  kindOnly: (label: string): string =>
    `您是想记录一次“${label}”吗？请写明日期和内容，例如：“6月12日${label} 城区防汛工作”；` +
    `如果想统计次数，可以问：“今年${label}了几次”。`,
  /** A period and an activity word but no verb (上半年视察). */
  countOrList: (words: string, label: string): string =>
    `您是想统计${words}“${label}”的次数，还是列出这些活动？例如：“${words}${label}了几次”或“列出${words}的${label}”。`,
  /** `/log` with nothing after it. */
  emptyLog: '要记录什么活动？例如：/log 6月12日 视察 城区防汛工作',
  /** A slash command that does not exist. */
  unknownCommand: (name: string): string =>
    `没有“/${name}”这个命令。可用的命令：/log 记录、/stats 统计、/list 列出、/ask 提问、/draft 起草、/undo 撤销、/help 帮助。`,
  /** A date that does not exist (2月30日). */
  impossibleDate: (words: string): string =>
    `“${words}”不是一个有效的日期，请核对后再发，例如：“6月12日视察城区防汛工作”。`,
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
