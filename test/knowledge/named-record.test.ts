/**
 * Questions that name whose record they ask about — a place (上海…) or a dated report (2024年政府工作
 * 报告里…) — over the four work reports of the shared corpus. Reports state the same kinds of figures
 * in the same words, so another place's or year's figure reads as the answer: the answer comes from
 * the record named, or is 没有找到 when that record does not state it.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suiteKnowledgeBase } from '../support/kb-fixtures.ts';

const corpus = resolve(import.meta.dirname, '../../../shared/corpus');
const reports = ['gov-work-report-2022-national.md', 'gov-work-report-2024-national.md', 'gov-work-report-2026-beijing.md',
  'gov-work-report-2026-shanghai.md'].map((name) => join(corpus, name));

describe.skipIf(!reports.every((path) => existsSync(path)))('questions naming a place or a dated report', () => {
  const kb = suiteKnowledgeBase('lvzhi-named-record-', reports, 120_000);

  const ask = async (question: string): Promise<{ found: boolean; lead: string; text: string }> => {
    const answer = await kb().ask(question, { k: 5 });
    return { found: answer.found, lead: answer.answer.split('\n')[0], text: answer.answer };
  };

  it('does not answer a question about one place from another place\'s report', async () => {
    // Only Beijing's report counts 核心区平房申请式退租 (2006户).
    const answer = await ask('上海核心区平房申请式退租了多少户？');
    expect(answer.found).toBe(false);
    expect(answer.text).not.toContain('2006户');
    // The national target (城镇新增就业1200万人以上) is not Shanghai's (60万人以上).
    const jobs = await ask('上海今年城镇新增就业的目标是多少？');
    expect(jobs.text).not.toContain('1200万人');
    expect(jobs.text).toContain('《2026年上海市政府工作报告》');
  });

  it('does not answer a question about a dated report from a report of another year', async () => {
    // The 2024 report says 认真办理…政协委员提案 without a count; Shanghai's 2026 report counts 967件.
    const proposals = await ask('2024年政府工作报告里办理了多少件政协提案？');
    expect(proposals.found).toBe(false);
    expect(proposals.text).not.toContain('967件');
    // 超长期特别国债 begins in the 2024 report; the 2022 one has none.
    expect((await ask('2022年政府工作报告里超长期特别国债发多少？')).found).toBe(false);
    // No national report of 2025 is in the library; Beijing's 2026 report tells of 2025 but is no national one.
    expect((await ask('2025年全国政府工作报告定的经济增长目标是多少？')).found).toBe(false);
  });

  it('does not answer this year\'s plan from last year\'s review, nor the reverse', async () => {
    // Beijing's 2026 report: 开通3条地铁新线 stands under 一、2025年工作回顾; its 今年 is 2026.
    const lines = await ask('北京今年要新开几条地铁线？');
    expect(lines.text).not.toContain('开通3条地铁新线');
    // 城镇新增就业不少于28万人 is the 2026 target, not last year's figure.
    expect((await ask('北京去年城镇新增就业多少？')).text).not.toContain('不少于28万人');
  });

  it('answers from the report named when it states the figure', async () => {
    expect((await ask('2022年政府工作报告里中央预算内投资安排多少？')).lead).toContain('6400亿元');
    expect((await ask('2024年政府工作报告里中央预算内投资安排多少？')).lead).toContain('7000亿元');
    expect((await ask('2022年的政府工作报告说居民人均可支配收入增长多少？')).lead).toContain('实际增长8.1%');
  });
});

const withLaw = [...reports, join(corpus, 'local-organic-law-2022.md')];

describe.skipIf(!withLaw.every((path) => existsSync(path)))('questions naming a place, over the reports and a law', () => {
  const kb = suiteKnowledgeBase('lvzhi-named-record-law-', withLaw, 120_000);

  it('still answers a question naming a place from a law, which is no record of another place', async () => {
    // The law's file name carries its year (local-organic-law-2022.md); that makes it no dated record.
    const answer = await kb().ask('北京市人大代表要多少人联名才能提议案？', { k: 5 });
    expect(answer.found).toBe(true);
    expect(answer.answer.split('\n')[0]).toContain('十人以上联名');
  });
});

describe('questions asking when the next one of a thing is', () => {
  const library = resolve(import.meta.dirname, '../../knowledge');
  const kb = suiteKnowledgeBase('lvzhi-next-date-', [library], 120_000);

  it('are answered from a record\'s date ahead, never a rule\'s frequency or its 临时召集', async () => {
    // The rules say 一般每两个月举行一次…可以临时召集会议; only the minutes set a date (拟于8月下旬召开).
    const session = await kb().ask('下一次常委会大概啥时候开', { k: 5 });
    expect(session.answer).not.toContain('可以临时召集会议[1]');
    expect(session.answer.split('\n')[0]).not.toContain('地点：');
    if (session.found) expect(session.answer.split('\n')[0]).toContain('8月下旬');
    const inspection = await kb().ask('下次视察定在哪天', { k: 5 });
    expect(inspection.found).toBe(true);
    expect(inspection.answer.split('\n')[0]).toContain('7月中旬组织部分区人大代表视察全区防汛工作');
  });

  it('leave questions on how often a thing is held to the rules', async () => {
    const often = await kb().ask('常委会会议多久开一次', { k: 5 });
    expect(often.found).toBe(true);
    expect(often.answer.split('\n')[0]).toContain('每两个月举行一次');
  });
});
