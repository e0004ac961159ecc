/**
 * Conversation state in the data folder's SQLite database, so a restart (a deploy, a crash)
 * loses nothing a person was in the middle of. A row that cannot be read (a damaged value, one
 * an older version wrote) is dropped with a log line; it never fails the turn that meets it.
 */
import { retryWhenBusy } from '../busy-retry.ts';
import {
  readStoredValue, stderrDroppedState, type ConversationScope, type ConversationStore, type DroppedStateLog, type ExpiredState,
} from '../conversation-store.ts';
import { migrate, type Db } from './database.ts';

/** Schema steps of the conversation state (append-only). */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE conversation_state (
     scope TEXT NOT NULL,
     key TEXT NOT NULL,
     value TEXT NOT NULL,
     expires_at INTEGER NOT NULL,
     PRIMARY KEY (scope, key)
   ) WITHOUT ROWID;
   CREATE INDEX conversation_state_expiry ON conversation_state (expires_at);`,
];

/** What the SQLite conversation store needs besides its connection. */
export interface SqliteConversationStoreOptions {
  readonly now?: () => number;
  /** Where a dropped row is reported (stderr by default). */
  readonly onDropped?: DroppedStateLog;
}

type Row = { scope: ConversationScope; key: string; value: string };

/** A `ConversationStore` in the `conversation_state` table (created on first use). */
export function createSqliteConversationStore(db: Db, options: SqliteConversationStoreOptions = {}): ConversationStore {
  migrate(db, 'conversations', MIGRATIONS);
  const now = options.now ?? Date.now;
  const onDropped = options.onDropped ?? stderrDroppedState;
  const select = db.prepare('SELECT value FROM conversation_state WHERE scope = ? AND key = ? AND expires_at > ?').pluck();
  const upsert = db.prepare(`INSERT INTO conversation_state (scope, key, value, expires_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (scope, key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`);
  const remove = db.prepare('DELETE FROM conversation_state WHERE scope = ? AND key = ?');
  // One statement: SQLite's write lock makes it atomic across processes on the same file.
  const removeLive = db.prepare('DELETE FROM conversation_state WHERE scope = ? AND key = ? AND expires_at > ? RETURNING value').pluck();
  const expired = db.prepare('SELECT scope, key, value FROM conversation_state WHERE expires_at <= ?');
  const removeExpired = db.prepare('DELETE FROM conversation_state WHERE expires_at <= ?');
  const takeExpired = db.transaction((time: number) => {
    const rows = expired.all(time) as Row[];
    removeExpired.run(time);
    return rows;
  });

  const parse = (row: Row) => readStoredValue(row, onDropped);

  return {
    durable: true,
    async get(scope, key) {
      const value = select.get(scope, key, now()) as string | undefined;
      if (value === undefined) return undefined;
      const parsed = parse({ scope, key, value });
      if (parsed === undefined) await retryWhenBusy(() => remove.run(scope, key));
      return parsed;
    },
    async set(scope, key, value, expiresAt) {
      const json = JSON.stringify(value);
      await retryWhenBusy(() => upsert.run(scope, key, json, Math.round(expiresAt)));
    },
    async take(scope, key) {
      const value = await retryWhenBusy(() => removeLive.get(scope, key, now()) as string | undefined);
      return value === undefined ? undefined : parse({ scope, key, value });
    },
    async delete(scope, key) {
      await retryWhenBusy(() => remove.run(scope, key));
    },
    async sweep() {
      const rows = await retryWhenBusy(() => takeExpired(now()));
      const values: ExpiredState[] = [];
      for (const row of rows) {
        const value = parse(row);
        if (value !== undefined) values.push({ scope: row.scope, key: row.key, value });
      }
      return values;
    },
  };
}
