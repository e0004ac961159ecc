/** CSV as spreadsheets write it (RFC 4180): quoted fields, doubled quotes, CRLF; UTF-8, UTF-16 or GB18030. */
import { decodeGb18030, detectText } from '../input/index.ts';

/** One parsed record with the spreadsheet line it starts on (1-based). */
export interface CsvRecord {
  readonly line: number;
  readonly cells: string[];
}

/**
 * Decode CSV bytes: UTF-8 (a BOM is dropped), UTF-16 ("Unicode text" from Excel, with or
 * without a BOM), else GB18030, which Excel on Chinese Windows writes when saving "CSV" — so
 * those files import without a conversion step.
 */
export function decodeCsv(bytes: Uint8Array): string {
  const detected = detectText(bytes);
  if ('text' in detected) return detected.text.replace(/^\uFEFF/, '');
  try {
    // Valid UTF-8 with many control characters: still a table (they are cleaned from the titles).
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // Not text by any measure: decoded anyway, the header check names what is wrong.
    return decodeGb18030(bytes);
  }
}

/** Parse CSV text into records (fields separated by `delimiter`, a comma by default); blank lines are skipped. */
export function parseCsv(text: string, delimiter = ','): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let sawAny = false;
  const endRecord = () => {
    cells.push(cell);
    if (sawAny || cells.length > 1 || cell !== '') records.push({ line: start, cells });
    cells = [];
    cell = '';
    sawAny = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
      sawAny = true;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      sawAny = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else {
      cell += ch;
    }
  }
  if (cell !== '' || cells.length > 0 || sawAny) endRecord();
  return records;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A cell Excel or WPS would run as a formula (it starts with =, +, -, @, a tab or a
 * carriage return, after any spaces) gets a leading `'`, so it is shown as text: OWASP's
 * rule against CSV injection. The import takes the `'` off again.
 */
export function inertCell(value: string): string {
  return /^[ \u3000]*[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Format rows as CSV with CRLF line ends, as Excel expects; every cell made inert. */
export function formatCsv(rows: ReadonlyArray<readonly string[]>): string {
  return rows.map((row) => row.map((cell) => quote(inertCell(cell))).join(',')).join('\r\n') + '\r\n';
}
