import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ImportRejected, openActivityLog } from '../../src/log/index.ts';
import { UserError } from '../../src/errors.ts';
import { SAMPLE_CSV, byCli, tempFolder } from '../support/log-helpers.ts';

/** A workbook whose first sheet holds the log's columns and these rows, as a clerk's table. */
function activitySheet(...rows: unknown[][]): { workbook: ExcelJS.Workbook; sheet: ExcelJS.Worksheet } {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('活动');
  sheet.addRow(['日期', '类型', '标题', '记录人']);
  for (const row of rows) sheet.addRow(row);
  return { workbook, sheet };
}

const H1 = { from: '2023-01-01', to: '2023-06-30' };
const counts = (stats: { counts: ReadonlyArray<{ kind: string; count: number }> }) =>
  Object.fromEntries(stats.counts.map((c) => [c.kind, c.count]));
const withoutIds = <T extends { id: number }>(rows: T[]) => rows.map(({ id: _id, ...rest }) => rest);

async function rejection(promise: Promise<unknown>): Promise<ImportRejected | UserError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected the import to be rejected');
}

describe('import', () => {
  it('imports our fixture (BOM, ids and labels, quoted titles) and counts it', async () => {
    const log = openActivityLog({ dataDir: tempFolder() });
    expect(await log.importFile(SAMPLE_CSV, byCli('导入员'))).toEqual({ imported: 12, duplicates: 0 });
    expect(counts(log.stats(H1))).toEqual({ inspection: 3, report_review: 3, research: 2, study: 2, party_meeting: 1 });
    expect(log.stats(H1).total).toBe(11);
    const titles = log.list({ kinds: ['report_review'] }).map((a) => a.title);
    expect(titles).toContain('听取和审议区政府关于"十四五"规划中期评估的报告');
    expect(titles).toContain('区法院关于审判工作情况的报告，含执行工作');
    // Each row keeps its recorder; the audit keeps who imported it.
    const first = log.list()[0];
    expect(first.by).toBe('张三');
    expect(log.history(first.id)[0]).toMatchObject({ action: 'import', by: '导入员', channel: 'cli' });
    log.close();
  });

  it('importing the same file again stores nothing new', async () => {
    const log = openActivityLog({ dataDir: tempFolder() });
    await log.importFile(SAMPLE_CSV, byCli('导入员'));
    expect(await log.importFile(SAMPLE_CSV, byCli('导入员'))).toEqual({ imported: 0, duplicates: 12 });
    expect(log.stats().total).toBe(12);
    log.close();
  });

  it('rejects a file with bad rows as a whole, naming each row and why, and keeps what was stored', async () => {
    const dir = tempFolder();
    const file = join(dir, 'bad.csv');
    writeFileSync(file, [
      'date,kind,title,by',
      '2023-01-05,inspection,视察甲,张三', // line 2: good
      '2023-02-30,inspection,视察乙,张三', // line 3: impossible date
      '2023-03-01,picnic,春游,张三', // line 4: unknown kind
      '2023-03-02,research,,张三', // line 5: empty title
      '2023-03-03,research', // line 6: missing cells
      '2023-03-04,调研,调研丙,张三', // line 7: good
    ].join('\n'));
    const log = openActivityLog({ dataDir: dir });
    log.add({ date: '2023-01-01', kind: 'study', title: '已有的学习' }, byCli('张三'));
    const error = await rejection(log.importFile(file, byCli('导入员')));
    expect(error).toBeInstanceOf(ImportRejected);
    expect((error as ImportRejected).problems.map((p) => p.row)).toEqual([3, 4, 5, 6]);
    expect(error.code).toBe('import_rejected');
    for (const words of ['第 3 行', '2023-02-30', '第 4 行', 'picnic', '第 5 行', '标题为空', '第 6 行', '没有导入']) {
      expect(error.userMessage).toContain(words);
    }
    expect(log.list().map((a) => a.title)).toEqual(['已有的学习']);
    expect(log.history()).toHaveLength(1);
    log.close();
  });

  it.each([
    ['no title column', 'date,kind,by\n2023-01-05,inspection,张三\n', 'missing_columns'],
    ['only a header', 'date,kind,title,by\n', 'empty_file'],
    ['an empty file', '', 'empty_file'],
  ])('rejects %s', async (_name, text, code) => {
    const dir = tempFolder();
    const file = join(dir, 'x.csv');
    writeFileSync(file, text);
    const log = openActivityLog({ dataDir: dir });
    expect((await rejection(log.importFile(file, byCli('导入员')))).code).toBe(code);
    expect(log.list()).toEqual([]);
    log.close();
  });

  it('rejects unsupported, missing and broken files with a Chinese message', async () => {
    const dir = tempFolder();
    const log = openActivityLog({ dataDir: dir });
    writeFileSync(join(dir, 'a.xls'), 'old excel');
    writeFileSync(join(dir, 'broken.xlsx'), 'this is not a zip file');
    expect((await rejection(log.importFile(join(dir, 'a.xls'), byCli('x')))).code).toBe('unsupported_file');
    expect((await rejection(log.importFile(join(dir, 'missing.csv'), byCli('x')))).code).toBe('unreadable_file');
    const broken = await rejection(log.importFile(join(dir, 'broken.xlsx'), byCli('x')));
    expect(broken.code).toBe('unreadable_file');
    expect(broken.userMessage).toContain('无法读取');
    expect(log.list()).toEqual([]);
    log.close();
  });

  it('reads GB18030 CSV as Excel on Chinese Windows saves it, with Chinese headers', async () => {
    const dir = tempFolder();
    const file = join(dir, 'gbk.csv');
    writeFileSync(file, iconv.encode('日期,类型,标题,记录人\r\n2023/6/12,视察,视察安全生产工作,王五\r\n2023-6-13,调研,调研营商环境,王五\r\n', 'gb18030'));
    const log = openActivityLog({ dataDir: dir });
    await log.importFile(file, byCli('导入员'));
    expect(withoutIds(log.list())).toEqual([
      { date: '2023-06-12', kind: 'inspection', title: '视察安全生产工作', by: '王五', by_name: '王五' },
      { date: '2023-06-13', kind: 'research', title: '调研营商环境', by: '王五', by_name: '王五' },
    ]);
    log.close();
  });

  it('reads XLSX with real date cells, and names bad spreadsheet lines', async () => {
    const dir = tempFolder();
    const { workbook, sheet } = activitySheet(
      [new Date(Date.UTC(2023, 5, 12)), 'inspection', '视察安全生产工作', '赵六'],
      ['2023-06-14', '学习', '集体学习', ''],
    );
    const good = join(dir, 'good.xlsx');
    await workbook.xlsx.writeFile(good);
    sheet.addRow(['2023-04-31', 'inspection', '视察乙', '赵六']);
    sheet.addRow(['2023-05-02', 'inspection', null, '赵六']);
    const bad = join(dir, 'bad.xlsx');
    await workbook.xlsx.writeFile(bad);

    const log = openActivityLog({ dataDir: dir });
    const error = await rejection(log.importFile(bad, byCli('导入员')));
    expect((error as ImportRejected).problems).toEqual([
      { row: 4, reason: expect.stringContaining('2023-04-31') },
      { row: 5, reason: expect.stringContaining('标题为空') },
    ]);
    expect(log.list()).toEqual([]);
    expect(await log.importFile(good, byCli('导入员'))).toEqual({ imported: 2, duplicates: 0 });
    expect(withoutIds(log.list())).toEqual([
      { date: '2023-06-12', kind: 'inspection', title: '视察安全生产工作', by: '赵六', by_name: '赵六' },
      { date: '2023-06-14', kind: 'study', title: '集体学习', by: '导入员', by_name: '导入员' },
    ]);
    log.close();
  });

  it('reads an .xlsx whose workbook part comes last in the zip (as some tools save it), not calling it broken', async () => {
    const dir = tempFolder();
    const { workbook } = activitySheet([new Date(Date.UTC(2023, 5, 12)), 'inspection', '视察安全生产工作', '赵六']);
    const saved = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    // The same parts, the sheets and then xl/workbook.xml last: exceljs's streaming reader failed on every such file.
    const names = Object.keys(saved.files).filter((name) => !saved.files[name].dir);
    const last = (name: string) => (name === 'xl/workbook.xml' ? 2 : name.startsWith('xl/worksheets/') ? 1 : 0);
    const reordered = new JSZip();
    for (const name of [...names].sort((a, b) => last(a) - last(b))) reordered.file(name, await saved.files[name].async('uint8array'));
    const path = join(dir, '台账.xlsx');
    writeFileSync(path, await reordered.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const log = openActivityLog({ dataDir: dir });
    expect(await log.importFile(path, byCli('导入员'))).toEqual({ imported: 1, duplicates: 0 });
    expect(withoutIds(log.list())).toEqual([{ date: '2023-06-12', kind: 'inspection', title: '视察安全生产工作', by: '赵六', by_name: '赵六' }]);
    log.close();
  });
});

describe('export', () => {
  it.each(['csv', 'xlsx'])('round-trips a period through %s to the same log', async (ext) => {
    const source = openActivityLog({ dataDir: tempFolder() });
    await source.importFile(SAMPLE_CSV, byCli('导入员'));
    const out = join(tempFolder(), `h1.${ext}`);
    expect(await source.exportFile(out, H1)).toEqual({ exported: 11, path: out });
    const copy = openActivityLog({ dataDir: tempFolder() });
    expect(await copy.importFile(out, byCli('另一人'))).toEqual({ imported: 11, duplicates: 0 });
    expect(withoutIds(copy.list())).toEqual(withoutIds(source.list(H1)));
    expect(copy.stats(H1)).toEqual(source.stats(H1));
    source.close();
    copy.close();
  });

  it('writes CSV with a BOM and Chinese columns, replacing the old file and leaving no temporary', async () => {
    const log = openActivityLog({ dataDir: tempFolder() });
    await log.importFile(SAMPLE_CSV, byCli('导入员'));
    const dir = tempFolder();
    const out = join(dir, 'out.csv');
    writeFileSync(out, 'old content');
    await log.exportFile(out, { from: '2023-07-01' });
    const [header, row, end] = readFileSync(out, 'utf8').split('\r\n');
    expect(header).toBe('\uFEFF日期,结束日期,类型,事项,记录人,记录时间,编号');
    expect(row).toMatch(/^2023-07-04,,视察,视察防汛工作,张三,\d{4}-\d{2}-\d{2} \d{2}:\d{2},\d+$/);
    expect(end).toBe('');
    expect(readdirSync(dir)).toEqual(['out.csv']);
    log.close();
  });

  it('writes 记录时间 in the office\'s time zone', async () => {
    const log = openActivityLog({ dataDir: tempFolder() });
    const { activity } = log.add({ date: '2023-06-12', kind: 'inspection', title: '视察安全生产工作' }, byCli('张三'));
    const at = new Date(log.history(activity.id)[0].at);
    const out = join(tempFolder(), 'tz.csv');
    await log.exportFile(out, {}, { timeZone: 'Asia/Shanghai' });
    const shanghai = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
    expect(readFileSync(out, 'utf8')).toContain(`,${shanghai},${activity.id}`);
    log.close();
  });

  it('names 记录人 by the display name kept with the entry, not the platform id', async () => {
    const log = openActivityLog({ dataDir: tempFolder() });
    log.add({ date: '2023-06-12', kind: 'inspection', title: '视察安全生产工作' }, { by: 'telegram:777', byName: '王芳', channel: 'telegram' });
    const out = join(tempFolder(), 'names.csv');
    await log.exportFile(out);
    const row = readFileSync(out, 'utf8').split('\r\n')[1];
    expect(row.split(',')[4]).toBe('王芳');
    expect(row).not.toContain('telegram:777');
    log.close();
  });

  it('writes an .xlsx a clerk can filter: Chinese headers, labels, real dates, frozen header, widths', async () => {
    const log = openActivityLog({ dataDir: tempFolder() });
    await log.importFile(SAMPLE_CSV, byCli('导入员'));
    const out = join(tempFolder(), 'h1.xlsx');
    await log.exportFile(out, H1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, '日期', '结束日期', '类型', '事项', '记录人', '记录时间', '编号']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(4).width).toBeGreaterThanOrEqual(40);
    const first = sheet.getRow(2);
    const [y, m, d] = log.list(H1)[0].date.split('-').map(Number);
    expect(first.getCell(1).value).toEqual(new Date(Date.UTC(y, m - 1, d)));
    expect(first.getCell(1).numFmt).toBe('yyyy-mm-dd');
    expect(first.getCell(2).value).toBe(null);
    expect(first.getCell(3).value).toBe('视察');
    expect(first.getCell(6).value).toBeInstanceOf(Date);
    expect(typeof first.getCell(7).value).toBe('number');
    log.close();
  });
  it('reports an unwritable destination in Chinese and writes nothing', async () => {
    const log = openActivityLog({ dataDir: tempFolder() });
    const out = join(tempFolder(), 'no', 'such', 'dir.csv');
    const error = await rejection(log.exportFile(out));
    expect(error.code).toBe('export_failed');
    expect(existsSync(out)).toBe(false);
    log.close();
  });
});

const shared = resolve('../shared');
const sharedFixture = join(shared, 'fixtures', 'activities-2023h1.csv');
if (!existsSync(sharedFixture)) console.warn(`[skip] ${sharedFixture} is absent: the shared fixture test is skipped.`);

describe('exports are inert (CSV injection)', () => {
  const hostile = ['=HYPERLINK("http://evil.example","点我")', '+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|\' /C calc\'!A0', '-2+3+cmd|\' /C calc\'!A0', '\t=1+1', '\r=1+1', '  =1+1'];

  async function hostileLog() {
    const log = openActivityLog({ dataDir: tempFolder() });
    hostile.forEach((text, i) => log.add({ date: `2023-06-${String(i + 1).padStart(2, '0')}`, kind: 'inspection', title: text }, byCli(text)));
    return log;
  }

  it('puts a \' before every CSV cell that would run as a formula, titles and names alike', async () => {
    const log = await hostileLog();
    const out = join(tempFolder(), 'x.csv');
    await log.exportFile(out);
    const { parseCsv } = await import('../../src/log/csv.ts');
    const rows = parseCsv(readFileSync(out, 'utf8').slice(1)).slice(1).map((r) => r.cells);
    expect(rows).toHaveLength(hostile.length);
    const stored = log.list();
    for (const [i, cells] of rows.entries()) {
      // The log keeps a title's text, its leading space or tab trimmed: each still starts a formula.
      expect(cells[3]).toBe(`'${stored[i].title}`);
      expect(cells[4]).toBe(`'${stored[i].by}`);
      for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    // Read back, the titles are what people wrote.
    const copy = openActivityLog({ dataDir: tempFolder() });
    await copy.importFile(out, byCli('导入员'));
    expect(copy.list().map((a) => a.title)).toEqual(log.list().map((a) => a.title));
    log.close();
    copy.close();
  });

  it('keeps text as plain strings in .xlsx: no cell is a formula', async () => {
    const log = await hostileLog();
    const out = join(tempFolder(), 'x.xlsx');
    await log.exportFile(out);
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(readFileSync(out));
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml).not.toContain('<f>');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const titles = workbook.worksheets[0].getColumn(4).values.slice(2);
    expect(titles).toEqual(log.list().map((a) => a.title));
    log.close();
  });
});

describe('multi-day activities', () => {
  it.each(['csv', 'xlsx'])('keep their last day in 结束日期 through an export and an import (%s)', async (ext) => {
    const source = openActivityLog({ dataDir: tempFolder() });
    source.add({ date: '2023-09-03', to: '2023-09-05', kind: 'law_check', title: '开展安全生产法执法检查' }, byCli('张三'));
    source.add({ date: '2023-09-12', kind: 'inspection', title: '视察城区防汛工作' }, byCli('张三'));
    const out = join(tempFolder(), `days.${ext}`);
    await source.exportFile(out);
    const copy = openActivityLog({ dataDir: tempFolder() });
    expect(await copy.importFile(out, byCli('导入员'))).toEqual({ imported: 2, duplicates: 0 });
    expect(copy.list().map(({ date, to, title }) => ({ date, to, title }))).toEqual([
      { date: '2023-09-03', to: '2023-09-05', title: '开展安全生产法执法检查' },
      { date: '2023-09-12', to: undefined, title: '视察城区防汛工作' },
    ]);
    source.close();
    copy.close();
  });

  it('refuses a file whose 结束日期 is not a date or comes before the first day, storing nothing', async () => {
    const dir = tempFolder();
    const file = join(dir, 'bad-end.csv');
    writeFileSync(file, '日期,结束日期,类型,事项\n2023-09-03,2023-09-01,执法检查,执法检查\n2023-09-12,9月32日,视察,视察防汛\n');
    const log = openActivityLog({ dataDir: dir });
    const error = await rejection(log.importFile(file, byCli('导入员')));
    expect(error.message).toContain('结束日期 2023-09-01 早于日期 2023-09-03');
    expect(error.message).toContain('结束日期“9月32日”不存在或格式不对');
    expect(log.list()).toEqual([]);
    log.close();
  });
});

describe('ledgers and Chinese headers', () => {
  it('reads the export\'s own headers back, and English ones', async () => {
    const dir = tempFolder();
    const file = join(dir, 'zh.csv');
    writeFileSync(file, '日期,类型,事项,记录人,记录时间,编号\n2023-06-12,视察,视察安全生产工作,王五,2023-06-12 10:00,7\n');
    const log = openActivityLog({ dataDir: dir });
    expect(await log.importFile(file, byCli('导入员'))).toEqual({ imported: 1, duplicates: 0 });
    expect(withoutIds(log.list())).toEqual([{ date: '2023-06-12', kind: 'inspection', title: '视察安全生产工作', by: '王五', by_name: '王五' }]);
    log.close();
  });

  it('reads a ledger (title line, 序号, 日期, 活动内容): kinds read from the content, stored only once confirmed', async () => {
    const dir = tempFolder();
    const file = join(dir, 'ledger.csv');
    writeFileSync(file, [
      '2023年上半年履职活动台账,,',
      '序号,日期,活动内容',
      '1,2023年6月12日,组织代表视察城区防汛工作',
      '2,2023/6/20,听取和审议区政府关于养老服务工作情况的报告',
      '3,2023-06-25,机关干部大会',
    ].join('\n'));
    const log = openActivityLog({ dataDir: dir });
    const plan = await log.planImport(file);
    expect(plan.inferred.map((r) => [r.row, r.kind, r.unread])).toEqual([[3, 'inspection', false], [4, 'report_review', false], [5, 'other', true]]);
    const unconfirmed = await rejection(log.importFile(file, byCli('导入员')));
    expect(unconfirmed.code).toBe('import_unconfirmed');
    expect(unconfirmed.userMessage).toContain('第 3 行 2023-06-12 【视察】组织代表视察城区防汛工作');
    expect(log.list()).toEqual([]);
    expect(await log.importFile(file, byCli('导入员'), { acceptInferred: true })).toEqual({ imported: 3, duplicates: 0 });
    expect(log.list().map((a) => a.kind)).toEqual(['inspection', 'report_review', 'other']);
    log.close();
  });

  it('still refuses a ledger as a whole when one row\'s date cannot be read', async () => {
    const dir = tempFolder();
    const file = join(dir, 'ledger.csv');
    writeFileSync(file, '序号,日期,活动内容\n1,2023-06-12,视察防汛\n2,6月31日,调研\n');
    const log = openActivityLog({ dataDir: dir });
    const error = await rejection(log.planImport(file));
    expect((error as ImportRejected).problems.map((p) => p.row)).toEqual([3]);
    log.close();
  });
});

describe.skipIf(!existsSync(sharedFixture))('the shared 2023 H1 fixture', () => {
  it('imports and gives the speech\'s figures', async () => {
    const log = openActivityLog({ dataDir: tempFolder() });
    await log.importFile(sharedFixture, byCli('导入员'));
    const stats = log.stats(H1);
    expect(counts(stats)).toMatchObject({ report_review: 14, inspection: 8, research: 6, party_meeting: 6, study: 6 });
    expect(log.stats({ ...H1, kinds: ['inspection', 'research'] }).total).toBe(14);
    expect(stats.total).toBe(stats.counts.reduce((s, c) => s + c.count, 0));
    log.close();
  });
});
