/**
 * The order test files start in. vitest hands each worker the next file when it finishes one, so
 * the run ends when the last file does: a 30-second file picked up last keeps one worker busy
 * while the other idles. vitest starts the slowest first only when its duration cache (kept in
 * node_modules/.vite) knows them — never on a clean clone, as in CI. These files, measured slowest,
 * start first in this order; the rest follow in vitest's own order (cached duration, else size).
 * A file missing here only costs time. Measured 2026-12-02 (session 27) with
 * `LVZHI_TEST_CPU_LOG=… npm test` (CI=true, a real PostgreSQL server, load average 12–16) and
 * `node scripts/test-cpu.mjs`: CPU-seconds in brackets, the steady figure on a loaded machine and
 * about a CPU-bound file's wall time on a quiet one; files that mostly wait on child processes,
 * servers or clocks are placed by their wall time instead. The PostgreSQL files were measured
 * again in session 28, once the CI server ran non-durable and their PGlites got cheaper; the three
 * browser files too (a full run, load average 10–19), once they drove chromium-headless-shell, and
 * the files session 28 made cheaper (OCR on A5 scans, small ingests without a keyword worker).
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Slowest first, paths from the repository root. */
export const SLOW_FILES: readonly string[] = [
  'test/knowledge/pgvector.test.ts', // (18–21; 30 before session 28)
  'test/knowledge/ocr.test.ts', // (15–18; 25–31 before session 28's A5 scans)
  'test/assistant/restart.test.ts', // (14)
  'test/assistant/main-messengers.test.ts', // (14)
  'test/knowledge/postgres-stores.test.ts', // (14; 26 s wall in CI while the server flushed every commit to disk)
  'test/web/web-documents-drafts-browser.test.ts', // (13 with chromium-headless-shell, 27 with chromium; waits on its upload page's 2-second refresh)
  'test/web/web-browser-log.test.ts', // (13 with chromium-headless-shell, 28 with chromium)
  'test/log/busy-database.test.ts', // (12; waits on a child's import: 14 s wall on a quiet machine)
  'test/assistant/scan-upload.test.ts', // (8–10)
  'test/channels/terminal-main.test.ts', // (9)
  'test/channels/telegram.test.ts', // (2; waits on its clocks: 9 s wall)
  'test/storage/postgres-processes.test.ts', // (7; waits on child processes)
  'test/knowledge/index-healing.test.ts', // (7.5)
  'test/knowledge/bm25-pruning.test.ts', // (7.4)
  'test/knowledge/ofd-doc-loaders.test.ts', // (7.3)
  'test/knowledge/bounded-input.test.ts', // (6)
  'test/log/bounded-import.test.ts', // (5; 7.4 before session 28)
  'test/channels/slack-e2e.test.ts', // (5; 8 before session 28's keyword worker waited for 500 passages)
  'test/models/embedding-outage.test.ts', // (5)
  'test/knowledge/interrupted-ingest.test.ts', // (4.5)
  'test/assistant/main-channels.test.ts', // (4.5)
  'test/storage/start-up-checks.test.ts', // (4.5)
  'test/log/chart.test.ts', // (4)
  'test/knowledge/graph-after-ingest.test.ts', // (4; 9 before session 28)
  'test/web/web-main.test.ts', // (4)
  'test/knowledge/shared-corpus-retrieval.test.ts', // (4)
  'test/log/cli.test.ts', // (3.6)
  'test/storage/migrate-data.test.ts', // (3.6)
  'test/knowledge/knowledge-base.test.ts', // (3; 11 before session 28)
  'test/knowledge/postgres-shared-base.test.ts', // (3; 11 before session 28)
  'test/knowledge/documents-cli.test.ts', // (3)
  'test/knowledge/loaders.test.ts', // (2.5; 10 before session 28)
  'test/web/web-browser-login.test.ts', // (2.3 with chromium-headless-shell, 11 with chromium)
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
