import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { RuleReader, loadTaxonomy } from '../../src/reader/index.ts';
import type { IncomingFile } from '../../src/assistant/types.ts';
import { FakeKnowledgeBase } from '../support/fake-knowledge.ts';
import { ScriptedReader } from '../support/scripted-reader.ts';
import { makeBench, say, telegram, type TestBench } from '../support/assistant-helpers.ts';

const reader = new RuleReader(loadTaxonomy());
let bench: TestBench;
afterEach(() => bench?.close());

/** A file "uploaded" from a string, as a channel would hand it over. */
function upload(name: string, content: string | Uint8Array): IncomingFile {
  return { name, async download(to) { writeFileSync(to, content); } };
}

describe('assistant: logging and counting', () => {
  it('logs a plain message, confirms it in Chinese, and counts it from the database', async () => {
    bench = makeBench(reader);
    const logged = await bench.assistant.handle(say('6月12日组织代表视察了安全生产工作'));
    expect(logged.text).toContain('已记录：6月12日 视察 组织代表视察了安全生产工作');
    await bench.assistant.handle(say('5月8日开展了专题调研'));
    await bench.assistant.handle(say('3月3日视察了城区防汛工作'));
    const counted = await bench.assistant.handle(say('上半年视察了几次'));
    expect(counted.text).toBe('2023年上半年共视察 2 次。');
    // Who logged it is the platform id; the name shown is kept beside it.
    expect(bench.log.list({}).map((a) => [a.by, a.by_name])).toEqual(Array(3).fill(['terminal:local', '小王']));
    expect(bench.log.history()[0]).toMatchObject({ channel: 'terminal', message: '6月12日组织代表视察了安全生产工作' });
  });

  it('confirms and withdraws a multi-day activity with its last day, not its first day alone', async () => {
    bench = makeBench(reader);
    const logged = await bench.assistant.handle(say('7月3日至4日开展了食品安全法执法检查'));
    expect(logged.text).toContain('已记录：2023年7月3日至7月4日 执法检查');
    expect((await bench.assistant.handle(say('/list 7月'))).text).toMatch(/7月3日至4日 执法检查 开展了食品安全法执法检查/);
    expect((await bench.assistant.handle(say('/undo'))).text).toContain('已撤回：2023年7月3日至7月4日 执法检查');
  });

  it('logs an activity said to last several days over those days, or asks which end the day named is', async () => {
    bench = makeBench(reader);
    expect((await bench.assistant.handle(say('7月1日起开展为期三天的执法检查'))).text).toContain('已记录：2023年7月1日至7月3日 执法检查 开展执法检查');
    const asked = await bench.assistant.handle(say('今天组织代表视察了安全生产工作，为期三天'));
    expect(asked.text).toContain('今天是第一天还是最后一天');
    expect(asked.choices?.map((c) => c.label)).toEqual(['是第一天（7月5日至7日）', '是最后一天（7月3日至5日）', '取消']);
    expect(bench.log.list({}).map((a) => [a.date, a.to])).toEqual([['2023-07-01', '2023-07-03']]);
    expect((await bench.assistant.handle(say(asked.choices![1].send))).text).toContain('已记录：2023年7月3日至7月5日 视察 组织代表视察了安全生产工作');
    expect(bench.log.history().at(-1)).toMatchObject({ message: '今天组织代表视察了安全生产工作，为期三天' });
    await bench.assistant.handle(say('昨天组织代表调研了养老服务，历时两天'));
    expect((await bench.assistant.handle(say('取消'))).text).toContain('已取消');
    expect(bench.log.list({})).toHaveLength(2);
  });

  it('says which counted entries are plans dated after today, and marks them in a list', async () => {
    bench = makeBench(reader);
    const asked = await bench.assistant.handle(say('7月20日组织代表视察防汛工作'));
    await bench.assistant.handle(say(asked.choices![0].send));
    await bench.assistant.handle(say('7月3日视察了河道'));
    const counted = (await bench.assistant.handle(say('下半年视察了几次'))).text;
    expect(counted).toBe('2023年下半年共视察 2 次。\n（其中 1 次的日期在今天之后（7月20日），是计划安排，还没有开展。）');
    expect((await bench.assistant.handle(say('本月有几次视察'))).text).toContain('其中 1 次');
    const listed = (await bench.assistant.handle(say('列出下半年的视察'))).text.split('\n');
    expect(listed[1]).not.toContain('（计划）');
    expect(listed[2]).toMatch(/7月20日 视察 组织代表视察防汛工作（.+）（计划）$/);
    // A period over by today has no plans in it: no note.
    expect((await bench.assistant.handle(say('7月1日到7月5日视察了几次'))).text).toBe('2023年7月1日至7月5日共视察 1 次。');
    // 还要视察几次 counts what is still to come: the plans logged after today, and says that is all it knows.
    expect((await bench.assistant.handle(say('下半年还要视察几次'))).text)
      .toBe('2023年7月6日至12月31日共视察 1 次。\n（这 1 次的日期都在今天之后（7月20日），是计划安排，还没有开展。）');
    expect((await bench.assistant.handle(say('今年还要开几次常委会'))).text)
      .toBe('2023年7月6日至12月31日没有常委会会议的记录。\n（活动记录里只有按计划登记的安排；没有登记的计划，这里统计不到。）');
    // Nor do counts broken down by period or month pass plans off as done.
    expect((await bench.assistant.handle(say('今年上半年和下半年视察了几次'))).text).toContain('其中 1 次的日期在今天之后（7月20日）');
    expect((await bench.assistant.handle(say('/stats 下半年视察 按月'))).text).toContain('其中 1 次的日期在今天之后（7月20日）');
  });

  it('says so when the same activity is logged twice, and stores it once', async () => {
    bench = makeBench(reader);
    await bench.assistant.handle(say('/log 6月12日组织代表视察了安全生产工作'));
    const again = await bench.assistant.handle(say('/log 6月12日组织代表视察了安全生产工作'));
    expect(again.text).toContain('已经记过了');
    expect(bench.log.list({})).toHaveLength(1);
  });

  it('asks before storing a date that has not come yet, and stores only on confirmation', async () => {
    bench = makeBench(reader);
    const asked = await bench.assistant.handle(say('2023年7月20日组织代表视察了环保工作'));
    expect(asked.text).toContain('还没到');
    expect(asked.choices?.map((c) => c.label)).toEqual(['按计划记录', '取消']);
    expect(bench.log.list({})).toHaveLength(0);
    const confirmed = await bench.assistant.handle(say(asked.choices![0].send));
    expect(confirmed.text).toContain('已记录：7月20日 视察');
    expect(bench.log.list({})).toHaveLength(1);
    expect(bench.log.history()[0].message).toBe('2023年7月20日组织代表视察了环保工作');

    await bench.assistant.handle(say('2023年8月1日开展专题调研'));
    const cancelled = await bench.assistant.handle(say('取消'));
    expect(cancelled.text).toContain('已取消');
    expect(bench.log.list({})).toHaveLength(1);
  });

  it('lists, counts several kinds with a line per kind, and attaches a chart to /stats with a period', async () => {
    bench = makeBench(reader, { chart: true });
    for (const text of ['6月12日视察了安全生产工作', '5月8日开展了专题调研', '4月2日召开座谈会']) await bench.assistant.handle(say(text));
    const stats = await bench.assistant.handle(say('/stats 上半年视察调研'));
    expect(stats.text).toContain('2023年上半年共开展视察、调研 2 次');
    expect(stats.text).toContain('· 视察：1 次');
    expect(stats.text).toContain('· 调研：1 次');
    expect(stats.files?.[0]).toMatchObject({ kind: 'image', name: '2023年上半年视察、调研次数.png', caption: '2023年上半年视察、调研次数' });
    expect(Buffer.from(stats.files![0].data.slice(1, 4)).toString()).toBe('PNG');
    const list = await bench.assistant.handle(say('/list 上半年'));
    expect(list.text.split('\n').slice(1)).toEqual([
      expect.stringMatching(/^· \d+\. 4月2日 其他会议 召开座谈会（小王）$/),
      expect.stringMatching(/^· \d+\. 5月8日 调研 开展了专题调研（小王）$/),
      expect.stringMatching(/^· \d+\. 6月12日 视察 视察了安全生产工作（小王）$/),
    ]);
  });

  it('draws the counts when a plain message asks for a picture: per kind, or per month when months are asked', async () => {
    bench = makeBench(reader, { chart: true });
    for (const text of ['6月12日视察了安全生产工作', '5月8日开展了专题调研', '5月9日视察了河道治理']) await bench.assistant.handle(say(text));
    const byKind = await bench.assistant.handle(say('把上半年视察调研做个柱状图'));
    expect(byKind.text).toContain('2023年上半年共开展视察、调研 3 次');
    expect(byKind.files?.[0]).toMatchObject({ kind: 'image', name: '2023年上半年视察、调研次数.png' });
    const byMonth = await bench.assistant.handle(say('上半年各月视察调研情况画个图'));
    expect(byMonth.text).toContain('2023年5月视察、调研：2 次');
    expect(byMonth.files?.[0]).toMatchObject({ kind: 'image', name: '2023年上半年视察、调研每月次数.png' });
    expect(Buffer.from(byMonth.files![0].data.slice(1, 4)).toString()).toBe('PNG');
    // A count not asking for a picture gets none.
    expect((await bench.assistant.handle(say('上半年视察了几次'))).files).toBeUndefined();
  });

  it('gives a count\'s share of every activity in the period when asked (占全部活动的比例), with its division shown', async () => {
    bench = makeBench(reader);
    for (const text of ['6月12日视察了安全生产工作', '5月8日开展了专题调研', '5月9日视察了河道治理']) await bench.assistant.handle(say(text));
    const text = (await bench.assistant.handle(say('上半年视察占全部活动的比例'))).text;
    expect(text).toBe('2023年上半年共视察 2 次。\n占同期各类活动 3 次的约 66.7%（2÷3，均按活动记录统计）。');
    // Every kind's share when no kind is named.
    expect((await bench.assistant.handle(say('上半年各类活动占比'))).text.split('\n').slice(1)).toEqual([
      '· 视察：2 次（约 66.7%）', '· 调研：1 次（约 33.3%）',
    ]);
  });

  it('says a zero is of a time before the log begins, in a comparison and a count, never a plain 0', async () => {
    bench = makeBench(reader);
    await bench.assistant.handle(say('3月3日视察了城区防汛工作'));
    const compared = await bench.assistant.handle(say('上半年跟去年同期比视察多了几次'));
    expect(compared.text).toContain('2022年上半年视察：0 次');
    expect(compared.text).toContain('活动记录里2022年上半年及以前没有任何一条记录');
    expect((await bench.assistant.handle(say('去年下半年视察了几次'))).text).toContain('没有任何一条记录');
    // A zero inside the time the log covers is a real zero.
    expect((await bench.assistant.handle(say('今年6月视察了几次'))).text).not.toContain('没有任何一条记录');
  });

  it('withdraws the sender’s own last entry with /undo', async () => {
    bench = makeBench(reader);
    await bench.assistant.handle(say('6月12日视察了安全生产工作'));
    const undone = await bench.assistant.handle(say('/undo'));
    expect(undone.text).toContain('已撤回：6月12日 视察');
    expect(bench.log.list({})).toHaveLength(0);
    expect((await bench.assistant.handle(say('/undo'))).text).toContain('没有可以撤回');
  });

  it('asks back when the reader cannot place a message, and stores nothing', async () => {
    bench = makeBench(reader);
    const reply = await bench.assistant.handle(say('上个月的调研'));
    expect(reply.text).toContain('例如');
    expect(bench.log.list({})).toHaveLength(0);
  });
});

describe('assistant: follow-ups in a thread', () => {
  it('answers a comparison of two periods with both counts and the difference, not the first count alone', async () => {
    bench = makeBench(reader);
    for (const text of ['2022年6月12日视察了安全生产工作', '2023年3月3日视察了城区防汛工作', '2023年5月3日视察了环保工作', '2023年6月1日开展了专题调研']) {
      await bench.assistant.handle(say(text));
    }
    expect((await bench.assistant.handle(say('今年视察比去年多几次'))).text.split('\n')).toEqual([
      '· 2023年视察：2 次', '· 2022年视察：1 次', '2023年比2022年多 1 次（均按活动记录统计）。',
    ]);
    // 同比 with one period: the same period a year before.
    expect((await bench.assistant.handle(say('上半年调研同比增加了几次'))).text.split('\n')).toEqual([
      '· 2023年上半年调研：1 次', '· 2022年上半年调研：0 次', '2023年上半年比2022年上半年多 1 次（均按活动记录统计）。',
    ]);
    // 去年同期 is last year's first half, not all of last year.
    expect((await bench.assistant.handle(say('上半年视察了几次，比去年同期多几次'))).text.split('\n')).toEqual([
      '· 2023年上半年视察：2 次', '· 2022年上半年视察：1 次', '2023年上半年比2022年上半年多 1 次（均按活动记录统计）。',
    ]);
    // Two kinds in one period is no comparison of periods: one line per kind, as before.
    expect((await bench.assistant.handle(say('今年视察比调研多几次'))).text).toContain('· 调研：1 次');
  });

  it('counts each of two periods named side by side, and their sum, rather than the first alone', async () => {
    bench = makeBench(reader);
    for (const text of ['2023年3月3日视察了城区防汛工作', '2023年5月3日视察了环保工作', '2023年7月3日视察了学校建设']) {
      await bench.assistant.handle(say(text));
    }
    expect((await bench.assistant.handle(say('上半年和下半年各视察了几次'))).text.split('\n')).toEqual([
      '· 2023年上半年视察：2 次', '· 2023年下半年视察：1 次', '· 合计：3 次（均按活动记录统计）',
    ]);
    expect((await bench.assistant.handle(say('3月、7月视察了几次'))).text.split('\n')).toEqual([
      '· 2023年3月视察：1 次', '· 2023年7月视察：1 次', '· 合计：2 次（均按活动记录统计）',
    ]);
  });

  it('answers 每个月 with one count per month up to today, and their sum', async () => {
    bench = makeBench(reader);
    for (const text of ['2023年3月3日视察了学校', '2023年3月9日视察了医院', '2023年5月3日视察了敬老院']) {
      await bench.assistant.handle(say(text));
    }
    const lines = (await bench.assistant.handle(say('今年每个月视察了几次'))).text.split('\n');
    // The bench's today is 2023-07-05: the empty months after it are left out.
    expect(lines.slice(0, 3)).toEqual(['· 2023年1月视察：0 次', '· 2023年2月视察：0 次', '· 2023年3月视察：2 次']);
    expect(lines).toContain('· 2023年5月视察：1 次');
    expect(lines).not.toContain('· 2023年8月视察：0 次');
    expect(lines[lines.length - 1]).toBe('· 合计：3 次（均按活动记录统计）');
  });

  it('answers 各 over listed months or quarters (5、6月各, 一、二季度各) and 每个季度 one count each, not one total', async () => {
    bench = makeBench(reader);
    for (const text of ['2023年2月3日视察了学校', '2023年5月9日视察了医院', '2023年6月3日视察了敬老院']) {
      await bench.assistant.handle(say(text));
    }
    expect((await bench.assistant.handle(say('5、6月各视察了几次'))).text.split('\n')).toEqual([
      '· 2023年5月视察：1 次', '· 2023年6月视察：1 次', '· 合计：2 次（均按活动记录统计）',
    ]);
    expect((await bench.assistant.handle(say('一、二季度各视察了几次'))).text.split('\n')).toEqual([
      '· 2023年第一季度视察：1 次', '· 2023年第二季度视察：2 次', '· 合计：3 次（均按活动记录统计）',
    ]);
    // 第一和第二季度 is both quarters, not the second alone; without 各 it is one count.
    expect((await bench.assistant.handle(say('第一和第二季度视察了几次'))).text).toBe('2023年上半年共视察 3 次。');
    const quarters = (await bench.assistant.handle(say('今年每个季度视察了几次'))).text.split('\n');
    expect(quarters.slice(0, 2)).toEqual(['· 2023年第一季度视察：1 次', '· 2023年第二季度视察：2 次']);
    expect(quarters).not.toContain('· 2023年第四季度视察：0 次');
    // 二季度各月 asks for the quarter's months, not its one quarter (which was answered by kind).
    expect((await bench.assistant.handle(say('二季度各月分别视察了几次'))).text.split('\n')).toEqual([
      '· 2023年4月视察：0 次', '· 2023年5月视察：1 次', '· 2023年6月视察：1 次', '· 合计：2 次（均按活动记录统计）',
    ]);
  });

  it('names the month or kind with the most (or fewest) activities from the counts, every tie included', async () => {
    bench = makeBench(reader);
    for (const text of ['2023年3月3日视察了学校', '2023年3月9日视察了医院', '2023年5月3日视察了敬老院', '2023年5月8日开展了专题调研', '2023年6月1日开展了专题调研']) {
      await bench.assistant.handle(say(text));
    }
    const month = (await bench.assistant.handle(say('上半年哪个月活动最多'))).text;
    expect(month).toContain('· 2023年3月各类活动：2 次');
    expect(month.split('\n').at(-1)).toBe('最多的是2023年3月、2023年5月，各 2 次（按活动记录统计）。');
    // July is not over on 2023-07-05: its 0 does not make it the month with the fewest.
    const fewest = (await bench.assistant.handle(say('今年哪个月视察最少'))).text;
    expect(fewest).toContain('最少的是2023年1月、2023年2月、2023年4月、2023年6月，各 0 次');
    expect(fewest).toContain('本月还没有结束');
    const kind = (await bench.assistant.handle(say('上半年视察和调研哪个多'))).text;
    expect(kind).toContain('最多的是视察，共 3 次');
    // Right after a count it is that count's period, every kind's; in a thread of its own the period is asked for.
    expect((await bench.assistant.handle(say('哪个月活动最多'))).text).toContain('· 2023年3月各类活动：2 次');
    expect((await bench.assistant.handle(say('哪个月活动最多', { threadId: 'terminal:other' }))).text).toContain('请说明统计哪段时间');
    // The command says the same: /stats answers what its words ask, not only the total.
    const command = (await bench.assistant.handle(say('/stats 上半年 哪个月最多'))).text;
    expect(command).toContain('最多的是2023年3月、2023年5月，各 2 次');
    expect((await bench.assistant.handle(say('/stats 哪个月最多'))).text).toContain('请说明统计哪段时间');
    const perMonth = (await bench.assistant.handle(say('/stats 上半年 按月'))).text;
    expect(perMonth).toContain('· 2023年6月各类活动：1 次');
    expect(perMonth).not.toContain('按月');
  });

  it('exports the whole month when a follow-up asks for 6月份的活动, not the kinds of the turn before', async () => {
    bench = makeBench(reader);
    for (const text of ['2023年6月3日视察了学校', '2023年6月9日开展了专题调研']) await bench.assistant.handle(say(text));
    expect((await bench.assistant.handle(say('上半年视察了几次'))).text).toBe('2023年上半年共视察 1 次。');
    const exported = await bench.assistant.handle(say('6月份的活动导出excel'));
    expect(exported.text).toContain('2023年6月各类活动共 2 项');
    expect(exported.files?.[0].name).toMatch(/\.xlsx$/);
  });

  it('answers each count or list asked in one message, the later ones as follow-ups (今年视察了几次？去年呢？)', async () => {
    bench = makeBench(reader);
    for (const text of ['2022年3月3日视察了学校', '2023年3月3日视察了医院', '2023年5月8日开展了专题调研']) await bench.assistant.handle(say(text));
    expect((await bench.assistant.handle(say('今年视察了几次？去年呢？'))).text).toBe('2023年共视察 1 次。\n\n2022年共视察 1 次。');
    const three = (await bench.assistant.handle(say('上半年视察了几次？调研呢？列出来'))).text.split('\n\n');
    expect(three).toHaveLength(3);
    expect(three[1]).toBe('2023年上半年共调研 1 次。');
    expect(three[2]).toMatch(/^2023年上半年调研共 1 项：\n· \d+\. 5月8日 调研/);
    // A question with a log entry in it is not split: one message, one reading.
    expect((await bench.assistant.handle(say('今天视察了河道？'))).text).not.toContain('\n\n');
  });

  it('answers a count and a question on the rules asked in one message, dropping neither', async () => {
    const knowledge = new FakeKnowledgeBase();
    bench = makeBench(reader, { knowledge });
    await bench.assistant.handle(say('3月3日视察了城区防汛工作'));
    const both = (await bench.assistant.handle(say('上半年视察了几次？常委会会议由谁主持？'))).text.split('\n\n');
    expect(both[0]).toBe('2023年上半年共视察 1 次。');
    expect(knowledge.questions).toEqual(['常委会会议由谁主持？']);
    expect(both).toHaveLength(2);
    // A question turned to after a comma (，另外问一下…) is its own part, the export kept.
    const exported = await bench.assistant.handle(say('上半年的活动导出excel，另外问一下代表建议多久答复'));
    expect(exported.text).toContain('2023年上半年各类活动共 1 项');
    expect(exported.files?.[0].name).toMatch(/\.xlsx$/);
    expect(knowledge.questions).toEqual(['常委会会议由谁主持？', '另外问一下代表建议多久答复']);
  });

  it('logs the activity a message tells of and then answers what it asks, each read on its own', async () => {
    const knowledge = new FakeKnowledgeBase();
    bench = makeBench(reader, { knowledge });
    await bench.assistant.handle(say('3月3日视察了城区防汛工作'));
    // Read whole, the statement's 今天 became the count's period and nothing was logged.
    const [logged, counted] = (await bench.assistant.handle(say('今天组织代表视察了安全生产工作。今年视察了几次？'))).text.split('\n\n');
    expect(logged).toContain('已记录：7月5日 视察 组织代表视察了安全生产工作');
    expect(counted).toBe('2023年共视察 2 次。');
    expect(bench.log.history().at(-1)).toMatchObject({ message: '今天组织代表视察了安全生产工作。' });
    // A question turned to after a comma (，请问…) is no part of the entry.
    const asked = (await bench.assistant.handle(say('昨天组织代表调研了养老服务，请问常委会会议多久举行一次？'))).text;
    expect(asked).toContain('已记录：7月4日 调研 组织代表调研了养老服务');
    expect(knowledge.questions).toEqual(['请问常委会会议多久举行一次？']);
    expect(bench.log.list({}).map((a) => a.title)).not.toContain(expect.stringContaining('请问'));
  });

  it('offers to log an activity told before the comma of a question, answering the question and storing nothing unasked', async () => {
    const knowledge = new FakeKnowledgeBase();
    bench = makeBench(reader, { knowledge });
    await bench.assistant.handle(say('3月3日视察了城区防汛工作'));
    const reply = await bench.assistant.handle(say('今天视察了河道，上半年一共视察了几次？'));
    expect(reply.text).toContain('2023年上半年共视察 1 次。');
    expect(reply.text).toContain('这条消息里还说了一项活动：7月5日 视察 视察了河道。要记录吗？');
    expect(reply.choices?.map((c) => c.label)).toEqual(['记录这项活动', '取消']);
    expect(bench.log.list({})).toHaveLength(1);
    expect((await bench.assistant.handle(say(reply.choices![0].send))).text).toContain('已记录：7月5日 视察 视察了河道');
    expect(bench.log.list({})).toHaveLength(2);
    // A question on the rules is searched with its clauses; 取消 leaves the log as it was.
    const asked = await bench.assistant.handle(say('昨天组织代表视察了河道，代表因故不能参加视察的要怎么请假？'));
    expect(knowledge.questions.at(-1)).toBe('昨天组织代表视察了河道，代表因故不能参加视察的要怎么请假？');
    expect(asked.text).toContain('这条消息里还说了一项活动：7月4日 视察');
    expect((await bench.assistant.handle(say('取消'))).text).toContain('已取消');
    expect(bench.log.list({})).toHaveLength(2);
    // A case, with no deed on a day, is no activity told: one question, nothing offered.
    const condition = await bench.assistant.handle(say('今天组织代表视察时，代表因故不能参加的，要怎么请假？'));
    expect(condition.text).not.toContain('要记录吗');
    expect(condition.choices).toBeUndefined();
  });

  it('asks back about the entry first and names the question to send again, never reading it as the answer', async () => {
    bench = makeBench(reader);
    const reply = await bench.assistant.handle(say('今天组织代表视察了河道，为期三天。上半年视察了几次？'));
    expect(reply.text).toContain('今天是第一天还是最后一天');
    expect(reply.text).toContain('您还问了：「上半年视察了几次？」');
    expect(reply.text).not.toContain('共视察');
    expect(reply.choices?.map((c) => c.label)).toEqual(['是第一天（7月5日至7日）', '是最后一天（7月3日至5日）', '取消']);
    expect(bench.log.list({})).toHaveLength(0);
    expect((await bench.assistant.handle(say(reply.choices![0].send))).text).toContain('已记录：2023年7月5日至7月7日 视察');
  });

  it('reads 去年同期呢 after a count as the same stretch a year earlier, never the whole year', async () => {
    bench = makeBench(reader);
    for (const text of ['2022年3月3日视察了学校', '2022年9月3日视察了医院', '2023年3月3日视察了城区防汛工作']) {
      await bench.assistant.handle(say(text));
    }
    expect((await bench.assistant.handle(say('上半年视察了几次'))).text).toBe('2023年上半年共视察 1 次。');
    expect((await bench.assistant.handle(say('去年同期呢'))).text).toBe('2022年上半年共视察 1 次。');
    // The log begins in 2022: a zero for 2021 is said to be of a time it does not reach.
    expect((await bench.assistant.handle(say('前年同期呢'))).text).toBe(
      '2021年上半年没有视察的记录。\n（注意：活动记录里2021年上半年及以前没有任何一条记录，这里的 0 可能是当时的活动没有录入，不一定是没有开展。）',
    );
  });

  it('lists the same kinds and period after a count, and re-counts for another period or kind', async () => {
    bench = makeBench(reader);
    for (const text of ['6月12日视察了安全生产工作', '3月3日视察了城区防汛工作', '2023年7月3日视察了环保工作', '2月1日开展了专题调研']) {
      await bench.assistant.handle(say(text));
    }
    expect((await bench.assistant.handle(say('上半年视察了几次'))).text).toBe('2023年上半年共视察 2 次。');
    expect((await bench.assistant.handle(say('那下半年呢'))).text).toBe('2023年下半年共视察 1 次。');
    expect((await bench.assistant.handle(say('调研呢'))).text).toBe('2023年下半年没有调研的记录。');
    expect((await bench.assistant.handle(say('上半年视察了几次'))).text).toBe('2023年上半年共视察 2 次。');
    const listed = await bench.assistant.handle(say('列出来看看'));
    expect(listed.text.split('\n')).toEqual([
      '2023年上半年视察共 2 项：',
      expect.stringMatching(/^· \d+\. 3月3日 视察 视察了城区防汛工作（小王）$/),
      expect.stringMatching(/^· \d+\. 6月12日 视察 视察了安全生产工作（小王）$/),
    ]);
    // A follow-up to a list keeps listing.
    expect((await bench.assistant.handle(say('那下半年呢'))).text).toContain('7月3日 视察 视察了环保工作');
  });

  it('answers 占比多少, 画个图 and 最忙的是哪个月 after a count for that count, not as a question on the rules', async () => {
    bench = makeBench(reader, { chart: true });
    for (const text of ['3月3日视察了城区防汛工作', '3月9日视察了学校', '5月12日开展了专题调研', '6月20日召开了主任会议']) await bench.assistant.handle(say(text));
    expect((await bench.assistant.handle(say('上半年视察和调研一共多少次'))).text).toContain('共开展视察、调研 3 次');
    expect((await bench.assistant.handle(say('占全部活动的比例是多少'))).text).toContain('占同期各类活动 4 次的约 75.0%（3÷4');
    const chart = await bench.assistant.handle(say('帮我画个图'));
    expect(chart.text).toContain('共开展视察、调研 3 次');
    expect(chart.files?.[0].name).toMatch(/\.png$/);
    // 最忙 is the office's whole workload: every kind's, in the period just counted.
    const busiest = (await bench.assistant.handle(say('最忙的是哪个月'))).text.split('\n');
    expect(busiest).toContain('· 2023年3月各类活动：2 次');
    expect(busiest).toContain('· 2023年6月各类活动：1 次');
    expect(busiest.at(-1)).toBe('最多的是2023年3月，共 2 次（按活动记录统计）。');
    // With a period of its own it stands alone.
    expect((await bench.assistant.handle(say('今年3月到5月哪个月最忙'))).text.split('\n')).toEqual([
      '· 2023年3月各类活动：2 次', '· 2023年4月各类活动：0 次', '· 2023年5月各类活动：1 次', '· 合计：3 次（均按活动记录统计）',
      '最多的是2023年3月，共 2 次（按活动记录统计）。',
    ]);
  });

  it('compares the count just given with the period a follow-up names (和5月份比呢, 跟一季度比)', async () => {
    bench = makeBench(reader);
    for (const text of ['3月3日视察了城区防汛工作', '5月9日视察了学校', '6月12日视察了医院', '6月20日视察了敬老院']) await bench.assistant.handle(say(text));
    expect((await bench.assistant.handle(say('6月份视察了几次'))).text).toBe('2023年6月共视察 2 次。');
    expect((await bench.assistant.handle(say('和5月份比呢'))).text.split('\n')).toEqual([
      '· 2023年6月视察：2 次', '· 2023年5月视察：1 次', '2023年6月比2023年5月多 1 次（均按活动记录统计）。',
    ]);
    await bench.assistant.handle(say('上半年视察了几次'));
    expect((await bench.assistant.handle(say('跟一季度比'))).text).toContain('2023年上半年比2023年第一季度多 3 次');
  });

  it('counts the entries per person who logged them (谁记的最多, 每个人记了几条), never as entries logged by "每个人"', async () => {
    bench = makeBench(reader, { allow: 'telegram:1,telegram:2' });
    await bench.assistant.handle(telegram('3月3日视察了城区防汛工作', '1'));
    await bench.assistant.handle(telegram('3月9日视察了学校', '1'));
    await bench.assistant.handle(telegram('5月12日开展了专题调研', '2'));
    await bench.assistant.handle(telegram('2022年5月12日开展了专题调研', '2'));
    expect((await bench.assistant.handle(telegram('今年每个人记了几条', '1'))).text.split('\n')).toEqual([
      '2023年各类活动共 3 条记录，按记录人统计：', '· 用户1：2 条', '· 用户2：1 条', '记得最多的是用户1，共 2 条（按活动记录统计，以记录时的名字为准）。',
    ]);
    expect((await bench.assistant.handle(telegram('谁记得最少', '1'))).text).toContain('各记录人记的条数相同，都是 2 条');
    expect((await bench.assistant.handle(telegram('上半年调研是谁记的最多', '1'))).text.split('\n')).toEqual([
      '2023年上半年调研共 1 条记录，按记录人统计：', '· 用户2：1 条',
    ]);
  });

  it('lists the entries just counted when asked which days they were (都是哪几天开的, 分别是什么时候)', async () => {
    bench = makeBench(reader);
    for (const text of ['3月3日视察了城区防汛工作', '6月12日视察了安全生产工作', '6月20日召开了主任会议']) await bench.assistant.handle(say(text));
    await bench.assistant.handle(say('上半年视察了几次'));
    for (const follow of ['分别是什么时候', '都是哪几天搞的']) {
      const days = (await bench.assistant.handle(say(follow))).text.split('\n');
      expect(days[0], follow).toBe('2023年上半年视察共 2 项：');
      expect(days.slice(1).map((line) => /^· \d+\. (\S+) 视察/.exec(line)?.[1])).toEqual(['3月3日', '6月12日']);
    }
    // 导出word after a count: the entries as a table (Excel), not a search for titles holding "word".
    const file = await bench.assistant.handle(say('导出word'));
    expect(file.text).toContain('已导出为 Excel 表格');
    expect(file.files?.[0].name).toMatch(/\.xlsx$/);
    // Still the log, not the rules: the next follow-up changes the kind of the same period.
    expect((await bench.assistant.handle(say('主任会议呢'))).text).toContain('2023年上半年主任会议共 1 项');
  });

  it('keeps threads apart: a follow-up in another thread has no context', async () => {
    bench = makeBench(reader, { allow: 'telegram:1,telegram:2' });
    await bench.assistant.handle(telegram('6月12日视察了安全生产工作', '1', '1'));
    await bench.assistant.handle(telegram('上半年视察了几次', '1', '1'));
    const elsewhere = await bench.assistant.handle(telegram('列出来看看', '2', '2'));
    // Without context "列出来看看" is the reader's own: every activity, not "the same kinds".
    expect(elsewhere.text).toContain('全部记录中');
  });

  it('searches a follow-up question together with the previous one', async () => {
    const knowledge = new FakeKnowledgeBase();
    bench = makeBench(reader, { knowledge });
    await bench.assistant.handle(say('常委会会议多久开一次'));
    // Another meeting (…会议 like the subject): the same question asked of it, not searched with the first.
    await bench.assistant.handle(say('那主任会议呢？'));
    // Anything else is searched together with the question before.
    await bench.assistant.handle(say('那代表呢？'));
    expect(knowledge.questions).toEqual(['常委会会议多久开一次', '主任会议多久开一次', '主任会议多久开一次 代表']);
    // A count with its own kinds and period is not a follow-up to the question.
    await bench.assistant.handle(say('6月12日视察了安全生产工作'));
    expect((await bench.assistant.handle(say('上半年视察了几次呢'))).text).toBe('2023年上半年共视察 1 次。');
    expect(knowledge.questions).toHaveLength(3);
  });
});

describe('assistant: questions and files', () => {
  it('answers from the knowledge base with numbered sources after an admin drops a file in', async () => {
    const knowledge = new FakeKnowledgeBase();
    bench = makeBench(reader, { knowledge, allow: 'telegram:7', admins: 'telegram:9' });
    const progress: string[] = [];
    const refused = await bench.assistant.handle(telegram('', '7', '7', { files: [upload('议事规则.md', '# 议事规则\n\n常委会会议一般每两个月举行一次。')] }));
    expect(refused.text).toContain('只有管理员');
    expect(knowledge.size()).toBe(0);
    const ingested = await bench.assistant.handle(telegram('', '9', '9', {
      files: [upload('区人大常委会议事规则.md', '# 议事规则\n\n常委会会议一般每两个月举行一次。\n\n主任会议每月召开一次。')],
      progress: async (t) => void progress.push(t),
    }));
    expect(ingested.text).toBe('已收录《区人大常委会议事规则》，共 3 段。现在可以就它提问了。');
    expect(progress[0]).toContain('正在收录《区人大常委会议事规则》');
    const answer = await bench.assistant.handle(telegram('/ask 常委会会议多久举行一次', '7', '7'));
    expect(answer.text).toContain('每两个月举行一次');
    expect(answer.text).toMatch(/\[1\] 《议事规则》 第\d段（区人大常委会议事规则\.md）/);
  });

  it('streams the answer to a sink the channel passes, and says so in the reply', async () => {
    const knowledge = new FakeKnowledgeBase();
    bench = makeBench(reader, { knowledge });
    await bench.assistant.handle(say('', { files: [upload('规则.md', '# 规则\n\n主任会议每月召开一次。')] }));
    const partials: string[] = [];
    const reply = await bench.assistant.handle(say('主任会议多久召开一次'), { partial: async (t) => void partials.push(t) });
    expect(partials.at(-1)).toContain('主任会议每月召开一次');
    expect(reply.streamed).toBe(true);
    expect(reply.text).toContain('主任会议每月召开一次');
    expect((await bench.assistant.handle(say('主任会议多久召开一次'))).streamed).toBeUndefined();
  });

  it('names a file it cannot take, and offers a table as an import, importing only on the word', async () => {
    bench = makeBench(reader);
    const odd = await bench.assistant.handle(say('', { files: [upload('旧表.xls', 'x')] }));
    expect(odd.text).toContain('《旧表.xls》的格式暂不支持');
    let downloaded = false;
    const huge = { name: '汇编.pdf', size: 80 * 1048576, download: async () => void (downloaded = true) };
    expect((await bench.assistant.handle(say('', { files: [huge] }))).text).toContain('超过了知识库 50 MB 的上限');
    expect(downloaded).toBe(false);
    const broken = { name: '纪要.md', download: async () => { throw new Error('connection reset'); } };
    const failed = await bench.assistant.handle(say('', { files: [broken] }));
    const code = /错误编号 (E[0-9A-Z]{5})/.exec(failed.text)?.[1];
    expect(failed.text).toContain('《纪要.md》下载失败');
    expect(bench.errors.find((e) => e.ref === code)).toMatchObject({ code: 'download_failed', message: 'connection reset' });
    const offered = await bench.assistant.handle(say('', { files: [upload('活动.csv', 'date,kind,title,by\n2023-06-12,视察,安全生产,张三\n')] }));
    expect(offered.text).toContain('回复“导入”');
    expect(offered.choices?.map((c) => c.send)).toEqual(['导入', '取消']);
    expect(bench.log.list({})).toHaveLength(0);
    const imported = await bench.assistant.handle(say('导入'));
    expect(imported.text).toContain('已导入 1 条');
    expect(bench.log.list({})[0]).toMatchObject({ date: '2023-06-12', kind: 'inspection', by: '张三' });

    // A bad table is checked as it arrives: the rows are named at once and nothing is offered.
    const refused = await bench.assistant.handle(say('', { files: [upload('坏表.csv', 'date,kind,title,by\n2023-06-13,视察,甲,张三\n2023-02-30,飞行,乙,李四\n')] }));
    expect(refused.text).toContain('导入没有完成');
    expect(refused.choices).toBeUndefined();
    expect(refused.text).toContain('第 3 行');
    expect(bench.log.list({})).toHaveLength(1); // all or nothing: the good row was not stored either
    // A file that is no spreadsheet is named as sent, never by the folder it was downloaded to.
    const notTable = await bench.assistant.handle(say('', { files: [upload('台账.xlsx', 'PK\u0003\u0004 not a workbook')] }));
    expect(notTable.text).toContain('无法读取文件：《台账.xlsx》');
    expect(notTable.text).not.toMatch(/lvzhi-upload|\/tmp\//);
    expect(bench.log.list({})).toHaveLength(1);
    expect(bench.errors.map((e) => e.code)).toEqual(['download_failed']); // only the broken download above
  });

  it('says drafting is not configured when it is not', async () => {
    bench = makeBench(reader);
    expect((await bench.assistant.handle(say('/draft 上半年监督工作'))).text).toContain('起草功能尚未配置');
  });
});

describe('assistant: access and errors', () => {
  it('refuses a stranger once, shows their id, and does nothing else', async () => {
    const knowledge = new FakeKnowledgeBase();
    const scripted = new ScriptedReader({});
    bench = makeBench(scripted, { knowledge, allow: 'telegram:1' });
    for (const text of ['6月12日视察了安全生产工作', '/ask 常委会会议多久开一次', '/stats']) {
      const reply = await bench.assistant.handle(telegram(text, '666', '666'));
      expect(reply.text).toContain('telegram:666');
      expect(reply.text).toContain('没有使用履职助手的权限');
    }
    expect(scripted.calls).toEqual([]);
    expect(knowledge.questions).toEqual([]);
    expect(bench.log.history()).toEqual([]);
  });

  it('lets everyone in an allowed chat in, and admins without being listed twice', async () => {
    bench = makeBench(reader, { allow: 'telegram-chat:-100', admins: 'telegram:9' });
    expect((await bench.assistant.handle(telegram('/help', '5', '-100'))).text).toContain('履职助手');
    expect((await bench.assistant.handle(telegram('/help', '9', '9'))).text).toContain('履职助手');
    expect((await bench.assistant.handle(telegram('/help', '5', '5'))).text).toContain('telegram:5');
  });

  it('turns a failure into an apology with an error code that is logged, and keeps serving', async () => {
    const failing = { async read(): Promise<never> { throw new Error('reader exploded'); } };
    bench = makeBench(failing);
    const reply = await bench.assistant.handle(say('6月12日视察了安全生产工作'));
    const code = /错误编号 (E[0-9A-Z]{5})/.exec(reply.text)?.[1];
    expect(code).toBeTruthy();
    expect(bench.errors[0]).toMatchObject({ ref: code, message: 'reader exploded' });
    expect(String(bench.errors[0].stack)).toContain('reader exploded');
    expect((await bench.assistant.handle(say('/help'))).text).toContain('/ask');
  });

  it('tells a user their own mistake plainly, without an error code', async () => {
    bench = makeBench(reader);
    const reply = await bench.assistant.handle(say('/ask'));
    expect(reply.text).toContain('/ask 后面');
    expect(bench.errors).toEqual([]);
  });
});
