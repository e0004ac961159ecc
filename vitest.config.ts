import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // ../shared missing: a notice on a user's clone, a failed run under CI=true.
    globalSetup: ['test/support/shared-check.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Test files share each worker's loaded modules instead of importing the whole app again
    // for every file (that import was ~180 s of the suite). Tests keep their state in their
    // own temporary folders and objects, so nothing leaks from one file to the next.
    isolate: false,
  },
});
