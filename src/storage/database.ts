import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../errors.ts';
import { storageMessages } from './messages.ts';

/** The SQLite connection type used throughout Lüzhi. */
export type Db = Database.Database;

/** File name of the SQLite database inside the data folder. */
export const DATABASE_FILE = 'lvzhi.db';

/**
 * Open (creating if needed) the data folder's SQLite database in WAL mode.
 * Every module keeps its own schema through `migrate`.
 */
export function openDatabase(dataDir: string): Db {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    // A --data that names a file, or a folder we may not write, is the user's to fix: exit 1.
    if (isPathProblem(error)) throw new UserError('bad_data_dir', storageMessages.dataFolderUnusable(dataDir), { cause: error });
    throw error;
  }
  const file = join(dataDir, DATABASE_FILE);
  let db: Db | undefined;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
  } catch (error) {
    db?.close();
    if (isPathProblem(error)) throw new UserError('bad_data_dir', storageMessages.dataFolderUnusable(dataDir), { cause: error });
    if ((error as { code?: unknown }).code === 'SQLITE_NOTADB') throw new UserError('not_a_database', storageMessages.notOurDatabase(file), { cause: error });
    throw error;
  }
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    module TEXT NOT NULL, version INTEGER NOT NULL, applied_at TEXT NOT NULL,
    PRIMARY KEY (module, version))`);
  return db;
}

/**
 * Apply a module's schema steps in order, each once, each in its own transaction.
 * Steps are append-only: never edit a step that has shipped, add a new one.
 */
export function migrate(db: Db, module: string, steps: readonly string[]): void {
  const row = db
    .prepare('SELECT MAX(version) AS v FROM schema_migrations WHERE module = ?')
    .get(module) as { v: number | null };
  const done = row.v ?? 0;
  for (let version = done + 1; version <= steps.length; version++) {
    db.transaction(() => {
      db.exec(steps[version - 1]);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(
        module, version, new Date().toISOString());
    })();
  }
}

const PATH_PROBLEMS = new Set(['EEXIST', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'SQLITE_CANTOPEN']);

function isPathProblem(error: unknown): boolean {
  return PATH_PROBLEMS.has(String((error as { code?: unknown } | null)?.code));
}
