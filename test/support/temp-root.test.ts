/**
 * The test run's temporary root (temp-root.ts): TMPDIR points into it for this very run, and the
 * start of a run removes only the roots of runs that were killed — never one still running
 * (other runs on the same machine keep their files).
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BENCH_ROOT_PREFIX, removeAbandonedRoots } from './temp-root.ts';
import { tempFolder } from './temp-folders.ts';

describe('the test run\'s temporary root', () => {
  it('is where this run\'s temporary files go', () => {
    expect(basename(tmpdir())).toMatch(/^lvzhi-test-run-\d+-/);
  });

  it('of a killed run is removed at the next start; a running one\'s and other folders stay', () => {
    const folder = tempFolder('lvzhi-roots-');
    const killed = join(folder, 'lvzhi-test-run-99999999-abcdef');
    const running = join(folder, `lvzhi-test-run-${process.ppid}-abcdef`);
    const other = join(folder, 'lvzhi-upload-99999999-abcdef');
    for (const dir of [killed, running, other]) {
      mkdirSync(join(dir, 'data'), { recursive: true });
      writeFileSync(join(dir, 'data', 'lvzhi.db'), 'x');
    }
    removeAbandonedRoots(folder);
    expect(readdirSync(folder).sort()).toEqual([basename(running), basename(other)].sort());
  });

  it('of a killed bench is removed by the next bench, which leaves the tests\' roots alone', () => {
    const folder = tempFolder('lvzhi-bench-roots-');
    const killed = join(folder, `${BENCH_ROOT_PREFIX}99999999-abcdef`);
    const running = join(folder, `${BENCH_ROOT_PREFIX}${process.ppid}-abcdef`);
    const test = join(folder, 'lvzhi-test-run-99999999-abcdef');
    for (const dir of [killed, running, test]) mkdirSync(join(dir, 'corpus'), { recursive: true });
    removeAbandonedRoots(folder, BENCH_ROOT_PREFIX);
    expect(readdirSync(folder).sort()).toEqual([basename(running), basename(test)].sort());
  });
});
