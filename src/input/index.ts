/**
 * Input: reading what people send safely. Bounds on sizes, rows and question length; zip
 * containers opened with limits; text in any encoding an office PC writes; text cleaned of
 * escapes and invisible characters before it is stored or shown.
 */
export { plainText } from './plain-text.ts';
export { decodeGb18030, detectText, isLikelyChinese, isPlausibleText, type DetectedText, type TextEncodingName } from './text-encoding.ts';
export { checkArchive } from './zip-guard.ts';
export { centralDirectoryStart, readZipDirectory, zipEntryData, ZipDirectoryError, type ZipEntry, type ZipDirectoryProblem } from './zip-directory.ts';
export {
  MAX_QUESTION_CHARS, MAX_IMPORT_ROWS, MAX_TABLE_BYTES, DOCX_LIMITS, XLSX_LIMITS, boundQuestion, type ArchiveLimits,
} from './limits.ts';
export { inputMessages } from './messages.ts';
export { byteLimit, tooLargeToDownload } from './byte-limit.ts';
