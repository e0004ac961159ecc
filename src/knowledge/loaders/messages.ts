/** Every Chinese reason a loader gives for refusing a file, in one place for review. */

/** Reasons shown to the user (in `skipped` or as an error). */
export const loaderMessages = {
  unsupported: (ext: string, supported: readonly string[]) =>
    `不支持的文件类型“${ext || '无扩展名'}”，目前只能读取 ${supported.join('、')} 文件。`,
  missing: '文件不存在或无法读取。',
  notAFile: '这不是一个文件。',
  tooLarge: (limitMb: number) => `文件超过 ${limitMb} MB 的大小上限，请拆分后再导入。`,
  textTooLarge: (limitMb: number) => `文本文件超过 ${limitMb} MB（约三百万字）的上限，没有导入。请拆分成几个文件后再导入。`,
  empty: '文件是空的，没有可读取的内容。',
  noText: '文件中没有可读取的文字。',
  binary: '文件内容不是文本（可能是二进制文件被改成了 .txt 扩展名）。',
  undecodable: '无法识别文件的文字编码（支持 UTF-8、UTF-16 和 GB18030/GBK）。',
  pdfEncrypted: 'PDF 文件已加密（设有打开密码），请去掉密码后再导入。',
  pdfCorrupt: 'PDF 文件已损坏或格式不正确，无法读取。',
  pdfScanned: 'PDF 中没有可提取的文字（可能是扫描件或图片），请先进行文字识别（OCR）或提供文字版。',
  docxCorrupt: 'Word 文件已损坏或不是 .docx 格式（旧版 .doc 请另存为 .docx）。',
} as const;
