/** Every Chinese text of the 文档 page: the list, one document, upload, removal, scope and status. */
import type { DocumentStatus } from '../../knowledge/index.ts';

/** How a status is shown (the words typed for it are STATUS_WORDS). */
export const STATUS_LABELS: Readonly<Record<DocumentStatus, string>> = { in_force: '现行有效', superseded: '已被替代' };

/** Texts of the documents section. */
export const documentMessages = {
  title: '文档',
  intro: (total: number) => (total ? `知识库共有 ${total} 个您可以查看的文件。` : '知识库中还没有您可以查看的文件。'),
  columns: { title: '标题', doc: '文件', scope: '部门', status: '状态', passages: '段数', added: '导入日期' },
  tableCaption: '知识库文件列表',
  pages: (page: number, pages: number) => `第 ${page} / ${pages} 页`,
  previous: '上一页',
  next: '下一页',
  pagination: '翻页',
  // Upload
  uploadHeading: '上传文件',
  uploadHint: (mb: number) => `支持 PDF、Word（.docx）、Markdown、纯文本，单个文件不超过 ${mb} MB；扫描件会逐页识别文字，可能需要几分钟。`,
  fileLabel: '选择文件',
  scopeLabel: '部门（公共：所有人可见）',
  replaceLabel: '已有同名文件时替换它',
  uploadButton: '上传并收录',
  noFile: '没有收到文件：请先选择要上传的文件。',
  unsupported: (name: string) => `《${name}》的格式不支持：请上传 PDF、Word（.docx）、Markdown 或纯文本文件。`,
  tooLarge: (mb: number) => `文件太大了：单个文件不能超过 ${mb} MB。没有收录任何内容。`,
  exists: (doc: string) => `知识库里已有“${doc}”。如果要用新文件替换它，请勾选“已有同名文件时替换它”后再上传。`,
  uploadTitle: '收录进度',
  uploadWorking: (name: string) => `正在收录《${name}》……`,
  uploadStarted: '已开始收录。',
  uploadRefresh: '本页每 2 秒自动刷新；也可以手动刷新。',
  uploadDone: '收录结束：',
  uploadGone: '这个收录进度已经过期或不存在（服务重启后不再保留）。请到文档列表查看文件是否已收录。',
  uploadFailed: (name: string, ref: string) => `《${name}》收录时出错了，没有收录。请稍后重试；如果一再出错，请把编号 ${ref} 告诉管理员。`,
  backToList: '返回文档列表',
  // One document
  notVisible: '知识库里没有这个文件，或者它不属于您可以查看的部门。',
  notVisibleTitle: '没有找到文件',
  facts: (scope: string, status: string, passages: number, added: string) => `部门：${scope}　状态：${status}　共 ${passages} 段　导入于 ${added}`,
  passagesHeading: '段落',
  passagesCaption: '文件的段落及其位置',
  location: '位置',
  text: '内容',
  page: (n: number) => `第${n}页`,
  searchLabel: '在本文件中搜索',
  searchButton: '搜索',
  searchHeading: (query: string, n: number) => (n ? `“${query}”在本文件中找到 ${n} 段：` : `本文件中没有找到与“${query}”相关的段落。`),
  clearSearch: '显示全部段落',
  // Changes (admins)
  manageHeading: '管理（管理员）',
  adminOnly: '只有管理员可以上传、删除文件或更改部门和状态。',
  scopeButton: '更改部门',
  scopeChanged: (doc: string, scope: string) => `已将“${doc}”移到“${scope}”。`,
  scopeNotYours: (scope: string) => `您不能把文件放到“${scope}”：只能选择“公共”或您所在的部门。`,
  statusLabel: '状态',
  supersededByLabel: '替代它的文件（可不填，如 办公室/新规则.md）',
  statusButton: '更改状态',
  statusChanged: (doc: string, status: string) => `已将“${doc}”标为${status}。`,
  removeButton: '删除这个文件……',
  removeTitle: '确认删除',
  removeQuestion: (doc: string, title: string, passages: number) =>
    `确定要从知识库删除“${doc}”（《${title}》，${passages} 段）吗？删除后回答不会再引用它，此操作会记入审计。`,
  removeConfirm: '确认删除',
  cancel: '取消',
  removed: (doc: string, passages: number) => `已从知识库删除“${doc}”（${passages} 段），今后的回答不会再引用它。`,
  changedTitle: '已完成',
} as const;
