/**
 * What was still misread of the activity log after the sixth fresh set, through the real
 * assistant, reader and SQLite log: a count of places (几个学校, 几家企业) answered with the
 * number of visits as if it were the places'; a per-month count of a period with nothing logged
 * yet (明年每个月) answered "合计：0 次" with no month; office logistics (会议室, 车辆) sent to the
 * documents; two periods that do not join (去年1月和今年1月) counted as the first alone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RuleReader, loadTaxonomy } from '../../src/reader/index.ts';
import { makeBench, say, type TestBench } from '../support/assistant-helpers.ts';

const reader = new RuleReader(loadTaxonomy());
let bench: TestBench;
afterEach(() => bench?.close());

async function logged(today: string, texts: string[]): Promise<void> {
  bench = makeBench(reader, { today });
  for (const text of texts) {
    const reply = await bench.assistant.handle(say(text));
    // A plan (a day still to come) is stored once confirmed, as a person would.
    const stored = reply.choices?.[0].label === '按计划记录' ? await bench.assistant.handle(say(reply.choices[0].send)) : reply;
    expect(stored.text).toContain('已记录');
  }
}

describe('a count of places inside the activities', () => {
  it('今年视察了几家企业 says the log counts visits, not enterprises, and shows the visits with their titles', async () => {
    await logged('2026-12-01', ['2026年3月5日视察了城东街道三家企业', '2026年5月20日视察了开发区企业安全生产']);
    for (const text of ['今年视察了几家企业', '今年视察了多少个企业']) {
      const reply = (await bench.assistant.handle(say(text))).text;
      expect(reply, text).toContain('不单独统计企业');
      expect(reply, text).toContain('城东街道三家企业');
      expect(reply, text).toContain('开发区企业安全生产');
      expect(reply, text).not.toMatch(/^视察：2 次/m);
    }
  });

  it('下周要去视察几个学校 says so too, of the plans', async () => {
    await logged('2026-06-17', ['6月23日要去视察城南小学和北关中学']);
    const reply = (await bench.assistant.handle(say('下周要去视察几个学校'))).text;
    expect(reply).toContain('不单独统计学校');
    expect(reply).toContain('城南小学和北关中学');
  });

  it('the reading names the noun counted, ending where the deed begins; activities themselves name none', async () => {
    expect(await reader.read('今年几个委员会开展了调研', '2026-12-01')).toMatchObject({ intent: 'count', units: '委员会' });
    for (const text of ['今年开了几个会', '今年开了多少个主任会议', '上半年开展了几个专题调研', '今年视察了几次']) {
      expect(await reader.read(text, '2026-12-01'), text).not.toHaveProperty('units');
    }
  });

  it('a count of the activities themselves (几次, 几场会) is as before', async () => {
    await logged('2026-12-01', ['2026年3月5日视察了城东街道三家企业']);
    expect((await bench.assistant.handle(say('今年视察了几次'))).text).not.toContain('不单独统计');
  });
});

describe('a per-month count of a period with nothing logged yet', () => {
  it('明年每个月的活动 shows each month with 0 次, not only the total', async () => {
    bench = makeBench(reader, { today: '2026-06-17' });
    const reply = (await bench.assistant.handle(say('明年每个月的活动'))).text;
    expect(reply).toContain('2027年1月各类活动：0 次');
    expect(reply).toContain('2027年12月各类活动：0 次');
  });

  it('下半年每个月的安排 is a count per month, not asked back', async () => {
    await logged('2026-07-05', ['8月5日要去视察防汛工作']);
    const reply = (await bench.assistant.handle(say('下半年每个月的安排'))).text;
    expect(reply).toContain('2026年8月各类活动：1 次');
    expect(reply).toContain('2026年7月各类活动：0 次');
  });
});

describe('office logistics the log does not keep', () => {
  it.each(['会议室下午有人用吗', '视察车辆安排好了吗'])('%s is said plainly not to be kept; nothing searched or stored', async (text) => {
    bench = makeBench(reader, { today: '2026-12-01' });
    const reply = (await bench.assistant.handle(say(text))).text;
    expect(reply).toContain('不管理');
    expect(reply).not.toContain('没有找到');
    expect(reply).not.toContain('已记录');
    expect(bench.log.list({ kinds: [], from: null, to: null })).toHaveLength(0);
  });

  it('an activity that mentions a room or a car is still logged', async () => {
    await logged('2026-12-01', ['昨天在二楼会议室召开了主任会议']);
  });
});

describe('two periods that do not join', () => {
  it('去年1月和今年1月视察几次 counts each month on its own', async () => {
    await logged('2026-12-01', ['2025年1月10日视察了城东街道', '2026年1月8日视察了城南小学', '2026年1月20日视察了北关镇']);
    const reply = (await bench.assistant.handle(say('去年1月和今年1月视察几次'))).text;
    expect(reply).toMatch(/2025年1月[^\n]*1 次/);
    expect(reply).toMatch(/2026年1月[^\n]*2 次/);
  });

  it('列出去年1月和今年1月的视察 lists both months, and so does a count of the places in them', async () => {
    await logged('2026-12-01', ['2025年1月10日视察了城东街道', '2026年1月8日视察了城南小学', '2026年6月20日视察了北关镇']);
    for (const text of ['列出去年1月和今年1月的视察', '去年1月和今年1月视察了几个街道']) {
      const reply = (await bench.assistant.handle(say(text))).text;
      expect(reply, text).toContain('城东街道');
      expect(reply, text).toContain('城南小学');
      expect(reply, text).not.toContain('北关镇');
    }
  });
});

describe('一 of a word after a month (3月一共, 1月一起) is no day', () => {
  it('3月一共视察了几次 counts all of March, never 3月1日 alone', async () => {
    await logged('2026-12-01', ['2026年3月1日视察了城东街道', '2026年3月12日视察了城南小学']);
    const reply = (await bench.assistant.handle(say('3月一共视察了几次'))).text;
    expect(reply).toContain('2 次');
    expect(reply).not.toContain('3月1日');
  });
});

describe('a year alone listed before a part of another (去年和今年1月)', () => {
  it('asks whether the whole year or its January is meant; no figure is given', async () => {
    await logged('2026-12-01', ['2025年1月10日视察了城东街道', '2025年6月10日视察了城南小学', '2026年1月8日视察了北关镇']);
    for (const text of ['去年和今年1月视察几次', '列出去年和今年1月的视察']) {
      const reply = (await bench.assistant.handle(say(text))).text;
      expect(reply, text).toContain('去年全年和今年1月');
      expect(reply, text).toContain('去年1月和今年1月');
      expect(reply, text).not.toMatch(/\d+ 次|城东街道/);
    }
  });

  it('two whole years, or months with their own years, are counted as before', async () => {
    await logged('2026-12-01', ['2025年1月10日视察了城东街道', '2026年1月8日视察了北关镇']);
    expect((await bench.assistant.handle(say('今年和去年视察几次'))).text).toMatch(/\d+ 次/);
  });
});
