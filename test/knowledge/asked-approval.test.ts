/**
 * Questions asking who approves an act (全国人大代表出国考察，要经过哪个机关批准). The answer is the sentence
 * that rules on approving that act; the organic law's article on deputies' suggestions names
 * 全国人大代表 and a body but no trip abroad, and quoting it reads as an answer that is none. Acts
 * the rules do subject to approval (延长发言时间, 逮捕, 不公开举行) are still answered.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suiteKnowledgeBase } from '../support/kb-fixtures.ts';

const library = resolve(import.meta.dirname, '../../knowledge');
const corpus = resolve(import.meta.dirname, '../../../shared/corpus');
const laws = ['npc-organic-law-2021.md', 'deputies-law-2025.md', 'local-organic-law-2022.md', 'npcsc-procedure-rules-2022.md']
  .map((name) => join(corpus, name));

const asker = (kb: ReturnType<typeof suiteKnowledgeBase>) => async (question: string): Promise<{ found: boolean; lead: string }> => {
  const answer = await kb().ask(question, { k: 5 });
  return { found: answer.found, lead: answer.answer.split('\n')[0] };
};

describe.skipIf(!laws.every((path) => existsSync(path)))('who approves an act, over the laws', () => {
  const ask = asker(suiteKnowledgeBase('lvzhi-approval-laws-', laws, 120_000));

  it('declines approval of an act the laws never name', async () => {
    expect((await ask('全国人大代表出国考察，要经过哪个机关批准？')).found).toBe(false);
    expect((await ask('人大常委会组成人员出国访问，需要经过哪个机关批准？')).found).toBe(false);
  });

  it('answers approval of an act the laws rule on', async () => {
    const arrest = await ask('全国人大代表在全国人大闭会期间被逮捕，要经过哪个机关许可？');
    expect(arrest.found).toBe(true);
    expect(arrest.lead).toContain('常务委员会许可');
  });
});

describe('who approves an act, over the sample library', () => {
  const ask = asker(suiteKnowledgeBase('lvzhi-approval-samples-', [library], 120_000));

  it('answers approval of an act the rules name and declines one they do not', async () => {
    expect((await ask('在分组会议上发言想延长时间，要经过谁同意？')).lead).toContain('经会议主持人同意');
    expect((await ask('区人大常委会会议不公开举行，要经过哪个机构决定？')).lead).toContain('经主任会议决定');
    expect((await ask('区人大代表到外地学习考察，要经过谁批准？')).found).toBe(false);
  });
});
