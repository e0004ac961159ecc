/**
 * `migrate-data` moves an office's log (with withdrawn and deleted entries and the whole audit
 * trail), its conversation state and its knowledge base from a data folder into PostgreSQL
 * (PGlite over a socket) and back, verified by counts; the copies answer `list`, `stats`,
 * `history`, `docs` and `ask` exactly as the original did, and a target that already holds
 * data is refused with nothing changed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSqliteActivityStore } from '../../src/log/index.ts';
import { loadTaxonomy } from '../../src/reader/index.ts';
import { KNOWLEDGE_TABLES, markKnowledgeCopied, prepareKnowledgeTables } from '../../src/knowledge/index.ts';
import { copyTables, createSqliteConversationStore, openDatabase, openPostgres, type Endpoint } from '../../src/storage/index.ts';
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
    expect(there.json.copied).toEqual({ activities: before.history.filter((h) => h.action !== 'correct' && h.action !== 'withdraw').length, audit: before.history.length, conversations: 1, documents: 0, passages: 0 });
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

  it('copies the knowledge base there and back: the copies list the same documents and answer with the same quote', async () => {
    await postgres.reset();
    const office = tempFolder('lvzhi-migrate-kb-');
    const library = join(tempFolder('lvzhi-migrate-library-'), '制度');
    mkdirSync(library);
    writeFileSync(join(library, '联络站制度.md'), '# 代表联络站工作制度\n\n第三条 代表联络站每月第一个星期三上午接待群众来访。\n\n第四条 接待情况应当登记。\n');
    writeFileSync(join(library, '议事规则.md'), '# 常务委员会议事规则\n\n第一条 常务委员会会议一般每两个月举行一次。\n');
    expect((await run(['ingest', library, '--data', office])).status).toBe(0);
    const question = '联络站什么时候接待群众';
    const asked = (await run(['ask', question, '--data', office])).json;
    expect(JSON.stringify(asked)).toContain('每月第一个星期三');
    const docs = (await run(['docs', '--data', office])).json;

    const there = await run(['migrate-data', '--from', office, '--to', postgres.url()]);
    expect(there.status).toBe(0);
    expect(there.json.copied).toMatchObject({ documents: 2, passages: expect.any(Number) });
    expect(there.json.copied.passages).toBeGreaterThanOrEqual(2);
    const onServer = { LVZHI_DATABASE_URL: postgres.url() };
    const elsewhere = tempFolder('lvzhi-migrate-kb-any-');
    expect((await run(['docs', '--data', elsewhere], onServer)).json).toEqual(docs);
    expect((await run(['ask', question, '--data', elsewhere], onServer)).json).toEqual(asked);

    const back = tempFolder('lvzhi-migrate-kb-back-');
    const returned = await run(['migrate-data', '--from', postgres.url(), '--to', back]);
    expect(returned.json.copied).toEqual(there.json.copied);
    expect((await run(['docs', '--data', back])).json).toEqual(docs);
    expect((await run(['ask', question, '--data', back])).json).toEqual(asked);
  });

  it('copies a batch at a time (never a whole table in memory), both ways, one transaction, counts checked', async () => {
    await postgres.reset();
    const office = tempFolder('lvzhi-migrate-batches-');
    const library = join(tempFolder('lvzhi-migrate-batches-library-'), '制度');
    mkdirSync(library);
    const articles = Array.from({ length: 14 }, (_, i) => `第${i + 1}条 常务委员会第${i + 1}项工作制度：按期听取专项工作报告并书面答复第${i + 1}批代表建议。`);
    writeFileSync(join(library, '工作制度.md'), `# 常务委员会工作制度\n\n${articles.join('\n\n')}\n`);
    expect((await run(['ingest', library, '--data', office])).status).toBe(0);
    const question = '第9项工作制度是什么';
    const asked = (await run(['ask', question, '--data', office])).json;

    const copyWith = async (from: Endpoint, to: Endpoint) => {
      const batches: Array<[string, number]> = [];
      await prepareKnowledgeTables(from);
      await prepareKnowledgeTables(to);
      const counts = await copyTables(from, to, KNOWLEDGE_TABLES, { batchSize: 4, onBatch: (table, rows) => batches.push([table, rows]) });
      await markKnowledgeCopied(to);
      return { counts, batches };
    };
    const sqlite = openDatabase(office);
    const server = openPostgres(postgres.url(), { max: 2 });
    try {
      const there = await copyWith({ kind: 'sqlite', db: sqlite }, { kind: 'postgres', db: server });
      const passages = there.counts.kb_passages;
      expect(passages).toBeGreaterThanOrEqual(12);
      const sizes = there.batches.filter(([table]) => table === 'kb_passages').map(([, rows]) => rows);
      expect(Math.max(...sizes)).toBe(4);
      expect(sizes.length).toBe(Math.ceil(passages / 4));
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(passages);
      const elsewhere = tempFolder('lvzhi-migrate-batches-any-');
      expect((await run(['ask', question, '--data', elsewhere], { LVZHI_DATABASE_URL: postgres.url() })).json).toEqual(asked);

      const back = openDatabase(tempFolder('lvzhi-migrate-batches-back-'));
      try {
        const returned = await copyWith({ kind: 'postgres', db: server }, { kind: 'sqlite', db: back });
        expect(returned.counts).toEqual(there.counts);
        expect(returned.batches.filter(([table]) => table === 'kb_vectors').map(([, rows]) => rows)).toEqual(sizes);
        expect(back.inTransaction).toBe(false);
      } finally {
        back.close();
      }
    } finally {
      sqlite.close();
      await server.close();
    }
  });
});
