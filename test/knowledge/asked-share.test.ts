/**
 * A share asked with words between the rate and 多少 (首诊率要达到多少, 比例定的是多少) asks for a
 * percentage just as 解决率是多少 does: over the shared reports, an answer quoting a passage on the
 * thing that states no percentage of it (推动…社区首诊) is declined, with the note that no
 * such figure was found, while a passage stating the share is still quoted.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suiteKnowledgeBase } from '../support/kb-fixtures.ts';

// The shared reports (absent in a user's clone: skipped there).
const corpus = resolve(import.meta.dirname, '../../../shared/corpus');

describe.skipIf(!existsSync(corpus))('a share asked with words before 多少', () => {
  const kb = suiteKnowledgeBase('lvzhi-asked-share-', [corpus], 120_000);

  it('declines when the passage on the thing states no percentage of it', async () => {
    for (const question of ['上海今年社区卫生服务中心的社区首诊率要达到多少？', '上海2026年公园24小时开放的比例定的是多少？']) {
      const answer = await kb().ask(question, { k: 5 });
      expect(answer.found, question).toBe(false);
      expect(answer.answer, question).toContain('百分比');
    }
  });

  it('still quotes the passage stating the share', async () => {
    const answer = await kb().ask('北京去年绿色电力的占比达到了多少？', { k: 5 });
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain('绿色电力占比达36%');
  });
});
