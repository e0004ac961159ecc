/**
 * Bounded imports: a spreadsheet bomb, more rows than the limit or a file over the size limit
 * is refused with a Chinese reason naming the file, quickly, with nothing stored; UTF-16
 * tables (Excel's "Unicode text", with or without BOM) import; control characters, escapes and
 * bidi marks never reach a stored title.
 */
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openActivityLog, sheetRowsOver, type ActivityLog } from '../../src/log/index.ts';
import { MAX_IMPORT_ROWS, MAX_TABLE_BYTES } from '../../src/input/index.ts';
import { tempFolder } from '../support/temp-folders.ts';
import { writeXlsxBomb, writeXlsxOfRows, writeXlsxOfSheet } from '../../scripts/bad-files.ts';

let dir: string;
let log: ActivityLog;
const by = { by: '导入员', channel: 'cli' };

beforeAll(() => {
  dir = tempFolder('lvzhi-bounded-import-');
  log = openActivityLog({ dataDir: join(dir, 'data') });
  log.add({ date: '2024-06-01', kind: 'study', title: '已有的学习' }, by);
});
afterAll(() => log.close());

async function refusal(path: string): Promise<{ code: string; userMessage: string }> {
  try {
    await log.importFile(path, by);
  } catch (error) {
    return error as { code: string; userMessage: string };
  }
  throw new Error(`${path} was imported`);
}

describe('refused tables', () => {
  it('an .xlsx bomb (a tiny file inflating to hundreds of megabytes)', async () => {
    const path = join(dir, 'bomb.xlsx');
    await writeXlsxBomb(path, 2_000_000);
    const error = await refusal(path);
    expect(error.userMessage).toMatch(/“bomb\.xlsx”解压后的(内容超过 128 MB|体积是压缩时的 100 倍以上)/);
  });

  it(`an .xlsx of more than ${MAX_IMPORT_ROWS} rows, without reading it all`, async () => {
    const path = join(dir, 'too-many.xlsx');
    await writeXlsxOfRows(path, MAX_IMPORT_ROWS + 1);
    const error = await refusal(path);
    expect(error).toMatchObject({ code: 'too_many_rows', userMessage: expect.stringMatching(/“too-many\.xlsx”的数据超过 200000 行/) });
  }, 60_000);

  it(`a .csv of more than ${MAX_IMPORT_ROWS} rows`, async () => {
    const path = join(dir, 'too-many.csv');
    writeFileSync(path, 'date,kind,title\n' + '2024-06-12,视察,视察安全生产工作\n'.repeat(MAX_IMPORT_ROWS + 1));
    expect(await refusal(path)).toMatchObject({ code: 'too_many_rows' });
  });

  it('a table file over the size limit, before reading it', async () => {
    const path = join(dir, 'huge.csv');
    writeFileSync(path, '');
    truncateSync(path, MAX_TABLE_BYTES + 1); // sparse: nothing written
    expect(await refusal(path)).toMatchObject({ code: 'table_too_large', userMessage: expect.stringMatching(/“huge\.csv”超过 50 MB/) });
  });

  it('stores nothing for any of them', () => {
    expect(log.list().map((a) => a.title)).toEqual(['已有的学习']);
  });
});

describe('counting an .xlsx sheet’s rows before parsing them', () => {
  const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const row = (r: number, text: string) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${text}</t></is></c><c r="B${r}"><v>${r}</v></c></row>`;
  const over = (name: string, sheetXml: string, limit: number) => {
    const path = join(dir, name);
    writeXlsxOfSheet(path, sheetXml);
    return sheetRowsOver(readFileSync(path), limit);
  };

  it('counts the rows holding a value, the header among them', async () => {
    const sheet = `<worksheet ${NS}><sheetData>${row(1, 'date')}${row(2, '视察')}${row(3, '调研')}</sheetData></worksheet>`;
    expect(await over('three.xlsx', sheet, 2)).toBe(true);
    expect(await over('three.xlsx', sheet, 3)).toBe(false);
  });

  it('skips rows without a value, as the import does, and ignores what the sheet says its size is', async () => {
    // Understated: the stated range is one row; the empty rows (no cells, formatting only) are not rows of data.
    const sheet = `<worksheet ${NS}><dimension ref="A1:B1"/><sheetData>${row(1, 'date')}<row r="2"/><row r="3"><c r="A3" s="1"/></row>`
      + `${row(4, '视察')}<row r="5" spans="1:2"></row>${row(6, '调研')}</sheetData></worksheet>`;
    expect(await over('gaps.xlsx', sheet, 2)).toBe(true);
    expect(await over('gaps.xlsx', sheet, 3)).toBe(false);
  });

  it('reads tags written with a namespace prefix', async () => {
    const prefixed = (r: number) => `<x:row r="${r}"><x:c r="A${r}" t="inlineStr"><x:is><x:t xml:space="preserve">第${r}行</x:t></x:is></x:c></x:row>`;
    const sheet = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${prefixed(1)}${prefixed(2)}</x:sheetData></x:worksheet>`;
    expect(await over('prefixed.xlsx', sheet, 1)).toBe(true);
    expect(await over('prefixed.xlsx', sheet, 2)).toBe(false);
  });

  it('counts exactly across the pieces a long sheet inflates in', async () => {
    const path = join(dir, 'long.xlsx');
    await writeXlsxOfRows(path, 30_000); // a header and 30,000 rows: about 6 MB of XML
    expect(await sheetRowsOver(readFileSync(path), 30_000)).toBe(true);
    expect(await sheetRowsOver(readFileSync(path), 30_001)).toBe(false);
  });
});

describe('UTF-16 tables', () => {
  const TABLE = 'date,kind,title,by\n2024-06-12,视察,视察安全生产工作,张三\n2024-06-13,调研,养老服务专题调研,李四\n';
  const le = (text: string) => Buffer.from(text, 'utf16le');
  const be = (text: string) => Buffer.from(le(text).map((_, i, b) => b[i ^ 1]));

  it.each([
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), le(TABLE)])],
    ['UTF-16LE without BOM', le(TABLE)],
    ['UTF-16BE without BOM', be(TABLE)],
    ['tab-separated UTF-16LE (Excel "Unicode text")', Buffer.concat([Buffer.from([0xff, 0xfe]), le(TABLE.replace(/,/g, '\t'))])],
  ])('imports a %s CSV', async (_name, bytes) => {
    const data = join(tempFolder('lvzhi-utf16-'), 'data');
    const fresh = openActivityLog({ dataDir: data });
    try {
      const path = join(data, 'table.csv');
      writeFileSync(path, bytes);
      expect(await fresh.importFile(path, by)).toEqual({ imported: 2, duplicates: 0 });
      expect(fresh.list().map((a) => [a.date, a.kind, a.title, a.by])).toEqual([
        ['2024-06-12', 'inspection', '视察安全生产工作', '张三'],
        ['2024-06-13', 'research', '养老服务专题调研', '李四'],
      ]);
    } finally {
      fresh.close();
    }
  });
});

describe('titles cleaned before they are stored', () => {
  it('drops escape sequences, control characters and bidi marks from imported and logged titles', async () => {
    const data = join(tempFolder('lvzhi-clean-'), 'data');
    const fresh = openActivityLog({ dataDir: data });
    try {
      const path = join(data, 'table.csv');
      writeFileSync(path, 'date,kind,title,by\n2024-06-12,视察,"\u001b[2J\u001b[31m视察\u202e安全生产\u0000工作\u001b[0m","张\u200e三\u0007"\n');
      await fresh.importFile(path, by);
      const logged = fresh.add({ date: '2024-06-13', kind: 'research', title: '\u202e养老\u001b]0;x\u0007服务调研\u0008' }, { by: '李\u0000四', channel: 'cli' });
      expect(fresh.list().map((a) => [a.title, a.by])).toEqual([['视察安全生产工作', '张三'], ['养老服务调研', '李四']]);
      expect(logged.activity.title).toBe('养老服务调研');
    } finally {
      fresh.close();
    }
  });
});
