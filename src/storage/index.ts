/** Storage: the ports for conversation state, the SQLite and PostgreSQL connections and their start-up checks, migrations, atomic file writes, disk and database failures. */
export { openDatabase, migrate, DATABASE_FILE, type Db, type OpenOptions } from './sqlite/database.ts';
export {
  writeFileAtomic, replaceFileAtomic, replaceFileAtomicAsync, removeStaleTemporaries, processAlive, type ReplaceOptions,
} from './atomic-file.ts';
export { storageFailure, explainFailure, isBusy } from './storage-failure.ts';
export { retryWhenBusy, WRITE_DEADLINE_MS, type RetryOptions } from './busy-retry.ts';
export { storageMessages } from './messages.ts';
export {
  CONVERSATION_TABLES, stderrDroppedState, type ConversationScope, type ConversationStore, type DroppedState, type DroppedStateLog, type ExpiredState,
} from './conversation-store.ts';
export { createMemoryConversationStore, type MemoryConversationStoreOptions } from './memory-conversation-store.ts';
export { createSqliteConversationStore, type SqliteConversationStoreOptions } from './sqlite/conversation-store.ts';
export { openPostgres, isConnectionLost, describeServer, numbered, type PgClient, type PostgresDatabase, type PostgresOptions } from './postgres/database.ts';
export { migratePostgres, MIGRATION_LOCK } from './postgres/migrate.ts';
export { createPostgresConversationStore, type PostgresConversationStoreOptions } from './postgres/conversation-store.ts';
export { copyTables, countRows, type CopyOptions, type Endpoint, type TableSpec } from './transfer.ts';
