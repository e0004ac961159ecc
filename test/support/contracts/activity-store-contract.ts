/**
 * The contract every `ActivityStore` keeps (SQLite and PostgreSQL): exact counts per
 * kind and period, one message's entries withdrawn together, live duplicates never stored
 * twice, corrections and deletions kept in the audit trail, bad entries refused in Chinese.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.ts';
import type { ActivityStore, Provenance } from '../../../src/log/index.ts';

/** One store under test on an empty log, with the built-in kinds. */
export interface ActivityStoreRig {
  readonly store: ActivityStore;
  close(): Promise<void>;
}

const wang: Provenance = { by: 'telegram:42', byName: '王芳', channel: 'telegram', chat: 'telegram:42:main', message: '今天组织代表视察了安全生产工作' };
const li: Provenance = { by: 'slack:U7', byName: '李明', channel: 'slack' };

/** Run the shared suite against stores made by `open`. */
export function describeActivityStoreContract(name: string, open: () => Promise<ActivityStoreRig>): void {
  describe(`ActivityStore contract: ${name}`, () => {
    let rig: ActivityStoreRig;
    let store: ActivityStore;
    beforeEach(async () => {
      rig = await open();
      store = rig.store;
    });
    afterEach(async () => rig.close());

    it('stores one message\'s activities, counts them exactly per kind and period, and lists them in date order', async () => {
      const added = await store.addAll([
        { date: '2026-03-05', kind: 'inspection', title: '组织代表视察安全生产工作' },
        { date: '2026-02-10', kind: '调研', title: '开展养老服务调研' },
      ], wang);
      expect(added.map((a) => a.duplicate)).toEqual([false, false]);
      expect(added[0].activity).toMatchObject({ date: '2026-03-05', kind: 'inspection', by: 'telegram:42', by_name: '王芳' });
      await store.addAll([{ date: '2026-08-06', kind: 'inspection', title: '组织代表视察防汛工作', to: '2026-08-07' }], li);

      const firstHalf = await store.stats({ from: '2026-01-01', to: '2026-06-30' });
      expect(firstHalf.total).toBe(2);
      expect(firstHalf.counts.filter((c) => c.count > 0).map((c) => [c.kind, c.count])).toEqual(expect.arrayContaining([['inspection', 1], ['research', 1]]));
      expect((await store.stats({ kinds: ['inspection'] })).total).toBe(2);
      expect((await store.list({ from: '2026-01-01', to: '2026-12-31' })).map((a) => a.title))
        .toEqual(['开展养老服务调研', '组织代表视察安全生产工作', '组织代表视察防汛工作']);
      expect((await store.list({ kinds: ['inspection'], from: '2026-07-01' }))[0]).toMatchObject({ to: '2026-08-07', by: 'slack:U7' });
      const months = await store.statsByMonth({ from: '2026-01-01', to: '2026-08-31' });
      expect(months.months.map((m) => m.total)).toEqual([0, 1, 1, 0, 0, 0, 0, 1]);
    });

    it('never stores a live duplicate twice, alone or in bulk', async () => {
      const entry = { date: '2026-06-12', kind: 'inspection', title: '组织代表视察安全生产工作' };
      const [first] = await store.addAll([entry], wang);
      const [again] = await store.addAll([entry], li);
      expect(again).toEqual({ activity: first.activity, duplicate: true });
      const bulk = await store.addMany([entry, { ...entry, title: '组织代表视察防汛工作', by: '张科长' }], { by: 'cli', channel: 'import' });
      expect(bulk).toEqual({ imported: 1, duplicates: 1 });
      expect((await store.list()).map((a) => a.by)).toEqual(['telegram:42', '张科长']);
    });

    it('withdraws the whole last message of one person, and only theirs', async () => {
      await store.addAll([{ date: '2026-06-01', kind: 'inspection', title: '视察甲' }], li);
      await store.addAll([{ date: '2026-06-02', kind: 'inspection', title: '视察乙' }, { date: '2026-06-03', kind: 'research', title: '调研丙' }], wang);
      const withdrawn = await store.undo('telegram:42', { channel: 'telegram' });
      expect(withdrawn.map((a) => a.title)).toEqual(['视察乙', '调研丙']);
      expect((await store.list()).map((a) => a.title)).toEqual(['视察甲']);
      expect(await store.undo('telegram:42')).toEqual([]);
    });

    it('keeps corrections and deletions in the audit trail, with before and after', async () => {
      const [{ activity }] = await store.addAll([{ date: '2026-06-12', kind: 'inspection', title: '组织代表视察安全生产工作' }], wang);
      const corrected = await store.correct(activity.id, { date: '2026-06-13', kind: 'research' }, 'telegram:42', { channel: 'telegram', message: '改成6月13日' });
      expect(corrected).toMatchObject({ id: activity.id, date: '2026-06-13', kind: 'research', title: '组织代表视察安全生产工作' });
      expect(await store.get(activity.id)).toEqual(corrected);
      const removed = await store.remove(activity.id, 'terminal:admin', { channel: 'terminal' });
      expect(removed.id).toBe(activity.id);
      expect(await store.get(activity.id)).toBeUndefined();
      expect((await store.stats()).total).toBe(0);
      const trail = await store.history(activity.id);
      expect(trail.map((h) => h.action)).toEqual(['add', 'correct', 'delete']);
      expect(trail[0]).toMatchObject({ by: 'telegram:42', byName: '王芳', channel: 'telegram', message: '今天组织代表视察了安全生产工作', before: null });
      expect(trail[1].before).toMatchObject({ date: '2026-06-12', kind: 'inspection' });
      expect(trail[1].after).toMatchObject({ date: '2026-06-13', kind: 'research' });
      expect(trail[2]).toMatchObject({ by: 'terminal:admin', action: 'delete' });
    });

    it('pages the live entries a filter selects (period, kind, person, title words) and the audit trail, with exact totals', async () => {
      const days = Array.from({ length: 12 }, (_, i) => `2026-0${1 + (i % 6)}-1${i % 9}`);
      await store.addMany(days.map((date, i) => ({ date, kind: i % 3 === 0 ? 'research' : 'inspection', title: `视察第${i}项100%_工作` })), { ...wang, channel: 'import' });
      await store.addAll([{ date: '2026-03-01', kind: 'inspection', title: '李明视察河道' }], li);
      const all = await store.list();
      const first = await store.page({}, { limit: 5, offset: 0 });
      const rest = await store.page({}, { limit: 10, offset: 5 });
      expect(first.total).toBe(13);
      expect([...first.items, ...rest.items]).toEqual(all);
      const filtered = await store.page({ from: '2026-02-01', to: '2026-04-30', kinds: ['视察'] }, { limit: 50, offset: 0 });
      expect(filtered.items).toEqual(all.filter((a) => a.date >= '2026-02-01' && a.date <= '2026-04-30' && a.kind === 'inspection'));
      expect(filtered.total).toBe(filtered.items.length);
      expect((await store.page({ by: '李明' }, { limit: 50, offset: 0 })).items.map((a) => a.title)).toEqual(['李明视察河道']);
      expect((await store.page({ by: 'slack:U7' }, { limit: 50, offset: 0 })).total).toBe(1);
      // Title words are taken literally: % and _ are not wildcards.
      expect((await store.page({ text: '第1' }, { limit: 50, offset: 0 })).items.map((a) => a.title)).toEqual(expect.arrayContaining(['视察第1项100%_工作', '视察第10项100%_工作', '视察第11项100%_工作']));
      expect((await store.page({ text: '0%_工' }, { limit: 50, offset: 0 })).total).toBe(12);
      expect((await store.page({ text: '0_%工' }, { limit: 50, offset: 0 })).total).toBe(0);
      const target = all[0];
      await store.correct(target.id, { title: '改过的标题' }, 'slack:U7', { channel: 'web', byName: '李明' });
      const trail = await store.auditPage({ activityId: target.id }, { limit: 10, offset: 0 });
      expect(trail.items.map((h) => h.action)).toEqual(['correct', 'import']);
      const byLi = await store.auditPage({ by: '李明' }, { limit: 1, offset: 0 });
      expect(byLi.total).toBe(2);
      expect(byLi.items[0]).toMatchObject({ action: 'correct', by: 'slack:U7', activityId: target.id });
      expect((await store.auditPage({}, { limit: 100, offset: 0 })).total).toBe(14);
    });

    it('refuses an impossible date, an empty title or an unknown entry in Chinese, storing nothing', async () => {
      await expect(store.addAll([{ date: '2026-02-30', kind: 'inspection', title: '视察' }], wang)).rejects.toBeInstanceOf(UserError);
      await expect(store.addAll([{ date: '2026-06-01', kind: 'inspection', title: '  ' }], wang)).rejects.toBeInstanceOf(UserError);
      await expect(store.addMany([{ date: '2026-06-01', kind: 'inspection', title: '好的' }, { date: '2026-13-01', kind: 'inspection', title: '坏的' }], wang))
        .rejects.toThrow();
      await expect(store.correct(999, { title: '新标题' }, 'telegram:42')).rejects.toBeInstanceOf(UserError);
      expect(await store.list()).toEqual([]);
      expect(await store.history()).toEqual([]);
    });
  });
}
