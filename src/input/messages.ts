/** Every Chinese text about refused or shortened input, in one place for review. */

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Chinese texts of input bounds (archives, tables, long messages). */
export const inputMessages = {
  notAnArchive: (name: string) => `“${name}”不是有效的 Office 文件（文件已损坏，或者不是 .docx/.xlsx 格式）。`,
  encryptedArchive: (name: string) => `“${name}”已加密（设有打开密码），请去掉密码后再发送。`,
  tooManyEntries: (name: string, limit: number) => `“${name}”里的内部文件超过 ${limit} 个，不像正常的 Office 文件，没有读取。`,
  tooLargeInflated: (name: string, limitBytes: number) =>
    `“${name}”解压后的内容超过 ${mb(limitBytes)} MB 的上限，没有读取。请拆分成几个较小的文件后再发送。`,
  compressionBomb: (name: string, ratio: number) =>
    `“${name}”解压后的体积是压缩时的 ${ratio} 倍以上，像是恶意构造的“压缩炸弹”，没有读取。`,
  tooManyRows: (name: string, limit: number) => `“${name}”的数据超过 ${limit} 行的上限，整个文件没有导入。请分成几个文件分别导入。`,
  tableTooLarge: (name: string, limitBytes: number) => `“${name}”超过 ${mb(limitBytes)} MB 的上限，没有导入。请分成几个文件分别导入。`,
  downloadTooLarge: (name: string, limitBytes: number) =>
    `“${name}”超过 ${mb(limitBytes)} MB 的上限，没有下载。可以拆分成几个较小的文件后再发。`,
  questionCut: (limit: number) => `（消息超过 ${limit} 字，只读取了前 ${limit} 字，其余部分没有处理。）`,
} as const;
