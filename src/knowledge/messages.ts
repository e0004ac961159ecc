/** Everything the knowledge base says to a user, in Simplified Chinese, in one place. */
import type { Level } from './answering/question-level.ts';

/** How an answer names a level (本区的文件, 问的是全国的情况). */
const LEVEL_NAMES: Readonly<Record<Level, string>> = { 全国: '全国', 省: '省级', 市: '市级', 县: '县级', 乡: '乡镇', 区: '本区' };

/** Chinese texts of the knowledge base (answers, ingest reports, errors). */
export const knowledgeMessages = {
  notFound: (topic: string) => `知识库中没有找到关于“${topic}”的规定。`,
  possiblyRelated: (titles: readonly string[]) => `可能相关：${titles.map((t) => `《${t}》`).join('、')}`,
  /** The nearest passage is about another level than the question names: said, not quoted. */
  otherLevel: (held: Level, asked: Level, title: string, location: string) =>
    `库中相近的《${title}》${location ? ' ' + location : ''}是${LEVEL_NAMES[held]}的文件，问的是${LEVEL_NAMES[asked]}的情况；各级的规定不尽相同，所以没有拿它作答。`,
  /** A national congress rule quoted for a question naming no level: the office's own level may rule otherwise. */
  nationalRule: (title: string) => `注意：所引《${title}》是全国人大层面的规定；地方各级人大的做法，以本级的规定为准。`,
  instructionNote: '（该段落含有指令性文字，已按原文引用。）',
  /** Other documents have an article of the same number: which one is meant is the person's to say. */
  sameArticleElsewhere: (label: string, titles: readonly string[]) =>
    `另有${titles.slice(0, 3).map((t) => `《${t}》`).join('、')}${titles.length > 3 ? `等 ${titles.length} 个文件` : ''}也有第${label}条；` +
    `如问的是${titles.length > 1 ? '其中之一' : '它'}，请在问题里写明文件名，例如“${titles[0].replace(/^中华人民共和国/, '')}第${label}条”。`,
  otherYear: (title: string, years: string, asked: string, year: number) =>
    `注意：下面引的《${title}》说的是${years}年的情况，不是您问的“${asked}”（${year}年）的。`,
  /** A figure question no passage answers in the unit asked: what the documents count instead, if they do. */
  figureUnstated: (unit: string, otherwise?: string) => `${otherwise ? `文件中写的是“${otherwise}”，没有按` : '找到的段落中没有按'}“${unit === '%' ? '百分比' : unit}”统计的这项数字，所以没有拿别的数字作答。`,
  /** A who-question whose deed no quotable passage states the doer of (or no document words at all). */
  doerUnstated: ({ verb, inLibrary, post }: { verb: string; inLibrary: boolean; post?: boolean }) => post
    ? `找到的段落只讲${verb}的职责和程序，没有写明${verb}是谁，所以没有拿它们作答。`
    : inLibrary
      ? `找到的段落都没有写明由谁“${verb}”，所以没有拿它们作答。`
      : `库中文件都没有“${verb}”的说法，无法说明由谁${verb}。`,
  keywordOnly: '（向量检索服务暂时不可用，本次只按关键词检索，结果可能不如平时准确。）',
  emptyIndex: '知识库中还没有任何文件，请先用 ingest 命令导入文件（如：npm run cli -- ingest knowledge/）。',
  citation: (n: number, title: string, location: string, doc: string) =>
    `[${n}] 《${title}》${location ? ' ' + location : ''}（${doc}）`,
  emptyQuestion: '问题是空的，请输入要问的内容。',
  badK: (value: string) => `--k 应为 1 到 50 之间的整数，收到的是“${value}”。`,
  noPaths: '请给出要导入的文件或文件夹路径，例如：ingest knowledge/',
  pathMissing: '找不到这个路径，请检查路径是否正确。',
  allPathsMissing: (paths: readonly string[]) => `找不到要导入的路径：${paths.join('、')}。请检查路径是否正确。`,
  hiddenOrUnreadable: '无法读取这个文件或文件夹。',
  hidden: '以“.”开头的隐藏文件或文件夹，没有导入（如确实需要，请改名后再导入）。',
  tooManyPassages: (count: number, limit: number) => `文件内容太多（分成了 ${count} 段，上限是 ${limit} 段），没有导入。请拆分成几个文件后再导入。`,
  noText: '文件里没有可以检索的文字内容。',
  embeddingUnavailable: '向量服务（嵌入模型）暂时无法连接，这个文件未导入；服务恢复后重新运行 ingest 即可补上，已有内容不受影响。',
  embeddingLengthChanged: (embedder: string, stored: number, now: number) =>
    `嵌入模型 ${embedder} 返回的向量长度由 ${stored} 变为 ${now}（模型已更换）。旧向量不会与新向量混用：正在为全部段落重新生成向量，完成前按关键词检索。`,
  vectorSearchInDatabase: (server: string) => `向量检索：使用数据库 ${server} 中的 pgvector 扩展（HNSW 索引，余弦距离），各进程共用一个向量索引。`,
  pgvectorNotInstalled: '服务器上没有安装 vector 扩展',
  pgvectorNoPrivilege: '当前数据库用户无权执行 CREATE EXTENSION vector',
  vectorSearchInProcess: (reason: string) => `向量检索：数据库没有可用的 pgvector 扩展（${reason}），向量存放在数据库中，每个进程在内存中各建一个 HNSW 索引。`,
  failed: (reference: string) => `处理这个文件时出现内部错误（编号 ${reference}），已跳过，其他文件照常导入。`,
  badBatchLine: '这一行以 { 开头，但不是 {"question": "……"} 格式的 JSON；也可以不用 JSON，直接写问题本身。',
  ingestSummary: (r: { added: number; updated: number; unchanged: number; skipped: number; chunks: number }) =>
    `导入完成：新增 ${r.added} 个文件，更新 ${r.updated} 个，未变化 ${r.unchanged} 个，跳过 ${r.skipped} 个；知识库现有 ${r.chunks} 段。`,
  skippedLine: (path: string, reason: string) => `  跳过 ${path}：${reason}`,
  noteLine: (path: string, note: string) => `  注意 ${path}：${note}`,
  stoppedBefore: '导入已停止，这个文件没有处理。',
  ocrProgress: (done: number, total: number, path: string) => `正在识别 ${path} 第 ${done}/${total} 页……`,
  sourcesHeading: '来源：',
  sourceLine: (n: number, title: string, location: string, doc: string, score: number) =>
    `[${n}] 《${title}》${location ? ' ' + location : ''}（${doc}，相关度 ${score.toFixed(2)}）`,
  commandSummaryIngest: '导入文件或文件夹到知识库：ingest 路径... [--scope 部门] [--json]（文件以所在文件夹和文件名标识，同名文件不会互相覆盖）',
  commandSummaryAsk: '向知识库提问：ask 问题 [--k 5] [--json]；或 ask --batch --json 从标准输入逐行读取',
} as const;
