/**
 * The contract of the log commands: JSON shapes, exit codes, one JSON object on stdout. The
 * first import runs the real CLI process (the smoke test of this command group); the rest call
 * the same command line in-process, and the finer behaviour is in cli-commands.test.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, runCliInProcess, type CliRun } from '../support/cli-process.ts';
import { SAMPLE_CSV, tempFolder } from '../support/log-helpers.ts';


/** Run the command line in-process; `json` is stdout parsed, if it parses. */
function cli(...args: string[]): Promise<CliRun & { json: any }> {
  return withJson(runCliInProcess(args));
}

/** Run the real CLI process, as the evaluations do. */
function spawned(...args: string[]): Promise<CliRun & { json: any }> {
  return withJson(runCli(args));
}

async function withJson(running: Promise<CliRun>): Promise<CliRun & { json: any }> {
  const run = await running;
  let json: unknown;
  try {
    json = JSON.parse(run.stdout);
  } catch {
    json = undefined;
  }
  return { ...run, json };
}

const H1 = ['--from', '2023-01-01', '--to', '2023-06-30'];
const sharedFixture = resolve(REPO_ROOT, '../shared/fixtures/activities-2023h1.csv');
if (!existsSync(sharedFixture)) console.warn(`[skip] ${sharedFixture} is absent: the shared fixture CLI test is skipped.`);

describe('activity log commands', { timeout: 300_000 }, () => {
  it('keep to the JSON contract and exit 1 with a Chinese error on bad input', async () => {
    const data = tempFolder();
    const d = ['--data', data];
    const imported = await spawned('import', SAMPLE_CSV, '--json', ...d);
    expect(imported).toMatchObject({ status: 0, json: { imported: 12, duplicates: 0 } });
    expect(imported.stdout.trim().split('\n')).toHaveLength(1);

    const [stats, list, logged] = await Promise.all([
      cli('stats', ...H1, '--json', ...d),
      cli('list', '--from', '2023-06-01', '--to', '2023-06-30', '--json', ...d),
      cli('log', '7月8日组织代表视察了城区防汛工作', '--now', '2023-07-10', '--by', '测试员', '--json', ...d),
    ]);
    expect(stats.json).toEqual({
      from: '2023-01-01', to: '2023-06-30', total: 11,
      counts: [
        { kind: 'report_review', label: '听取审议报告', count: 3 },
        { kind: 'inspection', label: '视察', count: 3 },
        { kind: 'study', label: '学习', count: 2 },
        { kind: 'research', label: '调研', count: 2 },
        { kind: 'party_meeting', label: '党组会议', count: 1 },
      ],
    });
    expect(list.json).toEqual({
      activities: [
        { id: expect.any(Number), date: '2023-06-12', kind: 'inspection', title: '视察重点民生项目建设', by: '张三', by_name: '张三' },
        { id: expect.any(Number), date: '2023-06-28', kind: 'study', title: '集体学习宪法', by: '办公室', by_name: '办公室' },
      ],
    });
    expect(logged.status).toBe(0);
    const stored = { id: expect.any(Number), date: '2023-07-08', kind: 'inspection', title: expect.stringContaining('防汛'), by: '测试员', by_name: '测试员' };
    expect(logged.json).toEqual({ activities: [stored], activity: stored, duplicate: false });

    const bad = join(data, 'bad.csv');
    writeFileSync(bad, 'date,kind,title,by\n2023-01-05,inspection,视察甲,张三\n2023-02-30,inspection,视察乙,张三\n');
    const [undone, future, rejected, typo] = await Promise.all([
      cli('undo', '--by', '测试员', '--json', ...d),
      cli('log', '2023年7月20日组织代表视察了城区防汛工作', '--now', '2023-07-10', '--by', '测试员', '--json', ...d),
      cli('import', bad, '--json', ...d),
      // A mistyped option must not quietly count the whole log.
      cli('stats', '--form', '2023-06-01', '--json', ...d),
    ]);
    expect(undone).toMatchObject({ status: 0, json: { withdrawn: logged.json.activity } });
    expect(typo.json.error.message).toContain('--form');
    // A date after --now is not stored without --yes: exit 0 and the question, as JSON.
    expect(future).toMatchObject({ status: 0, json: { confirm: 'future', activities: [{ kind: 'inspection', date: '2023-07-20' }] } });
    for (const [run, code] of [[rejected, 'import_rejected'], [typo, 'unknown_option']] as const) {
      expect(run.status).toBe(1);
      expect(run.stdout.trim().split('\n')).toHaveLength(1);
      expect(run.json).toEqual({ error: { code, message: expect.stringMatching(/[\u4e00-\u9fff]/) } });
    }
    expect(rejected.json.error.message).toContain('第 3 行');

    const xlsx = join(data, 'h1.xlsx');
    const png = join(data, 'h1.png');
    const [nothing, exported, chart, after] = await Promise.all([
      cli('undo', '--by', '测试员', '--json', ...d),
      cli('export', xlsx, ...H1, '--json', ...d),
      cli('chart', png, ...H1, '--by', 'kind', '--json', ...d),
      cli('stats', '--json', ...d),
    ]);
    expect(nothing).toMatchObject({ status: 1, json: { error: { code: 'nothing_to_undo' } } });
    expect(exported.json).toEqual({ exported: 11, path: xlsx });
    expect(chart).toMatchObject({ status: 0, json: { chart: png, by: 'kind', total: 11 } });
    expect(readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG');
    // Withdrawn, future and rejected entries are not counted.
    expect(after.json.total).toBe(12);
  });

  it.skipIf(!existsSync(sharedFixture))('shared fixture: stats --from 2023-01-01 --to 2023-06-30 gives the speech\'s figures', async () => {
    const d = ['--data', tempFolder()];
    expect((await cli('import', sharedFixture, '--json', ...d)).status).toBe(0);
    const [all, both] = await Promise.all([
      cli('stats', ...H1, '--json', ...d),
      cli('stats', ...H1, '--kinds', 'inspection,research', '--json', ...d),
    ]);
    const counts = Object.fromEntries(all.json.counts.map((c: { kind: string; count: number }) => [c.kind, c.count]));
    expect(counts).toMatchObject({ report_review: 14, inspection: 8, research: 6, party_meeting: 6, study: 6 });
    expect(both.json.total).toBe(14);
  });
});
