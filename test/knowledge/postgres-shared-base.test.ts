/**
 * Two knowledge bases (two processes, two data folders, maybe two hosts) share one PostgreSQL
 * database: a document ingested through one is answered by the other at its next question,
 * and each keeps its own index files in its own folder — neither takes the other's records for
 * its own, so neither warns of a missing file nor rebuilds what the other built.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexOwner, openKnowledgeBase, postgresKnowledgeStores, type OpenKnowledgeBase } from '../../src/knowledge/index.ts';
import { openPostgres, type PostgresDatabase } from '../../src/storage/index.ts';
import { REAL_SERVER_URL, noticeWithoutServer, usePglite, useRealPostgres, type TestPostgres } from '../support/postgres.ts';
import { documentNamed, embedder, passagesOf } from '../support/contracts/knowledge-rig.ts';
import { KNOWLEDGE_AS_MIGRATED } from '../support/contracts/postgres-knowledge-rig.ts';
import { tempFolder } from '../support/temp-folders.ts';

function describeShared(server: () => TestPostgres): void {
  const postgres = server();

  it('answers in one process what was ingested through the other, each with its own index files and no rebuild warning', async () => {
    await postgres.empty(KNOWLEDGE_AS_MIGRATED);
    const root = tempFolder('lvzhi-kb-pg-shared-');
    const pools: PostgresDatabase[] = [];
    const bases: OpenKnowledgeBase[] = [];
    const warnings: string[] = [];
    const open = async (name: string) => {
      const dataDir = join(root, name);
      const db = openPostgres(postgres.url(), { max: 2 });
      pools.push(db);
      const kb = await openKnowledgeBase({ dataDir, stores: postgresKnowledgeStores(db, dataDir), warn: (line) => warnings.push(`${name}: ${line}`) });
      bases.push(kb);
      return { kb, dataDir };
    };
    try {
      const a = await open('host-a');
      const b = await open('host-b');
      const library = join(root, 'library');
      mkdirSync(library);
      writeFileSync(join(library, '联络站制度.md'), '# 代表联络站工作制度\n\n第三条 代表联络站每月第一个星期三上午接待群众来访。\n');
      expect(await a.kb.ingest([library])).toMatchObject({ added: 1 });

      const [hit] = await b.kb.search('联络站什么时候接待群众', 1);
      expect(hit?.passage.doc).toBe('联络站制度.md');
      expect(JSON.stringify(await b.kb.ask('联络站什么时候接待群众'))).toContain('每月第一个星期三');

      writeFileSync(join(library, '座谈会通知.md'), '# 通知\n\n定于12月5日上午9时在三楼第二会议室召开机关工作座谈会。\n');
      expect(await b.kb.ingest([library])).toMatchObject({ added: 1, unchanged: 1 });
      expect((await a.kb.search('座谈会在哪里召开', 1))[0]?.passage.doc).toBe('座谈会通知.md');

      // Each folder holds its own current files, and a base reopened over it loads them quietly.
      for (const { dataDir } of [a, b]) {
        const files = readdirSync(dataDir);
        expect(files.some((f) => f.endsWith('.bm25'))).toBe(true);
        expect(files.some((f) => f.endsWith('.hnsw'))).toBe(true);
      }
      const again = await open('host-a');
      expect((await again.kb.search('座谈会在哪里召开', 1))[0]?.passage.doc).toBe('座谈会通知.md');
      expect(warnings).toEqual([]);
      expect(existsSync(join(b.dataDir, 'lvzhi.db'))).toBe(false); // nothing of the knowledge base went to SQLite
    } finally {
      for (const kb of bases) kb.close();
      await Promise.all(pools.map((db) => db.close()));
    }
  }, 120_000);

  it('forgets, at any process\'s start, the index records of a data folder not seen for 30 days, and keeps the others\'', async () => {
    await postgres.empty(KNOWLEDGE_AS_MIGRATED);
    const root = tempFolder('lvzhi-kb-pg-records-');
    const db = openPostgres(postgres.url(), { max: 2 });
    try {
      const a = postgresKnowledgeStores(db, join(root, 'host-a'));
      await a.ready;
      await a.passages.setMeta({ lexical_file: 'lexical-1.bm25' });
      await db.query(`INSERT INTO kb_index_records (owner, key, value, seen_at) VALUES
        ('retired-host:/srv/lvzhi/data', 'lexical_file', 'lexical-9.bm25', now() - interval '31 days'),
        ('quiet-host:/srv/lvzhi/data', 'lexical_file', 'lexical-8.bm25', now() - interval '29 days')`);
      // host-a has not started for 40 days either: its own next start keeps its records.
      await db.query("UPDATE kb_index_records SET seen_at = now() - interval '40 days' WHERE owner = $1", [indexOwner(join(root, 'host-a'))]);
      const again = postgresKnowledgeStores(db, join(root, 'host-a'));
      await again.ready;
      const { rows } = await db.query<{ owner: string }>('SELECT owner FROM kb_index_records ORDER BY owner');
      expect(rows.map((row) => row.owner)).toEqual([indexOwner(join(root, 'host-a')), 'quiet-host:/srv/lvzhi/data'].sort());
      expect(await again.passages.getMeta('lexical_file')).toBe('lexical-1.bm25');
    } finally {
      await db.close();
    }
  }, 120_000);

  it('stores the same document committed by two processes at the same moment once, with no error', async () => {
    await postgres.empty(KNOWLEDGE_AS_MIGRATED);
    const root = tempFolder('lvzhi-kb-pg-race-');
    const pools = [openPostgres(postgres.url(), { max: 2 }), openPostgres(postgres.url(), { max: 2 })];
    try {
      // Migrated one after the other: PGlite is one session, where the migration's advisory lock excludes nobody.
      const stores = [];
      for (const [i, db] of pools.entries()) {
        stores.push(postgresKnowledgeStores(db, join(root, `host-${i}`)));
        await stores[i].ready;
      }
      for (let round = 0; round < 5; round++) {
        const doc = `通知${round}.md`;
        const commits = await Promise.all(stores.map(async (s, i) =>
          s.documents.commit({ ...documentNamed(doc, '通知'), scope: '办公室' }, await passagesOf('通知', [`第${i}稿：定于12月5日召开座谈会。`]), embedder.id)));
        const kept = (await stores[0].passages.passagesByIds(commits.flat())).map((p) => p.text);
        expect(kept).toHaveLength(1);
        expect((await stores[1].documents.documents()).filter((d) => d.doc === doc)).toMatchObject([{ passages: 1, scope: '办公室', status: 'in_force' }]);
      }
    } finally {
      await Promise.all(pools.map((db) => db.close()));
    }
  }, 120_000);
}

describe('two knowledge bases on one PostgreSQL (PGlite)', () => describeShared(usePglite));

noticeWithoutServer();
describe.skipIf(!REAL_SERVER_URL)('two knowledge bases on one real PostgreSQL server (LVZHI_TEST_DATABASE_URL)', () => describeShared(useRealPostgres));
