/** Storage: the SQLite connection, per-module migrations, atomic file writes. */
export { openDatabase, migrate, DATABASE_FILE, type Db } from './database.ts';
export { writeFileAtomic, replaceFileAtomic, replaceFileAtomicAsync, removeStaleTemporaries, processAlive, type ReplaceOptions } from './atomic-file.ts';
