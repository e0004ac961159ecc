/**
 * The SQLite knowledge stores, and the shipped keyword (BM25) and vector (HNSW) searches over
 * them, pass the shared contracts every implementation must pass (test/knowledge/postgres-stores.test.ts runs them on PostgreSQL). Each
 * rig is a fresh data folder; `reopen` is a second connection to its lvzhi.db, as another
 * process would hold.
 */
import { join } from 'node:path';
import { Bm25KeywordSearch, HnswVectorSearch, sqliteKnowledgeStores } from '../../src/knowledge/index.ts';
import { type Db, openDatabase } from '../../src/storage/index.ts';
import { describeDocumentStoreContract } from '../support/contracts/document-store-contract.ts';
import { describeKeywordSearchContract } from '../support/contracts/keyword-search-contract.ts';
import type { KnowledgeStoresRig } from '../support/contracts/knowledge-rig.ts';
import { describePassageStoreContract } from '../support/contracts/passage-store-contract.ts';
import { describeVectorSearchContract } from '../support/contracts/vector-search-contract.ts';
import { tempFolder } from '../support/temp-folders.ts';

async function openSqliteRig(): Promise<KnowledgeStoresRig> {
  const dataDir = join(tempFolder('lvzhi-kb-stores-'), 'data');
  const connections: Db[] = [openDatabase(dataDir)];
  return {
    stores: sqliteKnowledgeStores(connections[0]),
    dataDir,
    async reopen() {
      connections.push(openDatabase(dataDir));
      return sqliteKnowledgeStores(connections[connections.length - 1]);
    },
    async close() {
      for (const db of connections) db.close();
    },
  };
}

const quiet = () => undefined;
describePassageStoreContract('sqlite', openSqliteRig);
describeDocumentStoreContract('sqlite', openSqliteRig);
describeKeywordSearchContract('sqlite + BM25 in memory', openSqliteRig, (store, dataDir) => new Bm25KeywordSearch(dataDir, store, undefined, quiet));
describeVectorSearchContract('sqlite + HNSW in memory', openSqliteRig, (store, embedder, dataDir) => new HnswVectorSearch(dataDir, store, embedder, quiet));
