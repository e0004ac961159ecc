/**
 * Conversation state in process memory (bolt-js's `MemoryStore`): for the command line and
 * tests, where nothing needs to outlive the process. Bounded, so a long run cannot grow
 * without end: the least recently written key goes first.
 */
import type { ConversationScope, ConversationStore, ExpiredState } from './conversation-store.ts';

/** How the memory store is bounded and what clock it reads. */
export interface MemoryConversationStoreOptions {
  /** Most values kept at once (all scopes together). */
  readonly capacity?: number;
  readonly now?: () => number;
}

/** A `ConversationStore` in a Map; values are copied through JSON, as a database would. */
export function createMemoryConversationStore(options: MemoryConversationStoreOptions = {}): ConversationStore {
  const capacity = options.capacity ?? 50_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { scope: ConversationScope; key: string; json: string; expiresAt: number }>();
  const id = (scope: ConversationScope, key: string) => `${scope}\u0000${key}`;

  return {
    durable: false,
    async get(scope, key) {
      const entry = entries.get(id(scope, key));
      if (!entry || entry.expiresAt <= now()) return undefined;
      return JSON.parse(entry.json) as unknown;
    },
    async set(scope, key, value, expiresAt) {
      const at = id(scope, key);
      entries.delete(at);
      entries.set(at, { scope, key, json: JSON.stringify(value), expiresAt });
      while (entries.size > capacity) entries.delete(entries.keys().next().value as string);
    },
    async take(scope, key) {
      const entry = entries.get(id(scope, key));
      entries.delete(id(scope, key));
      if (!entry || entry.expiresAt <= now()) return undefined;
      return JSON.parse(entry.json) as unknown;
    },
    async delete(scope, key) {
      entries.delete(id(scope, key));
    },
    async sweep() {
      const expired: ExpiredState[] = [];
      const time = now();
      for (const [at, entry] of entries) {
        if (entry.expiresAt > time) continue;
        entries.delete(at);
        expired.push({ scope: entry.scope, key: entry.key, value: JSON.parse(entry.json) as unknown });
      }
      return expired;
    },
  };
}
