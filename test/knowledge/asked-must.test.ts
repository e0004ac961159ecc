/**
 * Questions asking whether an act must be done (要不要印发, 需不需要请假, 该不该公开). The rule that answers
 * one is the article where that act is ruled on for that thing: 第二十条's 印发 is of the government's
 * report on the committee's opinions, not of a 视察报告; 第五条's 合理安排会期 is no rule on letting
 * citizens 旁听. When no passage found rules on it, Lüzhi says 没有找到; the acts the rules do state are
 * still quoted.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suiteKnowledgeBase } from '../support/kb-fixtures.ts';

const library = resolve(import.meta.dirname, '../../knowledge');
const corpus = resolve(import.meta.dirname, '../../../shared/corpus');
const laws = ['npcsc-procedure-rules-2022.md', 'election-law-2020.md', 'supervision-law-2024.md', 'local-organic-law-2022.md']
  .map((name) => join(corpus, name));

const asker = (kb: ReturnType<typeof suiteKnowledgeBase>) => async (question: string): Promise<{ found: boolean; lead: string }> => {
  const answer = await kb().ask(question, { k: 5 });
  return { found: answer.found, lead: answer.answer.split('\n')[0] };
};

describe('whether an act must be done, over the sample library', () => {
  const ask = asker(suiteKnowledgeBase('lvzhi-must-samples-', [library], 120_000));

  it('declines an act no rule states for the thing asked about', async () => {
    expect((await ask('视察报告报主任会议以后，要不要印发给全体区人大代表？')).found).toBe(false);
    expect((await ask('视察报告报主任会议后，需不需要提请常委会会议表决？')).found).toBe(false);
    // The rules never name 抄送: they cannot say whether one must.
    expect((await ask('审议意见书交给区人民政府时，要不要同时抄送全体区人大代表？')).found).toBe(false);
    expect((await ask('专题询问的问题该不该提前向社会公开？')).found).toBe(false);
  });

  it('quotes the rule that states the act', async () => {
    expect((await ask('常委会组成人员因病不能出席会议，要不要请假？')).lead).toContain('书面请假');
    expect((await ask('代表建议答复之前，承办单位需不需要和代表沟通？')).lead).toContain('承办单位应当与代表沟通联系');
  });
});

describe.skipIf(!laws.every((path) => existsSync(path)))('whether an act must be done, over the laws', () => {
  const ask = asker(suiteKnowledgeBase('lvzhi-must-laws-', laws, 120_000));

  it('declines an act the laws do not state, and quotes the ones they do', async () => {
    expect((await ask('全国人大常委会开会，要不要安排普通公民旁听？')).found).toBe(false);
    // 罢免要求应当写明罢免理由 is of a recall, not of a resignation.
    expect((await ask('县级人大代表书面提出辞职，需不需要写明辞职理由？')).found).toBe(false);
    expect((await ask('投票的时候要不要设秘密写票处？')).lead).toContain('秘密写票处');
    expect((await ask('常委会的年度监督工作计划要不要向社会公布？')).lead).toContain('向社会公布');
  });
});
