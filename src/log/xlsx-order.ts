/**
 * An .xlsx rearranged for exceljs's streaming reader: the workbook, its relations, the shared
 * strings and the styles moved before the sheets. The reader parses a sheet straight from the
 * zip only when those came first; otherwise it copies every sheet to a file in the temporary
 * folder (office data on disk) and deletes each copy only once read past it — never, when the
 * reader fails half-way. Excel and exceljs both write the shared strings after the sheets.
 */
import { XLSX_LIMITS, centralDirectoryStart, readZipDirectory } from '../input/index.ts';

/** The parts a sheet needs, in the order the reader should meet them. */
const FIRST = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'];

/**
 * The same zip with the parts a sheet needs first. Each local record moves whole (its data
 * descriptor with it); the central directory stays as it was, stale offsets and all, as the
 * streaming reader reads the records in order and never seeks by it. A zip laid out in any
 * other way (gaps, shared or out-of-range offsets) is returned unchanged.
 */
export function partsBeforeSheets(bytes: Buffer): Buffer {
  let start: number;
  let records: Array<{ name: string; from: number; to: number }>;
  try {
    start = centralDirectoryStart(bytes);
    const entries = readZipDirectory(bytes, XLSX_LIMITS.maxEntries).slice().sort((a, b) => a.localOffset - b.localOffset);
    records = entries.map((entry, i) => ({ name: entry.name, from: entry.localOffset, to: entries[i + 1]?.localOffset ?? start }));
  } catch {
    return bytes;
  }
  const contiguous = records.length > 0 && records[0].from === 0 && records.every((r) => r.from < r.to && r.to <= start && r.to <= bytes.length);
  if (!contiguous) return bytes;
  const rank = (name: string) => {
    const at = FIRST.indexOf(name);
    return at < 0 ? FIRST.length : at;
  };
  // A stable sort: everything else keeps its place.
  const ordered = records.map((record, i) => ({ record, i })).sort((a, b) => rank(a.record.name) - rank(b.record.name) || a.i - b.i);
  if (ordered.every(({ i }, at) => i === at)) return bytes;
  return Buffer.concat([...ordered.map(({ record }) => bytes.subarray(record.from, record.to)), bytes.subarray(start)]);
}
