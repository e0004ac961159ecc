/**
 * Conversation state: the in-memory and the SQLite store pass the shared contract; the SQLite
 * one drops a damaged row with a log line instead of failing the turn that reads it.
 */
import { describe, expect, it } from 'vitest';
import {
  createMemoryConversationStore, createSqliteConversationStore, openDatabase, type DroppedState,
} from '../../src/storage/index.ts';
import { describeConversationStoreContract } from '../support/contracts/conversation-store-contract.ts';
import { tempFolder } from '../support/temp-folders.ts';

describeConversationStoreContract('memory', async (now) => ({
  store: createMemoryConversationStore({ now }),
  async close() {},
}));

describeConversationStoreContract('sqlite', async (now) => {
  const dataDir = tempFolder('lvzhi-convo-');
  const connections = [openDatabase(dataDir)];
  return {
    store: createSqliteConversationStore(connections[0], { now }),
    async reopen() {
      connections.push(openDatabase(dataDir));
      return createSqliteConversationStore(connections.at(-1)!, { now });
    },
    async close() {
      for (const db of connections) db.close();
    },
  };
});

describe('SQLite conversation store', () => {
  it('drops a row it cannot read, says so in the log, and goes on', async () => {
    const db = openDatabase(tempFolder('lvzhi-convo-bad-'));
    const dropped: DroppedState[] = [];
    const store = createSqliteConversationStore(db, { onDropped: (d) => dropped.push(d) });
    await store.set('pending', 'a', { kind: 'delete', id: 3 }, Date.now() + 60_000);
    db.prepare("UPDATE conversation_state SET value = '{\"kind\":\"del' WHERE key = 'a'").run();
    expect(await store.get('pending', 'a')).toBeUndefined();
    expect(dropped).toEqual([expect.objectContaining({ scope: 'pending', key: 'a' })]);
    expect(db.prepare('SELECT COUNT(*) FROM conversation_state').pluck().get()).toBe(0);
    await store.set('pending', 'a', { kind: 'delete', id: 4 }, Date.now() + 60_000);
    expect(await store.get('pending', 'a')).toEqual({ kind: 'delete', id: 4 });
    db.close();
  });

  it('creates its table once, as a migration step of its own', () => {
    const db = openDatabase(tempFolder('lvzhi-convo-mig-'));
    createSqliteConversationStore(db);
    createSqliteConversationStore(db);
    expect(db.prepare("SELECT version FROM schema_migrations WHERE module = 'conversations'").pluck().all()).toEqual([1]);
    db.close();
  });
});

describe('memory conversation store', () => {
  it('lets the least recently written value go beyond its bound', async () => {
    const store = createMemoryConversationStore({ capacity: 2 });
    const later = Date.now() + 60_000;
    await store.set('pending', 'a', 1, later);
    await store.set('pending', 'b', 2, later);
    await store.set('pending', 'c', 3, later);
    expect(await store.get('pending', 'a')).toBeUndefined();
    expect(await store.get('pending', 'c')).toBe(3);
  });
});
