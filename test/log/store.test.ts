import { describe, expect, it } from 'vitest';
import { openActivityLog } from '../../src/log/index.ts';
import { checkQuery } from '../../src/log/query.ts';
import { countByKindSql } from '../../src/log/sqlite/stats.ts';
import { ACTIVITY_LOG_SCHEMA } from '../../src/log/sqlite/schema.ts';
import { migrate, openDatabase } from '../../src/storage/index.ts';
import { UserError } from '../../src/errors.ts';
import { byCli, tempFolder } from '../support/log-helpers.ts';

const entry = (date: string, kind: string, title: string) => ({ date, kind, title });

describe('activity log store', () => {
  it('stores entries in the data folder and finds them again after reopening', () => {
    const dataDir = tempFolder();
    let log = openActivityLog({ dataDir });
    const { activity, duplicate } = log.add(entry('2023-06-12', 'inspection', '视察安全生产工作'), byCli('张三', '今天视察了安全生产工作'));
    expect(duplicate).toBe(false);
    expect(activity).toEqual({ id: activity.id, date: '2023-06-12', kind: 'inspection', title: '视察安全生产工作', by: '张三', by_name: '张三' });
    log.close();
    log = openActivityLog({ dataDir });
    expect(log.list()).toEqual([activity]);
    log.close();
  });

  it('accepts a kind by its label and stores the id', () => {
    const log = openActivityLog({ dataDir: tempFolder() });
    expect(log.add(entry('2023-03-02', '调研', '调研乡村振兴'), byCli('李四')).activity.kind).toBe('research');
    log.close();
  });

  it('does not store a second copy of the same kind, date and title', () => {
    const log = openActivityLog({ dataDir: tempFolder() });
    const first = log.add(entry('2023-06-12', 'inspection', '视察安全生产工作'), byCli('张三'));
    const second = log.add(entry('2023-06-12', '视察', ' 视察安全生产工作 '), byCli('李四'));
    expect(second).toEqual({ activity: first.activity, duplicate: true });
    expect(log.stats().total).toBe(1);
    // Same title on another day is a different activity.
    expect(log.add(entry('2023-06-13', 'inspection', '视察安全生产工作'), byCli('张三')).duplicate).toBe(false);
    log.close();
  });

  it.each([
    ['2023-02-30', 'inspection', '视察', 'bad_date', '2023-02-30'],
    ['2023-13-01', 'inspection', '视察', 'bad_date', '2023-13-01'],
    ['2022-02-29', 'inspection', '视察', 'bad_date', '2022-02-29'],
    ['2023-06-12', 'picnic', '春游', 'unknown_kind', 'picnic'],
    ['2023-06-12', 'inspection', '   ', 'empty_title', '标题'],
  ])('rejects %s / %s / "%s" with a Chinese message and stores nothing', (date, kind, title, code, named) => {
    const log = openActivityLog({ dataDir: tempFolder() });
    let caught: unknown;
    try {
      log.add(entry(date, kind, title), byCli('张三'));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).code).toBe(code);
    expect((caught as UserError).userMessage).toContain(named);
    expect((caught as UserError).userMessage).toMatch(/[\u4e00-\u9fff]/);
    expect(log.list()).toEqual([]);
    log.close();
  });

  it('accepts 29 February in a leap year', () => {
    const log = openActivityLog({ dataDir: tempFolder() });
    expect(log.add(entry('2024-02-29', 'study', '集体学习'), byCli('张三')).activity.date).toBe('2024-02-29');
    log.close();
  });

  it('undo withdraws that person\'s last entry only; it leaves counts but stays in the audit', () => {
    const log = openActivityLog({ dataDir: tempFolder() });
    const a = log.add(entry('2023-06-01', 'inspection', '视察一'), byCli('张三')).activity;
    const b = log.add(entry('2023-05-01', 'research', '调研二'), byCli('张三')).activity;
    const c = log.add(entry('2023-06-02', 'inspection', '视察三'), byCli('李四')).activity;
    expect(log.undo('张三', { channel: 'telegram', chat: 'telegram:42' })).toEqual([b]);
    expect(log.list().map((x) => x.id)).toEqual([a.id, c.id]);
    expect(log.stats().total).toBe(2);
    expect(log.stats({ kinds: ['research'] }).counts).toEqual([{ kind: 'research', label: '调研', count: 0 }]);
    const trail = log.history(b.id);
    expect(trail.map((t) => t.action)).toEqual(['add', 'withdraw']);
    expect(trail[1]).toMatchObject({ by: '张三', channel: 'telegram', chat: 'telegram:42', before: { title: '调研二' }, after: null });
    expect(log.undo('张三')).toEqual([a]);
    expect(log.undo('张三')).toEqual([]);
    expect(log.list()).toEqual([c]);
    log.close();
  });

  it('undo does not withdraw imported rows one by one', () => {
    const log = openActivityLog({ dataDir: tempFolder() });
    log.addMany([{ date: '2023-06-03', kind: 'study', title: '导入的学习', by: '张三' }], byCli('导入员'));
    const own = log.add(entry('2023-06-01', 'inspection', '视察一'), byCli('张三')).activity;
    expect(log.undo(' 张三 ')).toEqual([own]);
    expect(log.undo('张三')).toEqual([]);
    expect(log.list().map((a) => a.title)).toEqual(['导入的学习']);
    log.close();
  });

  it('a withdrawn entry may be logged again', () => {
    const log = openActivityLog({ dataDir: tempFolder() });
    log.add(entry('2023-06-01', 'inspection', '视察一'), byCli('张三'));
    log.undo('张三');
    expect(log.add(entry('2023-06-01', 'inspection', '视察一'), byCli('张三')).duplicate).toBe(false);
    expect(log.stats().total).toBe(1);
    log.close();
  });

  it('corrects kind, date and title with the change in the audit; bad corrections change nothing', () => {
    const log = openActivityLog({ dataDir: tempFolder() });
    const a = log.add(entry('2023-06-01', 'inspection', '视察一'), byCli('张三', '6月1日视察一')).activity;
    const fixed = log.correct(a.id, { kind: 'research', date: '2023-06-02' }, '管理员');
    expect(fixed).toEqual({ ...a, kind: 'research', date: '2023-06-02' });
    expect(log.list()).toEqual([fixed]);
    expect(() => log.correct(a.id, { date: '2023-06-31' }, '管理员')).toThrow(UserError);
    expect(() => log.correct(a.id, { kind: 'nope' }, '管理员')).toThrow(UserError);
    expect(() => log.correct(9999, { title: 'x' }, '管理员')).toThrow(UserError);
    expect(log.list()).toEqual([fixed]);
    const trail = log.history(a.id);
    expect(trail.map((t) => t.action)).toEqual(['add', 'correct']);
    expect(trail[0]).toMatchObject({ by: '张三', channel: 'cli', message: '6月1日视察一' });
    expect(trail[1]).toMatchObject({ by: '管理员', before: { kind: 'inspection', date: '2023-06-01' }, after: { kind: 'research', date: '2023-06-02' } });
    log.close();
  });

  it('removes an entry from counts and lists, keeping it in the audit', () => {
    const log = openActivityLog({ dataDir: tempFolder() });
    const a = log.add(entry('2023-06-01', 'inspection', '视察一'), byCli('张三')).activity;
    expect(log.remove(a.id, '管理员')).toEqual(a);
    expect(log.list()).toEqual([]);
    expect(log.get(a.id)).toBeUndefined();
    expect(() => log.remove(a.id, '管理员')).toThrow(UserError);
    expect(log.history(a.id).map((t) => t.action)).toEqual(['add', 'delete']);
    log.close();
  });
});

describe('stats and lists', () => {
  function seeded() {
    const log = openActivityLog({ dataDir: tempFolder() });
    const rows: Array<[string, string, string]> = [
      ['2023-06-30', 'inspection', '视察甲'], ['2023-01-01', 'inspection', '视察乙'], ['2023-03-15', 'research', '调研甲'],
      ['2023-03-15', 'study', '学习甲'], ['2023-07-01', 'inspection', '视察丙'], ['2022-12-31', 'research', '调研乙'],
      ['2023-03-15', 'inspection', '视察丁'],
    ];
    for (const [date, kind, title] of rows) log.add(entry(date, kind, title), byCli('张三'));
    return log;
  }

  it('counts per kind inside inclusive bounds, largest first, with total = sum', () => {
    const log = seeded();
    const stats = log.stats({ from: '2023-01-01', to: '2023-06-30' });
    expect(stats).toEqual({
      from: '2023-01-01', to: '2023-06-30', total: 5,
      counts: [
        { kind: 'inspection', label: '视察', count: 3 },
        { kind: 'study', label: '学习', count: 1 },
        { kind: 'research', label: '调研', count: 1 },
      ],
    });
    log.close();
  });

  it('names every asked kind, even with 0, and accepts labels', () => {
    const log = seeded();
    expect(log.stats({ from: '2023-01-01', to: '2023-06-30', kinds: ['调研', 'law_check'] }).counts).toEqual([
      { kind: 'research', label: '调研', count: 1 },
      { kind: 'law_check', label: '执法检查', count: 0 },
    ]);
    log.close();
  });

  it('lists in date order, then in the order logged', () => {
    const log = seeded();
    const titles = log.list({ from: '2023-03-01', to: '2023-12-31' }).map((a) => a.title);
    expect(titles).toEqual(['调研甲', '学习甲', '视察丁', '视察甲', '视察丙']);
    expect(log.list({ kinds: ['research'] }).map((a) => a.date)).toEqual(['2022-12-31', '2023-03-15']);
    log.close();
  });

  it('counts per month, with empty months present', () => {
    const log = seeded();
    const monthly = log.statsByMonth({ from: '2023-01-01', to: '2023-04-30' });
    expect(monthly.total).toBe(4);
    expect(monthly.months.map((m) => [m.month, m.total])).toEqual([['2023-01', 1], ['2023-02', 0], ['2023-03', 3], ['2023-04', 0]]);
    expect(monthly.months[2].counts).toContainEqual({ kind: 'inspection', label: '视察', count: 1 });
    expect(monthly.months[1].counts).toEqual([]);
    log.close();
  });

  it.each([
    [{ from: '2023-02-30' }, 'bad_date'],
    [{ from: '2023-06-30', to: '2023-01-01' }, 'bad_period'],
    [{ kinds: ['picnic'] }, 'unknown_kind'],
  ])('rejects a bad query %j', (query, code) => {
    const log = seeded();
    expect(() => log.stats(query)).toThrow(expect.objectContaining({ code }));
    expect(() => log.list(query)).toThrow(expect.objectContaining({ code }));
    log.close();
  });

  it('counts from the (date, kind) index alone, without reading the rows', () => {
    const dataDir = tempFolder();
    const log = openActivityLog({ dataDir });
    const query = checkQuery({ from: '2023-01-01', to: '2023-06-30', kinds: ['inspection', 'research'] }, log.taxonomy);
    log.close();
    const db = openDatabase(dataDir);
    const { sql, params } = countByKindSql(query);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail).join('\n');
    db.close();
    expect(plan).toContain('USING COVERING INDEX activities_live_date_kind');
  });
});

describe('people are their platform id; one message is one undo', () => {
  const said = (by: string, byName: string, message: string) => ({ by, byName, channel: 'telegram', chat: 'telegram:7:main', message });

  it('two people with the same display name: each undoes only their own entries', () => {
    const log = openActivityLog({ dataDir: tempFolder() });
    const mine = log.add(entry('2023-06-01', 'inspection', '视察一'), said('telegram:111', '王芳', '6月1日视察一')).activity;
    const theirs = log.add(entry('2023-06-02', 'research', '调研二'), said('telegram:222', '王芳', '6月2日调研二')).activity;
    expect(mine).toMatchObject({ by: 'telegram:111', by_name: '王芳' });
    expect(log.undo('telegram:111')).toEqual([mine]);
    expect(log.undo('telegram:111')).toEqual([]);
    expect(log.list()).toEqual([theirs]);
    // The audit names the id that acted, and the name it showed at the time.
    expect(log.history(mine.id)[1]).toMatchObject({ action: 'withdraw', by: 'telegram:111' });
    expect(log.history(mine.id)[0]).toMatchObject({ action: 'add', by: 'telegram:111', byName: '王芳' });
    log.close();
  });

  it('the activities of one message are stored together and withdrawn together', () => {
    const log = openActivityLog({ dataDir: tempFolder() });
    const earlier = log.add(entry('2023-06-01', 'study', '集体学习'), said('telegram:111', '王芳', '6月1日集体学习')).activity;
    const three = log.addAll([
      entry('2023-06-12', 'inspection', '视察城区防汛工作'),
      entry('2023-06-15', 'report_review', '听取区法院关于执行工作的报告'),
      { ...entry('2023-06-20', 'research', '调研基层治理'), to: '2023-06-21' },
    ], said('telegram:111', '王芳', '6月12日视察…'));
    expect(three.map((r) => r.duplicate)).toEqual([false, false, false]);
    expect(three[2].activity.to).toBe('2023-06-21');
    const withdrawn = log.undo('telegram:111');
    expect(withdrawn.map((a) => a.title)).toEqual(['视察城区防汛工作', '听取区法院关于执行工作的报告', '调研基层治理']);
    expect(log.list()).toEqual([earlier]);
    log.close();
  });

  it('rows logged before people had ids keep their `by` as both id and name', () => {
    const dataDir = tempFolder();
    const db = openDatabase(dataDir);
    // The first, shipped schema step alone, with a row written the old way.
    migrate(db, 'activities', ACTIVITY_LOG_SCHEMA.slice(0, 1));
    db.prepare(`INSERT INTO activities (date, kind, title, by, channel, created_at) VALUES ('2023-06-01', 'inspection', '视察一', '张三', 'cli', '2023-06-01T00:00:00Z')`).run();
    db.prepare(`INSERT INTO activity_audit (activity_id, action, by, channel, at) VALUES (1, 'add', '张三', 'cli', '2023-06-01T00:00:00Z')`).run();
    db.close();
    const log = openActivityLog({ dataDir });
    expect(log.list()).toEqual([{ id: 1, date: '2023-06-01', kind: 'inspection', title: '视察一', by: '张三', by_name: '张三' }]);
    expect(log.history(1)[0]).toMatchObject({ by: '张三', byName: '张三' });
    expect(log.undo('张三')).toHaveLength(1);
    log.close();
  });
});
