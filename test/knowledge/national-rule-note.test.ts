/**
 * A district office asking a question that names no level, answered from the national
 * congress's own rules (its organic law, its standing committee's rules of procedure), is told
 * so beside the quote: 代表联名提出议案 takes 三十名 there and 十人 in a district, and the person
 * would otherwise carry the national figure into the office's work. A question about the
 * national congress itself, and an answer from a law of all levels or the office's own rules, are
 * as before.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nationalRuleTitle } from '../../src/knowledge/answering/question-level.ts';
import { suiteKnowledgeBase } from '../support/kb-fixtures.ts';

const corpus = resolve(import.meta.dirname, '../../../shared/corpus');
const laws = ['npc-organic-law-2021.md', 'npcsc-procedure-rules-2022.md', 'local-organic-law-2022.md', 'deputies-law-2025.md']
  .map((name) => join(corpus, name));
const library = resolve(import.meta.dirname, '../../knowledge');
const NOTE = '是全国人大层面的规定';

/** The title of the first document an answer quotes (its citation line “[1] 《…》”). */
const firstTitle = (answer: string): string | undefined => /^\[1\] 《([^》]+)》/m.exec(answer)?.[1];

describe.skipIf(!laws.every((path) => existsSync(path)))('a national rule quoted for a question naming no level', () => {
  const kb = suiteKnowledgeBase('lvzhi-national-note-', laws, 120_000);

  it('is said to be the national congress\'s, after the quote', async () => {
    const answer = await kb().ask('常委会委员生病来不了会，请假走什么程序？');
    expect(answer.found).toBe(true);
    expect(firstTitle(answer.answer)).toContain('全国人民代表大会常务委员会议事规则');
    const note = answer.answer.split('\n').at(-1)!;
    expect(note).toBe('注意：所引《中华人民共和国全国人民代表大会常务委员会议事规则》是全国人大层面的规定；地方各级人大的做法，以本级的规定为准。');
  });

  it('is not said when the question is about the national congress, or the quote is from a law of all levels', async () => {
    for (const question of ['全国人大代表要提议案，需要多少人联名？', '委员长会议由哪些人组成？']) {
      const answer = await kb().ask(question);
      expect(answer.found).toBe(true);
      expect(firstTitle(answer.answer)).toContain('全国人民代表大会组织法');
      expect(answer.answer).not.toContain(NOTE);
    }
    const local = await kb().ask('常委会主任会议由哪些人组成？');
    expect(firstTitle(local.answer)).toContain('地方各级人民代表大会');
    expect(local.answer).not.toContain(NOTE);
  });
});

describe('the office\'s own rules', () => {
  const kb = suiteKnowledgeBase('lvzhi-national-note-samples-', [library], 120_000);

  it('are quoted without the note', async () => {
    const answer = await kb().ask('常委会会议多久召开一次？');
    expect(answer.found).toBe(true);
    expect(answer.answer).not.toContain(NOTE);
  });
});

describe('which titles and questions take the note', () => {
  it('takes national congress documents for questions naming no level only', () => {
    const rules = '中华人民共和国全国人民代表大会常务委员会议事规则';
    expect(nationalRuleTitle('常委会会议多久开一次', rules)).toBe(rules);
    expect(nationalRuleTitle('区人大常委会会议多久开一次', rules)).toBeUndefined();
    expect(nationalRuleTitle('委员长会议多久开一次', rules)).toBeUndefined();
    expect(nationalRuleTitle('常委会会议多久开一次', '中华人民共和国地方各级人民代表大会和地方各级人民政府组织法')).toBeUndefined();
    expect(nationalRuleTitle('专项债安排了多少', '2024年国务院政府工作报告')).toBeUndefined();
    expect(nationalRuleTitle('常委会会议多久开一次', '某区人大常委会议事规则')).toBeUndefined();
  });
});
