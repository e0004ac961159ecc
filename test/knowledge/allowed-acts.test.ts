/**
 * Questions asking whether an act is allowed (能不能带秘书随行) or how a thing is reckoned
 * (出差补助怎么算) have no asking word pointing at a focus. The act's thing (秘书, 媒体) or the
 * reckoned thing (出差补助) must be named by the quote; a quote sharing only the circumstance
 * words (代表, 视察) is no answer. Acts the laws do rule on are still quoted.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suiteKnowledgeBase } from '../support/kb-fixtures.ts';

// The shared corpus of laws (absent in a user's clone: skipped there).
const corpus = resolve(import.meta.dirname, '../../../shared/corpus');

describe.skipIf(!existsSync(corpus))('the laws: whether an act is allowed, how a thing is reckoned', () => {
  const kb = suiteKnowledgeBase('lvzhi-allowed-', [corpus]);

  it('says 没有找到 when the quote does not name what the act involves', async () => {
    for (const question of ['代表视察的时候能不能带秘书随行？', '人大代表能不能以代表身份接受媒体采访？', '常委会委员下乡视察的出差补助怎么算？']) {
      const answer = await kb().ask(question, { k: 5 });
      expect(answer.found, question).toBe(false);
      expect(answer.answer).toContain('没有找到');
    }
  });

  it('still quotes the rule on an act the laws allow or forbid', async () => {
    const immune = await kb().ask('代表在人代会上的发言能不能被追究法律责任？', { k: 5 });
    expect(immune.found).toBe(true);
    expect(immune.answer).toContain('不受法律追究');
    const recall = await kb().ask('选民能不能罢免自己选出来的区人大代表？', { k: 5 });
    expect(recall.found).toBe(true);
    expect(recall.answer).toContain('有权罢免自己选出的代表');
  });
});
