/**
 * A question that names its level, answered by an article that rules on what it asks only for
 * another level, is not answered from that clause: 地方组织法 第四十七条 gives a 秘书长 to the
 * standing committees of provinces and cities, not to a district's; 代表法 第三十三条 gives
 * 专题询问 to county deputies, the township's only 执法检查. And a question about the office's own
 * district (咱们区) is not answered from a city's or the national work report; nor one naming no level
 * (a district office's) from the national congress's rule on a post its own level's clause lacks. Real corpus.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suiteKnowledgeBase } from '../support/kb-fixtures.ts';

const corpus = resolve(import.meta.dirname, '../../../shared/corpus');
const laws = ['local-organic-law-2022.md', 'deputies-law-2025.md', 'npc-organic-law-2021.md', 'supervision-law-2024.md',
  'gov-work-report-2022-national.md', 'gov-work-report-2024-national.md', 'gov-work-report-2026-beijing.md',
  'gov-work-report-2026-shanghai.md'].map((name) => join(corpus, name));

describe.skipIf(!laws.every((path) => existsSync(path)))('a question naming its level', () => {
  const kb = suiteKnowledgeBase('lvzhi-asked-level-', laws, 180_000);

  it('is not answered from the clause of another level', async () => {
    const secretary = await kb().ask('区人大常委会秘书长从哪里产生');
    expect(secretary.found).toBe(false);
    expect(secretary.answer).not.toContain('设区的市的人民代表大会常务委员会由本级人民代表大会');
    const inquiry = await kb().ask('乡镇人大主席团能跟着区人大常委会搞专题询问吗');
    expect(inquiry.found).toBe(false);
  });

  it('naming no level, is not answered from the national rule on a post the district\'s clause does not give', async () => {
    // 全国人大组织法 第二十三条 has a 秘书长; 地方组织法 第四十七条 gives one to cities and provinces only.
    const secretary = await kb().ask('常委会秘书长从哪里产生');
    expect(secretary.found).toBe(false);
    expect(secretary.answer).not.toContain('由全国人民代表大会从代表中选出');
    const national = await kb().ask('全国人大常委会秘书长从哪里产生');
    expect(national.found).toBe(true);
    expect(national.answer).toContain('《中华人民共和国全国人民代表大会组织法》');
    const city = await kb().ask('市人大常委会秘书长从哪里产生');
    expect(city.found).toBe(true);
    expect(city.answer.split('\n')[0]).toContain('设区的市的人民代表大会常务委员会由本级人民代表大会在代表中选举');
  });

  it('is still answered from the clause of its own level', async () => {
    const members = await kb().ask('区人大常委会组成人员多少人');
    expect(members.found).toBe(true);
    expect(members.answer.split('\n')[0]).toContain('十五人至三十五人');
    const sessions = await kb().ask('乡镇人大一年开几次会');
    expect(sessions.found).toBe(true);
    expect(sessions.answer.split('\n')[0]).toContain('一般每年举行两次');
    const council = await kb().ask('区人大常委会主任会议由哪些人组成');
    expect(council.answer.split('\n')[0]).toContain('市辖区的人民代表大会常务委员会主任、副主任组成主任会议');
  });

  it('about the office\'s own district is not answered from a city\'s or the national report', async () => {
    for (const question of ['咱们区今年GDP增长目标定的多少', '我区今年财政收入目标是多少']) {
      const answer = await kb().ask(question);
      expect(answer.found).toBe(false);
      expect(answer.answer).not.toMatch(/生产总值增长/);
    }
    // Naming the city still answers from its report.
    const shanghai = await kb().ask('上海今年GDP增长目标定的多少');
    expect(shanghai.found).toBe(true);
    expect(shanghai.answer).toContain('《2026年上海市政府工作报告》');
  });
});
