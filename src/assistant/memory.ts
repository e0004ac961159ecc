/**
 * Conversation memory: one kind of state (what the last turn was about, a question waiting
 * for an answer, what was just logged) kept in the conversation store with its time to live,
 * so it survives a restart when the store is the data folder's database. A value that is not
 * the shape this kind expects (damaged, or written by another version) is dropped and logged.
 */
import type { ConversationScope, ConversationStore } from '../storage/index.ts';

/** Reports a value that was dropped because it had the wrong shape. */
export type MisshapenLog = (entry: { code: string; scope: string; key: string }) => void;

/** One scope of the conversation store, typed and with its own time to live. */
export class ConversationMemory<T> {
  constructor(
    private readonly store: ConversationStore,
    private readonly scope: ConversationScope,
    private readonly ttlMs: number,
    private readonly accepts: (value: unknown) => value is T,
    private readonly onMisshapen: MisshapenLog,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The value for a key, if present, fresh and well formed. */
  async get(key: string): Promise<T | undefined> {
    const value = await this.store.get(this.scope, key);
    if (value === undefined) return undefined;
    if (this.accepts(value)) return value;
    this.onMisshapen({ code: 'conversation_state_dropped', scope: this.scope, key });
    await this.store.delete(this.scope, key);
    return undefined;
  }

  /** Store a value for its time to live from now. */
  async set(key: string, value: T): Promise<void> {
    await this.store.set(this.scope, key, value, this.clock() + this.ttlMs);
  }

  /** Forget a key. */
  async delete(key: string): Promise<void> {
    await this.store.delete(this.scope, key);
  }
}

/** True for a plain object whose `kind` is one of `kinds` (the cheap shape check every state kind uses). */
export function hasKind(value: unknown, ...kinds: string[]): value is { kind: string } {
  return typeof value === 'object' && value !== null && kinds.includes(String((value as { kind?: unknown }).kind));
}
