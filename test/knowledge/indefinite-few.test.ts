/**
 * 好几部法律 says "several laws", it asks no count: a question holding it is answered by the rule,
 * not declined for want of a figure counted in 部. A 几 that asks (几部, 几次) still asks.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutIndefiniteFew } from '../../src/knowledge/answering/indefinite-few.ts';
import { suiteKnowledgeBase } from '../support/kb-fixtures.ts';

// The shared corpus of laws (absent in a user's clone: skipped there).
const corpus = resolve(import.meta.dirname, '../../../shared/corpus');

describe('several, not how many', () => {
  it('leaves an asking 几 and rewrites only the ones that say "several"', () => {
    expect(withoutIndefiniteFew('去年开了几次会')).toBe('去年开了几次会');
    expect(withoutIndefiniteFew('一共有几部法律')).toBe('一共有几部法律');
    expect(withoutIndefiniteFew('好几部法律一起改')).not.toMatch(/几/);
    expect(withoutIndefiniteFew('十几个代表联名')).not.toMatch(/几/);
  });
});

describe.skipIf(!existsSync(corpus))('the laws: 好几部 is no count question', () => {
  const kb = suiteKnowledgeBase('lvzhi-few-', [corpus]);

  it('quotes the rule on amending several laws together', async () => {
    const answer = await kb().ask('好几部法律里同一类的个别条款一起改，能不能打包一次表决？', { k: 5 });
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain('合并表决');
    expect(answer.answer).not.toContain('统计的这项数字');
  });

  it('still checks the act of a yes-or-no question holding 好几 (要不要合并办理: no rule says)', async () => {
    expect((await kb().ask('好几个代表一起提的建议要不要合并办理', { k: 5 })).found).toBe(false);
  });
});
