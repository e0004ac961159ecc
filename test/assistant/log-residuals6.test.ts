/**
 * What the sixth fresh activity set (fixtures/messages/fresh-activity6.jsonl) found, through the
 * real assistant, reader and SQLite log: a place named bare before the activity word (今年城东街道
 * 视察了几次, 污水处理厂视察过没有) was dropped and the kind's whole total given as that place's;
 * a person and a place both named (张主任参加的学校视察) were narrowed to the person alone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RuleReader, loadTaxonomy } from '../../src/reader/index.ts';
import { makeBench, say, type TestBench } from '../support/assistant-helpers.ts';

const reader = new RuleReader(loadTaxonomy());
let bench: TestBench;
afterEach(() => bench?.close());

async function logged(today: string, texts: string[]): Promise<void> {
  bench = makeBench(reader, { today });
  for (const text of texts) expect((await bench.assistant.handle(say(text))).text).toContain('已记录');
}
const INSPECTIONS = ['2026年3月5日组织代表视察了城东街道农贸市场', '2026年3月12日张主任带队视察了城南小学', '2026年5月20日视察了北关镇学校'];

describe('a place named bare before the activity word', () => {
  it('今年城东街道视察了几次 counts the entries titled with it, the total beside — never the total as its figure', async () => {
    await logged('2026-12-01', INSPECTIONS);
    const reply = (await bench.assistant.handle(say('今年城东街道视察了几次'))).text;
    expect(reply).toContain('事项含“城东街道”的共 1 次');
    expect(reply).not.toMatch(/共视察 3 次/);
  });

  it('今年污水处理厂视察过没有 says there is none, never lists the other inspections as if they were', async () => {
    await logged('2026-12-01', INSPECTIONS);
    const reply = (await bench.assistant.handle(say('今年污水处理厂视察过没有'))).text;
    expect(reply).not.toContain('城南小学');
    expect(reply).toContain('污水处理厂');
  });
});

describe('a person and a place both named', () => {
  it('今年张主任参加的学校视察有几次 asks which to search for; no figure is given', async () => {
    await logged('2026-12-01', INSPECTIONS);
    const reply = (await bench.assistant.handle(say('今年张主任参加的学校视察有几次'))).text;
    expect(reply).toContain('张主任');
    expect(reply).toContain('学校');
    expect(reply).not.toMatch(/\d+ 次/);
  });
});

describe('an errand about an activity\'s things', () => {
  it('调研提纲发我一下 and 昨天的视察照片发群里 store nothing', async () => {
    bench = makeBench(reader, { today: '2026-12-01' });
    for (const text of ['调研提纲发我一下', '昨天的视察照片发群里']) {
      expect((await bench.assistant.handle(say(text))).text).not.toContain('已记录');
    }
    expect(bench.log.list()).toHaveLength(0);
  });
});

describe('a day word with 天 mistyped', () => {
  it('前添开了党组会 stores nothing and asks for the day', async () => {
    bench = makeBench(reader, { today: '2027-03-05' });
    expect((await bench.assistant.handle(say('前添开了党组会'))).text).toContain('前添');
    expect(bench.log.list()).toHaveLength(0);
  });
});

describe('months listed with nothing between, or the year on the first only', () => {
  it('8月9月执法检查加起来几次 counts both months, never 8月9日', async () => {
    await logged('2026-12-01', ['2026年8月12日开展安全生产法执法检查', '2026年9月2日开展食品安全法执法检查']);
    const reply = (await bench.assistant.handle(say('8月9月执法检查加起来几次'))).text;
    expect(reply).toMatch(/合计：2 次|共执法检查 2 次/);
    expect(reply).not.toContain('8月9日');
  });

  it('去年8月和9月走访几次 counts September of last year too', async () => {
    await logged('2026-12-01', ['2025年8月3日走访企业', '2025年9月5日走访社区', '2026年9月8日走访学校']);
    const reply = (await bench.assistant.handle(say('去年8月和9月走访几次'))).text;
    expect(reply).toContain('2025年9月走访：1 次');
    expect(reply).toContain('合计：2 次');
  });
});

describe('which kind or month had the most, asked with 什么活动 or 几月', () => {
  it('今年什么活动搞得最多 and 今年调研最多的是几月 are answered from the log, not searched for in the documents', async () => {
    await logged('2026-12-01', ['2026年3月5日视察城东街道', '2026年3月12日视察城南小学', '2026年5月21日到城东街道调研']);
    const kind = (await bench.assistant.handle(say('今年什么活动搞得最多'))).text;
    expect(kind).toContain('视察');
    expect(kind).not.toContain('知识库');
    const month = (await bench.assistant.handle(say('今年调研最多的是几月'))).text;
    expect(month).toContain('5月');
    expect(month).not.toContain('知识库');
  });
});

describe('which committee or street did the most', () => {
  it('今年哪个委员会活动最多 says the log keeps no committee, never 没有找到 from the documents', async () => {
    await logged('2026-12-01', ['2026年3月5日视察城东街道']);
    const reply = (await bench.assistant.handle(say('今年哪个委员会活动最多'))).text;
    expect(reply).toContain('不单独记是哪个委员会');
    expect(reply).not.toContain('知识库');
  });
});

describe('two activities dictated without punctuation', () => {
  it('今天上午8名代表视察了2所学校下午开了主任会 stores both, never the meeting folded into the inspection', async () => {
    bench = makeBench(reader, { today: '2026-09-30' });
    await bench.assistant.handle(say('今天上午8名代表视察了2所学校下午开了主任会'));
    expect(bench.log.list().map((a) => [a.date, a.kind])).toEqual([['2026-09-30', 'inspection'], ['2026-09-30', 'council_meeting']]);
  });
});

describe('a day in digits mixed with Chinese numerals', () => {
  it('6月十8号视察了防汛工作 is filed on 6月18日, never 6月8日', async () => {
    bench = makeBench(reader, { today: '2026-06-30' });
    await bench.assistant.handle(say('6月十8号视察了防汛工作'));
    expect(bench.log.list().map((a) => a.date)).toEqual(['2026-06-18']);
  });
});
