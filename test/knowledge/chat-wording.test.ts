/**
 * Chat words the laws write otherwise: 拍板 is 决定; 对外公开, 向社会公布 and 向社会公开 are all 公开;
 * 查完 is the act 调查 done. A question in chat wording is answered by the rule in the documents'
 * wording; one the rules never settle is still declined.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suiteKnowledgeBase } from '../support/kb-fixtures.ts';

// The shared corpus of laws (absent in a user's clone: skipped there).
const corpus = resolve(import.meta.dirname, '../../../shared/corpus');

describe.skipIf(!existsSync(corpus))('the laws: chat words for the documents\' words', () => {
  const kb = suiteKnowledgeBase('lvzhi-chat-words-', [corpus]);

  it('reads 谁来拍板 as who decides and 对外公开 as what the laws write 向社会公布 or 公开', async () => {
    const answer = await kb().ask('全国人大常委会的立法规划谁来拍板？定了以后要不要对外公开', { k: 5 });
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain('由委员长会议通过并向社会公布');
  });

  it('still finds 予以公开 for 对外公开', async () => {
    const answer = await kb().ask('代表建议的办理情况报告要不要对外公开？', { k: 5 });
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain('予以公开');
  });

  it('does not take 查完 for a topic the library lacks: the rules name the act, 调查', async () => {
    const answer = await kb().ask('调查委员会查完了报告交给谁啊', { k: 5 });
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain('调查委员会应当向本级人民代表大会提出调查报告');
    expect((await kb().ask('执法检查查完了要不要给区长发感谢信', { k: 5 })).found).toBe(false);
  });

  it('still declines what no rule settles in those words', async () => {
    for (const question of ['区人大的年度预算谁来拍板', '常委会会议的会议纪要要不要对外公开']) {
      expect((await kb().ask(question, { k: 5 })).found, question).toBe(false);
    }
  });
});
