/**
 * The log commands run in-process with a real argument parser, data folder and files:
 * the behaviour behind the contract (texts, duplicates, every bad input). The process
 * boundary (exit codes, one JSON line) is covered in log-cli.test.ts.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.ts';
import type { CliContext, CommandResult } from '../../src/cli/command.ts';
import { logCommands } from '../../src/cli/log-commands.ts';
import { loadSettings } from '../../src/config.ts';
import { UserError } from '../../src/errors.ts';
import { openParts } from '../../src/services.ts';
import { SAMPLE_CSV, tempFolder } from '../support/log-helpers.ts';

/** Run one command as the CLI would, on argv words. */
async function run(dataDir: string, name: string, ...argv: string[]): Promise<CommandResult> {
  const command = logCommands.find((c) => c.name === name)!;
  const { positionals, options } = parseArgs(argv, new Set(['json', 'batch', ...(command.booleanFlags ?? [])]));
  const parts = openParts({ dataDir, settings: loadSettings({}) });
  const ctx: CliContext = {
    positionals, options, json: options.json === true, dataDir, parts,
    readStdin: async () => '', writeLine: () => undefined, note: () => undefined, onInterrupt: () => () => undefined,
  };
  try {
    return (await command.run(ctx)) as CommandResult;
  } finally {
    await parts.close();
  }
}

async function failure(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a user error');
}

const H1 = ['--from', '2023-01-01', '--to', '2023-06-30'];
const now = ['--now', '2023-07-10'];

describe('log commands', () => {
  it('offers every command of the contract', () => {
    expect(logCommands.map((c) => c.name).sort()).toEqual(['chart', 'delete', 'edit', 'export', 'import', 'list', 'log', 'stats', 'undo']);
  });

  it('answers in Chinese as staff read it', async () => {
    const data = tempFolder();
    expect((await run(data, 'import', SAMPLE_CSV)).text).toBe('已导入 12 条记录。');
    expect((await run(data, 'stats', ...H1, '--kinds', '视察')).text).toBe('2023年上半年共视察 3 次');
    expect((await run(data, 'stats', ...H1, '--kinds', 'inspection，research')).text)
      .toBe('2023年上半年共记录履职活动 5 次：视察 3 次，调研 2 次。');
    const list = (await run(data, 'list', '--from', '2023-06-01', '--to', '2023-06-30')).text;
    expect(list).toMatch(/^2023年6月共 2 项活动：\n\d+\. 6月12日 视察 视察重点民生项目建设（张三）\n\d+\. 6月28日 学习 集体学习宪法（办公室）$/);
    expect((await run(data, 'log', '7月8日组织代表视察了城区防汛工作', ...now, '--by', '王五')).text).toMatch(/^已记录：7月8日 视察 .*防汛/);
    expect((await run(data, 'undo', '--by', '王五')).text).toMatch(/^已撤回：(2023年)?7月8日 视察 /);
    expect((await run(data, 'import', SAMPLE_CSV)).text).toContain('另有 12 条与已有记录相同');
  });

  it('does not store a second copy of a message just logged, and says so', async () => {
    const data = tempFolder();
    const first = await run(data, 'log', '7月8日组织代表视察了城区防汛工作', ...now, '--by', '王五', '--json');
    const second = await run(data, 'log', '7月8日组织代表视察了城区防汛工作', ...now, '--by', '王五');
    expect(second.text).toMatch(/^这条已经记过了/);
    expect((await run(data, 'list', '--json')).json).toEqual({ activities: [(first.json as { activity: unknown }).activity] });
  });

  it('stores a future date only with --yes: without it, says so and stores nothing', async () => {
    const data = tempFolder();
    const message = '2023年7月20日组织代表视察了城区防汛工作';
    const asked = await run(data, 'log', message, ...now, '--by', '王五', '--json');
    expect(asked.json).toEqual({ confirm: 'future', activities: [{ kind: 'inspection', date: '2023-07-20', title: expect.stringContaining('防汛') }] });
    expect((await run(data, 'log', message, ...now, '--by', '王五')).text).toContain('--yes');
    expect((await run(data, 'list', '--json')).json).toEqual({ activities: [] });
    const confirmed = await run(data, 'log', message, ...now, '--by', '王五', '--yes', '--json');
    expect((confirmed.json as { activity: { date: string } }).activity.date).toBe('2023-07-20');
  });

  it('logs every activity of a message, confirms them in one reply, and one undo withdraws them all', async () => {
    const data = tempFolder();
    const message = '6月12日视察了城区防汛工作，6月15日听取了区法院关于执行工作的报告，6月20日到XX街道调研基层治理';
    const logged = await run(data, 'log', message, ...now, '--by', '王五', '--json');
    const json = logged.json as { activities: Array<{ id: number; date: string; kind: string }>; activity: unknown };
    expect(json.activities.map((a) => [a.date, a.kind])).toEqual([
      ['2023-06-12', 'inspection'], ['2023-06-15', 'report_review'], ['2023-06-20', 'research'],
    ]);
    expect(json.activity).toEqual(json.activities[0]);
    const text = (await run(data, 'log', '11月25日上午召开党组会议，下午组织理论学习中心组学习', '--now', '2023-11-30', '--by', '王五')).text;
    expect(text).toBe('已记录 2 项：11月25日 党组会议 召开党组会议；11月25日 学习 组织理论学习中心组学习');
    expect((await run(data, 'undo', '--by', '王五')).text).toMatch(/^已撤回 2 项：/);
    const undone = (await run(data, 'undo', '--by', '王五', '--json')).json as { entries: unknown[] };
    expect(undone.entries).toHaveLength(3);
    expect((await run(data, 'list', '--json')).json).toEqual({ activities: [] });
  });

  it('edit corrects date, kind or title and delete removes, both audited with who, before and after', async () => {
    const data = tempFolder();
    const logged = (await run(data, 'log', '6月12日组织代表视察了城区防汛工作', ...now, '--by', '王五', '--json')).json as { activity: { id: number } };
    const id = String(logged.activity.id);
    const edited = await run(data, 'edit', id, '--date', '2023-06-13', '--kind', '调研', '--by', '管理员', '--json');
    expect(edited.json).toMatchObject({ activity: { id: logged.activity.id, date: '2023-06-13', kind: 'research', by: '王五' } });
    expect((await run(data, 'edit', id, '--date', '6月14日', ...now, '--by', '管理员')).text).toMatch(/^已更正第 \d+ 条：6月13日 调研 .* → 6月14日 调研/);
    expect((await failure(run(data, 'edit', id, '--date', '2023-02-30'))).code).toBe('bad_date');
    expect((await failure(run(data, 'edit', id))).code).toBe('nothing_to_change');
    expect((await failure(run(data, 'edit', 'abc', '--title', 'x'))).code).toBe('bad_id');
    expect((await run(data, 'delete', id, '--by', '管理员', '--json')).json).toMatchObject({ deleted: { id: logged.activity.id, date: '2023-06-14' } });
    expect((await failure(run(data, 'delete', id))).code).toBe('no_such_activity');
    expect((await run(data, 'list', '--json')).json).toEqual({ activities: [] });
    const { openActivityLog } = await import('../../src/log/index.ts');
    const log = openActivityLog({ dataDir: data });
    const trail = log.history(logged.activity.id);
    log.close();
    expect(trail.map((t) => [t.action, t.by])).toEqual([['add', '王五'], ['correct', '管理员'], ['correct', '管理员'], ['delete', '管理员']]);
    expect(trail[1]).toMatchObject({ before: { date: '2023-06-12', kind: 'inspection' }, after: { date: '2023-06-13', kind: 'research' } });
    expect(trail[3]).toMatchObject({ before: { date: '2023-06-14' }, after: null, at: expect.stringMatching(/^\d{4}-/) });
  });

  it.each([
    ['log', ['上半年视察了几次', ...now], 'not_a_log', '不是一条活动记录'],
    ['log', ['2023年2月30日视察了安全生产工作', ...now], 'unclear_message', '没有保存'],
    ['log', [], 'missing_text', 'log'],
    ['log', ['视察了安全生产工作', '--now', '2023-02-30'], 'bad_date', '2023-02-30'],
    ['stats', ['--from', '2023-02-30'], 'bad_date', '2023-02-30'],
    ['stats', ['--from', '2023-06-30', '--to', '2023-01-01'], 'bad_period', '晚于'],
    ['list', ['--kinds', 'picnic'], 'unknown_kind', 'picnic'],
    ['undo', ['--by', '无人'], 'nothing_to_undo', '没有可以撤回'],
    ['import', [], 'missing_file', 'import'],
    ['import', ['nothing-here.csv'], 'unreadable_file', '无法读取'],
    ['import', ['a.xls'], 'unsupported_file', '.xlsx'],
    ['export', ['out.txt'], 'unsupported_file', '.csv'],
    ['chart', [], 'missing_file', 'chart 活动.png'],
    ['chart', ['out.png'], 'chart_no_data', '没有活动记录'],
    ['chart', ['out.jpg'], 'chart_needs_png', '.png'],
    ['chart', ['out.png', '--by', 'year'], 'bad_chart_by', 'month'],
  ])('%s %j → %s, nothing stored', async (name, argv, code, words) => {
    const data = tempFolder();
    const error = await failure(run(data, name, ...argv));
    expect(error.code).toBe(code);
    expect(error.userMessage).toContain(words);
    expect((await run(data, 'list', '--json')).json).toEqual({ activities: [] });
  });

  it('rejects a bad import file as a whole and keeps the log as it was', async () => {
    const data = tempFolder();
    await run(data, 'log', '7月8日组织代表视察了城区防汛工作', ...now, '--by', '王五');
    const bad = join(data, 'bad.csv');
    writeFileSync(bad, '日期,类型,标题,记录人\n2023-01-05,inspection,视察甲,张三\n2023-01-06,春游,春游,张三\n2023-01-07,调研,,张三\n');
    const error = await failure(run(data, 'import', bad));
    expect(error.code).toBe('import_rejected');
    expect(error.userMessage).toMatch(/第 3 行：.*春游[\s\S]*第 4 行：标题为空/);
    expect((await run(data, 'stats', '--json')).json).toMatchObject({ total: 1 });
  });

  it('exports a period and charts it by month', async () => {
    const data = tempFolder();
    await run(data, 'import', SAMPLE_CSV);
    const csv = join(data, 'q2.csv');
    expect((await run(data, 'export', csv, '--from', '2023-04-01', '--to', '2023-06-30', '--json')).json).toEqual({ exported: 5, path: csv });
    const png = join(data, 'm.png');
    const charted = await run(data, 'chart', png, ...H1, '--by', 'month', '--json');
    expect(charted.json).toMatchObject({ chart: png, by: 'month', from: '2023-01-01', to: '2023-06-30', total: 11 });
    expect(existsSync(png)).toBe(true);
  });

  it('shows the kinds it read from a ledger and stores nothing until --yes', async () => {
    const data = tempFolder();
    const ledger = join(data, '台账.csv');
    writeFileSync(ledger, '序号,日期,活动内容\n1,2023-06-12,组织代表视察城区防汛工作\n2,2023-06-20,开展养老服务专题调研\n');
    const shown = await run(data, 'import', ledger, '--json');
    expect(shown.json).toEqual({
      confirm: 'kinds', imported: 0,
      activities: [
        { row: 2, date: '2023-06-12', kind: 'inspection', title: '组织代表视察城区防汛工作', unread: false },
        { row: 3, date: '2023-06-20', kind: 'research', title: '开展养老服务专题调研', unread: false },
      ],
    });
    expect((await run(data, 'import', ledger)).text).toContain('加 --yes');
    expect((await run(data, 'stats', '--json')).json).toMatchObject({ total: 0 });
    expect((await run(data, 'import', ledger, '--yes', '--json')).json).toEqual({ imported: 2, duplicates: 0 });
    expect((await run(data, 'stats', '--json')).json).toMatchObject({ total: 2 });
  });
});
