/**
 * Conversation memory: what the last turn in a thread was about, so a follow-up can be
 * read in its light. Bounded (least recently used threads go first) and forgetful (an
 * entry older than its time to live is gone): it lives in memory only.
 */

/** A bounded map with least-recently-used eviction and a time to live per entry. */
export class ConversationMemory<T> {
  private readonly entries = new Map<string, { value: T; at: number }>();

  constructor(
    private readonly maxEntries = 1000,
    private readonly ttlMs = 30 * 60_000,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The value for a key, if present and fresh; reading it makes it most recently used. */
  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (this.clock() - entry.at > this.ttlMs) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Store a value, evicting the least recently used entries beyond the bound. */
  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, { value, at: this.clock() });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
