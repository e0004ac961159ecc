/**
 * Where the columns of an import table are: the export's own headers (日期, 类型, 事项,
 * 记录人, 记录时间, 编号, and 结束日期 for a multi-day activity), the contract's English ones
 * (date, kind, title, by, to), and the
 * ledgers offices keep (序号, 日期, 活动内容 — no kind column, sometimes a title row above
 * the header).
 */
import { UserError } from '../errors.ts';
import type { CsvRecord } from './csv.ts';
import { logMessages } from './messages.ts';

/** The columns an import reads, by their header names (compared without spaces, case-blind). */
export const HEADER_NAMES: Record<'date' | 'to' | 'kind' | 'title' | 'by', readonly string[]> = {
  date: ['date', '日期', '时间', '活动日期', '活动时间', '开展时间', '开展日期'],
  to: ['to', '结束日期', '截止日期', '结束时间', '终止日期'],
  kind: ['kind', '类型', '类别', '活动类型', '活动类别', '种类'],
  title: ['title', '事项', '标题', '内容', '活动', '名称', '活动内容', '活动名称', '工作内容', '主要内容', '活动事项', '事由'],
  by: ['by', '记录人', '登记人', '经办人', '填报人', '记录者'],
};

/** Where each column stands (index into a row); `kind` is -1 when the kind is read from the content, `to` when there is no end-date column. */
export interface TableLayout {
  /** The header's spreadsheet line. */
  readonly headerLine: number;
  readonly date: number;
  readonly to: number;
  readonly kind: number;
  readonly title: number;
  readonly by: number;
}

/** Header rows are looked for among the first lines (a ledger may have a title line or two above). */
const HEADER_SEARCH_ROWS = 10;

function columnsOf(cells: readonly string[]): Omit<TableLayout, 'headerLine'> {
  const names = cells.map((h) => h.replace(/[\s\u3000]+/g, '').toLowerCase());
  const find = (key: keyof typeof HEADER_NAMES) => names.findIndex((n) => HEADER_NAMES[key].includes(n));
  return { date: find('date'), to: find('to'), kind: find('kind'), title: find('title'), by: find('by') };
}

/**
 * The table's layout and the rows below its header. The header is the first of the first
 * ten rows that names a date and a title column; without one the file is refused, naming
 * what is missing (judged by the first row).
 */
export function findLayout(records: readonly CsvRecord[], path: string): { layout: TableLayout; rows: CsvRecord[] } {
  for (let i = 0; i < Math.min(records.length, HEADER_SEARCH_ROWS); i++) {
    const columns = columnsOf(records[i].cells);
    if (columns.date >= 0 && columns.title >= 0) {
      return { layout: { headerLine: records[i].line, ...columns }, rows: records.slice(i + 1) };
    }
  }
  const first = records[0] ? columnsOf(records[0].cells) : { date: -1, title: -1 };
  const missing = (['date', 'title'] as const).filter((k) => first[k] < 0).map((k) => HEADER_NAMES[k].slice(0, 2).join('/'));
  throw new UserError('missing_columns', logMessages.missingColumns(missing.join('、')) + `（${path}）`);
}

/** A cell as a person wrote it: the `'` an export put before =, +, -, @ (formula guard) taken off again. */
export function cellValue(cell: string | undefined): string {
  const text = cell ?? '';
  return /^'[ \u3000]*[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
