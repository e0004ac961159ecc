/**
 * The log commands with LVZHI_DATABASE_URL: log, list, stats, undo, edit, delete, import and
 * export work on PostgreSQL (PGlite over a socket, spoken to by the real `pg` client), and two
 * runs with different data folders share one log — the point of a database server.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliInProcess, type CliRun } from '../support/cli-process.ts';
import { SAMPLE_CSV, tempFolder } from '../support/log-helpers.ts';
import { usePglite } from '../support/postgres.ts';

describe('the log commands on PostgreSQL', { timeout: 180_000 }, () => {
  const postgres = usePglite();
  const env = () => ({ ...process.env, LVZHI_DATABASE_URL: postgres.url() });
  const cli = async (...args: string[]): Promise<CliRun & { json: any }> => {
    const run = await runCliInProcess([...args, '--json'], { env: env() });
    return { ...run, json: JSON.parse(run.stdout) };
  };

  it('log, list, stats, edit, undo, delete, import and export share one database across data folders', async () => {
    await postgres.reset();
    const office = tempFolder('lvzhi-pg-cli-a-');
    const bot = tempFolder('lvzhi-pg-cli-b-');
    const logged = await cli('log', '6月12日组织代表视察了安全生产工作', '--now', '2026-06-30', '--by', '王芳', '--data', office);
    expect(logged.status).toBe(0);
    expect(logged.json.activity).toMatchObject({ date: '2026-06-12', kind: 'inspection', by: '王芳' });
    const again = await cli('log', '6月12日组织代表视察了安全生产工作', '--now', '2026-06-30', '--by', '李明', '--data', bot);
    expect(again.json).toMatchObject({ duplicate: true, activity: { id: logged.json.activity.id } });
    await cli('log', '6月15日开展养老服务专题调研', '--now', '2026-06-30', '--by', '李明', '--data', bot);

    expect((await cli('stats', '--from', '2026-01-01', '--to', '2026-06-30', '--data', office)).json).toMatchObject({ total: 2 });
    const edited = await cli('edit', String(logged.json.activity.id), '--date', '2026-06-13', '--by', '王芳', '--data', office);
    expect(edited.json.activity).toMatchObject({ date: '2026-06-13', kind: 'inspection' });
    const undone = await cli('undo', '--by', '李明', '--data', office);
    expect(undone.json.withdrawn).toMatchObject({ title: '开展养老服务专题调研' });
    expect((await cli('list', '--data', bot)).json.activities.map((a: { date: string }) => a.date)).toEqual(['2026-06-13']);

    const imported = await cli('import', SAMPLE_CSV, '--by', '档案室', '--data', bot);
    expect(imported.status).toBe(0);
    expect(imported.json.imported).toBeGreaterThan(0);
    const total = (await cli('stats', '--data', office)).json.total;
    expect(total).toBe(1 + imported.json.imported);
    const reimport = await cli('import', SAMPLE_CSV, '--by', '档案室', '--data', office);
    expect(reimport.json).toEqual({ imported: 0, duplicates: imported.json.imported + imported.json.duplicates });

    const out = join(tempFolder('lvzhi-pg-cli-out-'), '导出.csv');
    const exported = await cli('export', out, '--data', office);
    expect(exported.json.exported).toBe(total);
    expect(readFileSync(out, 'utf8')).toContain('视察全区营商环境工作');

    const removed = await cli('delete', String(logged.json.activity.id), '--by', 'admin', '--data', office);
    expect(removed.json.deleted.id).toBe(logged.json.activity.id);
    expect((await cli('stats', '--data', bot)).json.total).toBe(total - 1);
  });

  it('the compiled command line (as `npm run cli` runs it) logs and counts on PostgreSQL', async () => {
    await postgres.reset();
    const data = tempFolder('lvzhi-pg-cli-real-');
    const logged = await runCli(['log', '今天组织代表视察了河道治理', '--now', '2026-07-01', '--by', '王芳', '--data', data, '--json'], { env: env() });
    expect(logged.status).toBe(0);
    const stats = await runCli(['stats', '--from', '2026-07-01', '--to', '2026-07-31', '--data', tempFolder('lvzhi-pg-cli-other-'), '--json'], { env: env() });
    expect(JSON.parse(stats.stdout)).toMatchObject({ total: 1, counts: [{ kind: 'inspection', count: 1 }] });
  });
});
