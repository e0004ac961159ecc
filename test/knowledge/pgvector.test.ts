/**
 * The pgvector path (issue 16): where the database has the `vector` extension (PGlite's, over
 * the real `pg` client), vectors are searched by one HNSW index in the database that every
 * process shares — no index file in any data folder. The stores and the pgvector search pass
 * the same contracts as every other implementation; a database without the extension (stock
 * PostgreSQL, as Debian ships it) keeps the in-process HNSW, and the start says which, once.
 * A new embedding model, even one with the same name and another vector length, gets its own
 * index and every passage a new vector: the two spaces are never mixed.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openKnowledgeBase, postgresKnowledgeStores, type KnowledgeStores, type OpenKnowledgeBase } from '../../src/knowledge/index.ts';
import { PgvectorSearch, pgvectorIndexName } from '../../src/knowledge/postgres/pgvector-search.ts';
import { efFor } from '../../src/knowledge/search/hnsw-ef.ts';
import { openModels } from '../../src/models/index.ts';
import { openPostgres, type PostgresDatabase } from '../../src/storage/index.ts';
import { describeDocumentStoreContract } from '../support/contracts/document-store-contract.ts';
import { describePassageStoreContract } from '../support/contracts/passage-store-contract.ts';
import { KNOWLEDGE_AS_MIGRATED, postgresKnowledgeRig } from '../support/contracts/postgres-knowledge-rig.ts';
import { describeVectorSearchContract } from '../support/contracts/vector-search-contract.ts';
import { startOpenAIStandIn, type OpenAIStandIn } from '../support/openai-stand-in.ts';
import { REAL_SERVER_URL, noticeWithoutServer, usePglite, useRealPostgres, type TestPostgres } from '../support/postgres.ts';
import { tempFolder } from '../support/temp-folders.ts';

const quiet = () => undefined;

describe('on PGlite with pgvector', () => {
  const postgres = usePglite({ pgvector: true });
  const open = postgresKnowledgeRig(postgres, { pgvector: true });
  describePassageStoreContract('postgres + pgvector (PGlite)', open);
  describeDocumentStoreContract('postgres + pgvector (PGlite)', open);
  let db: PostgresDatabase | undefined;
  describeVectorSearchContract('pgvector HNSW in the database (PGlite)', open, (store, embedder) => {
    db ??= openPostgres(postgres.url(), { max: 2 });
    return new PgvectorSearch(db, store, embedder, quiet, 1);
  });
  afterAll(async () => db?.close());
});

/** A library of two short documents. */
function library(root: string): string {
  const folder = join(root, 'library');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, '联络站制度.md'), '# 代表联络站工作制度\n\n第三条 代表联络站每月第一个星期三上午接待群众来访。\n\n第四条 接待情况应当登记，并在十个工作日内答复。\n');
  writeFileSync(join(folder, '座谈会通知.md'), '# 通知\n\n定于12月5日上午9时在三楼第二会议室召开机关工作座谈会。\n');
  return folder;
}

describe('the knowledge base on PostgreSQL chooses its vector search at start', () => {
  const withVector = usePglite({ pgvector: true });
  const stock = usePglite();
  const pools: PostgresDatabase[] = [];
  const bases: OpenKnowledgeBase[] = [];
  // Each test's pools closed after it: the PGlite socket server takes only a few connections.
  afterEach(async () => {
    for (const kb of bases.splice(0)) kb.close();
    await Promise.all(pools.splice(0).map((db) => db.close()));
  });
  const openOn = async (postgres: TestPostgres, dataDir: string, lines: string[], warnings: string[] = [], extra: Partial<Parameters<typeof openKnowledgeBase>[0]> = {}) => {
    const db = openPostgres(postgres.url(), { max: 2 });
    pools.push(db);
    // An index from the first vector (by default from 2,000: an exact scan serves below that).
    const stores: KnowledgeStores = postgresKnowledgeStores(db, dataDir, { url: postgres.url(), log: (line) => lines.push(line), pgvectorIndexFrom: 1 });
    const kb = await openKnowledgeBase({ dataDir, stores, warn: (line) => warnings.push(line), ...extra });
    bases.push(kb);
    return { kb, db };
  };

  it('searches vectors with the database\'s HNSW index where pgvector is there, and says so once', async () => {
    await withVector.empty(KNOWLEDGE_AS_MIGRATED);
    const root = tempFolder('lvzhi-pgvector-kb-');
    const lines: string[] = [];
    const warnings: string[] = [];
    const { kb, db } = await openOn(withVector, join(root, 'a'), lines, warnings);
    expect(kb.indexes.vectorEngine).toBe('pgvector');
    expect(await kb.ingest([library(root)])).toMatchObject({ added: 2 });
    expect((await kb.search('联络站什么时候接待群众', 1))[0]?.passage.doc).toBe('联络站制度.md');
    const [question] = await kb.retrievers.vector.search('三楼第二会议室召开座谈会', 1);
    expect((await kb.store.passagesByIds([question.id]))[0].doc).toBe('座谈会通知.md');
    // Another process on another data folder answers at once, from the same index in the database.
    const other = await openOn(withVector, join(root, 'b'), lines, warnings);
    expect((await other.kb.search('座谈会在哪里召开', 1))[0]?.passage.doc).toBe('座谈会通知.md');

    const { rows: indexes } = await db.query<{ name: string }>("SELECT indexname AS name FROM pg_indexes WHERE indexname LIKE 'kb_vectors_hnsw_%'");
    expect(indexes.map((row) => row.name)).toEqual([pgvectorIndexName(kb.indexes.vector.embedder, kb.indexes.vector.dimensions)]);
    // The query is written as the partial index is, so the server can answer it from the graph.
    await db.query('SET enable_seqscan = off'); // PGlite is one session: this reaches the search's connection too
    try {
      expect(await (kb.indexes.vector as PgvectorSearch).plan(question ? (await kb.store.vectorOf(question.id, kb.indexes.vector.embedder))! : new Float32Array(), 5))
        .toContain(indexes[0].name);
    } finally {
      await db.query('SET enable_seqscan = on');
    }
    for (const folder of ['a', 'b']) expect(readdirSync(join(root, folder)).filter((f) => f.endsWith('.hnsw'))).toEqual([]);
    expect(lines).toHaveLength(2); // one line per opened base, each naming pgvector and the server (no password)
    expect(lines.every((line) => line.includes('pgvector') && line.includes('127.0.0.1'))).toBe(true);
    expect(warnings).toEqual([]);
  }, 180_000);

  it('searches the hybrid\'s vector vote with the smaller ef the in-process index uses for it, and neighbours with the full one', async () => {
    await withVector.empty(KNOWLEDGE_AS_MIGRATED);
    const root = tempFolder('lvzhi-pgvector-ef-');
    const { kb, db } = await openOn(withVector, join(root, 'a'), []);
    await kb.ingest([library(root)]);
    // PGlite is one session: SHOW reads what the search's connection set.
    const efNow = async () => Number((await db.query<{ ef: string }>("SELECT current_setting('hnsw.ef_search') AS ef")).rows[0].ef);
    expect((await kb.retrievers.vector.search('三楼第二会议室召开座谈会', 1)).length).toBe(1);
    expect(await efNow()).toBe(efFor(kb.size()));
    expect((await kb.search('座谈会在哪里召开', 1))[0]?.passage.doc).toBe('座谈会通知.md');
    expect(await efNow()).toBe(efFor(kb.size(), 'vote'));
    expect(efFor(kb.size(), 'vote')).toBeLessThan(efFor(kb.size()));
  }, 180_000);

  it('keeps the in-process HNSW where the server has no pgvector, and says why', async () => {
    await stock.reset();
    const root = tempFolder('lvzhi-pgvector-stock-');
    const lines: string[] = [];
    const { kb } = await openOn(stock, join(root, 'a'), lines);
    expect(kb.indexes.vectorEngine).toBe('hnsw');
    expect(lines).toEqual([expect.stringContaining('没有安装 vector 扩展')]);
    await kb.ingest([library(root)]);
    expect((await kb.search('联络站什么时候接待群众', 1))[0]?.passage.doc).toBe('联络站制度.md');
    expect(readdirSync(join(root, 'a')).some((f) => f.endsWith('.hnsw'))).toBe(true);
  }, 180_000);

  it('fills in the pgvector copy of vectors written without it, and never serves a copy whose vector changed', async () => {
    await withVector.empty(KNOWLEDGE_AS_MIGRATED);
    const root = tempFolder('lvzhi-pgvector-fill-');
    const { kb, db } = await openOn(withVector, join(root, 'a'), []);
    await kb.ingest([library(root)]);
    // As `migrate-data` leaves them: the float32 bytes alone.
    await db.query('UPDATE kb_vectors SET embedding = NULL');
    const reopened = (await openOn(withVector, join(root, 'b'), [])).kb;
    expect((await reopened.retrievers.vector.search('三楼第二会议室召开座谈会', 1)).length).toBe(1);
    const { rows: [filled] } = await db.query<{ n: string }>('SELECT COUNT(*) AS n FROM kb_vectors WHERE embedding IS NOT NULL');
    expect(Number(filled.n)).toBe(reopened.size());
    // A writer that changes the bytes alone: the old copy is cleared, not left to answer.
    await db.query("UPDATE kb_vectors SET vector = vector || '\\x00000000'::bytea WHERE passage_id = (SELECT MIN(passage_id) FROM kb_vectors)");
    const { rows: [cleared] } = await db.query<{ n: string }>('SELECT COUNT(*) AS n FROM kb_vectors WHERE embedding IS NULL');
    expect(Number(cleared.n)).toBe(1);
  }, 180_000);

  describe('a model behind the same name with another vector length', () => {
    let service: OpenAIStandIn;
    beforeAll(async () => {
      service = await startOpenAIStandIn({ dimensions: 24 });
    });
    afterAll(async () => service.close());
    const settings = () => ({ OPENAI_BASE_URL: service.baseURL, OPENAI_API_KEY: undefined, LVZHI_CHAT_MODEL: undefined, LVZHI_EMBEDDING_MODEL: 'bge-m3' });

    it('re-embeds every passage into a new index, says so in Chinese, and never mixes the two lengths', async () => {
      await withVector.empty(KNOWLEDGE_AS_MIGRATED);
      const root = tempFolder('lvzhi-pgvector-dims-');
      const first = await openOn(withVector, join(root, 'a'), [], [], { embedder: (await openModels(settings())).embedder });
      await first.kb.ingest([library(root)]);
      expect(first.kb.indexes.vector.dimensions).toBe(24);

      service.setEmbeddingDefault({ kind: 'embed', dimensions: 16 });
      const warnings: string[] = [];
      const second = await openOn(withVector, join(root, 'b'), [], warnings, { embedder: (await openModels(settings())).embedder });
      expect(second.kb.indexes.vector.embedder).toBe('openai:bge-m3');
      expect(second.kb.indexes.vector.dimensions).toBe(16);
      expect(warnings.some((line) => line.includes('由 24 变为 16') && line.includes('重新生成'))).toBe(true);
      const { rows: lengths } = await second.db.query<{ bytes: number }>('SELECT DISTINCT octet_length(vector) AS bytes FROM kb_vectors');
      expect(lengths).toEqual([{ bytes: 64 }]);
      const { rows: indexes } = await second.db.query<{ name: string }>("SELECT indexname AS name FROM pg_indexes WHERE indexname LIKE 'kb_vectors_hnsw_%'");
      expect(indexes.map((row) => row.name)).toEqual([pgvectorIndexName('openai:bge-m3', 16)]);
      expect((await second.kb.retrievers.vector.search('代表联络站接待群众', 3)).length).toBe(3);
      expect((await second.kb.search('联络站什么时候接待群众', 1))[0]?.passage.doc).toBe('联络站制度.md');
    }, 180_000);
  });
});

noticeWithoutServer();
describe.skipIf(!REAL_SERVER_URL)('on a real PostgreSQL server (LVZHI_TEST_DATABASE_URL)', () => {
  const server = useRealPostgres();

  it('searches with pgvector exactly when the server offers the extension (Debian\'s stock server: in process), and answers either way', async () => {
    await server.reset();
    const root = tempFolder('lvzhi-pgvector-real-');
    const db = openPostgres(server.url(), { max: 2 });
    const lines: string[] = [];
    const kb = await openKnowledgeBase({ dataDir: join(root, 'a'), stores: postgresKnowledgeStores(db, join(root, 'a'), { log: (line) => lines.push(line) }), warn: quiet });
    try {
      const { rows } = await db.query("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'");
      expect(kb.indexes.vectorEngine).toBe(rows.length ? 'pgvector' : 'hnsw');
      expect(lines).toHaveLength(1);
      await kb.ingest([library(root)]);
      expect((await kb.search('联络站什么时候接待群众', 1))[0]?.passage.doc).toBe('联络站制度.md');
      expect((await kb.retrievers.vector.search('三楼第二会议室召开座谈会', 2)).length).toBe(2);
    } finally {
      kb.close();
      await db.close();
    }
  }, 180_000);
});
