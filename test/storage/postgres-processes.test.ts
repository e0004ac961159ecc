/**
 * Several processes, one truth, on a real PostgreSQL server (LVZHI_TEST_DATABASE_URL; `.ci/run`
 * starts one, elsewhere these skip with a notice — PGlite serves one session, so it cannot
 * show concurrency): stores opening together migrate once, the same entry stored by two
 * processes at the same moment is stored once, and two `npm start` processes with different
 * data folders, logging 100 entries each at once, leave 200 that both of them count.
 */
import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../src/reader/index.ts';
import { createPostgresActivityStore } from '../../src/log/index.ts';
import { openPostgres, type PostgresDatabase } from '../../src/storage/index.ts';
import { startMain, type MainRun } from '../support/run-main.ts';
import { REAL_SERVER_URL, noticeWithoutServer, useRealPostgres } from '../support/postgres.ts';
import { removeAfterTests, tempFolder } from '../support/temp-folders.ts';

noticeWithoutServer();

async function until(check: () => boolean, what: string, runs: MainRun[], timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${runs.map((r) => `stdout: ${r.stdout().slice(-2000)}\nstderr: ${r.stderr()}`).join('\n')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!REAL_SERVER_URL)('several processes on one PostgreSQL server', { timeout: 300_000 }, () => {
  const postgres = useRealPostgres();
  const pools: PostgresDatabase[] = [];
  const pool = () => {
    pools.push(openPostgres(postgres.url(), { max: 4 }));
    return pools.at(-1)!;
  };
  const closeAll = async () => {
    await Promise.all(pools.splice(0).map((p) => p.close()));
  };

  it('stores opening at the same moment migrate once', async () => {
    await postgres.reset();
    const stores = Array.from({ length: 4 }, () => createPostgresActivityStore(pool(), loadTaxonomy()));
    await Promise.all(stores.map((s) => s.ready));
    const { rows } = await pools[0].query<{ version: number; n: number }>(
      "SELECT version, COUNT(*)::int AS n FROM schema_migrations WHERE module = 'activities' GROUP BY version ORDER BY version");
    // Every step of the log's migrations applied exactly once, none skipped.
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual(rows.map((_, i) => ({ version: i + 1, n: 1 })));
    await closeAll();
  });

  it('the same entries stored by two processes at once are stored once each, and each knows which were new', async () => {
    await postgres.reset();
    const [a, b] = [createPostgresActivityStore(pool(), loadTaxonomy()), createPostgresActivityStore(pool(), loadTaxonomy())];
    await Promise.all([a.ready, b.ready]);
    const entries = Array.from({ length: 40 }, (_, i) => ({ date: '2026-05-20', kind: 'inspection', title: `视察第${i + 1}个社区` }));
    const results = await Promise.all(entries.flatMap((entry, i) => [
      a.addAll([entry], { by: 'telegram:1', channel: 'telegram', message: String(i) }),
      b.addAll([entry], { by: 'slack:U2', channel: 'slack', message: String(i) }),
    ]));
    expect(await a.list()).toHaveLength(40);
    expect(results.flat().filter((r) => !r.duplicate)).toHaveLength(40);
    const imports = await Promise.all([a.addMany(entries, { by: 'import', channel: 'import' }), b.addMany(entries, { by: 'import', channel: 'import' })]);
    expect(imports).toEqual([{ imported: 0, duplicates: 40 }, { imported: 0, duplicates: 40 }]);
    expect((await b.stats()).total).toBe(40);
    await closeAll();
  });

  it('two messages storing the same entries in opposite order at once both succeed (a deadlock is run again)', async () => {
    await postgres.reset();
    const [a, b] = [createPostgresActivityStore(pool(), loadTaxonomy()), createPostgresActivityStore(pool(), loadTaxonomy())];
    await Promise.all([a.ready, b.ready]);
    const pairs = Array.from({ length: 20 }, (_, i) => [
      { date: '2026-05-21', kind: 'research', title: `调研甲${i}` }, { date: '2026-05-21', kind: 'research', title: `调研乙${i}` },
    ]);
    await Promise.all(pairs.flatMap(([x, y]) => [
      a.addAll([x, y], { by: 'telegram:1', channel: 'telegram' }), b.addAll([y, x], { by: 'slack:U2', channel: 'slack' }),
    ]));
    expect(await a.list()).toHaveLength(40);
    await closeAll();
  });

  it('an import whose connection is cut mid-way stores nothing, says so in Chinese, and succeeds when run again', async () => {
    await postgres.reset();
    const db = pool();
    const store = createPostgresActivityStore(db, loadTaxonomy());
    await store.ready;
    const rows = Array.from({ length: 30_000 }, (_, i) => ({ date: `2025-0${(i % 9) + 1}-1${i % 10}`, kind: 'meeting', title: `第${i}次会议`, by: '档案室' }));
    const importing = store.addMany(rows, { by: 'import', channel: 'cli' });
    // Its rejection is asserted below; under load the cut can land before that line is reached.
    importing.catch(() => undefined);
    const admin = pool();
    const busy = async () => (await admin.query<{ n: number }>(
      "SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'INSERT INTO activities%' AND state = 'active'")).rows[0].n > 0;
    const deadline = Date.now() + 60_000;
    while (!(await busy()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    // Every other connection to this database: the import's, whichever statement it is on by now.
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    await expect(importing).rejects.toMatchObject({ code: 'database_unavailable', userMessage: expect.stringMatching(/^数据库服务器暂时连接不上，这次没有保存任何内容/) });
    expect((await store.stats()).total).toBe(0);
    expect(await store.history()).toEqual([]);
    expect(await store.addMany(rows, { by: 'import', channel: 'cli' })).toEqual({ imported: 30_000, duplicates: 0 });
    await closeAll();
  });

  it('two `npm start` processes with different data folders log 100 entries each at once: 200 stored, each counts 200', async () => {
    await postgres.reset();
    const env = { LVZHI_DATABASE_URL: postgres.url(), LVZHI_TIME_ZONE: 'Asia/Shanghai' };
    const runs = ['甲', '乙'].map((name) => {
      const run = startMain(tempFolder(`lvzhi-pg-proc-${name}-`), env);
      removeAfterTests(run.cwd);
      const lines = Array.from({ length: 100 }, (_, i) => `2025年${(i % 12) + 1}月${(i % 28) + 1}日组织代表视察${name}片区第${i + 1}号项目`);
      run.child.stdin.write(lines.join('\n') + '\n');
      return run;
    });
    const logged = (run: MainRun) => (run.stdout().match(/已记录/g) ?? []).length;
    await until(() => runs.every((r) => logged(r) >= 100), '100 entries logged by each process', runs);
    for (const run of runs) run.child.stdin.end('2025年视察了几次\n');
    expect(await Promise.all(runs.map((r) => r.exit))).toEqual([0, 0]);
    for (const run of runs) expect(run.stdout().trim().split('\n\n').at(-1)).toMatch(/视察 200 次/);
    const { rows } = await pool().query<{ n: number }>("SELECT COUNT(*)::int AS n FROM activities WHERE status = 'active'");
    expect(rows[0].n).toBe(200);
    await closeAll();
  });
});
