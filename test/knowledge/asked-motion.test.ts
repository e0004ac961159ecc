/**
 * Questions on one kind of motion (议案, 质询案, 罢免案) over four laws of the shared corpus. The laws
 * word the rules on each kind alike (…十人以上联名，可以…提出…议案 / …的质询案) but set different
 * counts and bodies, so the answer quotes the rule on the kind asked about — never the nearest rule
 * on another kind.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suiteKnowledgeBase } from '../support/kb-fixtures.ts';

const corpus = resolve(import.meta.dirname, '../../../shared/corpus');
const laws = ['npc-organic-law-2021.md', 'npcsc-procedure-rules-2022.md', 'supervision-law-2024.md', 'local-organic-law-2022.md']
  .map((name) => join(corpus, name));

describe.skipIf(!laws.every((path) => existsSync(path)))('questions on a kind of motion', () => {
  const kb = suiteKnowledgeBase('lvzhi-motion-', laws, 120_000);

  const lead = async (question: string): Promise<string> => (await kb().ask(question, { k: 5 })).answer.split('\n')[0];

  it('answers a question on 议案 with the rule on 议案, not the one on 质询案', async () => {
    // Supervision law 第五十一条 (质询案: 十人/五人/三人以上联名) ranks first; the rule on 议案 is 第二十九条 / 第十八条.
    const answer = await lead('听说全国人大常委会委员五个人联名就能提议案，对吗？');
    expect(answer).not.toContain('质询案');
    expect(answer).toContain('议案');
  });

  it('answers who may table a motion at the congress with the rule on 议案, not the one on 罢免案', async () => {
    const answer = await lead('人代会开会期间，谁可以提议案？');
    expect(answer).not.toContain('罢免案');
    expect(answer).toContain('议案');
  });

  it('still answers a question on 质询案 with the rule on 质询案', async () => {
    expect(await lead('区人大常委会组成人员几个人联名可以提质询案？')).toContain('三人以上联名');
  });
});
