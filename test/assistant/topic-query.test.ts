/**
 * Counts and lists narrowed to a subject (上半年视察了几次安全生产, 上半年视察了学校吗): only the
 * entries whose title names it are counted, shown, kept for a follow-up and exported — with
 * the kind's whole figure beside them, so a subject that matched nothing is said, never a
 * silent count of every inspection.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../src/app.ts';
import type { Incoming } from '../../src/assistant/types.ts';
import { loadSettings } from '../../src/config.ts';
import { tempFolder } from '../support/temp-folders.ts';

function telegram(text: string): Incoming {
  return { platform: 'telegram', userId: '9', userName: '管理员', chatId: '9', threadId: 'telegram:9:0', text };
}

describe('a count or list narrowed to what was inspected', () => {
  let services: Services;

  beforeAll(async () => {
    services = await openServices({
      dataDir: tempFolder('lvzhi-topic-'),
      settings: loadSettings({ LVZHI_ALLOW: 'telegram:9', LVZHI_ADMINS: 'telegram:9' }),
      now: () => new Date('2023-07-05T09:00:00'),
    });
    const add = (date: string, kind: string, title: string) => services.activities.addAll([{ date, kind, title }], { by: '小王', channel: 'test' });
    await add('2023-02-09', 'inspection', '视察安全生产工作');
    await add('2023-04-06', 'inspection', '视察食品安全工作');
    await add('2023-05-11', 'inspection', '视察现代水网建设');
    await add('2023-05-20', 'research', '调研安全生产监管');
    await add('2023-09-12', 'inspection', '视察危化品安全生产');
  });
  afterAll(async () => services?.close());

  const ask = async (text: string) => (await services.assistant.handle(telegram(text))).text;

  it('counts only the inspections whose title names the subject, and gives the whole count beside it', async () => {
    const text = await ask('上半年视察了几次安全生产');
    expect(text).toContain('事项含“安全生产”的共 1 次');
    expect(text).toContain('同期共 3 次');
    expect(text).toContain('视察安全生产工作');
    expect(text).not.toContain('现代水网');
    // The subject stays for "那下半年呢".
    const next = await ask('那下半年呢');
    expect(next).toContain('2023年下半年');
    expect(next).toContain('事项含“安全生产”的共 1 次');
    expect(next).toContain('危化品安全生产');
  });

  it('reads 那块儿, 那边, 这一块 after a kind as pointing at the kind, never as a subject to narrow to', async () => {
    await ask('上半年视察了几次');
    const research = await ask('调研那块儿呢？');
    expect(research).toContain('2023年上半年共调研 1 次');
    expect(research).not.toContain('事项含');
    expect(await ask('视察那边呢')).toContain('2023年上半年共视察 3 次');
    expect(await ask('上半年视察这一块搞了几次')).toContain('2023年上半年共视察 3 次');
    expect(await ask('上半年调研这一块怎么样')).toContain('调研安全生产监管');
    // Before a subject, too: 视察那块关于安全生产的 narrows to 安全生产.
    expect(await ask('上半年视察那块关于安全生产的有几次')).toContain('事项含“安全生产”的共 1 次');
  });

  it('narrows a follow-up to who logged the entries (其中哪些是小王记的), never lists them all', async () => {
    await ask('上半年视察了几次');
    const mine = await ask('其中哪些是小王记的');
    expect(mine).toMatch(/小王记录的.*共 \d+ 项/);
    const none = await ask('上半年视察了几次');
    expect(none).toContain('视察');
    expect(await ask('其中哪些是老李记的')).toContain('没有老李记录的条目');
  });

  it('其中哪几次是关于安全生产的 narrows the count just given, not every entry ever logged', async () => {
    await ask('上半年视察了几次');
    const narrowed = await ask('其中哪几次是关于安全生产的');
    expect(narrowed).toContain('2023年上半年的视察中，事项含“安全生产”的共 1 项（同期共 3 项');
    expect(narrowed).not.toContain('调研安全生产监管');
    expect(narrowed).not.toContain('危化品');
    // Asked in one go, 是关于 is not part of the subject either.
    expect(await ask('上半年哪几次视察是关于安全生产的')).toContain('事项含“安全生产”的共 1 项');
  });

  it('does not carry the subject into a question naming its own kinds and period', async () => {
    await ask('上半年视察了几次安全生产');
    await services.activities.addAll([{ date: '2023-02-23', kind: 'report_review', title: '听取区法院关于审判工作的报告' }], { by: '小王', channel: 'test' });
    // Leans on the turn before by its shape (哪些), yet names its kinds and period: every report of the quarter.
    const text = await ask('一季度听取了哪些报告');
    expect(text).not.toContain('安全生产');
    expect(text).toContain('听取区法院关于审判工作的报告');
  });

  it('narrows a count naming no activity word (上半年去了几次乡镇) instead of counting every activity', async () => {
    const text = await ask('上半年去了几次乡镇');
    expect(text).toContain('没有事项含“乡镇”的条目');
    expect(text).toMatch(/同期共 \d+ 次/);
    expect(text).not.toContain('共开展各类活动');
  });

  it('says plainly that nothing matched, instead of listing every inspection', async () => {
    const text = await ask('上半年视察了学校吗');
    expect(text).toContain('没有事项含“学校”的条目');
    expect(text).toContain('同期共 3 项');
    expect(text).not.toContain('视察食品安全工作');
  });

  it('finds a report by who made it (听取了几次区政府的报告), as its title words it', async () => {
    await services.activities.addAll([{ date: '2023-03-01', kind: 'report_review', title: '听取区政府关于营商环境工作情况的报告' }], { by: '小王', channel: 'test' });
    expect(await ask('今年听取了几次区政府的报告')).toContain('事项含“区政府”的共 1 次');
  });

  it('answers when the latest one was from the log, not from the documents, and never a planned one', async () => {
    await services.activities.addAll([{ date: '2023-07-20', kind: 'inspection', title: '视察河道治理' }], { by: '小王', channel: 'test' });
    expect(await ask('最近一次视察是什么时候')).toBe('最近一次视察是2023年5月11日：视察现代水网建设（编号 3，小王记录）。');
    expect(await ask('最近一次视察学校是什么时候')).toBe('活动记录里没有事项含“学校”的视察。');
  });

  it('narrows to the entries the person asking logged (我上半年记了哪些), or one named (小王上半年记了几条)', async () => {
    expect(await ask('我上半年记了哪些活动')).toMatch(/^2023年上半年的各类活动中，没有您记录的条目（同期共 \d+ 项）/);
    await ask('6月20日调研了社区养老服务');
    const mine = await ask('我上半年记了哪些活动');
    expect(mine).toContain('您记录的共 1 项');
    expect(mine).toContain('调研了社区养老服务（管理员）');
    expect(mine).not.toContain('视察安全生产工作');
    const half = await services.activities.list({ from: '2023-01-01', to: '2023-06-30' });
    const named = await ask('小王上半年记了几条');
    expect(named).toContain(`小王记录的共 ${half.filter((a) => a.by_name === '小王').length} 次（同期共 ${half.length} 次）`);
    expect(named).not.toContain('社区养老服务');
  });

  it('narrows /stats and /list to a word they cannot place as a kind or a period (/stats 上半年 视察 食品安全)', async () => {
    expect(await ask('/stats 上半年 视察 食品安全')).toContain('事项含“食品安全”的共 1 次');
    expect(await ask('/list 上半年 视察')).toContain('2023年上半年视察共');
  });

  it('counts the whole kind when the question names who acted rather than what', async () => {
    expect(await ask('上半年组织代表视察了几次')).toContain('共视察 3 次');
  });

  it('exports only the entries naming the subject, under a name that says so', async () => {
    const reply = await services.assistant.handle(telegram('导出上半年关于食品安全的视察'));
    const file = reply.files?.[0];
    expect(file?.name).toBe('2023年上半年食品安全视察活动记录.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file!.data!) as never);
    const titles = workbook.worksheets[0].getSheetValues().slice(2).map((r) => (r as unknown[])[4]);
    expect(titles).toEqual(['视察食品安全工作']);
  });

  it('narrows a per-period breakdown the same way', async () => {
    const text = await ask('上半年和下半年各视察了几次安全生产');
    expect(text).toContain('2023年上半年事项含“安全生产”的视察：1 次');
    expect(text).toContain('2023年下半年事项含“安全生产”的视察：1 次');
    expect(text).toContain('合计：2 次');
  });
});
