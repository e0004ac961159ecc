/**
 * Conversation state: the in-memory, the SQLite and the PostgreSQL store (on PGlite, and on a
 * real server when LVZHI_TEST_DATABASE_URL is set) pass the shared contract; the SQLite and
 * PostgreSQL ones drop a damaged row with a log line instead of failing the turn that reads it.
 */
import { describe, expect, it } from 'vitest';
import {
  createMemoryConversationStore, createPostgresConversationStore, createSqliteConversationStore, openDatabase, openPostgres,
  type DroppedState, type PostgresDatabase,
} from '../../src/storage/index.ts';
import { describeConversationStoreContract } from '../support/contracts/conversation-store-contract.ts';
import { REAL_SERVER_URL, noticeWithoutServer, usePglite, useRealPostgres, type TestPostgres } from '../support/postgres.ts';
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

function describeOnPostgres(name: string, server: () => TestPostgres): void {
  const postgres = server();
  describeConversationStoreContract(name, async (now) => {
    await postgres.reset();
    const connections: PostgresDatabase[] = [];
    const open = async () => {
      connections.push(openPostgres(postgres.url(), { max: 2 }));
      const store = createPostgresConversationStore(connections.at(-1)!, { now });
      await store.ready;
      return store;
    };
    return {
      store: await open(),
      reopen: open,
      async close() {
        for (const db of connections) await db.close();
      },
    };
  });

  it('drops a row it cannot read, says so in the log, and goes on', async () => {
    await postgres.reset();
    const db = openPostgres(postgres.url(), { max: 1 });
    const dropped: DroppedState[] = [];
    const store = createPostgresConversationStore(db, { onDropped: (d) => dropped.push(d) });
    await store.set('pending', 'a', { kind: 'delete', id: 3 }, Date.now() + 60_000);
    await db.query(`UPDATE conversation_state SET value = '{"kind":"del' WHERE key = 'a'`);
    expect(await store.get('pending', 'a')).toBeUndefined();
    expect(dropped).toEqual([expect.objectContaining({ scope: 'pending', key: 'a' })]);
    expect((await db.query('SELECT COUNT(*)::int AS n FROM conversation_state')).rows[0].n).toBe(0);
    await db.close();
  });
}

describe('PostgreSQL conversation store on PGlite', () => describeOnPostgres('postgres (PGlite)', usePglite));

noticeWithoutServer();
describe.skipIf(!REAL_SERVER_URL)('PostgreSQL conversation store on a real server (LVZHI_TEST_DATABASE_URL)', () => describeOnPostgres('postgres (server)', useRealPostgres));
