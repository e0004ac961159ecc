/**
 * Staff name bodies and acts the way the office speaks (财经委, 初审, 两高, 司法解释, 不识字) where
 * the laws write them out (财政经济委员会, 初步审查, 最高人民法院、最高人民检察院, 具体应用法律的解释,
 * 文盲). Such questions are answered from the article that says it, over the shared laws; the
 * committees' full names stay searchable on their own (法制工作委员会、预算工作委员会 in a list).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'vitest';
import { answersFrom, suiteKnowledgeBase } from '../support/kb-fixtures.ts';

// The shared laws (absent in a user's clone: skipped there).
const corpus = resolve(import.meta.dirname, '../../../shared/corpus');

describe.skipIf(!existsSync(corpus))('the office\'s own words for what the laws write out', () => {
  const kb = suiteKnowledgeBase('lvzhi-staff-words-', [corpus], 120_000);
  const answers = answersFrom(kb);

  it('reads a committee\'s short name and 初审 as the rules write them', async () => {
    await answers('国民经济计划的调整方案什么时候交财经委初审？', '交财政经济委员会进行初步审查');
  });

  it('reads 两高 and 司法解释 as the rules write them', async () => {
    await answers('两高作出的司法解释要在多少天内报全国人大常委会备案？', '三十日内报全国人民代表大会常务委员会备案');
  });

  it('reads 不识字 as 文盲', async () => {
    await answers('选民不识字，选票怎么填？', '可以委托他信任的人代写');
  });

  it('still finds a committee by its full name in a list', async () => {
    await answers('区人大常委会设立哪些工作委员会？', '法制工作委员会、预算工作委员会、代表工作委员会');
  });
});
