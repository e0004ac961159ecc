/** The SQLite activity store passes the shared contract every activity store must pass. */
import { loadTaxonomy } from '../../src/reader/index.ts';
import { createSqliteActivityStore } from '../../src/log/index.ts';
import { openDatabase } from '../../src/storage/index.ts';
import { describeActivityStoreContract } from '../support/contracts/activity-store-contract.ts';
import { tempFolder } from '../support/temp-folders.ts';

describeActivityStoreContract('sqlite', async () => {
  const db = openDatabase(tempFolder('lvzhi-activity-store-'));
  return { store: createSqliteActivityStore(db, loadTaxonomy()), async close() { db.close(); } };
});
