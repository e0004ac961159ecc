/**
 * How long or how often (任期几年, 多久开一次, 安排多长时间), over three laws of the shared corpus. The
 * period quoted must be the period of the thing asked about: the term of the special committees is
 * no term of their advisers, the standing committee's meeting every two months says nothing of how
 * often the chairperson's council meets. When no passage found states the period of that thing,
 * Lüzhi says 没有找到 — never the nearest article's period for another body.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suiteKnowledgeBase } from '../support/kb-fixtures.ts';

const corpus = resolve(import.meta.dirname, '../../../shared/corpus');
const laws = ['npc-organic-law-2021.md', 'npcsc-procedure-rules-2022.md', 'supervision-law-2024.md'].map((name) => join(corpus, name));

describe.skipIf(!laws.every((path) => existsSync(path)))('period questions over three laws', () => {
  const kb = suiteKnowledgeBase('lvzhi-period-', laws, 120_000);

  const ask = async (question: string): Promise<{ found: boolean; lead: string }> => {
    const answer = await kb().ask(question, { k: 5 });
    return { found: answer.found, lead: answer.answer.split('\n')[0] };
  };

  it('does not answer the term of one body with the term of another', async () => {
    // 第三十五条: 各专门委员会每届任期同全国人民代表大会每届任期相同 — of the committees, not their advisers.
    expect((await ask('专门委员会请的顾问，任期多长？')).found).toBe(false);
    // 第四十二条: 全国人民代表大会代表每届任期五年 — of the deputies, not of a delegation's head.
    expect((await ask('代表团团长任期几年？')).found).toBe(false);
  });

  it('does not answer how often a body meets with how often another one does', async () => {
    // 常务委员会会议一般每两个月举行一次: the standing committee, not the chairperson's council.
    expect((await ask('委员长会议多久召开一次？')).found).toBe(false);
  });

  it('declines a period the rule on the thing does not state', async () => {
    // 第六十三条 says who adopts the annual supervision plan and that it is published, not in which month.
    expect((await ask('年度监督工作计划每年几月份定下来？')).found).toBe(false);
    // The articles on 专题询问 say who attends and what follows, never how long it lasts.
    expect((await ask('专题询问每次安排多长时间？')).found).toBe(false);
  });

  it('declines a length asked when the law states only how often, and a month when it states only 每年', async () => {
    // 第六条: 常务委员会会议一般每两个月举行一次 — how often it meets, not how many days a session lasts.
    expect((await ask('全国人大常委会每次会议一般开几天？')).found).toBe(false);
    // 监督法第二十七条: 每年审查和批准决算的同时…听取…审计工作报告 — once a year, in no month named.
    expect((await ask('全国人大常委会听取审计工作报告，安排在每年几月份的会议上？')).found).toBe(false);
  });

  it('does not read a five-year plan as a period', async () => {
    // 监督法第二十三条 on 五年规划纲要的中期评估 states no interval of any evaluation.
    expect((await ask('规划纲要的评估一般隔几年开展一次？')).found).toBe(false);
  });

  it('still answers periods the laws state of the thing asked', async () => {
    expect((await ask('全国人大常委会多久开一次会？')).lead).toContain('一般每两个月举行一次');
    expect((await ask('全国人大专门委员会每届任期多长？')).lead).toContain('每届任期同全国人民代表大会每届任期相同');
    expect((await ask('全国人大代表一届任期几年？')).lead).toContain('每届任期五年');
    // Members serve their body's term (常委会委员, canonical 常委会组成人员).
    expect((await ask('全国人大常委会委员一届任期几年？')).lead).toContain('常务委员会每届任期同全国人民代表大会每届任期相同');
  });
});

describe('how often, over the sample library (the office\'s own rules and minutes)', () => {
  const kb = suiteKnowledgeBase('lvzhi-period-samples-', [resolve(import.meta.dirname, '../../knowledge')], 120_000);
  const ask = async (question: string) => kb().ask(question, { k: 5 });

  it('is answered by a frequency of the act asked, not by a deadline or by what a body does yearly', async () => {
    // 第二十四条 …经主任会议审定后，一般在会议举行五日以前送交 (a deadline), and 主任会议每年从代表建议中
    // 确定若干件重点建议 (a yearly act that is no meeting): neither says how often 主任会议 meets.
    const council = await ask('主任会议多久开一次？');
    expect(council.found).toBe(false);
    expect(council.answer).not.toMatch(/五日以前|重点建议/);
    // 代表大会 inside 某区人民代表大会常务委员会议事规则 is the committee's name, not the congress.
    const congress = await ask('代表大会多长时间举行一次？');
    expect(congress.found).toBe(false);
    expect(congress.answer).not.toContain('每两个月');
    expect((await ask('常委会会议多久开一次？')).answer).toMatch(/^常务委员会会议一般每两个月举行一次/);
  });
});

describe.skipIf(!laws.every((path) => existsSync(path)))('第一次 is no frequency', () => {
  const kb = suiteKnowledgeBase('lvzhi-period-first-', laws, 120_000);
  it('answers how long a first speech may be', async () => {
    const answer = await kb().ask('分组会议上第一次发言最多能讲多久？', { k: 5 });
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain('第一次发言不超过十五分钟');
  });
});
