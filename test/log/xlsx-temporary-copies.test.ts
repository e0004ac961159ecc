/**
 * Reading an .xlsx leaves nothing in the temporary folder. exceljs copies each sheet there when
 * the sheets come before the shared strings (as Excel and exceljs save a workbook) and deletes
 * the copy only once read past it: an import that stopped at the first sheet left one file of
 * office data per sheet behind on every import and preview, for as long as the server ran.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openActivityLog } from '../../src/log/index.ts';
import { byCli, tempFolder } from '../support/log-helpers.ts';

let scratch: string;
let dir: string;
let saved: string | undefined;
beforeEach(() => {
  dir = tempFolder();
  // The temporary folder the process uses, private to this test so other runs' files do not count.
  scratch = tempFolder('lvzhi-xlsx-tmp-');
  saved = process.env.TMPDIR;
  process.env.TMPDIR = scratch;
});
afterEach(() => {
  if (saved === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = saved;
});

/** A clerk's ledger: the activities on the first sheet, notes on a second. */
async function ledger(dir: string, rows: unknown[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('活动');
  sheet.addRow(['日期', '类型', '标题', '记录人']);
  for (const row of rows) sheet.addRow(row);
  workbook.addWorksheet('说明').addRow(['本表由办公室整理']);
  const path = join(dir, '台账.xlsx');
  await workbook.xlsx.writeFile(path);
  return path;
}

/**
 * What is left in the temporary folder once the deletions under way have finished (exceljs does
 * not wait for them; on this shared machine under load they have taken over a second).
 */
async function leftBehind(): Promise<string[]> {
  for (let i = 0; i < 250; i++) {
    if (readdirSync(scratch).length === 0) return [];
    await new Promise((r) => setTimeout(r, 20));
  }
  return readdirSync(scratch);
}

describe('an .xlsx import in the temporary folder', () => {
  it('leaves no copy of any sheet after a preview and an import', async () => {
    const path = await ledger(dir, [['2023-03-01', '视察', '视察安全生产工作', '张三'], ['2023-03-08', '调研', '调研养老服务', '李四']]);
    const log = openActivityLog({ dataDir: dir });
    expect(await log.previewImport(path)).toBeUndefined();
    expect(await log.importFile(path, byCli('导入员'))).toEqual({ imported: 2, duplicates: 0 });
    log.close();
    expect(await leftBehind()).toEqual([]);
  });

  it('leaves none when the file breaks after its sheets (damaged shared strings)', async () => {
    const path = await ledger(dir, [['2023-03-01', '视察', '视察安全生产工作', '张三']]);
    const zip = await JSZip.loadAsync(readFileSync(path));
    // Saved as Excel saves it: the sheets first, then the shared strings, here cut off mid-tag.
    expect(Object.keys(zip.files).indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(Object.keys(zip.files).indexOf('xl/sharedStrings.xml'));
    zip.file('xl/sharedStrings.xml', '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>日期</si>');
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const log = openActivityLog({ dataDir: dir });
    await expect(log.importFile(path, byCli('导入员'))).rejects.toMatchObject({ code: 'unreadable_file' });
    log.close();
    expect(await leftBehind()).toEqual([]);
  });

  it('leaves none after an import refused for a bad row either', async () => {
    const path = await ledger(dir, [['2023-02-30', '视察', '视察安全生产工作', '张三']]);
    const log = openActivityLog({ dataDir: dir });
    await expect(log.importFile(path, byCli('导入员'))).rejects.toThrow();
    log.close();
    expect(await leftBehind()).toEqual([]);
  });
});
