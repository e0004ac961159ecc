/**
 * What README "Known limits" listed of the log's yes/no and field questions (session 36), through
 * the real assistant, reader and SQLite log over the shared fixture log
 * (../shared/fixtures/activities-2023h1.csv): a 过-question with only plans logged says 还没开过,
 * not 有安排; a past-tense question gets no remark on days ahead; how a field of work went is
 * its kinds counted from the log, not 没有找到; bare activity words set apart are asked about,
 * never stored as two; a bare 会 and a follow-up after a yes/no keep their kinds and period.
 */
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RuleReader, loadTaxonomy } from '../../src/reader/index.ts';
import { makeBench, say, type TestBench } from '../support/assistant-helpers.ts';
import { byCli } from '../support/log-helpers.ts';

const FIXTURE_LOG = resolve(import.meta.dirname, '../../../shared/fixtures/activities-2023h1.csv');
const reader = new RuleReader(loadTaxonomy());
let bench: TestBench;
afterEach(() => bench?.close());

/** A bench over the fixture log with today fixed. */
async function benchOn(today: string): Promise<TestBench> {
  bench = makeBench(reader, { today });
  await bench.log.importFile(FIXTURE_LOG, byCli('导入员'));
  return bench;
}
const ask = async (text: string): Promise<string> => (await bench.assistant.handle(say(text))).text;

describe('asked whether it was done (开过), plans are not a yes', () => {
  it('6月开过常委会吗 on 6月20日, with only the 27th’s session logged → 还没开过, the plan listed as one', async () => {
    await benchOn('2023-06-20');
    const reply = await ask('6月开过常委会吗');
    expect(reply.startsWith('还没开过。')).toBe(true);
    expect(reply).toContain('6月27日 常委会会议 区人大常委会第十一次会议（办公室）（计划）');
  });

  it('asked of what is to come (这个月要开常委会吗), the same plan is 有安排', async () => {
    await benchOn('2023-06-20');
    expect((await ask('这个月要开常委会吗')).startsWith('有安排。')).toBe(true);
  });

  it('今年开过常委会吗 with one held and one planned → 开过', async () => {
    await benchOn('2023-06-14');
    expect((await ask('今年开过常委会吗')).startsWith('开过。')).toBe(true);
  });

  it('a past-tense question over a period reaching past today gets no remark on days ahead', async () => {
    await benchOn('2023-06-14');
    const reply = await ask('上半年有没有搞过执法检查');
    expect(reply.startsWith('有。')).toBe(true);
    expect(reply).not.toContain('今天以后');
    expect(await ask('今年没开过专题询问吧')).toBe('没有记录：活动记录里2023年没有专题询问。');
  });
});

describe('how a field of work went is what the log holds of it', () => {
  it('今年代表工作怎么样 → its kinds counted, each with its figure, never 没有找到', async () => {
    await benchOn('2023-06-14');
    const reply = await ask('今年代表工作怎么样');
    expect(reply).toContain('2023年共开展培训、代表活动、代表建议办理 7 次');
    expect(reply).toContain('· 培训：3 次');
    expect(reply).not.toContain('没有找到');
  });

  it('a rule asked in the same words (今年代表工作要怎么开展) still goes to the documents', async () => {
    await benchOn('2023-06-14');
    await expect(reader.read('今年代表工作要怎么开展', '2023-06-14')).resolves.toEqual({ intent: 'ask' });
  });
});

describe('bare activity words set apart (今天 视察 调研): one activity or two is asked, nothing stored', () => {
  it('asks, with both ways to write it', async () => {
    await benchOn('2023-06-14');
    const before = (await bench.log.list({})).length;
    const reply = await ask('今天 视察 调研');
    expect(reply).toContain('是一项活动，还是两项');
    expect((await bench.log.list({})).length).toBe(before);
    expect(before).toBeGreaterThan(50);
  });

  it('written together (今天视察调研) it is one entry, by its first word', async () => {
    await benchOn('2023-06-14');
    expect(await reader.read('今天视察调研', '2023-06-14')).toMatchObject({ intent: 'log', activities: [{ kind: 'inspection' }] });
  });
});

describe('kept as they are (decided, session 36)', () => {
  it('a bare 会 (昨天开会了吗) lists every kind of meeting, each entry naming its kind: the yes/no is about any meeting', async () => {
    await benchOn('2023-06-14');
    const reply = await ask('昨天开会了吗');
    expect(reply.startsWith('开过。')).toBe(true);
    expect(reply).toContain('各类会议共 1 项');
    expect(reply).toContain('6月13日 党组会议');
  });

  it('a follow-up after a yes/no (那具体是哪几次) keeps the period and kinds', async () => {
    await benchOn('2023-06-14');
    await ask('上个月开过党组会吗');
    expect(await ask('那具体是哪几次')).toMatch(/^2023年5月党组会议共 1 项/);
  });
});

describe('a committee named as the doer of a count narrows it visibly (the log keeps no department)', () => {
  it('代表工委今年调研了几次 → no title names 代表工委: 没有, with the year’s research total beside it, never that total as the answer', async () => {
    await benchOn('2023-06-14');
    const reply = await ask('代表工委今年调研了几次');
    expect(reply).toContain('没有事项含“代表工委”的条目（同期共 6 次');
    expect(reply).not.toMatch(/^2023年调研共 6 次/);
  });

  it('the standing committee as a whole (常委会, 区人大常委会) or its members (常委) narrow nothing', async () => {
    for (const text of ['区人大常委会今年视察了几次', '常委今年视察了几次']) {
      expect(await reader.read(text, '2023-06-14')).toEqual({ intent: 'count', kinds: ['inspection'], from: '2023-01-01', to: '2023-12-31' });
    }
  });
});
