/**
 * The port for conversation state: what a person is in the middle of (a question waiting for
 * "确认", the topic a follow-up leans on, what a button sends, which thread a reply belongs to).
 * Modelled on bolt-js's `ConversationStore` (`set(id, value, expiresAt)` / `get(id)`), with a
 * scope per kind of state and a sweep for what has expired. Values are plain JSON.
 */

/** The kinds of state kept; each is its own key space. */
export type ConversationScope =
  | 'turn-context'
  | 'pending'
  | 'last-logged'
  | 'telegram-choice'
  | 'telegram-chain'
  | 'terminal-choices'
  | 'slack-thread'
  // Channels on the kit: choices answered by number, and what a card's button sends (keys carry the channel).
  | 'numbered-choices'
  | 'choice-buttons'
  // The web console: one-time login links (keyed by a hash of the link's token) and sessions.
  | 'web-login'
  | 'web-session';

/** A value the store let go of because its time ran out. */
export interface ExpiredState {
  readonly scope: ConversationScope;
  readonly key: string;
  readonly value: unknown;
}

/** What a store reports when it drops a row it cannot read (a corrupt or foreign value). */
export interface DroppedState {
  readonly scope: ConversationScope;
  readonly key: string;
  readonly reason: string;
}

/** Conversation state with a time to live; every implementation passes the shared contract suite. */
export interface ConversationStore {
  /** Whether values outlive the process (a database does; process memory does not). */
  readonly durable: boolean;
  /** The value under `key`, or undefined when there is none, it has expired, or it cannot be read (then it is dropped). */
  get(scope: ConversationScope, key: string): Promise<unknown>;
  /** Store a JSON value until `expiresAt` (milliseconds since the epoch), replacing any earlier one. */
  set(scope: ConversationScope, key: string, value: unknown, expiresAt: number): Promise<void>;
  /**
   * Remove a live value and return it, atomically: of two processes taking the same key at once,
   * exactly one gets the value (a one-time login link is used once). Undefined when there is none.
   */
  take(scope: ConversationScope, key: string): Promise<unknown>;
  /** Forget a key (nothing happens when it is not there). */
  delete(scope: ConversationScope, key: string): Promise<void>;
  /** Remove every expired value and return them, so what they held (a downloaded file) can be released. */
  sweep(): Promise<ExpiredState[]>;
}

/** The conversation state's table, the same in SQLite and PostgreSQL (for `migrate-data`). */
export const CONVERSATION_TABLES = [
  { name: 'conversation_state', columns: ['scope', 'key', 'value', 'expires_at'], orderBy: 'expires_at' },
] as const;

/** How a store reports a row it dropped; the default writes one JSON line on stderr. */
export type DroppedStateLog = (dropped: DroppedState) => void;

/** The default report of a dropped row: one structured line on stderr, never a crash. */
export const stderrDroppedState: DroppedStateLog = (dropped) => {
  process.stderr.write(JSON.stringify({
    time: new Date().toISOString(), level: 'warn', code: 'conversation_state_dropped', ...dropped,
  }) + '\n');
};

/** A stored row's value parsed, or undefined (reported through `onDropped`) when it is not JSON. */
export function readStoredValue(row: { scope: ConversationScope; key: string; value: string }, onDropped: DroppedStateLog): unknown {
  try {
    return JSON.parse(row.value) as unknown;
  } catch (error) {
    onDropped({ scope: row.scope, key: row.key, reason: String(error) });
    return undefined;
  }
}
