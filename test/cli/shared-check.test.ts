/** The test set-up's verdict on ../shared: skip with a notice on a user's clone, fail under CI. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SHARED_NEEDS, sharedVerdict } from '../support/shared-check.ts';

const root = mkdtempSync(join(tmpdir(), 'lvzhi-shared-check-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('../shared at test set-up', () => {
  it('fails a CI run when it is absent, naming what is missing', () => {
    const absent = join(root, 'absent');
    for (const CI of ['true', '1']) {
      const verdict = sharedVerdict(absent, { CI });
      expect(verdict.fail).toContain(join(absent, 'corpus'));
      expect(verdict.notice).toBeUndefined();
    }
  });

  it('on a user\'s clone only prints a notice, and the tests skip', () => {
    const verdict = sharedVerdict(join(root, 'absent'), {});
    expect(verdict.fail).toBeUndefined();
    expect(verdict.notice).toMatch(/skipped/);
    expect(sharedVerdict(join(root, 'absent'), { CI: 'false' }).fail).toBeUndefined();
  });

  it('a partial folder fails CI too; a complete one passes quietly', () => {
    const partial = join(root, 'partial');
    mkdirSync(join(partial, 'corpus'), { recursive: true });
    expect(sharedVerdict(partial, { CI: 'true' }).fail).toContain('activities-2023h1.csv');
    const complete = join(root, 'complete');
    for (const need of SHARED_NEEDS) {
      if (need.includes('.')) {
        mkdirSync(dirname(join(complete, need)), { recursive: true });
        writeFileSync(join(complete, need), '');
      } else mkdirSync(join(complete, need), { recursive: true });
    }
    expect(sharedVerdict(complete, { CI: 'true' })).toEqual({});
  });
});
