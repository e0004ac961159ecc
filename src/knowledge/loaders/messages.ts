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
  ocrNoText: 'PDF 中没有文字：既没有文字层，扫描图像中也没有识别出文字（可能是空白页或图片）。',
  ocrUnreadable:
    '扫描件中的文字无法可靠识别：可能不是简体中文或英文（目前只能识别这两种文字），或者图像过于模糊。这份文件没有收录。',
  ocrTooManyPages: (pages: number, limit: number) =>
    `这是扫描件，有 ${pages} 页需要文字识别，超过单个文件 ${limit} 页的上限，没有收录。请拆分成不超过 ${limit} 页的文件后再导入。`,
  ocrTimeout: (minutes: number) => `文字识别超过 ${minutes} 分钟仍未完成，已停止，这份文件没有收录。请拆分成较小的文件后再导入。`,
  ocrStopped: '已停止识别这份扫描件，这份文件没有收录。',
  ocrRead: (pages: readonly number[]) => `${pageList(pages)}是扫描页，已通过文字识别读取（识别结果可能有个别错字）。`,
  ocrEmptyPages: (pages: readonly number[]) => `${pageList(pages)}没有识别出文字（可能是空白页或图片），未收录。`,
  ocrUnreadablePages: (pages: readonly number[]) =>
    `${pageList(pages)}的文字无法可靠识别（可能不是简体中文或英文，或者图像模糊），未收录。`,
  ofdCorrupt: 'OFD 文件已损坏或格式不正确，无法读取。',
  ofdTooLarge: 'OFD 文件解压后的内容超过上限（可能是异常或恶意构造的压缩包），已拒绝读取。',
  ofdEncrypted: 'OFD 文件已加密，请导出未加密的版本后再导入。',
  ofdNoText: 'OFD 文件中没有文字（可能是扫描图像）。目前只能识别 PDF 扫描件，请另存为 PDF 后再导入。',
  docxCorrupt: 'Word 文件已损坏或不是 .docx 格式，无法读取。',
  wordBinaryCorrupt: (format: 'doc' | 'wps') =>
    `${format === 'wps' ? 'WPS 文字' : 'Word'} 文件已损坏或不是 .${format} 格式（Word 97-2003 文档），无法读取。`,
} as const;

/** `第 3 页`, `第 3、5、8 页`, or `第 1–12 页` for a run, as a reader would write it. */
function pageList(pages: readonly number[]): string {
  const sorted = [...pages].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : sorted.slice(i, j + 1).join('、'));
    i = j + 1;
  }
  return `第 ${runs.join('、')} 页`;
}
