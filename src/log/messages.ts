/**
 * Every Chinese text the activity log, its import/export, stats, charts and log commands
 * show a user, in one place so the office can review and change the wording.
 */
import { timeMessages } from '../time/index.ts';

/** Chinese texts of the activity log. */
export const logMessages = {
  badDate: timeMessages.badDate,
  badPeriod: (from: string, to: string) => `起始日期 ${from} 晚于结束日期 ${to}，请检查时间段。`,
  unknownKind: (value: string, known: string) => `没有“${value}”这种活动类型。可用的类型：${known}。`,
  emptyTitle: '活动内容（标题）不能为空。',
  emptyBy: '记录人不能为空。',
  noSuchEntry: (id: number) => `没有编号为 ${id} 的活动记录（或已被撤回、删除）。`,
  nothingToUndo: (by: string) => `“${by}”没有可以撤回的记录。`,

  // import / export
  unsupportedFile: (path: string) => `不支持这种文件：${path}。请用 .csv 或 .xlsx 文件。`,
  unreadableFile: (path: string) => `无法读取文件：${path}。请确认文件存在、没有损坏，并且确实是 .xlsx 或 .csv 表格（不是只改了扩展名的其他文件）。`,
  emptyFile: (path: string) => `文件里没有数据：${path}。`,
  missingColumns: (names: string) =>
    `表头缺少必需的列：${names}。表头应为 日期,类型,事项,记录人（或 date,kind,title,by）；台账式的 序号,日期,活动内容 也可以，类型会按内容判断。`,
  importRejected: (count: number, lines: string) =>
    `导入失败：有 ${count} 行数据有问题，整个文件没有导入（一条也没有保存）。行号按表格中的行计算，表头是第 1 行。\n${lines}`,
  importRowProblem: (row: number, reason: string) => `第 ${row} 行：${reason}`,
  importMoreProblems: (count: number) => `……另有 ${count} 行有问题。`,
  rowMissingCells: '这一行的列数不够（缺少日期、类型或标题）。',
  rowEmptyDate: '日期为空。',
  rowEmptyKind: '类型为空。',
  rowEmptyTitle: '标题为空。',
  rowBadDate: (value: string) => `日期“${value}”不存在或格式不对（应为 2023-06-12）。`,
  rowBadEnd: (value: string) => `结束日期“${value}”不存在或格式不对（应为 2023-06-14，一天的活动留空）。`,
  rowEndBefore: (end: string, date: string) => `结束日期 ${end} 早于日期 ${date}。`,
  rowUnknownKind: (value: string) => `不认识的类型“${value}”（可写类型编号或名称，如 inspection 或 视察）。`,
  exportFailed: (path: string) => `无法写出文件：${path}。请确认目录存在且可写。`,
  /** The export's header row (and the import's own names for those columns). */
  exportHeader: ['日期', '结束日期', '类型', '事项', '记录人', '记录时间', '编号'],
  importKindsRead: (rows: number, summary: string) =>
    `表格里没有“类型”列，已按活动内容判断了 ${rows} 条的类型：${summary}。请核对：`,
  importKindCount: (label: string, n: number) => `${label} ${n} 条`,
  importInferredRow: (row: number, date: string, label: string, title: string) => `第 ${row} 行 ${date} 【${label}】${title}`,
  importMoreRows: (n: number) => `……另有 ${n} 行未列出。`,
  importUnreadRows: (rows: string, otherLabel: string) => `第 ${rows} 行看不出是哪类活动，将记为“${otherLabel}”；如不对，请在表格里加一列“类型”后重新导入。`,
  importConfirmHint: '确认无误请加 --yes 再导入一次；这次什么也没有保存。',

  // chart
  chartTitleByKind: (period: string, kinds?: string) => `${period}${kinds ?? '各类履职活动'}次数`,
  chartTitleByMonth: (period: string, kinds?: string) => `${period}${kinds ? `${kinds}每月` : '每月履职活动'}次数`,
  /** The series that gathers the smaller kinds once a chart has more than it can colour apart. */
  chartOtherKinds: '其他',
  chartAxisKind: '活动类型',
  chartAxisMonth: '月份',
  chartAxisCount: '次数',
  chartNoData: '所选时间段内没有活动记录，无法画图。',
  chartFailed: '生成图表失败。',
  chartNeedsPng: (path: string) => `图表文件名应以 .png 结尾：${path}`,

  // command line
  needText: '请写出要记录的活动，例如：log "今天组织代表视察了安全生产工作"',
  needFile: (command: string) => `请给出文件名，例如：${command} ${command === 'chart' ? '活动.png' : '活动.xlsx'}`,
  notALog: (detail: string) => `这句话看起来不是一条活动记录，没有保存。${detail}\n记录活动请这样写：“6月12日组织代表视察了安全生产工作”。`,
  unclearNotSaved: (question: string) => `${question}\n（这条没有保存。）`,
  notALogBecause: {
    count: '它像是在问次数（请用 stats 命令）。',
    list: '它像是要列出活动（请用 list 命令）。',
    ask: '它像是一个问题（请用 ask 命令）。',
    draft: '它像是要起草材料（请用 draft 命令）。',
    undo: '它像是要撤回（请用 undo 命令）。',
    help: '它像是在求助（请用 help 命令）。',
  } as Record<string, string>,
  needChange: '请写明要更正什么，例如：edit 17 --date 2023-06-13，或 --kind 调研，或 --title 新标题。',
  badId: (value: string) => `“${value}”不是有效的记录编号，编号是 /list 或 list 里每条前面的数字。`,
  badNumber: (name: string, value: string) => `选项 --${name} 的值“${value}”不是有效的数字。`,
  badChartBy: (value: string) => `--by 只能是 kind（按类型）或 month（按月份），而不是“${value}”。`,

  // human-readable replies
  logged: (when: string, label: string, title: string) => `已记录：${when} ${label} ${title}`,
  duplicate: (when: string, label: string, title: string) => `这条已经记过了：${when} ${label} ${title}（没有重复保存）`,
  withdrawn: (when: string, label: string, title: string) => `已撤回：${when} ${label} ${title}`,
  loggedSeveral: (count: number, items: string) => `已记录 ${count} 项：${items}`,
  withdrawnSeveral: (count: number, items: string) => `已撤回 ${count} 项：${items}`,
  itemJoiner: '；',
  duplicateMark: '（已记过，未重复保存）',
  corrected: (id: number, before: string, after: string) => `已更正第 ${id} 条：${before} → ${after}`,
  deleted: (id: number, entry: string) => `已删除第 ${id} 条：${entry}（删除记录保留在审计记录中）`,
  futureDates: (items: string, today: string) =>
    `${items} 在今天（${today}）之后，还没到。是要记录计划开展的活动吗？`,
  futureNeedsYes: (dates: string, today: string) =>
    `日期 ${dates} 在今天（${today}）之后。是计划开展的活动吗？如果确认，请加上 --yes 再记录一次；如果日期写错了，请改正后重新记录。`,
  sameAsExisting: (id: number, other: number | undefined) =>
    other === undefined
      ? `第 ${id} 条改过之后与另一条现有记录完全相同（日期、类型、内容都一样），没有修改。`
      : `第 ${id} 条改过之后与第 ${other} 条完全相同（日期、类型、内容都一样），没有修改；如果是重复记录，请删除其中一条。`,
  notYours: (id: number) => `第 ${id} 条不是您记录的，只有记录人本人或管理员可以更正。`,
  /** 2023年上半年共视察 8 次; a kind named by a noun reads 2023年上半年常委会会议共 2 次. */
  statsOneKind: (period: string, label: string, count: number) =>
    (/(?:会议|活动|培训|学习|办理|其他)$/.test(label) ? `${period}${label}共 ${count} 次` : `${period}共${label} ${count} 次`),
  statsTotal: (period: string, total: number) => `${period}共记录履职活动 ${total} 次`,
  statsPart: (label: string, count: number) => `${label} ${count} 次`,
  listEmpty: (period: string) => `${period}没有活动记录。`,
  listHeader: (period: string, count: number) => `${period}共 ${count} 项活动：`,
  imported: (count: number, duplicates: number) =>
    duplicates > 0 ? `已导入 ${count} 条记录，另有 ${duplicates} 条与已有记录相同，没有重复保存。` : `已导入 ${count} 条记录。`,
  exported: (count: number, path: string) => `已导出 ${count} 条记录到 ${path}`,
  charted: (path: string) => `图表已保存到 ${path}`,
  allTime: timeMessages.allTime,
  /** Name of the worksheet an .xlsx export writes. */
  sheetName: '履职活动',
  defaultBy: '办公室',
} as const;
