/**
 * Every Chinese text the command line itself shows (help, option errors, the human-readable
 * draft output), in one place so it can be reviewed without reading code. Texts of a domain
 * (the log, the knowledge base, the reader) stay in that folder's messages.
 */

/** One line of help per command, as `npm run cli -- help` lists them. */
export const commandSummaries = {
  log: '记录活动（一句话里可以有几项），例如：log "6月12日组织代表视察了安全生产工作"（--now 日期 --by 记录人 --yes 确认记录今天之后的日期）',
  stats: '统计一段时间内各类活动的次数（--from --to --kinds）',
  list: '按日期列出一段时间内的活动（--from --to --kinds）',
  undo: '撤回某人最近一条消息记录的活动（--by 记录人）',
  edit: '更正一条活动记录（审计留痕）：edit 17 --date 2023-06-13 --kind 调研 --title 新标题 --by 记录人',
  delete: '删除一条活动记录（审计留痕）：delete 17 --by 记录人',
  import: '从 .csv 或 .xlsx 文件批量导入活动（列：日期,类型,事项,记录人 或 date,kind,title,by；台账 序号,日期,活动内容 按内容判断类型，核对后加 --yes 导入），有错则整个文件不导入',
  export: '把活动导出为 .csv 或 .xlsx 文件（列：日期,结束日期,类型,事项,记录人,记录时间,编号；--from --to --kinds）',
  chart: '把活动次数画成柱状图 PNG（--by kind 按类型 | month 按月份，--from --to --kinds）',
  parse: '解析一条消息的意思（不执行）：parse "上半年视察了几次" --now 2023-07-05；或 parse --batch 从标准输入逐行读取',
  draft: '起草工作总结或发言段落（数字取自活动记录）',
  'web-link': '为某人生成网页的一次性登录链接（10分钟内有效）：web-link --as telegram:777',
  'migrate-data': '把活动记录（含审计记录）和对话状态从数据文件夹复制到 PostgreSQL 或反过来：migrate-data --from ./data --to postgres://…（目标必须是空的，复制后核对条数）',
} as const;

/** Texts of `migrate-data`. */
export const migrateMessages = {
  needBoth: '请用 --from 和 --to 指明从哪里复制到哪里，例如：migrate-data --from ./data --to postgres://用户:密码@主机:5432/数据库',
  same: '--from 和 --to 是同一个地方，没有复制。',
  noSource: (folder: string) => `数据文件夹“${folder}”里没有履职助手的数据库（lvzhi.db），没有复制。请检查 --from。`,
  copied: (from: string, to: string, n: { activities: number; audit: number; conversations: number; documents: number; passages: number }) =>
    `已从 ${from} 复制到 ${to}：活动记录 ${n.activities} 条（含已撤回和已删除的）、审计记录 ${n.audit} 条、对话状态 ${n.conversations} 条、`
    + `知识库文档 ${n.documents} 份（段落 ${n.passages} 段），两边条数一致。检索索引文件不复制：每个进程第一次检索时从数据库重建自己的。`,
} as const;

/** The longer help of the batch commands: what a line of standard input may be. */
export const batchHelp = {
  ask: [
    'ask --batch [--k 5] [--json]：从标准输入逐行读取问题，每行输出一个结果，顺序与输入一致。',
    '每行可以是：',
    '  · 一个 JSON 对象（JSON Lines 格式）：{"question": "常委会会议多久召开一次"}',
    '  · 或者直接写问题本身：常委会会议多久召开一次',
    '以 { 开头的行按 JSON 读取，格式不对的行输出 {"error": {...}}，其余行照常回答；空行跳过。',
  ].join('\n'),
  parse: [
    'parse --batch [--now YYYY-MM-DD] [--json]：从标准输入逐行读取消息，每行输出一个结果，顺序与输入一致。',
    '每行可以是：',
    '  · 一个 JSON 对象（JSON Lines 格式）：{"now": "2023-07-05", "text": "上半年视察了几次"}（now 可省略）',
    '  · 或者直接写消息本身：上半年视察了几次（“今天”取 --now，没有 --now 时取当天）',
    '以 { 开头的行按 JSON 读取，格式不对的行输出 {"error": {...}}；空行跳过。',
  ].join('\n'),
} as const;

/** Chinese texts of the command line. */
export const cliMessages = {
  usage: (commandLines: readonly string[]) =>
    ['用法：npm run --silent cli -- <命令> [选项] [--json] [--data 目录]', '', '命令：', ...commandLines, '', '每个命令的详细用法：<命令> --help'].join('\n'),
  commandHelp: (name: string, summary: string, more?: string) =>
    [`用法：npm run --silent cli -- ${name} …`, summary, ...(more ? ['', more] : [])].join('\n'),
  unknownCommand: (name: string, usage: string) => `没有“${name}”这个命令。\n${usage}`,
  missingOptionValue: (option: string) => `选项 --${option} 后面需要一个值。`,
  unknownOption: (option: string, command: string, known: readonly string[]) =>
    `${command} 命令没有 --${option} 这个选项（可用：${known.map((o) => `--${o}`).join(' ')}）。请检查拼写，这次什么也没有做。`,
  badDateOption: (option: string, value: string) => `--${option} 的日期“${value}”不对，请写成 2023-06-30 这样的形式。`,
  draftNote: (note: string) => `注：${note}`,
  draftSaved: (path: string) => `已保存为 Word 文档：${path}`,
  draftNotSaved: (path: string) => `Word 文档无法写到 ${path}，请确认目录存在且可写。`,
  /** A period in the human-readable `parse` output. */
  periodSpan: (from: string, to: string) => `${from} 至 ${to}`,
} as const;
