/**
 * The log from chat, through the real assistant, reader and SQLite log: future dates asked
 * with choices, several activities per message with one confirmation and one undo, people
 * by platform id, /edit, /delete and corrections in words with their audit rows, the
 * office's day at the message's own timestamp, and follow-ups that stand on their own.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RuleReader, loadTaxonomy } from '../../src/reader/index.ts';
import { makeBench, say, telegram, type TestBench } from '../support/assistant-helpers.ts';

const reader = new RuleReader(loadTaxonomy());
let bench: TestBench;
afterEach(() => bench?.close());

describe('a date still to come is asked about, never stored or moved silently', () => {
  it('12月20日 on 2026-12-01 is this December: planned, last year\'s, or cancelled', async () => {
    bench = makeBench(reader, { today: '2026-12-01' });
    const asked = await bench.assistant.handle(say('12月20日组织代表视察学校食堂'));
    expect(asked.text).toContain('12月20日');
    expect(asked.text).toContain('还没到');
    expect(asked.choices?.map((c) => c.label)).toEqual(['按计划记录', '记为2025年12月20日', '取消']);
    expect(bench.log.list()).toHaveLength(0);
    const earlier = await bench.assistant.handle(say(asked.choices![1].send));
    expect(earlier.text).toContain('已记录：2025年12月20日 视察');
    expect(bench.log.list().map((a) => a.date)).toEqual(['2025-12-20']);

    const planned = await bench.assistant.handle(say('明天组织代表视察河道治理'));
    expect(planned.choices?.map((c) => c.label)).toEqual(['按计划记录', '取消']);
    await bench.assistant.handle(say(planned.choices![0].send));
    const next = await bench.assistant.handle(say('下周五组织代表视察河道治理'));
    expect(next.text).toContain('12月11日');
    await bench.assistant.handle(say('取消'));
    expect(bench.log.list().map((a) => a.date)).toEqual(['2025-12-20', '2026-12-02']);
  });

  it('12月28日 said on 2026-01-15 is last December: stored without a question', async () => {
    bench = makeBench(reader, { today: '2026-01-15' });
    const logged = await bench.assistant.handle(say('12月28日召开了常委会第十次会议'));
    expect(logged.text).toContain('已记录：2025年12月28日 常委会会议');
    expect(logged.choices).toBeUndefined();
  });

  it('a date that cannot be read is asked about and nothing is stored', async () => {
    bench = makeBench(reader, { today: '2026-12-01' });
    for (const text of ['13月5日组织代表视察了学校食堂', '上周组织代表视察了河道治理', '元旦组织开展了走访慰问', '/log 2月30日 视察 城区防汛']) {
      const reply = await bench.assistant.handle(say(text));
      expect(reply.text, text).toMatch(/不是一个有效的日期|哪一天|没看懂/);
    }
    expect(bench.log.list()).toHaveLength(0);
  });
});

describe('several activities in one message', () => {
  it('become several entries, one confirmation lists them all, one /undo withdraws them all', async () => {
    bench = makeBench(reader, { today: '2026-07-05' });
    await bench.assistant.handle(say('7月1日召开了主任会议'));
    const logged = await bench.assistant.handle(say('6月12日视察了城区防汛工作，6月15日听取了区法院关于执行工作的报告，6月20日到XX街道调研基层治理'));
    expect(logged.text.split('\n')[0]).toBe(
      '已记录 3 项：6月12日 视察 视察了城区防汛工作；6月15日 听取审议报告 听取了区法院关于执行工作的报告；6月20日 调研 到XX街道调研基层治理',
    );
    expect(bench.log.stats({ from: '2026-06-01', to: '2026-06-30' }).total).toBe(3);
    const undone = await bench.assistant.handle(say('/undo'));
    expect(undone.text).toMatch(/^已撤回 3 项：6月12日 视察/);
    expect(bench.log.list().map((a) => a.kind)).toEqual(['council_meeting']);
  });

  it('says that reports heard at a logged meeting are not counted as report reviews until logged on their own', async () => {
    bench = makeBench(reader, { today: '2026-07-05' });
    const logged = await bench.assistant.handle(say('6月27日召开常委会第十一次会议，听取了区政府关于公共文化服务体系建设情况的报告'));
    expect(logged.text).toContain('已记录：6月27日 常委会会议');
    expect(logged.text).toContain('会上听取审议的报告没有单独记录，统计“听取审议报告”时不会计入');
    expect(bench.log.stats({ kinds: ['report_review'] }).total).toBe(0);
    // A meeting that heard no report gets no such note.
    expect((await bench.assistant.handle(say('7月1日召开了主任会议'))).text).not.toContain('听取审议');
  });

  it('pasted summaries, paths, links and thanks are never stored', async () => {
    bench = makeBench(reader, { today: '2026-12-01' });
    const replies = await Promise.all([
      '半年来，常委会先后组织视察4次、专题调研3次，听取专项工作报告5个',
      '/home/office/docs/视察方案.docx',
      'https://example.gov.cn/news/视察工作.html',
      '谢谢',
      '今天组织代表视查了安全生产工作',
    ].map((text) => bench.assistant.handle(say(text, { threadId: `terminal:${text}` }))));
    expect(replies.map((r) => r.text.slice(0, 12))).toEqual([
      '这段文字像是一段总结，没',
      '这像是一个文件路径或网址',
      '这像是一个文件路径或网址',
      '不客气！需要记录活动或查',
      '您是说“视察”吗？“视查',
    ]);
    expect(bench.log.list()).toHaveLength(0);
  });
});

describe('people are their platform id', () => {
  it('two people with the same display name: one cannot undo the other\'s entry', async () => {
    bench = makeBench(reader, { today: '2026-12-01', allow: 'telegram:111,telegram:222' });
    const wang1 = (text: string) => telegram(text, '111', '-100', { userName: '王芳', threadId: 'telegram:-100:a' });
    const wang2 = (text: string) => telegram(text, '222', '-100', { userName: '王芳', threadId: 'telegram:-100:b' });
    await bench.assistant.handle(wang1('今天组织代表视察了河道治理'));
    expect((await bench.assistant.handle(wang2('/undo'))).text).toBe('您还没有可以撤回的记录。');
    expect(bench.log.list().map((a) => [a.by, a.by_name])).toEqual([['telegram:111', '王芳']]);
    const list = await bench.assistant.handle(wang2('/list 本月'));
    expect(list.text).toContain('（王芳）');
    expect((await bench.assistant.handle(wang1('/undo'))).text).toMatch(/^已撤回：/);
  });
});

describe('correct and remove', () => {
  it('/edit corrects one\'s own entry, not another\'s; an admin corrects any; each change is audited', async () => {
    bench = makeBench(reader, { today: '2026-07-05', allow: 'telegram:111,telegram:222', admins: 'telegram:999' });
    await bench.assistant.handle(telegram('6月12日组织代表视察了城区防汛工作', '111'));
    const id = bench.log.list()[0].id;
    expect((await bench.assistant.handle(telegram(`/edit ${id} 日期 6月13日`, '222'))).text).toContain('不是您记录的');
    const edited = await bench.assistant.handle(telegram(`/edit ${id} 日期 6月13日`, '111'));
    expect(edited.text).toBe(`已更正第 ${id} 条：6月12日 视察 组织代表视察了城区防汛工作 → 6月13日 视察 组织代表视察了城区防汛工作`);
    await bench.assistant.handle(telegram(`/edit ${id} 类型 调研`, '999'));
    expect(bench.log.get(id)).toMatchObject({ date: '2026-06-13', kind: 'research', by: 'telegram:111' });
    const trail = bench.log.history(id);
    expect(trail.map((t) => [t.action, t.by])).toEqual([['add', 'telegram:111'], ['correct', 'telegram:111'], ['correct', 'telegram:999']]);
    expect(trail[1]).toMatchObject({ before: { date: '2026-06-12' }, after: { date: '2026-06-13' }, channel: 'telegram' });
    expect(trail[2]).toMatchObject({ before: { kind: 'inspection' }, after: { kind: 'research' } });
  });

  it('says so when no kind was read, and the 其他 it was filed under is corrected in words', async () => {
    bench = makeBench(reader, { today: '2026-07-05' });
    const logged = await bench.assistant.handle(say('昨天陪同市人大领导来我区检查工作'));
    expect(logged.text).toContain('已记录：7月4日 其他');
    expect(logged.text).toMatch(/没能判断“陪同市人大领导来我区检查工作”是哪类活动，暂记为“其他”，不计入任何一类的次数。如属以下一类，请直接说“不对，是.+”：.*执法检查.*。/);
    expect((await bench.assistant.handle(say('不对，是执法检查'))).text).toMatch(/→ 7月4日 执法检查/);
    expect(bench.log.list().map((a) => a.kind)).toEqual(['law_check']);
    // A kind read says nothing of the kind.
    expect((await bench.assistant.handle(say('今天组织代表视察了河道治理'))).text).not.toContain('其他');
  });

  it('corrects in words right after logging: 改成6月13日, 不对，是调研', async () => {
    bench = makeBench(reader, { today: '2026-07-05' });
    await bench.assistant.handle(say('6月12日组织代表视察了城区防汛工作'));
    expect((await bench.assistant.handle(say('改成6月13日'))).text).toMatch(/^已更正第 \d+ 条：6月12日 视察 .* → 6月13日 视察/);
    expect((await bench.assistant.handle(say('不对，是调研'))).text).toMatch(/→ 6月13日 调研/);
    expect(bench.log.list().map((a) => [a.date, a.kind])).toEqual([['2026-06-13', 'research']]);
    // A range is the entry's first and last day; a single day makes it one day again.
    expect((await bench.assistant.handle(say('改成6月13日至15日'))).text).toMatch(/→ 2026年6月13日至6月15日 调研/);
    expect(bench.log.list().map((a) => [a.date, a.to])).toEqual([['2026-06-13', '2026-06-15']]);
    expect((await bench.assistant.handle(say(`/edit ${bench.log.list()[0].id} 日期 6月14日`))).text).toMatch(/→ 6月14日 调研/);
    expect(bench.log.list().map((a) => [a.date, a.to])).toEqual([['2026-06-14', undefined]]);
  });

  it('reads other ways of saying 改成 (日期错了，应该是3号, 不是视察是调研, 时间改一下), and 那条删了吧 withdraws', async () => {
    bench = makeBench(reader, { today: '2026-07-05' });
    await bench.assistant.handle(say('昨天组织代表视察了河道治理'));
    expect((await bench.assistant.handle(say('日期错了，应该是3号'))).text).toMatch(/→ 7月3日 视察/);
    expect((await bench.assistant.handle(say('不是视察是调研'))).text).toMatch(/→ 7月3日 调研/);
    expect((await bench.assistant.handle(say('是视察，不是调研'))).text).toMatch(/→ 7月3日 视察/);
    expect((await bench.assistant.handle(say('时间改一下，7月2日'))).text).toMatch(/→ 7月2日 视察/);
    expect((await bench.assistant.handle(say('视察改到7月1日'))).text).toMatch(/→ 7月1日 视察/);
    expect(bench.log.list()).toHaveLength(1);
    expect((await bench.assistant.handle(say('那条记录删了吧'))).text).toContain('已撤回');
    expect(bench.log.list()).toHaveLength(0);
  });

  it('changes the title when told to (把标题改成…, 刚才那条的事项改为…), never logging the words as a new entry', async () => {
    bench = makeBench(reader, { today: '2026-07-05' });
    await bench.assistant.handle(say('昨天组织代表视察了河道治理'));
    expect((await bench.assistant.handle(say('把标题改成调研河道综合治理工作'))).text).toMatch(/→ 7月4日 视察 调研河道综合治理工作$/);
    expect((await bench.assistant.handle(say('刚才那条的事项改为视察河道综合治理工作'))).text).toMatch(/→ 7月4日 视察 视察河道综合治理工作$/);
    expect(bench.log.list().map((a) => [a.kind, a.title])).toEqual([['inspection', '视察河道综合治理工作']]);
  });

  it('corrects an entry named in the words only when it is the one just logged, and never logs the correction', async () => {
    bench = makeBench(reader, { today: '2026-07-05' });
    // Nothing logged here yet: the correction is asked about, not stored as an entry.
    expect((await bench.assistant.handle(say('刚才那条改成调研'))).text).toContain('要更正哪一条记录');
    expect(bench.log.list()).toHaveLength(0);
    await bench.assistant.handle(say('昨天开展了执法检查'));
    expect((await bench.assistant.handle(say('昨天开展的执法检查改成前天'))).text).toMatch(/^已更正第 \d+ 条：7月4日 执法检查 .* → 7月3日 执法检查/);
    // Another kind than the entry just logged, and none such in the log: nothing changes, and the person is told.
    expect((await bench.assistant.handle(say('前天的调研改成昨天'))).text).toContain('没有找到“前天的调研”对应的记录，没有改动');
    expect((await bench.assistant.handle(say('刚才那条的类型改成调研'))).text).toMatch(/→ 7月3日 调研/);
    expect(bench.log.list().map((a) => [a.date, a.kind])).toEqual([['2026-07-03', 'research']]);
  });

  it('a deletion naming an earlier entry never withdraws the last one: the entries that fit are offered, /delete still asks', async () => {
    bench = makeBench(reader, { today: '2026-12-03', allow: 'telegram:111,telegram:999', admins: 'telegram:999' });
    await bench.assistant.handle(telegram('11月28日组织代表视察了城区防汛工作', '999'));
    await bench.assistant.handle(telegram('今天开展了食品安全调研', '999'));
    const [older, latest] = bench.log.list();
    const offered = await bench.assistant.handle(telegram('把11月28日那条视察删掉', '999'));
    expect(offered.text).toContain('这句话没有删除任何记录');
    expect(offered.text).toContain(`${older.id}. 11月28日 视察 组织代表视察了城区防汛工作（用户999） → /delete ${older.id}`);
    expect(offered.text).not.toContain('食品安全');
    expect(offered.choices?.map((c) => c.send)).toEqual([`/delete ${older.id}`, '取消']);
    expect(bench.log.list()).toHaveLength(2);
    const asked = await bench.assistant.handle(telegram(offered.choices![0].send, '999'));
    expect(asked.text).toContain(`确定删除这一条吗？${older.id}. 11月28日 视察`);
    await bench.assistant.handle(telegram('确认删除', '999'));
    expect(bench.log.list().map((a) => a.id)).toEqual([latest.id]);
  });

  it('a deletion in words by someone who is not an admin names the entries and deletes nothing', async () => {
    bench = makeBench(reader, { today: '2026-12-03', allow: 'telegram:111', admins: 'telegram:999' });
    await bench.assistant.handle(telegram('上周三开展了食品安全调研', '111'));
    const reply = await bench.assistant.handle(telegram('删除上周三的调研记录', '111'));
    expect(reply.text).toContain('只有管理员可以删除记录');
    expect(reply.text).toContain('11月25日 调研');
    expect(reply.choices).toBeUndefined();
    expect(bench.log.list()).toHaveLength(1);
  });

  it('把上周三的调研删掉 is never logged as an activity; an entry that is not there is said so', async () => {
    bench = makeBench(reader, { today: '2026-12-03' });
    expect((await bench.assistant.handle(say('把上周三的调研删掉'))).text).toContain('没有找到“上周三的调研”对应的记录');
    expect(bench.log.list()).toHaveLength(0);
    // A date that does not exist is said so, not searched for.
    await bench.assistant.handle(say('11月28日组织代表视察了城区防汛工作'));
    expect((await bench.assistant.handle(say('11月31日的视察删掉'))).text).toContain('“11月31日”不是一个有效的日期');
    expect(bench.log.list()).toHaveLength(1);
  });

  it('a correction naming an earlier entry offers the /edit that makes it, which then applies', async () => {
    bench = makeBench(reader, { today: '2026-12-03' });
    await bench.assistant.handle(say('11月28日组织代表视察了城区防汛工作'));
    await bench.assistant.handle(say('今天开展了食品安全调研'));
    const [older] = bench.log.list();
    const offered = await bench.assistant.handle(say('11月28日的视察改到11月27日'));
    expect(offered.text).toContain('这句话没有直接改动记录');
    expect(offered.choices?.[0].send).toBe(`/edit ${older.id} 日期 2026年11月27日`);
    expect(bench.log.list().map((a) => a.date)).toEqual(['2026-11-28', '2026-12-03']);
    expect((await bench.assistant.handle(say(offered.choices![0].send))).text).toMatch(/^已更正第 \d+ 条：11月28日 视察 .* → 11月27日 视察/);
    const kind = await bench.assistant.handle(say('11月27日的视察改成调研'));
    await bench.assistant.handle(say(kind.choices![0].send));
    expect(bench.log.list().map((a) => [a.date, a.kind])).toEqual([['2026-11-27', 'research'], ['2026-12-03', 'research']]);
  });

  it('/delete is for admins, asks first, and leaves the entry in the audit trail', async () => {
    bench = makeBench(reader, { today: '2026-07-05', allow: 'telegram:111', admins: 'telegram:999' });
    await bench.assistant.handle(telegram('6月12日组织代表视察了城区防汛工作', '111'));
    const id = bench.log.list()[0].id;
    expect((await bench.assistant.handle(telegram(`/delete ${id}`, '111'))).text).toContain('只有管理员');
    const asked = await bench.assistant.handle(telegram(`/delete ${id}`, '999'));
    expect(asked.text).toContain(`确定删除这一条吗？${id}. 6月12日 视察`);
    expect(asked.choices?.map((c) => c.label)).toEqual(['确认删除', '取消']);
    expect(bench.log.list()).toHaveLength(1);
    expect((await bench.assistant.handle(telegram(asked.choices![0].send, '999'))).text).toMatch(new RegExp(`^已删除第 ${id} 条`));
    expect(bench.log.list()).toHaveLength(0);
    expect(bench.log.history(id).map((t) => [t.action, t.by])).toEqual([['add', 'telegram:111'], ['delete', 'telegram:999']]);
  });
});

describe('the office\'s clock', () => {
  it('"今天" is the office\'s day at the message\'s own timestamp, not when it is processed', async () => {
    // The process clock says 2026-12-02 10:00 Beijing time; the message was sent at 23:50 the day before.
    bench = makeBench(reader, { today: '2026-12-02' });
    const late = await bench.assistant.handle(say('今天召开了党组会议', { sentAt: new Date('2026-12-01T15:50:00Z') }));
    expect(late.text).toContain('已记录：12月1日 党组会议');
    // 07:30 Beijing time is still the day before in UTC: the office's day counts.
    await bench.assistant.handle(say('今天召开了主任会议', { sentAt: new Date('2026-12-01T23:30:00Z'), threadId: 'terminal:b' }));
    expect(bench.log.list().map((a) => [a.kind, a.date])).toEqual([['party_meeting', '2026-12-01'], ['council_meeting', '2026-12-02']]);
  });
});

describe('follow-ups only when they are follow-ups', () => {
  it('a question naming its own period and "哪些工作" does not inherit the last kinds', async () => {
    bench = makeBench(reader, { today: '2023-07-05' });
    for (const text of ['3月3日视察了城区防汛工作', '3月8日召开了党组会议', '5月8日开展了专题调研']) await bench.assistant.handle(say(text));
    expect((await bench.assistant.handle(say('/stats 上半年 视察调研'))).text).toContain('共开展视察、调研 2 次');
    const all = await bench.assistant.handle(say('2023年3月做了哪些工作'));
    expect(all.text.split('\n')[0]).toBe('2023年3月各类活动共 2 项：');
    expect(all.text).toContain('党组会议');
  });
});
