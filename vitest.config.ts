import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './test/support/slow-first-sequencer.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // ../shared missing: a notice on a user's clone, a failed run under CI=true. Then one
    // temporary folder for the run (TMPDIR for the workers and all they start), removed at its end.
    globalSetup: ['test/support/shared-check.ts', 'test/support/temp-root.ts'],
    // Each test file's temporary folders go when it ends. Measuring only: LVZHI_TEST_CPU_LOG=<file>
    // logs each test file's CPU seconds there (`node scripts/test-cpu.mjs <file>` sums them).
    setupFiles: ['test/support/file-cleanup.ts', ...(process.env.LVZHI_TEST_CPU_LOG ? ['test/support/file-cpu.ts'] : [])],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one worker on this 2-core machine,
    // idle on a core whenever a test waits for a child process, a server or OCR. Two workers
    // keep both cores busy.
    maxWorkers: 2,
    // Test files share each worker's loaded modules instead of importing the whole app again
    // for every file (that import was ~180 s of the suite). Tests keep their state in their
    // own temporary folders and objects, so nothing leaks from one file to the next.
    isolate: false,
    // The slowest files start first, so both workers finish together (also on a clean clone).
    sequence: { sequencer: SlowFirstSequencer },
  },
});
