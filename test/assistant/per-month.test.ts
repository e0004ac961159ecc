/**
 * A count asked per month (上半年每个月的活动, 每月活动次数, 画个图看看各月的活动): one figure per
 * month, never a list of the half-year's entries, never narrowed to entries titled 每月; with no
 * period, which months is asked rather than a year taken or the documents searched.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RuleReader, loadTaxonomy } from '../../src/reader/index.ts';
import { makeBench, say, type TestBench } from '../support/assistant-helpers.ts';

const reader = new RuleReader(loadTaxonomy());
let bench: TestBench;
afterEach(() => bench?.close());

async function logged(): Promise<TestBench> {
  bench = makeBench(reader, { chart: true, today: '2023-07-05' });
  for (const text of ['5月8日开展了专题调研', '5月9日视察了安全生产工作', '6月12日视察了河道治理']) await bench.assistant.handle(say(text));
  return bench;
}

describe('a count per month', () => {
  it('counts each month of the period, drawn when a picture is asked, whatever word asks per month', async () => {
    await logged();
    const drawn = await bench.assistant.handle(say('画个图看看上半年每个月的活动'));
    expect(drawn.text).toContain('2023年5月各类活动：2 次');
    expect(drawn.text).toContain('2023年6月各类活动：1 次');
    expect(drawn.text).not.toMatch(/^· \d+\. /m); // not the entries listed
    expect(drawn.files?.[0]).toMatchObject({ kind: 'image' });
    for (const words of ['上半年每月活动次数', '上半年各月活动情况', '上半年每个月的活动']) {
      const text = (await bench.assistant.handle(say(words))).text;
      expect(text, words).toContain('2023年5月各类活动：2 次');
      expect(text, words).not.toContain('事项含');
    }
    // A kind and a subject named beside 每个月: narrowed to the subject, not to 每个月.
    const narrowed = (await bench.assistant.handle(say('上半年每个月关于安全生产的视察几次'))).text;
    expect(narrowed).toContain('2023年5月事项含“安全生产”的视察：1 次');
    expect(narrowed).not.toContain('每个月关于');
  });

  it('asks which months when no period is named, and leaves a rule about the rhythm to the documents', async () => {
    await logged();
    const asked = (await bench.assistant.handle(say('每个月的活动画个图'))).text;
    expect(asked).toContain('请说明统计哪段时间每个月的活动');
    expect(asked).not.toMatch(/次：|没有找到/);
    expect((await bench.assistant.handle(say('每个月的视察画个图'))).text).toContain('请说明统计哪段时间每个月的视察并画图');
    expect((await bench.assistant.handle(say('看看每个月的活动'))).text).toContain('请说明统计哪段时间每个月的活动');
    for (const rule of ['每个月要开几次主任会议', '一般每月视察几次', '主任会议每个月开几次', '每个月视察几次']) {
      expect((await reader.read(rule, '2023-07-05')).intent, rule).toBe('ask');
    }
  });
});
