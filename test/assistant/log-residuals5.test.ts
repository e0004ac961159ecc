/**
 * What the fifth fresh activity set (fixtures/messages/fresh-activity5.jsonl) found, through the
 * real assistant, reader and SQLite log: a correction said after an apology or a pointer at the
 * entry just logged (不好意思刚才发错了，不是视察是调研; 刚才记错了，应该是前天不是昨天) changes that
 * entry — never logged as a new one, never a withdrawal that drops the new value; a second
 * activity said to be on the same day (同一天还开了…, 当日下午…) is stored, not dropped; two days
 * listed and counted (6月29日、30日两天…) are one entry over both, not asked about; a count
 * narrowed to a deputy, a leader or a place (王建国代表参加了几次视察, 在城关镇开展了几次代表活动)
 * is found by that name in the titles, never the kind's total passed off as theirs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RuleReader, loadTaxonomy } from '../../src/reader/index.ts';
import { makeBench, say, type TestBench } from '../support/assistant-helpers.ts';

const reader = new RuleReader(loadTaxonomy());
let bench: TestBench;
afterEach(() => bench?.close());

describe('a correction after an apology or a pointer at the entry just logged', () => {
  it('不好意思刚才发错了，不是视察是调研 changes the kind; no second entry is stored', async () => {
    bench = makeBench(reader, { today: '2026-07-01' });
    await bench.assistant.handle(say('昨天组织代表视察了河道治理'));
    expect((await bench.assistant.handle(say('不好意思刚才发错了，不是视察是调研'))).text).toMatch(/→ 6月30日 调研/);
    expect(bench.log.list().map((a) => [a.date, a.kind])).toEqual([['2026-06-30', 'research']]);
  });

  it('刚才记错了，应该是前天不是昨天 moves the entry to 前天 instead of withdrawing it', async () => {
    bench = makeBench(reader, { today: '2027-01-04' });
    await bench.assistant.handle(say('昨天召开了党组会议'));
    expect((await bench.assistant.handle(say('刚才记错了，应该是前天不是昨天'))).text).toMatch(/→ 2027年1月2日 党组会议|→ 1月2日 党组会议/);
    expect(bench.log.list().map((a) => [a.date, a.kind])).toEqual([['2027-01-02', 'party_meeting']]);
  });

  it('刚才那条日期错了，是3号 and 抱歉，时间不对，应该是7月2日 change the date', async () => {
    bench = makeBench(reader, { today: '2026-07-05' });
    await bench.assistant.handle(say('昨天组织代表视察了河道治理'));
    expect((await bench.assistant.handle(say('刚才那条日期错了，是3号'))).text).toMatch(/→ 7月3日 视察/);
    expect((await bench.assistant.handle(say('抱歉，时间不对，应该是7月2日'))).text).toMatch(/→ 7月2日 视察/);
    expect(bench.log.list().map((a) => a.date)).toEqual(['2026-07-02']);
  });

  it('with nothing just logged, such words are asked about: nothing stored, nothing withdrawn', async () => {
    bench = makeBench(reader, { today: '2026-07-01' });
    for (const text of ['不好意思刚才发错了，不是视察是调研', '刚才记错了，应该是前天不是昨天']) {
      const reply = (await bench.assistant.handle(say(text))).text;
      expect(reply).not.toContain('已记录');
      expect(reply).not.toContain('已撤回');
    }
    expect(bench.log.list()).toHaveLength(0);
  });

  it('刚才那条删掉 and 刚才那条记错了 (no new value) still withdraw it', async () => {
    bench = makeBench(reader, { today: '2026-07-01' });
    await bench.assistant.handle(say('昨天组织代表视察了河道治理'));
    expect((await bench.assistant.handle(say('刚才那条记错了'))).text).toContain('已撤回');
    expect(bench.log.list()).toHaveLength(0);
  });
});

describe('a second activity on 同一天 or 当日 is its own entry', () => {
  it('常委会会议闭幕后接着召开了党组会议 and 视察结束后随即召开了座谈会, in one clause, are two entries each', async () => {
    bench = makeBench(reader, { today: '2027-01-01' });
    await bench.assistant.handle(say('昨天下午常委会会议闭幕后接着召开了党组会议'));
    await bench.assistant.handle(say('昨天视察结束后随即召开了座谈会'));
    expect(bench.log.list().map((a) => [a.date, a.kind, a.title])).toEqual([
      ['2026-12-31', 'session', '常委会会议'], ['2026-12-31', 'party_meeting', '召开了党组会议'],
      ['2026-12-31', 'inspection', '视察'], ['2026-12-31', 'meeting', '召开了座谈会'],
    ]);
  });

  it('5月28日听取审议了…报告，同一天还开了主任会议 → two entries on 5月28日', async () => {
    bench = makeBench(reader, { today: '2026-05-31' });
    const reply = (await bench.assistant.handle(say('5月28日听取审议了区法院的专项工作报告，同一天还开了主任会议'))).text;
    expect(reply).toContain('主任会议');
    expect(bench.log.list().map((a) => [a.date, a.kind, a.title])).toEqual([
      ['2026-05-28', 'report_review', '听取审议了区法院的专项工作报告'],
      ['2026-05-28', 'council_meeting', '开了主任会议'],
    ]);
  });

  it('…，当日下午召开了主任会议 likewise', async () => {
    bench = makeBench(reader, { today: '2026-05-31' });
    await bench.assistant.handle(say('5月28日视察了河道治理，当日下午召开了座谈会'));
    expect(bench.log.list().map((a) => [a.date, a.kind])).toEqual([['2026-05-28', 'inspection'], ['2026-05-28', 'meeting']]);
  });
});

describe('days listed and counted right after them are one activity over those days', () => {
  it('6月29日、30日两天开展了安全生产法执法检查 → one entry, 6月29日 to 30日', async () => {
    bench = makeBench(reader, { today: '2026-07-01' });
    await bench.assistant.handle(say('6月29日、30日两天开展了安全生产法执法检查'));
    expect(bench.log.list().map((a) => [a.date, a.to, a.kind, a.title])).toEqual([['2026-06-29', '2026-06-30', 'law_check', '开展了安全生产法执法检查']]);
  });

  it('days that do not follow one another, or a count that does not fit, are still asked about', async () => {
    bench = makeBench(reader, { today: '2026-07-01' });
    for (const text of ['6月26日、29日两天开展了执法检查', '6月29日、30日3天开展了执法检查', '6月29日、30日开展了执法检查']) {
      expect((await bench.assistant.handle(say(text))).text).toContain('是同一项活动持续了几天');
    }
    expect(bench.log.list()).toHaveLength(0);
  });
});

describe('a count narrowed to a deputy, a leader or a place', () => {
  async function benchWithEntries(): Promise<TestBench> {
    bench = makeBench(reader, { today: '2026-06-01' });
    for (const text of ['4月9日王建国代表参加视察城区防汛', '4月10日视察河道治理', '4月20日李主任带队视察学校食堂',
      '5月10日在城关镇代表联络站开展代表活动', '5月12日在北关镇代表之家开展代表活动', '5月13日张丽委员到区医保局调研', '5月14日到区教育局调研']) {
      await bench.assistant.handle(say(text));
    }
    expect(bench.log.list()).toHaveLength(7);
    return bench;
  }
  const ask = async (text: string): Promise<string> => (await bench.assistant.handle(say(text))).text;

  it('王建国代表参加了几次视察 counts his, with the kind\'s total beside it', async () => {
    await benchWithEntries();
    const reply = await ask('今年王建国代表参加了几次视察');
    expect(reply).toContain('事项含“王建国”的共 1 次（同期共 3 次');
    expect(reply).not.toMatch(/^2026年共视察 3 次/);
  });

  it('李主任带队视察了几次, 在城关镇开展了几次代表活动, 张丽委员调研了几次 likewise', async () => {
    await benchWithEntries();
    expect(await ask('今年李主任带队视察了几次')).toContain('事项含“李主任”的共 1 次（同期共 3 次');
    expect(await ask('今年在城关镇开展了几次代表活动')).toContain('事项含“城关镇”的共 1 次（同期共 2 次');
    expect(await ask('今年张丽委员调研了几次')).toContain('事项含“张丽”的共 1 次（同期共 2 次');
  });

  it('deputies not named (组织代表视察, 人大代表) narrow nothing', async () => {
    await benchWithEntries();
    expect(await ask('今年组织代表视察了几次')).toMatch(/^2026年共视察 3 次/);
    expect(await ask('今年人大代表参加了几次视察')).toMatch(/^2026年共视察 3 次/);
  });
});
