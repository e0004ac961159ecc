/**
 * Values a page keeps between requests in this process (an upload's progress, a draft being
 * edited): each for a while and for one person, the oldest let go first past a bound, so a
 * busy office cannot fill the memory. A restart forgets them; the pages then say so in Chinese.
 */
import { randomBytes } from 'node:crypto';

/** A value and whose it is. */
interface Kept<T> {
  readonly personId: string;
  value: T;
  expiresAt: number;
}

/** A bounded, expiring map from unguessable ids to one person's values. */
export class KeptValues<T> {
  private readonly values = new Map<string, Kept<T>>();

  constructor(private readonly ttlMs: number, private readonly max: number, private readonly now: () => number) {}

  /** Keep a value for a person; its new id (unguessable: it is the only key to it in a URL). */
  add(personId: string, value: T): string {
    this.sweep();
    const id = randomBytes(12).toString('base64url');
    this.values.set(id, { personId, value, expiresAt: this.now() + this.ttlMs });
    while (this.values.size > this.max) this.values.delete(this.values.keys().next().value!);
    return id;
  }

  /** The value under `id` if it is this person's and has not expired. */
  get(id: string, personId: string): T | undefined {
    const kept = this.values.get(id);
    if (!kept || kept.personId !== personId || kept.expiresAt <= this.now()) return undefined;
    return kept.value;
  }

  /** Replace a person's value (and give it its full time again); false when it is gone. */
  set(id: string, personId: string, value: T): boolean {
    const kept = this.values.get(id);
    if (!kept || kept.personId !== personId || kept.expiresAt <= this.now()) return false;
    kept.value = value;
    kept.expiresAt = this.now() + this.ttlMs;
    return true;
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, kept] of this.values) if (kept.expiresAt <= now) this.values.delete(id);
  }
}
