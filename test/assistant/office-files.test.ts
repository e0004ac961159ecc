/**
 * Files where people find them (issue 13): drafts and charts sent in a reply are kept in
 * the data folder's exports/ under clean Chinese names, never over an older file; the
 * terminal adds documents and imports tables by path (/ingest, /import), a chat cannot.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannels, openServices, type Services } from '../../src/app.ts';
import { cleanFileName, saveNewFile } from '../../src/assistant/index.ts';
import type { Incoming } from '../../src/assistant/types.ts';
import { loadSettings } from '../../src/config.ts';
import { tempFolder } from '../support/temp-folders.ts';

function terminal(text: string): Incoming {
  return { platform: 'terminal', userId: 'local', userName: '小王', chatId: 'local', threadId: 'terminal:local', text };
}
function telegram(text: string): Incoming {
  return { platform: 'telegram', userId: '9', userName: '管理员', chatId: '9', threadId: 'telegram:9:0', text };
}

describe('file names', () => {
  it('keeps Chinese and drops what no file system takes', () => {
    expect(cleanFileName('2023上半年监督工作总结.docx')).toBe('2023上半年监督工作总结.docx');
    expect(cleanFileName('../../etc/pass:wd?.docx')).toBe('etc_pass_wd_.docx');
    expect(cleanFileName('\u202e报告\u0000.png')).toBe('报告.png');
    expect(cleanFileName('???.docx')).toBe('文件.docx');
  });

  it('never overwrites an older file: the next one is （2）, （3）', () => {
    const folder = tempFolder('lvzhi-exports-');
    const a = saveNewFile(folder, '总结.docx', new Uint8Array([1]));
    const b = saveNewFile(folder, '总结.docx', new Uint8Array([2]));
    const c = saveNewFile(folder, '总结.docx', new Uint8Array([3]));
    expect([a, b, c].map((p) => p.slice(folder.length + 1))).toEqual(['总结.docx', '总结（2）.docx', '总结（3）.docx']);
    expect([...readFileSync(a)]).toEqual([1]);
    expect(readdirSync(folder).sort()).toEqual(['总结.docx', '总结（2）.docx', '总结（3）.docx']); // no temporary left
  });
});

describe('the data folder keeps what chat replies carry', () => {
  let services: Services;
  let dataDir: string;
  let work: string;

  beforeAll(async () => {
    dataDir = tempFolder('lvzhi-office-files-');
    work = tempFolder('lvzhi-office-input-');
    services = await openServices({
      dataDir,
      settings: loadSettings({ LVZHI_ALLOW: 'telegram:7', LVZHI_ADMINS: 'telegram:9' }),
      now: () => new Date('2023-07-05T09:00:00'),
    });
    const add = (date: string, kind: string, title: string) => services.activities.addAll([{ date, kind, title }], { by: '小王', channel: 'test' });
    await add('2023-02-23', 'report_review', '区政府关于金融支持实体经济的工作报告');
    await add('2023-03-15', 'inspection', '视察重点民生项目建设');
    await add('2023-05-10', 'research', '调研乡村振兴工作');
  });
  afterAll(async () => {
    await services.close();
  });

  it('saves chat drafts as exports/2023上半年监督工作总结.docx, a second one beside it', async () => {
    const first = await services.assistant.handle(telegram('/draft 起草上半年监督工作总结'));
    const second = await services.assistant.handle(telegram('/draft 起草上半年监督工作总结'));
    const exports = join(dataDir, 'exports');
    expect(first.files?.[0]).toMatchObject({ name: '2023上半年监督工作总结.docx', path: join(exports, '2023上半年监督工作总结.docx') });
    expect(second.files?.[0]?.path).toBe(join(exports, '2023上半年监督工作总结（2）.docx'));
    expect(readFileSync(first.files![0].path!).subarray(0, 2).toString()).toBe('PK');
  });

  it('sends a list asked to be exported as an Excel file that reads back, with the entries of that period only', async () => {
    const reply = await services.assistant.handle(telegram('导出上半年的视察和调研'));
    expect(reply.text).toContain('已导出为 Excel 表格：2023年上半年视察、调研活动记录.xlsx');
    const file = reply.files?.[0];
    expect(file).toMatchObject({ name: '2023年上半年视察、调研活动记录.xlsx', kind: 'document', path: join(dataDir, 'exports', '2023年上半年视察、调研活动记录.xlsx') });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file!.path!);
    const rows = workbook.worksheets[0].getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1, 5));
    expect(rows[0]).toEqual(['日期', '结束日期', '类型', '事项']);
    expect(rows.slice(1).map((r) => [r[2], r[3]])).toEqual([['视察', '视察重点民生项目建设'], ['调研', '调研乡村振兴工作']]);
    // A plain list comes without a file; 导出来 right after it exports that same list.
    expect((await services.assistant.handle(telegram('列出上半年的视察'))).files).toBeUndefined();
    expect((await services.assistant.handle(telegram('导出来'))).files?.[0]?.name).toBe('2023年上半年视察活动记录.xlsx');
  });

  it('saves the chart of /stats under its title, and the terminal names where', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let written = '';
    output.on('data', (c: Buffer) => (written += c.toString('utf8')));
    const { terminal: channel } = await createChannels(loadSettings({}), services.assistant, { input, output, notes: new PassThrough(), clock: () => new Date('2023-07-05T09:00:00') });
    await channel!.start();
    input.end('/stats 上半年视察调研\n');
    await channel!.finished;
    const chart = join(dataDir, 'exports', '2023年上半年视察、调研次数.png');
    expect(existsSync(chart)).toBe(true);
    expect(written).toContain(chart);
  });

  it('ingests a folder named in the terminal, and refuses a path sent from a chat', async () => {
    const folder = join(work, '规章制度');
    mkdirSync(folder);
    writeFileSync(join(folder, '接待规定.md'), '# 代表接待规定\n\n第一条 代表联络站每月接待选民一次。\n');
    const before = services.knowledge.size();
    const done = await services.assistant.handle(terminal(`/ingest "${folder}"`));
    expect(done.text).toContain('新增 1 个文件');
    expect(services.knowledge.size()).toBeGreaterThan(before);
    const fromChat = await services.assistant.handle(telegram(`/ingest ${folder}`));
    expect(fromChat.text).toContain('只能在本机终端使用');
    expect((await services.assistant.handle(terminal(`/ingest ${join(work, '没有')}`))).text).toContain('找不到');
  });

  it('imports a ledger named in the terminal after showing the kinds it read', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(['2023年上半年履职活动台账']);
    sheet.addRow(['序号', '日期', '活动内容', '备注']);
    sheet.addRow([1, new Date(Date.UTC(2023, 5, 12)), '组织代表视察城区防汛工作', '']);
    sheet.addRow([2, '2023年6月20日', '开展基层治理专题调研', '']);
    sheet.addRow([3, '2023.6.25', '机关干部大会', '']);
    const ledger = join(work, '活动台账.xlsx');
    await workbook.xlsx.writeFile(ledger);
    expect((await services.assistant.handle(terminal(`/import ${join(work, '规章制度')}`))).text).toContain('只导入 .csv 或 .xlsx');
    const offered = await services.assistant.handle(terminal(`/import ${ledger}`));
    expect(offered.text).toContain('已按活动内容判断了 3 条的类型');
    expect(offered.text).toContain('第 3 行 2023-06-12 【视察】组织代表视察城区防汛工作');
    expect(offered.text).toContain('第 5 行看不出是哪类活动，将记为“其他”');
    expect(await services.activities.list({ from: '2023-06-10', to: '2023-06-30' })).toHaveLength(0);
    const imported = await services.assistant.handle(terminal('导入'));
    expect(imported.text).toContain('已导入 3 条');
    expect((await services.activities.list({ from: '2023-06-10', to: '2023-06-30' })).map((a) => a.kind)).toEqual(['inspection', 'research', 'other']);
  });
});
