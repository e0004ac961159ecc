/**
 * The order test files start in. vitest hands each worker the next file when it finishes one, so
 * the run ends when the last file does: a 30-second file picked up last keeps one worker busy
 * while the other idles. vitest starts the slowest first only when its duration cache (kept in
 * node_modules/.vite) knows them — never on a clean clone, as in CI. These files, measured slowest
 * (2026-12-02, quiet machine, seconds in brackets), start first in this order; the rest follow
 * in vitest's own order (cached duration, else size). A file missing here only costs time.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Slowest first, paths from the repository root. */
export const SLOW_FILES: readonly string[] = [
  'test/knowledge/ocr.test.ts', // (34; 22 with one shared recogniser)
  'test/web/web-documents-drafts-browser.test.ts', // (17)
  'test/knowledge/pgvector.test.ts', // (16)
  'test/knowledge/postgres-stores.test.ts', // (14)
  'test/log/busy-database.test.ts', // (14)
  'test/web/web-browser-log.test.ts', // (12)
  'test/log/bounded-import.test.ts', // (11)
  'test/assistant/main-messengers.test.ts', // (10)
  'test/assistant/restart.test.ts', // (10)
  'test/assistant/scan-upload.test.ts', // (9)
  'test/storage/postgres-processes.test.ts', // (9)
  'test/channels/terminal-main.test.ts', // (9)
  'test/knowledge/knowledge-base.test.ts', // (7)
  'test/storage/start-up-checks.test.ts', // (7)
  'test/channels/telegram.test.ts', // (6)
  'test/knowledge/interrupted-ingest.test.ts', // (6)
  'test/web/web-browser-login.test.ts', // (6)
  'test/knowledge/bm25-pruning.test.ts', // (5)
  'test/knowledge/loaders.test.ts', // (5)
  'test/knowledge/postgres-shared-base.test.ts', // (5)
  'test/channels/slack-e2e.test.ts', // (5)
  'test/web/web-main.test.ts', // (5)
  'test/models/embedding-outage.test.ts', // (5)
  'test/storage/migrate-data.test.ts', // (5)
  'test/assistant/main-channels.test.ts', // (4)
];

/** vitest's sequencer with the known-slow files moved to the front. */
export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification): number => {
      const path = spec.moduleId.replaceAll('\\', '/');
      const index = SLOW_FILES.findIndex((file) => path.endsWith(`/${file}`));
      return index < 0 ? SLOW_FILES.length : index;
    };
    // Array.prototype.sort is stable: the other files keep vitest's order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
