/**
 * The knowledge base's stores over SQLite: the passage store and the document store on one
 * connection (the data folder's lvzhi.db). The composition root (services.ts) builds them on
 * the connection it shares with the activity log; scripts and tests open a data folder alone.
 */
import { type Db, openDatabase } from '../../storage/index.ts';
import { type KnowledgeBaseOptions, type KnowledgeStores, type OpenKnowledgeBase, openKnowledgeBase } from '../knowledge-base.ts';
import { createSqliteDocumentStore } from './document-store.ts';
import { sqlitePassageStore } from './passage-store.ts';
import { PassageTable } from './passage-table.ts';

/** A knowledge base that holds its own SQLite connection (`db`, for those that inspect the file). */
export type SqliteKnowledgeBase = OpenKnowledgeBase & { readonly db: Db };

/** The passage and document stores over an open connection; closing them leaves the connection to its owner. */
export function sqliteKnowledgeStores(db: Db): KnowledgeStores {
  const table = new PassageTable(db);
  return { passages: sqlitePassageStore(table), documents: createSqliteDocumentStore(table) };
}

/**
 * A knowledge base over a data folder's own SQLite connection, closed with it (scripts and
 * tests; the application shares one connection through services.ts). `open` is the opener
 * (`openKnowledgeBaseWithModel` for a model); `db` is exposed for those that inspect the file.
 */
export async function openSqliteKnowledgeBase<O extends Omit<KnowledgeBaseOptions, 'stores'>>(
  options: O,
  open: (options: NoInfer<O> & { stores: KnowledgeStores }) => Promise<OpenKnowledgeBase> = openKnowledgeBase,
): Promise<SqliteKnowledgeBase> {
  const db = openDatabase(options.dataDir);
  try {
    const stores: KnowledgeStores = { ...sqliteKnowledgeStores(db), close: () => void db.close() };
    return Object.assign(await open({ ...options, stores }), { db });
  } catch (error) {
    if (db.open) db.close();
    throw error;
  }
}
