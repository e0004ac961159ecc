/**
 * Conversation state in PostgreSQL, shared by every process on the database: a follow-up
 * asked on one bot process is understood by another. A row that cannot be read is dropped
 * with a log line, as in SQLite; a sweep takes each expired row exactly once, even when two
 * processes sweep at the same moment (`DELETE … RETURNING`).
 */
import {
  readStoredValue, stderrDroppedState, type ConversationScope, type ConversationStore, type DroppedStateLog, type ExpiredState,
} from '../conversation-store.ts';
import type { PostgresDatabase } from './database.ts';
import { migratePostgres } from './migrate.ts';

/** Schema steps of the conversation state (append-only). */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE conversation_state (
     scope TEXT NOT NULL,
     key TEXT NOT NULL,
     value TEXT NOT NULL,
     expires_at BIGINT NOT NULL,
     PRIMARY KEY (scope, key)
   );
   CREATE INDEX conversation_state_expiry ON conversation_state (expires_at);`,
];

/** What the PostgreSQL conversation store needs besides its database. */
export interface PostgresConversationStoreOptions {
  readonly now?: () => number;
  /** Where a dropped row is reported (stderr by default). */
  readonly onDropped?: DroppedStateLog;
}

type Row = { scope: ConversationScope; key: string; value: string };

/** A `ConversationStore` in the `conversation_state` table (created at first use, under the migration lock). */
export function createPostgresConversationStore(db: PostgresDatabase, options: PostgresConversationStoreOptions = {}): ConversationStore & { readonly ready: Promise<void> } {
  const now = options.now ?? Date.now;
  const onDropped = options.onDropped ?? stderrDroppedState;
  const ready = migratePostgres(db, 'conversations', MIGRATIONS);
  ready.catch(() => undefined); // each method awaits it and reports its failure

  const parse = (row: Row) => readStoredValue(row, onDropped);

  return {
    durable: true,
    ready,
    async get(scope, key) {
      await ready;
      const { rows } = await db.query<{ value: string }>(
        'SELECT value FROM conversation_state WHERE scope = $1 AND key = $2 AND expires_at > $3', [scope, key, now()]);
      if (rows.length === 0) return undefined;
      const parsed = parse({ scope, key, value: rows[0].value });
      if (parsed === undefined) await db.query('DELETE FROM conversation_state WHERE scope = $1 AND key = $2', [scope, key]);
      return parsed;
    },
    async set(scope, key, value, expiresAt) {
      await ready;
      await db.query(`INSERT INTO conversation_state (scope, key, value, expires_at) VALUES ($1, $2, $3, $4)
        ON CONFLICT (scope, key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
      [scope, key, JSON.stringify(value), Math.round(expiresAt)]);
    },
    async take(scope, key) {
      await ready;
      // DELETE … RETURNING: of two processes taking the same row, one gets it.
      const { rows } = await db.query<{ value: string }>(
        'DELETE FROM conversation_state WHERE scope = $1 AND key = $2 AND expires_at > $3 RETURNING value', [scope, key, now()]);
      return rows.length === 0 ? undefined : parse({ scope, key, value: rows[0].value });
    },
    async delete(scope, key) {
      await ready;
      await db.query('DELETE FROM conversation_state WHERE scope = $1 AND key = $2', [scope, key]);
    },
    async sweep() {
      await ready;
      const { rows } = await db.query<Row>('DELETE FROM conversation_state WHERE expires_at <= $1 RETURNING scope, key, value', [now()]);
      const values: ExpiredState[] = [];
      for (const row of rows) {
        const value = parse(row);
        if (value !== undefined) values.push({ scope: row.scope, key: row.key, value });
      }
      return values;
    },
  };
}
