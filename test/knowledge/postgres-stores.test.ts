/**
 * The PostgreSQL knowledge stores pass the same contracts as SQLite's, over the real `pg`
 * client on PGlite (and on a real server when LVZHI_TEST_DATABASE_URL is set): the passage and
 * document stores, and the shipped keyword (BM25) and vector (HNSW) searches over them — the
 * stock PostgreSQL path, vectors in the database and each process's index in memory and in its
 * own data folder. `reopen` is a second pool on the same database, as another process holds.
 */
import { join } from 'node:path';
import { describe } from 'vitest';
import { Bm25KeywordSearch, HnswVectorSearch, postgresKnowledgeStores } from '../../src/knowledge/index.ts';
import { openPostgres, type PostgresDatabase } from '../../src/storage/index.ts';
import { describeDocumentStoreContract } from '../support/contracts/document-store-contract.ts';
import { describeKeywordSearchContract } from '../support/contracts/keyword-search-contract.ts';
import type { KnowledgeStoresRig, OpenKnowledgeStoresRig } from '../support/contracts/knowledge-rig.ts';
import { describePassageStoreContract } from '../support/contracts/passage-store-contract.ts';
import { describeVectorSearchContract } from '../support/contracts/vector-search-contract.ts';
import { REAL_SERVER_URL, noticeWithoutServer, usePglite, useRealPostgres, type TestPostgres } from '../support/postgres.ts';
import { tempFolder } from '../support/temp-folders.ts';

/** A rig over an emptied database: each handle its own pool, index files in a fresh data folder. */
function postgresRig(postgres: TestPostgres): OpenKnowledgeStoresRig {
  return async (): Promise<KnowledgeStoresRig> => {
    await postgres.reset();
    const dataDir = join(tempFolder('lvzhi-kb-pg-'), 'data');
    const pools: PostgresDatabase[] = [];
    const open = async () => {
      pools.push(openPostgres(postgres.url(), { max: 2 }));
      const stores = postgresKnowledgeStores(pools[pools.length - 1], dataDir);
      await stores.ready;
      return stores;
    };
    return {
      stores: await open(),
      dataDir,
      reopen: open,
      async close() {
        await Promise.all(pools.map((db) => db.close()));
      },
    };
  };
}

const quiet = () => undefined;

function describeOnPostgres(name: string, server: () => TestPostgres): void {
  const open = postgresRig(server());
  describePassageStoreContract(name, open);
  describeDocumentStoreContract(name, open);
  describeKeywordSearchContract(`${name} + BM25 in memory`, open, (store, dataDir) => new Bm25KeywordSearch(dataDir, store, undefined, quiet));
  describeVectorSearchContract(`${name} + HNSW in memory`, open, (store, embedder, dataDir) => new HnswVectorSearch(dataDir, store, embedder, quiet));
}

describe('on PGlite', () => describeOnPostgres('postgres (PGlite)', usePglite));

noticeWithoutServer();
describe.skipIf(!REAL_SERVER_URL)('on a real PostgreSQL server (LVZHI_TEST_DATABASE_URL)', () => describeOnPostgres('postgres (server)', useRealPostgres));
