/**
 * A map that forgets: at most `capacity` entries (the least recently used goes first) and each
 * entry for at most `ttlMs`. Conversation memory, pending confirmations, delivered event ids,
 * choices and reply chains live in it, so a bot that runs for months does not grow without end.
 * Its interface is get/set-shaped on purpose: a persistent store can take its place.
 */

/** What a map may be told beyond its bounds. */
export interface BoundedMapOptions<V> {
  /** The clock (tests move it). */
  readonly now?: () => number;
  /**
   * Hears every value the map lets go of without being asked (expired, evicted, replaced,
   * cleared), so a value that holds a resource (a downloaded file) can release it.
   */
  readonly onDrop?: (value: V) => void;
  /** Drop expired values on a timer this often, even when nobody asks again (never keeps the process alive). */
  readonly sweepMs?: number;
}

/** LRU + TTL map. */
export class BoundedMap<K, V> {
  private readonly entries = new Map<K, { value: V; expires: number }>();
  private readonly now: () => number;
  private readonly onDrop: (value: V) => void;
  private readonly sweeper?: NodeJS.Timeout;

  constructor(
    private readonly capacity: number,
    private readonly ttlMs = Number.POSITIVE_INFINITY,
    options: BoundedMapOptions<V> = {},
  ) {
    this.now = options.now ?? Date.now;
    this.onDrop = options.onDrop ?? (() => undefined);
    if (options.sweepMs) {
      this.sweeper = setInterval(() => this.sweep(), options.sweepMs);
      this.sweeper.unref();
    }
  }

  /** The value, if present and not expired; reading it makes it the most recently used. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expires <= this.now()) {
      this.onDrop(entry.value);
      return undefined;
    }
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Whether a live entry exists (without refreshing it). */
  has(key: K): boolean {
    const entry = this.entries.get(key);
    return entry !== undefined && entry.expires > this.now();
  }

  /** Store a value; the least recently used entry goes when the map is full. */
  set(key: K, value: V): this {
    const previous = this.entries.get(key);
    this.entries.delete(key);
    if (previous && previous.value !== value) this.onDrop(previous.value);
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    while (this.entries.size > this.capacity) {
      const [oldest, entry] = this.entries.entries().next().value as [K, { value: V }];
      this.entries.delete(oldest);
      this.onDrop(entry.value);
    }
    return this;
  }

  /** Forget an entry (its value is the caller's now: not dropped). */
  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  /** Record `key` as seen; false when it was already seen (and not expired): a redelivery. */
  firstSight(key: K, value: V): boolean {
    if (this.has(key)) return false;
    this.set(key, value);
    return true;
  }

  /** Drop every entry past its time to live. */
  sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (entry.expires > now) continue;
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

  /** Number of entries held (expired ones included until they are touched or pushed out). */
  get size(): number {
    return this.entries.size;
  }
}
