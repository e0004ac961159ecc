/**
 * The contract every `ConversationStore` keeps (SQLite and PostgreSQL): values come back
 * as stored until they expire, scopes do not mix, a sweep hands back what expired, and a durable
 * store still has everything after it is opened again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationStore } from '../../../src/storage/index.ts';

/** One store under test, over a clock the suite moves. */
export interface ConversationStoreRig {
  readonly store: ConversationStore;
  /** The same place opened again, as after a restart (only for a durable store). */
  reopen?(): Promise<ConversationStore>;
  close(): Promise<void>;
}

/** Run the shared suite against stores made by `open`, which must read time from `now`. */
export function describeConversationStoreContract(name: string, open: (now: () => number) => Promise<ConversationStoreRig>): void {
  describe(`ConversationStore contract: ${name}`, () => {
    let time = 1_800_000_000_000;
    let rig: ConversationStoreRig;
    let store: ConversationStore;
    beforeEach(async () => {
      time = 1_800_000_000_000;
      rig = await open(() => time);
      store = rig.store;
    });
    afterEach(async () => rig.close());

    it('gives back what was stored, in Chinese and nested, and nothing for a key never set', async () => {
      const pending = { kind: 'log', message: '下周五组织代表视察河道治理', activities: [{ kind: '视察', date: '2026-12-11', title: '组织代表视察河道治理' }] };
      await store.set('pending', 'terminal:local|local', pending, time + 60_000);
      expect(await store.get('pending', 'terminal:local|local')).toEqual(pending);
      expect(await store.get('pending', 'terminal:local|other')).toBeUndefined();
    });

    it('replaces a value and its expiry, and forgets a deleted key', async () => {
      await store.set('turn-context', 't', { kind: 'ask', question: '第一问' }, time + 1000);
      await store.set('turn-context', 't', { kind: 'ask', question: '第二问' }, time + 5000);
      time += 2000;
      expect(await store.get('turn-context', 't')).toEqual({ kind: 'ask', question: '第二问' });
      await store.delete('turn-context', 't');
      expect(await store.get('turn-context', 't')).toBeUndefined();
      await store.delete('turn-context', 'never-there');
    });

    it('hands a value to exactly one take, and nothing once it has expired', async () => {
      await store.set('web-login', 'h1', { personId: 'telegram:777' }, time + 1000);
      await store.set('web-login', 'h2', { personId: 'telegram:778' }, time + 1000);
      const both = await Promise.all([store.take('web-login', 'h1'), store.take('web-login', 'h1')]);
      expect(both.filter((v) => v !== undefined)).toEqual([{ personId: 'telegram:777' }]);
      expect(await store.get('web-login', 'h1')).toBeUndefined();
      time += 1000;
      expect(await store.take('web-login', 'h2')).toBeUndefined();
    });

    it('keeps scopes apart', async () => {
      await store.set('pending', 'k', 1, time + 1000);
      await store.set('last-logged', 'k', 2, time + 1000);
      expect(await store.get('pending', 'k')).toBe(1);
      expect(await store.get('last-logged', 'k')).toBe(2);
      await store.delete('pending', 'k');
      expect(await store.get('last-logged', 'k')).toBe(2);
    });

    it('hides a value once its time is up, and a sweep removes and returns exactly the expired ones', async () => {
      await store.set('pending', 'old', { kind: 'delete', id: 7 }, time + 1000);
      await store.set('telegram-choice', 'c1', { send: '确认', threadId: 'telegram:1:main' }, time + 1000);
      await store.set('pending', 'fresh', { kind: 'delete', id: 8 }, time + 10_000);
      time += 1000;
      expect(await store.get('pending', 'old')).toBeUndefined();
      const expired = await store.sweep();
      expect(expired).toHaveLength(2);
      expect(expired).toEqual(expect.arrayContaining([
        { scope: 'pending', key: 'old', value: { kind: 'delete', id: 7 } },
        { scope: 'telegram-choice', key: 'c1', value: { send: '确认', threadId: 'telegram:1:main' } },
      ]));
      expect(await store.sweep()).toEqual([]);
      expect(await store.get('pending', 'fresh')).toEqual({ kind: 'delete', id: 8 });
      // An expired key set again is alive again.
      await store.set('pending', 'old', { kind: 'delete', id: 9 }, time + 1000);
      expect(await store.get('pending', 'old')).toEqual({ kind: 'delete', id: 9 });
    });

    it('still holds every live value after being opened again, when it is durable', async () => {
      if (!rig.store.durable) {
        expect(rig.reopen).toBeUndefined();
        return;
      }
      await store.set('telegram-chain', '-100:42', 'main', time + 60_000);
      await store.set('pending', 'gone', { kind: 'delete', id: 1 }, time + 10);
      const again = await rig.reopen!();
      time += 100;
      expect(await again.get('telegram-chain', '-100:42')).toBe('main');
      expect(await again.get('pending', 'gone')).toBeUndefined();
    });
  });
}
