/**
 * Hostile Office files, built by the tests and `bench-bad-input.ts` (no large binaries in the
 * repository): a minimal zip writer whose entries may be deflated from a chunk repeated many
 * times (a zip bomb: megabytes on disk, gigabytes inflated) and may lie about their size.
 */
import { writeFileSync } from 'node:fs';
import { crc32, deflateRawSync, constants, createDeflateRaw } from 'node:zlib';

/** One entry of a zip being written. */
export interface ZipEntry {
  readonly name: string;
  /** Deflated bytes and what they inflate to. */
  readonly deflated: Buffer;
  readonly size: number;
  readonly crc: number;
  /** Inflated size written in the headers, when it should lie. */
  readonly declaredSize?: number;
}

/** An entry holding `text`, deflated. */
export function textEntry(name: string, text: string): ZipEntry {
  const raw = Buffer.from(text, 'utf8');
  return { name, deflated: deflateRawSync(raw), size: raw.length, crc: crc32(raw) };
}

/** An entry of `head`, then `chunk` repeated `times` times, then `tail`, deflated as a stream (never all in memory). */
export async function repeatedEntry(name: string, head: string, chunk: string, times: number, tail: string): Promise<ZipEntry> {
  const deflater = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION, memLevel: 9 });
  const out: Buffer[] = [];
  deflater.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => {
    deflater.on('end', resolve);
    deflater.on('error', reject);
  });
  const block = Buffer.from(chunk.repeat(Math.max(1, Math.floor((1 << 20) / Buffer.byteLength(chunk)))), 'utf8');
  const per = Math.max(1, Math.floor((1 << 20) / Buffer.byteLength(chunk)));
  let crc = crc32(head);
  let size = Buffer.byteLength(head);
  deflater.write(head);
  for (let written = 0; written < times; written += per) {
    const part = written + per <= times ? block : Buffer.from(chunk.repeat(times - written), 'utf8');
    crc = crc32(part, crc);
    size += part.length;
    if (!deflater.write(part)) await new Promise((r) => deflater.once('drain', r));
  }
  crc = crc32(tail, crc);
  size += Buffer.byteLength(tail);
  deflater.end(tail);
  await done;
  return { name, deflated: Buffer.concat(out), size, crc };
}

/** Write the entries as a zip file (no ZIP64: every size here fits 32 bits). */
export function writeZip(path: string, entries: readonly ZipEntry[]): void {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const declared = entry.declaredSize ?? entry.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.deflated.length, 18);
    local.writeUInt32LE(declared >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.deflated.length, 20);
    central.writeUInt32LE(declared >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + entry.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(path, Buffer.concat([...locals, directory, end]));
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const ROOT_RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const DOCUMENT_HEAD = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const DOCUMENT_TAIL = '</w:body></w:document>';
const PARAGRAPH = '<w:p><w:r><w:t>第一条 常务委员会会议一般每两个月举行一次。</w:t></w:r></w:p>';

/** A .docx whose document.xml repeats one paragraph `paragraphs` times (a bomb when that is millions). */
export async function writeDocxOfParagraphs(path: string, paragraphs: number, options: { declaredSize?: number } = {}): Promise<number> {
  const document = await repeatedEntry('word/document.xml', DOCUMENT_HEAD, PARAGRAPH, paragraphs, DOCUMENT_TAIL);
  writeZip(path, [textEntry('[Content_Types].xml', CONTENT_TYPES), textEntry('_rels/.rels', ROOT_RELS),
    { ...document, declaredSize: options.declaredSize }]);
  return document.size;
}

/** A .docx of the given paragraphs (varied text compresses as real documents do, about 5:1). */
export function writeDocxOfText(path: string, paragraphs: readonly string[]): number {
  const xml = DOCUMENT_HEAD + paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('') + DOCUMENT_TAIL;
  const document = textEntry('word/document.xml', xml);
  writeZip(path, [textEntry('[Content_Types].xml', CONTENT_TYPES), textEntry('_rels/.rels', ROOT_RELS), document]);
  return document.size;
}

/** `count` paragraphs of varied Chinese prose (a fixed seed: the same text every run). */
export function variedParagraphs(count: number, charsEach = 240): string[] {
  const pool = '常务委员会组成人员代表视察调研审议报告依法履职监督工作人民政府法院检察院预算决算执法检查专题询问议案建议批评意见办理答复'
    + '安全生产生态环境教育医疗养老服务乡村振兴营商环境民生实事基层治理法治宣传选民接待联络站会议主任副主任秘书长办公室一二三四五六七八九十';
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, (_, i) => {
    let text = `第${i + 1}条 `;
    while (text.length < charsEach) {
      for (let j = 0; j < 12; j++) text += pool[Math.floor(next() * pool.length)];
      text += next() < 0.3 ? '。' : '，';
    }
    return text;
  });
}

/** A .docx with a real document and `extra` more tiny entries beside it. */
export function writeDocxWithEntries(path: string, extra: number): void {
  const entries = [textEntry('[Content_Types].xml', CONTENT_TYPES), textEntry('_rels/.rels', ROOT_RELS),
    textEntry('word/document.xml', DOCUMENT_HEAD + PARAGRAPH + DOCUMENT_TAIL)];
  for (let i = 0; i < extra; i++) entries.push(textEntry(`customXml/item${i}.xml`, '<a/>'));
  writeZip(path, entries);
}

const XLSX_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const XLSX_ROOT_RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK = '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="活动" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  '<row r="1"><c r="A1" t="inlineStr"><is><t>date</t></is></c><c r="B1" t="inlineStr"><is><t>kind</t></is></c><c r="C1" t="inlineStr"><is><t>title</t></is></c></row>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** One data row of an inline-string sheet (row numbers may repeat in a bomb: the parser never gets that far). */
function sheetRow(line: number): string {
  return `<row r="${line}"><c r="A${line}" t="inlineStr"><is><t>2024-06-12</t></is></c><c r="B${line}" t="inlineStr"><is><t>视察</t></is></c>` +
    `<c r="C${line}" t="inlineStr"><is><t>视察安全生产工作</t></is></c></row>`;
}

/** A real .xlsx of `rows` data rows (inline strings), small on disk. */
export async function writeXlsxOfRows(path: string, rows: number): Promise<void> {
  const parts: string[] = [SHEET_HEAD];
  for (let i = 0; i < rows; i++) parts.push(sheetRow(i + 2));
  parts.push(SHEET_TAIL);
  writeXlsxOfSheet(path, parts.join(''));
}

/** An .xlsx whose one sheet is the given worksheet XML, as written (any rows, dimension or prefixes). */
export function writeXlsxOfSheet(path: string, sheetXml: string): void {
  writeZip(path, [textEntry('[Content_Types].xml', XLSX_TYPES), textEntry('_rels/.rels', XLSX_ROOT_RELS),
    textEntry('xl/workbook.xml', WORKBOOK), textEntry('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
    textEntry('xl/worksheets/sheet1.xml', sheetXml)]);
}

/**
 * An .xlsx whose sheet repeats one row `times` times inside a small file (1.5 million rows
 * are about 3 MB): a zip bomb, which lies about its size unless `honest`.
 */
export async function writeXlsxBomb(path: string, times: number, options: { honest?: boolean } = {}): Promise<void> {
  const sheet = await repeatedEntry('xl/worksheets/sheet1.xml', SHEET_HEAD, sheetRow(2), times, SHEET_TAIL);
  writeZip(path, [textEntry('[Content_Types].xml', XLSX_TYPES), textEntry('_rels/.rels', XLSX_ROOT_RELS),
    textEntry('xl/workbook.xml', WORKBOOK), textEntry('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
    { ...sheet, declaredSize: options.honest ? undefined : 4096 }]);
}
