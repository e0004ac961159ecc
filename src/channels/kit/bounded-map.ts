/**
 * A map that forgets: at most `capacity` entries (the least recently used goes first) and each
 * entry for at most `ttlMs`. Channels keep delivered event ids, choices and reply chains in it,
 * so a bot that runs for months does not grow without end.
 */

/** LRU + TTL map. */
export class BoundedMap<K, V> {
  private readonly entries = new Map<K, { value: V; expires: number }>();

  constructor(
    private readonly capacity: number,
    private readonly ttlMs = Number.POSITIVE_INFINITY,
    private readonly now: () => number = Date.now,
  ) {}

  /** The value, if present and not expired; reading it makes it the most recently used. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expires <= this.now()) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Whether a live entry exists (without refreshing it). */
  has(key: K): boolean {
    const entry = this.entries.get(key);
    return entry !== undefined && entry.expires > this.now();
  }

  /** Store a value; the oldest entry goes when the map is full. */
  set(key: K, value: V): this {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
    return this;
  }

  /** Remove an entry. */
  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  /** Record `key` as seen; false when it was already seen (and not expired): a redelivery. */
  firstSight(key: K, value: V): boolean {
    if (this.has(key)) return false;
    this.set(key, value);
    return true;
  }

  /** Number of entries held (expired ones included until they are touched or pushed out). */
  get size(): number {
    return this.entries.size;
  }
}
