/** A drafter over the shared half-year activity log, imported into a fresh data folder for one describe block. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createDrafter, type Drafter } from '../../src/drafting/index.ts';
import { openActivityLog, sqliteActivityStore, type ActivityLog } from '../../src/log/index.ts';
import { openSqliteKnowledgeBase, type OpenKnowledgeBase } from '../../src/knowledge/index.ts';
import { loadTaxonomy } from '../../src/reader/index.ts';

/** The shared half-year log (../shared/fixtures): tests over it skip where it is absent. */
export const HALF_YEAR_LOG = resolve(import.meta.dirname, '../../../shared/fixtures/activities-2023h1.csv');
export const halfYearLogPresent = (): boolean => existsSync(HALF_YEAR_LOG);

/** The shared seed speech (../shared/seeds): the office's own past text a drafter takes its style from. */
const SEEDS = resolve(import.meta.dirname, '../../../shared/seeds');

/**
 * Call inside a describe: the log is imported before its tests and removed after them; its drafter
 * and log. With `seeds`, the drafter also reads the shared seed speech for the office's style.
 */
export function fixtureDrafter(prefix: string, options: { seeds?: boolean } = {}): { drafter: () => Drafter; log: () => ActivityLog } {
  let dir: string | undefined;
  let log: ActivityLog | undefined;
  let kb: OpenKnowledgeBase | undefined;
  let drafter: Drafter | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    log = openActivityLog({ dataDir: dir, taxonomy: loadTaxonomy() });
    await log.importFile(HALF_YEAR_LOG, { by: '导入员', channel: 'cli' });
    if (options.seeds) {
      kb = await openSqliteKnowledgeBase({ dataDir: dir });
      await kb.ingest([SEEDS]);
    }
    drafter = createDrafter({ log: sqliteActivityStore(log), knowledge: kb, taxonomy: loadTaxonomy() });
  }, 120_000);
  afterAll(() => {
    kb?.close();
    log?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('fixtureDrafter: used outside its describe block');
    return value;
  };
  return { drafter: () => ready(drafter), log: () => ready(log) };
}
