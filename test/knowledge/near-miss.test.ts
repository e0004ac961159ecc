/**
 * Near-miss questions: the library names the topic but not the thing asked — a body it never
 * names (居民委员会), an act it sets no time for (旁听…登记). The nearest article on another body or
 * act reads as the answer; Lüzhi says 没有找到 instead, and still answers the neighbours it does state.
 * Real files: ../shared/corpus and the sample library under knowledge/.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suiteKnowledgeBase } from '../support/kb-fixtures.ts';

const corpus = resolve(import.meta.dirname, '../../../shared/corpus');
const laws = ['local-organic-law-2022.md', 'election-law-2020.md', 'npc-organic-law-2021.md'].map((name) => join(corpus, name));
const samples = resolve(import.meta.dirname, '../../knowledge');
const library = ['某区人大常委会议事规则.md', '区人大常委会2024年上半年工作总结.md', '区人大常委会第二十一次会议纪要.md',
  '在区人大代表履职能力提升培训班开班式上的讲话.md'].map((name) => join(samples, name));

const asker = (kb: ReturnType<typeof suiteKnowledgeBase>) => async (question: string): Promise<{ found: boolean; lead: string }> => {
  const answer = await kb().ask(question, { k: 5 });
  return { found: answer.found, lead: answer.answer.split('\n')[0] };
};

describe.skipIf(!laws.every((path) => existsSync(path)))('a body the laws never name', () => {
  const ask = asker(suiteKnowledgeBase('lvzhi-near-miss-laws-', laws, 120_000));

  it('declines a question on a body no passage found names', async () => {
    // The organic law's 选举本级监察委员会主任 is no rule on residents' committees.
    expect((await ask('居民委员会主任是怎么选出来的？')).found).toBe(false);
    expect((await ask('村民委员会的委员由谁来选举？')).found).toBe(false);
  });

  it('still answers a body the laws name', async () => {
    expect((await ask('选举委员会按什么原则设立投票站？')).lead).toContain('方便选民投票');
    expect((await ask('代表资格审查委员会的主任委员由谁提名？')).found).toBe(true);
  });
});

describe.skipIf(!library.every((path) => existsSync(path)))('an act the sample library sets no time for', () => {
  const ask = asker(suiteKnowledgeBase('lvzhi-near-miss-samples-', library, 120_000));

  it('declines how far ahead to do what no rule mentions', async () => {
    // 第七条's 会议举行七日以前 is the notice to members, not a time to register for 旁听.
    expect((await ask('群众想旁听区人大常委会会议，需要提前几天登记？')).found).toBe(false);
  });

  it('still answers how far ahead for an act the rules time', async () => {
    expect((await ask('议案最迟要在开会前多少天交上来？')).lead).toContain('十五日以前');
  });
});
