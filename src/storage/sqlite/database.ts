import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../../errors.ts';
import { removeStaleTemporaries } from '../atomic-file.ts';
import { storageMessages } from '../messages.ts';

/** The SQLite connection type used throughout Lüzhi. */
export type Db = Database.Database;

/** File name of the SQLite database inside the data folder. */
export const DATABASE_FILE = 'lvzhi.db';

/**
 * How long one statement blocks waiting for another writer's lock. Short, because it blocks the
 * whole process: writes a person waits for retry between attempts instead (`retryWhenBusy`).
 */
const DEFAULT_BUSY_TIMEOUT_MS = 200;

/** How a connection is opened. */
export interface OpenOptions {
  /** How long one statement blocks waiting for another writer (200 ms by default). */
  readonly busyTimeoutMs?: number;
}

/**
 * Open (creating if needed) the data folder's SQLite database in WAL mode, after the start-up
 * checks: a folder or database we cannot write, or a file that is not (or no longer) a
 * database, stops here with a Chinese message instead of failing every later request.
 * Every module keeps its own schema through `migrate`.
 */
export function openDatabase(dataDir: string, options: OpenOptions = {}): Db {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    if (isReadOnly(error)) throw new UserError('data_read_only', storageMessages.dataReadOnly(dataDir), { cause: error });
    // A --data that names a file, or a folder we may not write, is the user's to fix: exit 1.
    if (isPathProblem(error)) throw new UserError('bad_data_dir', storageMessages.dataFolderUnusable(dataDir), { cause: error });
    throw error;
  }
  const file = join(dataDir, DATABASE_FILE);
  requireWritable(dataDir, [dataDir, file, `${file}-wal`, `${file}-shm`]);
  removeStaleTemporaries(dataDir);
  let db: Db | undefined;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    // Reading the schema touches the header and the first page: a damaged file fails here.
    db.prepare('SELECT COUNT(*) FROM sqlite_schema').get();
  } catch (error) {
    db?.close();
    throw openFailure(error, dataDir, file);
  }
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${Math.max(0, Math.round(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS))}`);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    module TEXT NOT NULL, version INTEGER NOT NULL, applied_at TEXT NOT NULL,
    PRIMARY KEY (module, version))`);
  return db;
}

/**
 * Refuse a data folder or database file this process may not write (a read-only mount, an
 * immutable or foreign-owned file): SQLite would open it and fail at the first write instead.
 */
function requireWritable(dataDir: string, paths: readonly string[]): void {
  for (const path of paths) {
    if (path !== dataDir && !existsSync(path)) continue;
    try {
      accessSync(path, constants.R_OK | constants.W_OK);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (isReadOnly(error) || code === 'EACCES' || code === 'EPERM') {
        throw new UserError('data_read_only', storageMessages.dataReadOnly(path), { cause: error });
      }
      throw new UserError('bad_data_dir', storageMessages.dataFolderUnusable(dataDir), { cause: error });
    }
  }
}

function openFailure(error: unknown, dataDir: string, file: string): unknown {
  const code = String((error as { code?: unknown } | null)?.code);
  if (isReadOnly(error)) return new UserError('data_read_only', storageMessages.dataReadOnly(file), { cause: error });
  if (isPathProblem(error)) return new UserError('bad_data_dir', storageMessages.dataFolderUnusable(dataDir), { cause: error });
  if (code === 'SQLITE_NOTADB') return new UserError('not_a_database', storageMessages.notOurDatabase(file), { cause: error });
  if (code.startsWith('SQLITE_CORRUPT')) return new UserError('database_corrupt', storageMessages.databaseCorrupt(file), { cause: error });
  return error;
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

const PATH_PROBLEMS = new Set(['EEXIST', 'ENOTDIR', 'EACCES', 'EPERM', 'SQLITE_CANTOPEN']);

function isPathProblem(error: unknown): boolean {
  return PATH_PROBLEMS.has(String((error as { code?: unknown } | null)?.code));
}

/** A read-only mount (EROFS), or SQLite finding it can only read the file. */
function isReadOnly(error: unknown): boolean {
  const code = String((error as { code?: unknown } | null)?.code);
  return code === 'EROFS' || code.startsWith('SQLITE_READONLY');
}
