/** What the document catalog says to a user (lists, removal, versions), in Simplified Chinese. */

const statusWord = (status: 'in_force' | 'superseded') => (status === 'superseded' ? '已替代' : '现行');

/** A document as one line of a list. */
type Listed = { doc: string; title: string; passages: number; added_at: string; scope: string; status: 'in_force' | 'superseded' };

/** The words a status is typed as (CLI and chat), besides its id. */
export const STATUS_WORDS: Readonly<Record<string, 'in_force' | 'superseded'>> = {
  in_force: 'in_force', 现行: 'in_force', 有效: 'in_force', 恢复: 'in_force',
  superseded: 'superseded', 已替代: 'superseded', 替代: 'superseded', 已废止: 'superseded', 废止: 'superseded',
};

/** Chinese texts of the document catalog. */
export const catalogMessages = {
  supersededNote: (replacedBy: string | undefined) =>
    replacedBy ? `（该条出自已被《${replacedBy}》替代的版本）` : '（该条出自已被替代的版本）',
  unknownDocument: (doc: string) => `知识库里没有“${doc}”这个文件。可以先用 docs 查看文件列表（文件以所在文件夹和文件名标识，如 办公室/通知.md）。`,
  badStatus: (value: string) => `状态应为 in_force（现行）或 superseded（已替代），收到的是“${value}”。`,
  badScope: (value: string) => `部门名“${value}”不能含有空格、斜杠或分隔符号。`,
  documentList: (documents: readonly Listed[]) => (documents.length
    ? [`知识库共有 ${documents.length} 个文件：`,
      ...documents.map((d) => `${d.doc}　《${d.title}》　${d.passages} 段　${d.scope}　${statusWord(d.status)}　${d.added_at.slice(0, 10)}`)].join('\n')
    : '知识库中还没有文件。'),
  removed: (doc: string, passages: number) => `已从知识库删除“${doc}”（${passages} 段），今后的回答不会再引用它。`,
  statusSet: (doc: string, status: 'in_force' | 'superseded') => `已将“${doc}”标为${statusWord(status)}。`,
  commandSummaryDocs: '列出知识库中的文件（文件名、标题、段数、导入时间、部门、现行/已替代）：docs [--json]',
  commandSummaryRemove: '从知识库删除一个文件（审计留痕）：remove 办公室/通知.md [--by 操作人] [--json]',
  commandSummaryStatus: '设置文件的状态（审计留痕）：status 办公室/规则.md superseded|in_force [替代它的新文件] [--by 操作人] [--json]',
} as const;
