/**
 * Yes/no and plan questions about the log, through the real assistant, reader and SQLite log
 * over the shared fixture log (../shared/fixtures/activities-2023h1.csv): 开过/有安排 with the
 * entries that make it so, or 没有记录 (没有记录安排 for days still to come) with the period
 * named; a weekday that could be last or next is asked about; the rule questions that look
 * alike go to the documents.
 */
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RuleReader, loadTaxonomy } from '../../src/reader/index.ts';
import { makeBench, say, type TestBench } from '../support/assistant-helpers.ts';
import { byCli } from '../support/log-helpers.ts';
import { FakeKnowledgeBase } from '../support/fake-knowledge.ts';

const FIXTURE_LOG = resolve(import.meta.dirname, '../../../shared/fixtures/activities-2023h1.csv');
const reader = new RuleReader(loadTaxonomy());
let bench: TestBench;
afterEach(() => bench?.close());

/** A bench over the fixture log with today fixed (2023-06-14 is a Wednesday). */
async function benchOn(today: string, knowledge?: FakeKnowledgeBase): Promise<TestBench> {
  bench = makeBench(reader, { today, ...(knowledge ? { knowledge } : {}) });
  await bench.log.importFile(FIXTURE_LOG, byCli('导入员'));
  return bench;
}
const ask = async (text: string): Promise<string> => (await bench.assistant.handle(say(text))).text;

describe('whether something was done: 开过 with its entries, or 没有记录 with the period', () => {
  it('4月开党组会没 → 开过, and the April party meeting', async () => {
    await benchOn('2023-06-14');
    const reply = await ask('4月开党组会没');
    expect(reply.startsWith('开过。')).toBe(true);
    expect(reply).toContain('4月11日 党组会议');
    expect(reply).not.toContain('知识库');
  });

  it('上个月开过主任会议吗 with none in May → 没有记录, May named', async () => {
    await benchOn('2023-06-14');
    expect(await ask('上个月开过主任会议吗')).toBe('没有记录：活动记录里2023年5月没有主任会议。');
  });

  it('8月份开没开主任会议, 今年搞过执法检查没有: read as yes/no, not asked back as count-or-list', async () => {
    await benchOn('2023-07-10');
    expect(await ask('6月份开没开主任会议')).toMatch(/^开过。[\s\S]*6月26日 主任会议/);
    const lawCheck = await ask('今年搞过执法检查没有');
    expect(lawCheck.startsWith('有。')).toBe(true);
    expect(lawCheck).toContain('5月25日 执法检查');
  });
});

describe('a yes/no narrowed to a subject says 没有记录 and what was searched', () => {
  it('今年走访过企业没 → 没有记录, with the year’s visits counted beside it', async () => {
    await benchOn('2023-06-14');
    const reply = await ask('今年走访过企业没');
    expect(reply.startsWith('没有记录。')).toBe(true);
    expect(reply).toContain('事项含“企业”');
    expect(reply).toContain('同期共 2 项');
  });
});

describe('whether something is planned: the entries logged for the day or week, or 没有记录安排', () => {
  it('周五开党组会吗 on a Wednesday is this Friday; none logged → 没有记录安排', async () => {
    await benchOn('2023-06-14');
    expect(await ask('周五开党组会吗')).toBe('没有记录安排：活动记录里2023年6月16日还没有党组会议的安排。');
  });

  it('下周一要开主任会议吗 → 有安排, the planned entry marked as a plan', async () => {
    await benchOn('2023-06-20');
    const reply = await ask('下周一要开主任会议吗');
    expect(reply.startsWith('有安排。')).toBe(true);
    expect(reply).toContain('6月26日 主任会议 主任会议（办公室）（计划）');
  });

  it('本周有什么会议要参加吗 lists the week’s meetings (no subject “要参加”), and says nothing more is logged', async () => {
    await benchOn('2023-06-14');
    const reply = await ask('本周有什么会议要参加吗');
    expect(reply).toContain('6月13日 党组会议');
    expect(reply).not.toContain('要参加');
    expect(reply).toContain('今天以后还没有登记的安排');
  });

  it('这周还有调研吗 → the research planned after today', async () => {
    await benchOn('2023-06-14');
    const reply = await ask('这周还有调研吗');
    expect(reply.startsWith('有安排。')).toBe(true);
    expect(reply).toContain('6月15日 调研 调研金融支持实体经济情况');
    expect(reply).not.toContain('6月8日');
  });

  it('这个月还开常委会吗 → 有安排, the session still to come this month', async () => {
    await benchOn('2023-06-14');
    const reply = await ask('这个月还开常委会吗');
    expect(reply.startsWith('有安排。')).toBe(true);
    expect(reply).toContain('6月27日 常委会会议');
  });

  it('最近有没有安排视察 → only what is planned from today, not every inspection ever', async () => {
    await benchOn('2023-06-14');
    const reply = await ask('最近有没有安排视察');
    expect(reply.startsWith('没有记录')).toBe(true);
    expect(reply).not.toContain('5月11日');
  });
});

describe('asked back, or sent to the documents', () => {
  it('周五开党组会吗 on a Saturday: yesterday’s or next week’s is asked, nothing guessed', async () => {
    await benchOn('2023-06-17');
    const reply = await ask('周五开党组会吗');
    expect(reply).toContain('6月16日');
    expect(reply).toContain('6月23日');
    expect(reply).not.toMatch(/开过|没有记录/);
  });

  it('党组会一般周几开, 开党组会要提前通知吗: the documents, never the log', async () => {
    const knowledge = new FakeKnowledgeBase();
    await benchOn('2023-06-14', knowledge);
    for (const text of ['党组会一般周几开', '开党组会要提前通知吗']) {
      const reply = await ask(text);
      expect(reply, text).not.toMatch(/开过|没有记录|已记录|共 \d+ 项/);
    }
    expect(knowledge.questions).toEqual(['党组会一般周几开', '开党组会要提前通知吗']);
    expect(bench.log.list().length).toBe(54);
  });
});
