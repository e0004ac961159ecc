/**
 * `migrate-data` moves an office's log (with withdrawn and deleted entries and the whole audit
 * trail) and its conversation state from a data folder into PostgreSQL (PGlite over a socket)
 * and back, verified by counts; the copies answer `list`, `stats` and `history` exactly as the
 * original did, and a target that already holds data is refused with nothing changed.
 */
import { describe, expect, it } from 'vitest';
import { createSqliteActivityStore } from '../../src/log/index.ts';
import { loadTaxonomy } from '../../src/reader/index.ts';
import { createSqliteConversationStore, openDatabase } from '../../src/storage/index.ts';
import { runCliInProcess } from '../support/cli-process.ts';
import { SAMPLE_CSV } from '../support/log-helpers.ts';
import { usePglite } from '../support/postgres.ts';
import { tempFolder } from '../support/temp-folders.ts';

describe('migrate-data between a data folder and PostgreSQL', { timeout: 120_000 }, () => {
  const postgres = usePglite();
  const run = async (args: string[], env: Record<string, string> = {}) => {
    const result = await runCliInProcess([...args, '--json'], { env: { ...process.env, LVZHI_DATABASE_URL: '', ...env } });
    return { ...result, json: JSON.parse(result.stdout) };
  };

  it('copies the log, its audit trail and conversation state there and back, counts checked, and refuses a target with data', async () => {
    await postgres.reset();
    const office = tempFolder('lvzhi-migrate-from-');
    const db = openDatabase(office);
    const log = createSqliteActivityStore(db, loadTaxonomy());
    const wang = { by: 'telegram:42', byName: '王芳', channel: 'telegram', message: '原话' };
    const [{ activity }] = await log.addAll([{ date: '2026-03-05', kind: 'inspection', title: '组织代表视察安全生产工作' }], wang);
    await log.addAll([{ date: '2026-03-06', kind: 'research', title: '开展养老服务调研' }], wang);
    await log.undo('telegram:42', { channel: 'telegram' });
    await log.correct(activity.id, { date: '2026-03-04' }, 'telegram:42', { channel: 'telegram' });
    await log.importFile(SAMPLE_CSV, { by: '档案室', channel: 'cli' });
    const conversations = createSqliteConversationStore(db);
    await conversations.set('pending', 'telegram:42|main', { kind: 'delete', id: activity.id }, Date.now() + 3_600_000);
    const before = { list: await log.list(), stats: await log.stats(), history: await log.history() };
    db.close();

    const there = await run(['migrate-data', '--from', office, '--to', postgres.url()]);
    expect(there.status).toBe(0);
    expect(there.json.copied).toEqual({ activities: before.history.filter((h) => h.action !== 'correct' && h.action !== 'withdraw').length, audit: before.history.length, conversations: 1 });
    const onServer = { LVZHI_DATABASE_URL: postgres.url() };
    const elsewhere = tempFolder('lvzhi-migrate-any-');
    expect((await run(['list', '--data', elsewhere], onServer)).json.activities).toEqual((await run(['list', '--data', office])).json.activities);
    expect((await run(['stats', '--data', elsewhere], onServer)).json).toEqual(before.stats);

    // New entries on the server continue after the copied ids.
    const next = await run(['log', '2026年3月9日组织代表走访企业', '--now', '2026-03-10', '--by', '李明', '--data', elsewhere], onServer);
    expect(next.json.activity.id).toBeGreaterThan(Math.max(...before.history.map((h) => h.activityId)));

    const refused = await run(['migrate-data', '--from', office, '--to', postgres.url()]);
    expect(refused.status).toBe(1);
    expect(refused.json.error).toMatchObject({ code: 'target_not_empty', message: expect.stringMatching(/目标里已经有数据/) });
    expect((await run(['stats', '--data', elsewhere], onServer)).json.total).toBe(before.stats.total + 1);

    const back = tempFolder('lvzhi-migrate-back-');
    const returned = await run(['migrate-data', '--from', postgres.url(), '--to', back]);
    expect(returned.status).toBe(0);
    expect(returned.json.copied).toEqual({ ...there.json.copied, activities: there.json.copied.activities + 1, audit: there.json.copied.audit + 1 });
    const copy = openDatabase(back);
    const copied = createSqliteActivityStore(copy, loadTaxonomy());
    expect((await copied.history()).slice(0, before.history.length)).toEqual(before.history);
    expect((await copied.stats()).total).toBe(before.stats.total + 1);
    expect(await createSqliteConversationStore(copy).get('pending', 'telegram:42|main')).toEqual({ kind: 'delete', id: activity.id });
    copy.close();
  });
});
