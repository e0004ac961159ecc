/**
 * Every text the assistant shows a user, in Simplified Chinese, in one place so it can be
 * reviewed and changed without reading code.
 */

/** Chinese texts of the assistant, as constants and small formatters. */
export const messages = {
  apology: (ref: string) => `抱歉，处理这条消息时出了问题，请稍后再试。如问题持续，请把错误编号 ${ref} 告诉管理员。`,
  userProblem: (text: string) => text,

  refusal: (id: string) =>
    `您好，您暂时没有使用履职助手的权限。如需开通，请把您的编号 ${id} 发给管理员，由管理员加入 LVZHI_ALLOW。`,
  adminOnlyIngest: '只有管理员可以向知识库添加文件。如需收录，请把文件交给管理员。',
  adminOnlyImport: '只有管理员可以导入活动记录。',

  help: [
    '我是履职助手，可以：',
    '· 回答议事规则、法规、讲话材料里的问题：/ask 常委会会议多久召开一次',
    '· 记录履职活动：/log 今天组织代表视察了安全生产工作',
    '· 统计活动次数：/stats 上半年视察调研',
    '· 列出活动：/list 上个月的调研',
    '· 撤销自己刚记的一条：/undo',
    '· 起草报告段落：/draft 上半年监督工作',
    '也可以直接说话，例如“上半年视察了几次”“今天听取了环保工作报告”。',
    '管理员把文件（PDF、Word、Markdown、文本）发给我，我会收进知识库。',
  ].join('\n'),
  welcome: '您好，我是履职助手。',

  emptyAsk: '请在 /ask 后面写上要问的问题，例如：/ask 常委会会议多久召开一次',
  emptyLog: '请在 /log 后面写上做了什么，例如：/log 今天组织代表视察了安全生产工作',
  notALog: (question: string) => `这句话我没能当作一条活动记下来。${question}`,
  notAQuery: '没能看懂要统计哪类活动、哪段时间。例如：/stats 上半年视察调研',
  emptyMessage: '请输入要问的问题或要记录的活动。发送 /help 查看用法。',

  logged: (dateLabel: string, kindLabel: string, title: string) => `已记录：${dateLabel} ${kindLabel} ${title}`,
  loggedBy: (by: string) => `记录人：${by}。记错了可以发送 /undo 撤销。`,
  duplicate: (dateLabel: string, kindLabel: string, title: string) =>
    `这条已经记过了：${dateLabel} ${kindLabel} ${title}。没有重复记录。`,
  futureDate: (dateLabel: string, kindLabel: string, title: string) =>
    `日期 ${dateLabel} 还没到。确定要记录“${kindLabel} ${title}”吗？`,
  confirmChoice: '确认记录',
  cancelChoice: '取消',
  confirmWord: '确认',
  cancelWord: '取消',
  cancelled: '好的，已取消，没有记录。',
  nothingPending: '没有待确认的记录。',
  undone: (dateLabel: string, kindLabel: string, title: string) => `已撤销：${dateLabel} ${kindLabel} ${title}`,
  nothingToUndo: '您还没有可以撤销的记录。',

  periodLabel: (from: string | null, to: string | null) => periodText(from, to),
  countTotal: (period: string, kinds: string, total: number) => `${period || '迄今'}共${kinds} ${total} 次。`,
  countLine: (label: string, count: number) => `· ${label}：${count} 次`,
  countNone: (period: string, kinds: string) => `${period || '迄今'}没有${kinds}的记录。`,
  allKinds: '开展各类活动',
  allKindsShort: '各类活动',
  kindJoiner: '、',
  listHeader: (period: string, kinds: string, n: number) => `${period || '迄今'}${kinds}共 ${n} 条：`,
  listLine: (dateLabel: string, kindLabel: string, title: string) => `· ${dateLabel} ${kindLabel} ${title}`,
  listMore: (n: number) => `……另有 ${n} 条未列出，可缩小时间范围查看。`,
  listNone: (period: string, kinds: string) => `${period || '迄今'}没有${kinds}的记录。`,
  chartCaption: (period: string) => `${period}各类活动次数`,

  sourcesHeader: '来源：',
  sourceLine: (n: number, title: string, location: string) => `[${n}] 《${title}》${location ? ' ' + location : ''}`,

  draftUnavailable: '起草功能尚未配置，暂时不能起草。可以先用 /stats 查看数字。',
  emptyDraft: '请在 /draft 后面写上要起草什么，例如：/draft 上半年监督工作',

  ingestStart: (name: string) => `正在收录《${name}》……`,
  ingestProgress: (done: number, total: number) => `正在收录，已处理 ${done}/${total} 个文件……`,
  ingested: (name: string, passages: number) => `已收录《${name}》，共 ${passages} 段。现在可以就它提问了。`,
  ingestUnchanged: (name: string) => `《${name}》已经收录过，内容没有变化。`,
  ingestSkipped: (name: string, reason: string) => `《${name}》没有收录：${reason}`,
  ingestFailed: (name: string) => `《${name}》下载或读取失败，没有收录。`,
  importOffer: (name: string) =>
    `《${name}》是表格。若要把它作为活动记录导入（列：date, kind, title, by），请回复“导入”；知识库只收 PDF、Word、Markdown 和文本。`,
  importWord: '导入',
  importDone: (name: string, n: number) => `已从《${name}》导入 ${n} 条活动记录。`,
  importUnavailable: '导入功能尚未配置。可在终端运行 npm run cli -- import 文件。',
  unsupportedFile: (name: string) => `《${name}》的格式暂不支持。知识库可收 PDF、Word（.docx）、Markdown 和文本文件。`,

  firstRunIngest: (folder: string) => `首次启动：正在把示例文档（${folder}）收入知识库……`,
  firstRunDone: (n: number) => `示例文档已收录，共 ${n} 段。`,
  terminalReady: '履职助手已就绪。请输入问题或要记录的活动，每行一条；/help 查看用法。',
  shuttingDown: '正在停止……',
} as const;

/** A Chinese date label for an ISO date: 2023-06-12 → 2023年6月12日 (the year only when asked). */
export function dateLabel(iso: string, withYear = false): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${withYear ? `${y}年` : ''}${m}月${d}日`;
}

function periodText(from: string | null, to: string | null): string {
  if (!from && !to) return '';
  if (from && to) {
    const [fy, fm, fd] = from.split('-').map(Number);
    const [ty, tm, td] = to.split('-').map(Number);
    const lastDay = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
    if (fy === ty && fm === 1 && fd === 1 && tm === 12 && td === 31) return `${fy}年`;
    if (fy === ty && fm === 1 && fd === 1 && tm === 6 && td === 30) return `${fy}年上半年`;
    if (fy === ty && fm === 7 && fd === 1 && tm === 12 && td === 31) return `${fy}年下半年`;
    if (fy === ty && fm === tm && fd === 1 && td === lastDay) return `${fy}年${fm}月`;
    if (fy === ty && fd === 1 && td === lastDay && (fm - 1) % 3 === 0 && tm === fm + 2) {
      return `${fy}年第${'一二三四'[(fm - 1) / 3]}季度`;
    }
    if (from === to) return dateLabel(from, true);
    return `${dateLabel(from, true)}至${dateLabel(to, fy !== ty)}`;
  }
  return from ? `${dateLabel(from, true)}以来` : `${dateLabel(to as string, true)}以前`;
}
