/** Reading and writing the log's table files (.csv and .xlsx) as rows of text cells. */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { UserError } from '../errors.ts';
import { MAX_IMPORT_ROWS, MAX_TABLE_BYTES, XLSX_LIMITS, checkArchive, inputMessages } from '../input/index.ts';
import { writeFileAtomic } from '../storage/index.ts';
import { decodeCsv, formatCsv, parseCsv, type CsvRecord } from './csv.ts';
import { logMessages } from './messages.ts';
import { partsBeforeSheets } from './xlsx-order.ts';
import { sheetRowsOver } from './xlsx-rows.ts';

/** The two table formats the log reads and writes. */
export type TableFormat = 'csv' | 'xlsx';

/** The format named by a file's extension; UserError for anything else. */
export function tableFormat(path: string): TableFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw new UserError('unsupported_file', logMessages.unsupportedFile(path));
}

/** exceljs takes about a second to load: only commands that read or write .xlsx pay for it. */
async function loadExcel(): Promise<typeof ExcelJS> {
  // A CommonJS package: Node hands its exports over as `default`.
  const loaded = await import('exceljs');
  return (loaded as unknown as { default?: typeof ExcelJS }).default ?? loaded;
}

function isoFromExcelDate(value: Date): string {
  // exceljs hands date cells over as UTC midnight of the calendar day shown in Excel.
  return value.toISOString().slice(0, 10);
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value instanceof Date) return isoFromExcelDate(value);
  if (value && typeof value === 'object' && 'result' in value) {
    const result = (value as { result?: unknown }).result;
    if (result instanceof Date) return isoFromExcelDate(result);
  }
  return cell.text ?? '';
}

/** The file's bytes, refused above the size limit before anything is read. */
function readTableBytes(path: string): Buffer {
  try {
    if (statSync(path).size > MAX_TABLE_BYTES) throw new UserError('table_too_large', inputMessages.tableTooLarge(basename(path), MAX_TABLE_BYTES));
    return readFileSync(path);
  } catch (cause) {
    if (cause instanceof UserError) throw cause;
    throw new UserError('unreadable_file', logMessages.unreadableFile(path), { cause });
  }
}

function tooManyRows(path: string): UserError {
  return new UserError('too_many_rows', inputMessages.tooManyRows(basename(path), MAX_IMPORT_ROWS));
}

/**
 * The first sheet, row by row (exceljs's streaming reader: memory stays flat, and reading stops
 * at the row limit). The zip is checked first, so no bomb reaches the XML parser, and its rows
 * are counted in the raw XML, so a sheet over the limit is refused in a fraction of the time
 * parsing it would take; the parser's own count stays, in case a sheet slips past that one. A file
 * the streaming reader cannot take (its workbook part after the sheets) is read whole.
 */
async function readXlsx(path: string): Promise<CsvRecord[]> {
  const bytes = readTableBytes(path);
  await checkArchive(bytes, basename(path), XLSX_LIMITS).catch((cause: unknown) => {
    if (cause instanceof UserError && cause.code === 'not_an_archive') throw new UserError('unreadable_file', logMessages.unreadableFile(path), { cause });
    throw cause;
  });
  if (await sheetRowsOver(bytes, MAX_IMPORT_ROWS + 1)) throw tooManyRows(path);
  const Excel = await loadExcel();
  try {
    return await sheetRecords(streamedRows(Excel, bytes), path);
  } catch (cause) {
    if (cause instanceof UserError) throw cause;
    // The streaming reader now and then loses the workbook part when it comes last in the zip
    // (exceljs: "reading 'sheets' of undefined", seen once in CI): the checked file is read whole instead.
    try {
      return await sheetRecords(loadedRows(Excel, bytes), path);
    } catch (again) {
      if (again instanceof UserError) throw again;
      throw new UserError('unreadable_file', logMessages.unreadableFile(path), { cause: again });
    }
  }
}

/**
 * The first sheet's rows, streamed (memory stays flat, and reading stops at the row limit).
 * The parts a sheet needs are moved before the sheets, so exceljs reads the sheets straight from
 * the zip. Where it still copies them to the temporary folder (a workbook without shared
 * strings), it deletes each copy only once iterated past it; stopping at the first sheet (or on
 * a bad row) would leave them there — office data, until the process exits. So the reader is
 * always run to its end: the sheets after the first are skipped unread.
 */
async function* streamedRows(Excel: typeof ExcelJS, bytes: Buffer): AsyncGenerator<ExcelJS.Row> {
  const workbook = new Excel.stream.xlsx.WorkbookReader(Readable.from(partsBeforeSheets(bytes)), {
    sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit',
  } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookReader>[1]);
  const sheets = (workbook as unknown as AsyncIterable<AsyncIterable<ExcelJS.Row>>)[Symbol.asyncIterator]();
  try {
    const first = await sheets.next();
    if (!first.done) yield* first.value;
  } finally {
    await drain(sheets);
  }
}

/** Run a workbook reader to its end (see `streamedRows`); a failure there changes nothing read. */
async function drain(sheets: AsyncIterator<unknown>): Promise<void> {
  try {
    while (!(await sheets.next()).done) {
      // skipped: only the first sheet is imported
    }
  } catch {
    // the reader had already failed, or fails on a sheet the import does not read
  }
}

/** The first sheet's rows, the workbook loaded whole (its rows were counted before). */
async function* loadedRows(Excel: typeof ExcelJS, bytes: Buffer): AsyncGenerator<ExcelJS.Row> {
  const workbook = new Excel.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: ExcelJS.Row[] = [];
  workbook.worksheets[0]?.eachRow((row) => void rows.push(row));
  yield* rows;
}

/** The non-empty rows of a sheet as text cells, up to the row limit. */
async function sheetRecords(rows: AsyncIterable<ExcelJS.Row>, path: string): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  let width = 0;
  for await (const row of rows) {
    // Empty trailing cells are absent in .xlsx rows; read up to the header's width so an
    // empty title is reported as empty, not as a missing column.
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, width); c++) cells.push(cellText(row.getCell(c)));
    if (!cells.some((cell) => cell.trim() !== '')) continue;
    if (records.length === 0) width = cells.length;
    records.push({ line: row.number, cells });
    if (records.length > MAX_IMPORT_ROWS + 1) throw tooManyRows(path);
  }
  return records;
}

/** Every non-empty row of the file (header included) with its spreadsheet line number. */
export async function readTable(path: string): Promise<CsvRecord[]> {
  const format = tableFormat(path);
  if (format === 'xlsx') return readXlsx(path);
  const text = decodeCsv(readTableBytes(path));
  // Excel's "Unicode text" is tab-separated: take tabs when the header has no comma.
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const records = parseCsv(text, !firstLine.includes(',') && firstLine.includes('\t') ? '\t' : ',')
    .filter((r) => r.cells.some((cell) => cell.trim() !== ''));
  if (records.length > MAX_IMPORT_ROWS + 1) throw tooManyRows(path);
  return records;
}

/** Write bytes to `path` atomically, or say in Chinese why it could not be written. */
function writeOut(path: string, bytes: Uint8Array): void {
  try {
    writeFileAtomic(path, bytes);
  } catch (cause) {
    throw new UserError('export_failed', logMessages.exportFailed(path), { cause });
  }
}

/**
 * Write rows (header first) to a .csv file (UTF-8 with BOM, so Excel shows the Chinese),
 * every cell guarded against formula injection (log-csv.ts), atomically: a reader sees
 * the old file or the new one, never half.
 */
export async function writeTable(path: string, rows: ReadonlyArray<readonly string[]>): Promise<void> {
  if (tableFormat(path) !== 'csv') throw new UserError('unsupported_file', logMessages.unsupportedFile(path));
  writeOut(path, Buffer.from('\uFEFF' + formatCsv(rows), 'utf8'));
}

/** One column of an .xlsx export: its width in characters and, for dates, its number format. */
export interface XlsxColumn {
  readonly width: number;
  readonly numFmt?: string;
}

/**
 * Write an .xlsx sheet a clerk can filter: a bold, frozen header row with filters,
 * column widths, dates as real Excel dates (Date cells, UTC fields), text always as plain
 * strings — never formulas, whatever a title starts with.
 */
export async function writeXlsxTable(
  path: string, header: readonly string[], columns: readonly XlsxColumn[],
  rows: ReadonlyArray<ReadonlyArray<string | number | Date>>,
): Promise<void> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  const sheet = workbook.addWorksheet(logMessages.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  const head = sheet.addRow([...header]);
  head.font = { bold: true };
  // A JS string becomes a string cell in exceljs (a formula needs a { formula } object), so
  // a title such as =HYPERLINK(…) is shown as text and never evaluated.
  for (const row of rows) sheet.addRow(row.map((value) => (value === '' ? null : value)));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  writeOut(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
}
