/**
 * Conversation memory: one kind of state (what the last turn was about, a question waiting
 * for an answer, what was just logged) kept in the conversation store with its time to live,
 * so it survives a restart when the store is the data folder's database. A value that is not
 * the shape this kind expects (damaged, or written by another version) is dropped and logged.
 */
import type { ConversationScope, ConversationStore } from '../storage/index.ts';

/** Reports a value dropped for its wrong shape, or one that could not be saved. */
export type StateLog = (entry: { code: string; scope: string; key: string; message?: string }) => void;

/** One scope of the conversation store, typed and with its own time to live. */
export class ConversationMemory<T> {
  constructor(
    private readonly store: ConversationStore,
    private readonly scope: ConversationScope,
    private readonly ttlMs: number,
    private readonly accepts: (value: unknown) => value is T,
    private readonly log: StateLog,
    /** Whether a write that fails (a full disk) is only logged: a lost follow-up topic must not fail an answer. */
    private readonly bestEffort = false,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The value for a key, if present, fresh and well formed. */
  async get(key: string): Promise<T | undefined> {
    const value = await this.store.get(this.scope, key);
    if (value === undefined) return undefined;
    if (this.accepts(value)) return value;
    this.log({ code: 'conversation_state_dropped', scope: this.scope, key });
    await this.write(key, () => this.store.delete(this.scope, key));
    return undefined;
  }

  /** Store a value for its time to live from now. */
  async set(key: string, value: T): Promise<void> {
    await this.write(key, () => this.store.set(this.scope, key, value, this.clock() + this.ttlMs));
  }

  /** Forget a key. */
  async delete(key: string): Promise<void> {
    await this.write(key, () => this.store.delete(this.scope, key));
  }

  private async write(key: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (!this.bestEffort) throw error;
      this.log({ code: 'conversation_state_unsaved', scope: this.scope, key, message: String(error) });
    }
  }
}

/** True for a plain object whose `kind` is one of `kinds` (the cheap shape check every state kind uses). */
export function hasKind(value: unknown, ...kinds: string[]): value is { kind: string } {
  return typeof value === 'object' && value !== null && kinds.includes(String((value as { kind?: unknown }).kind));
}
