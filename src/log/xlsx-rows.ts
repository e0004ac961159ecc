/**
 * Whether an .xlsx's first sheet holds more rows than an import takes, told from the sheet's XML
 * while it inflates — before the spreadsheet parser builds a single row. Parsing 200,000 rows is
 * seconds of CPU; counting them in the raw XML is a tenth of that, and stops at the limit. The
 * count does not trust the sheet's stated size (`<dimension>`): it counts the rows themselves.
 */
import { createInflateRaw } from 'node:zlib';
import { XLSX_LIMITS, type ZipEntry, readZipDirectory, zipEntryData } from '../input/index.ts';

/**
 * The worksheet the import reads: the first entry named like a sheet, in the zip's order, as
 * exceljs's streaming reader takes it (the import reads the first sheet it emits).
 */
function firstSheet(entries: readonly ZipEntry[]): ZipEntry | undefined {
  return entries.find((entry) => /xl\/worksheets\/sheet\d+[.]xml/.test(entry.name));
}

/**
 * A row's end, or a value inside a row (`<v>` of a number, a shared or formula string; `<t>` of
 * an inline string). Tag names may carry a namespace prefix (`<x:row>`), as some writers use.
 */
const TOKEN = /<\/(?:[A-Za-z_][\w.-]*:)?row>|<(?:[A-Za-z_][\w.-]*:)?[vt][\s>]/g;

/**
 * True when the first sheet has more than `limit` rows holding a value (the header included).
 * Rows with no value (`<row r="9"/>`, formatting only) are not counted, as the import skips
 * them; a row whose values are all blank text is counted, so a sheet of more than `limit` such
 * rows is refused too. A file this cannot read (no sheet, a broken stream) gives false: the
 * parser that reads it next reports the damage, and its own row count still holds the limit.
 */
export async function sheetRowsOver(bytes: Buffer, limit: number): Promise<boolean> {
  let data: Buffer;
  let method: number;
  try {
    const sheet = firstSheet(readZipDirectory(bytes, XLSX_LIMITS.maxEntries));
    if (!sheet || (sheet.method !== 0 && sheet.method !== 8)) return false;
    data = zipEntryData(bytes, sheet).data;
    method = sheet.method;
  } catch {
    return false;
  }
  let rows = 0;
  let valued = false;
  let carry = '';
  /** Count the complete tokens of `text`; keep from its last `<` on (a tag cut by the chunk's end). */
  const scan = (text: string, final: boolean): boolean => {
    const s = carry + text;
    const end = final ? s.length : s.lastIndexOf('<');
    carry = end < 0 ? '' : s.slice(end);
    const body = end < 0 ? s : s.slice(0, end);
    for (const [token] of body.matchAll(TOKEN)) {
      if (token[1] !== '/') valued = true;
      else if (valued) {
        valued = false;
        if (++rows > limit) return true;
      }
    }
    return false;
  };
  // Tags are ASCII: latin1 decodes a chunk cut in the middle of a character without harm.
  if (method === 0) return scan(data.toString('latin1'), true);
  return new Promise((resolve) => {
    const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
    let settled = false;
    const settle = (over: boolean) => {
      if (settled) return;
      settled = true;
      resolve(over);
    };
    inflater.on('data', (chunk: Buffer) => {
      if (!settled && scan(chunk.toString('latin1'), false)) {
        settle(true);
        inflater.destroy();
      }
    });
    inflater.on('end', () => settle(scan('', true)));
    inflater.on('error', () => settle(false));
    inflater.end(data);
  });
}
