/**
 * A large ingest ends with one full garbage collection once its index is complete, so the heap
 * the questions then run in is sized from what the index holds, not from the ingest's peak
 * (collect-garbage.ts). A small ingest is left alone. (What it saves is measured in
 * `npm run bench`: the peak of the 100k-passage knowledge bench.)
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { type PerformanceEntry, PerformanceObserver, constants } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteKnowledgeBase } from '../../src/knowledge/index.ts';
import { collectGarbage } from '../../src/runtime/collect-garbage.ts';
import { tempDir } from '../support/kb-fixtures.ts';

const samples = join(import.meta.dirname, '..', '..', 'knowledge');
const root = tempDir('lvzhi-collect-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Full collections made on request (not by V8's own schedule) while `work` runs. */
async function forcedCollections(work: () => Promise<void>): Promise<number> {
  let forced = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const detail = (entry as PerformanceEntry & { detail?: { kind?: number; flags?: number } }).detail;
      if (detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR && ((detail.flags ?? 0) & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED)) forced++;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  try {
    await work();
    // The observer's entries arrive on a later turn.
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    observer.disconnect();
  }
  return forced;
}

describe('the collection after a large ingest', () => {
  it('frees what nothing holds any more', async () => {
    let held: number[] | undefined = Array.from({ length: 10_000 }, (_, i) => i);
    const ref = new WeakRef(held);
    held = undefined;
    // A WeakRef keeps its target until the job that made it is over.
    await new Promise((resolve) => setImmediate(resolve));
    expect(collectGarbage()).toBe(true);
    expect(ref.deref()).toBeUndefined();
  });

  it('runs once the index of a large ingest is complete and its search warm-up is over', async () => {
    // The sample library counts as large here (the defaults are 10,000 passages and 50,000 units).
    // Its graph, too, is completed after the ingest returns, as a large library's is.
    const kb = await openSqliteKnowledgeBase({ dataDir: join(root, 'large'), collectAfterIngestFrom: 1, warmUpFromUnits: 1, graphBuild: { afterIngestFrom: 1 } });
    try {
      let searches = 0;
      const forced = await forcedCollections(async () => {
        await kb.ingest([samples]);
        await kb.indexed();
        searches = await kb.warmedUp();
      });
      // The warm-up is still there for whoever waits for the complete index (the bench does).
      expect(searches).toBeGreaterThan(10);
      expect(forced).toBe(1);
    } finally {
      kb.close();
    }
  }, 60_000);

  it('leaves a small ingest alone by default', async () => {
    const kb = await openSqliteKnowledgeBase({ dataDir: join(root, 'small'), warmUpFromUnits: 1 });
    try {
      const forced = await forcedCollections(async () => {
        await kb.ingest([samples]);
        await kb.indexed();
        await kb.warmedUp();
      });
      expect(forced).toBe(0);
    } finally {
      kb.close();
    }
  }, 60_000);
});
