/**
 * Vitest global set-up: the tests that read ../shared (the real laws, the half-year log, the
 * seed speech, the dev questions) skip where it is absent — a user's clone. Under CI
 * (`CI=true`, as `.ci/run` sets) an absent or partial ../shared fails the run instead, so a
 * green CI never means "skipped the real-data tests without saying so".
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The folder the real-data tests read, next to the repository. */
export const SHARED_DIR = resolve(import.meta.dirname, '../../../shared');

/** What those tests read from it. */
export const SHARED_NEEDS = ['corpus', 'fixtures/activities-2023h1.csv', 'seeds', 'eval/qa-dev.jsonl', 'eval/notfound-dev.jsonl'] as const;

/** True when the environment says this is a CI run (CI=true or CI=1, as CI services set it). */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI === 'true' || env.CI === '1';
}

/** The parts of ../shared that are missing (empty when all are there). */
export function missingShared(dir: string = SHARED_DIR): string[] {
  return SHARED_NEEDS.filter((path) => !existsSync(join(dir, path)));
}

/** What to do about ../shared: nothing, a notice (a user's clone) or a failure (CI). */
export function sharedVerdict(dir: string = SHARED_DIR, env: NodeJS.ProcessEnv = process.env): { fail?: string; notice?: string } {
  const missing = missingShared(dir);
  if (missing.length === 0) return {};
  const what = missing.map((path) => join(dir, path)).join(', ');
  if (isCi(env)) {
    return { fail: `CI=true but the real-data test inputs are missing: ${what}. Put ../shared next to the clone; in CI these tests must run, not skip.` };
  }
  return { notice: `[notice] ${what} absent: the tests over the real laws, the half-year log and the seed speech are skipped (they run where ../shared exists; under CI=true its absence fails the run).` };
}

/** Fail under CI when ../shared is incomplete; elsewhere print one notice and let the tests skip. */
export default function checkShared(): void {
  const { fail, notice } = sharedVerdict();
  if (fail) throw new Error(fail);
  if (notice) console.warn(notice);
}
