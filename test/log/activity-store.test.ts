/**
 * Every activity store passes the shared contract: SQLite in a data folder, and the PostgreSQL
 * store over the real `pg` client on PGlite, and on a real server when LVZHI_TEST_DATABASE_URL is set.
 */
import { describe } from 'vitest';
import { loadTaxonomy } from '../../src/reader/index.ts';
import { createPostgresActivityStore, createSqliteActivityStore } from '../../src/log/index.ts';
import { openDatabase, openPostgres } from '../../src/storage/index.ts';
import { describeActivityStoreContract } from '../support/contracts/activity-store-contract.ts';
import { REAL_SERVER_URL, noticeWithoutServer, usePglite, useRealPostgres, type TestPostgres } from '../support/postgres.ts';
import { tempFolder } from '../support/temp-folders.ts';

describeActivityStoreContract('sqlite', async () => {
  const db = openDatabase(tempFolder('lvzhi-activity-store-'));
  return { store: createSqliteActivityStore(db, loadTaxonomy()), async close() { db.close(); } };
});

function describeOnPostgres(name: string, server: () => TestPostgres): void {
  const postgres = server();
  describeActivityStoreContract(name, async () => {
    await postgres.reset();
    const db = openPostgres(postgres.url(), { max: 2 });
    const store = createPostgresActivityStore(db, loadTaxonomy());
    await store.ready;
    return { store, close: () => db.close() };
  });
}

describe('on PGlite', () => describeOnPostgres('postgres (PGlite)', usePglite));

noticeWithoutServer();
describe.skipIf(!REAL_SERVER_URL)('on a real PostgreSQL server (LVZHI_TEST_DATABASE_URL)', () => describeOnPostgres('postgres (server)', useRealPostgres));
