/**
 * The PostgreSQL knowledge stores pass the same contracts as SQLite's, over the real `pg`
 * client on PGlite (and on a real server when LVZHI_TEST_DATABASE_URL is set): the passage and
 * document stores, and the shipped keyword (BM25) and vector (HNSW) searches over them — the
 * stock PostgreSQL path, vectors in the database and each process's index in memory and in its
 * own data folder. `reopen` is a second pool on the same database, as another process holds.
 */
import { describe } from 'vitest';
import { Bm25KeywordSearch, HnswVectorSearch } from '../../src/knowledge/index.ts';
import { describeDocumentStoreContract } from '../support/contracts/document-store-contract.ts';
import { describeKeywordSearchContract } from '../support/contracts/keyword-search-contract.ts';
import { describePassageStoreContract } from '../support/contracts/passage-store-contract.ts';
import { postgresKnowledgeRig } from '../support/contracts/postgres-knowledge-rig.ts';
import { describeVectorSearchContract } from '../support/contracts/vector-search-contract.ts';
import { REAL_SERVER_URL, noticeWithoutServer, usePglite, useRealPostgres, type TestPostgres } from '../support/postgres.ts';

const quiet = () => undefined;

function describeOnPostgres(name: string, server: () => TestPostgres): void {
  const open = postgresKnowledgeRig(server());
  describePassageStoreContract(name, open);
  describeDocumentStoreContract(name, open);
  describeKeywordSearchContract(`${name} + BM25 in memory`, open, (store, dataDir) => new Bm25KeywordSearch(dataDir, store, undefined, quiet));
  describeVectorSearchContract(`${name} + HNSW in memory`, open, (store, embedder, dataDir) => new HnswVectorSearch(dataDir, store, embedder, quiet));
}

describe('on PGlite', () => describeOnPostgres('postgres (PGlite)', usePglite));

noticeWithoutServer();
describe.skipIf(!REAL_SERVER_URL)('on a real PostgreSQL server (LVZHI_TEST_DATABASE_URL)', () => describeOnPostgres('postgres (server)', useRealPostgres));
