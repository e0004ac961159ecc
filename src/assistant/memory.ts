/**
 * Conversation memory: what the last turn in a thread was about, so a follow-up can be
 * read in its light. Bounded (least recently used threads go first) and forgetful (an
 * entry older than its time to live is gone): it lives in memory only.
 */

/** A bounded map with least-recently-used eviction and a time to live per entry. */
export class ConversationMemory<T> {
  private readonly entries = new Map<string, { value: T; at: number }>();
  private readonly sweeper?: NodeJS.Timeout;

  /**
   * `onDrop` hears every value the memory lets go of without being asked (expired, evicted,
   * replaced, cleared), so one that holds a resource (a downloaded file) can release it; with
   * `sweepEveryMs`, expired values are dropped on a timer too, even when nobody asks again.
   */
  constructor(
    private readonly maxEntries = 1000,
    private readonly ttlMs = 30 * 60_000,
    private readonly clock: () => number = Date.now,
    private readonly onDrop: (value: T) => void = () => undefined,
    sweepEveryMs?: number,
  ) {
    if (sweepEveryMs) {
      this.sweeper = setInterval(() => this.sweep(), sweepEveryMs);
      this.sweeper.unref(); // never keeps the process alive
    }
  }

  /** The value for a key, if present and fresh; reading it makes it most recently used. */
  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (this.clock() - entry.at > this.ttlMs) {
      this.onDrop(entry.value);
      return undefined;
    }
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Store a value, evicting the least recently used entries beyond the bound. */
  set(key: string, value: T): void {
    const previous = this.entries.get(key);
    this.entries.delete(key);
    if (previous && previous.value !== value) this.onDrop(previous.value);
    this.entries.set(key, { value, at: this.clock() });
    while (this.entries.size > this.maxEntries) {
      const [oldest, entry] = this.entries.entries().next().value as [string, { value: T }];
      this.entries.delete(oldest);
      this.onDrop(entry.value);
    }
  }

  /** Forget a key (its value is the caller's now: not dropped). */
  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Drop every entry past its time to live (nobody may ask for it again). */
  sweep(): void {
    const now = this.clock();
    for (const [key, entry] of this.entries) {
      if (now - entry.at <= this.ttlMs) continue;
      this.entries.delete(key);
      this.onDrop(entry.value);
    }
  }

  /** Drop everything and stop the sweeping (the process is stopping). */
  clear(): void {
    clearInterval(this.sweeper);
    const values = [...this.entries.values()];
    this.entries.clear();
    for (const entry of values) this.onDrop(entry.value);
  }

  get size(): number {
    return this.entries.size;
  }
}
