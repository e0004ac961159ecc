/**
 * Questions that count a set themselves and ask for its members (请假的3名组成人员分别是谁). The minutes
 * and reports often only count (3人请假, 确定重点督办建议5件, 深入12所中小学校): quoting the count for
 * the names reads as an answer and is none, so Lüzhi says 没有找到 — and still answers when a passage
 * names the members (the minutes' agenda items, the organic law's list of special committees).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suiteKnowledgeBase } from '../support/kb-fixtures.ts';

const library = resolve(import.meta.dirname, '../../knowledge');
const corpus = resolve(import.meta.dirname, '../../../shared/corpus');
const laws = ['npc-organic-law-2021.md', 'gov-work-report-2022-national.md', 'gov-work-report-2026-shanghai.md'].map((name) => join(corpus, name));

const asker = (kb: ReturnType<typeof suiteKnowledgeBase>) => async (question: string): Promise<{ found: boolean; answer: string }> => {
  const answer = await kb().ask(question, { k: 5 });
  return { found: answer.found, answer: answer.answer };
};

describe('members of a set the sample library only counts', () => {
  const ask = asker(suiteKnowledgeBase('lvzhi-list-samples-', [library], 120_000));

  it('declines to name what the minutes and the report only count', async () => {
    // 出席：…26人（应到29人，3人请假）: no names.
    expect((await ask('第二十一次常委会会议请假的3名组成人员分别是谁？')).found).toBe(false);
    // 常委会主任会议确定重点督办建议5件: no contents; the rule says 若干件重点建议.
    expect((await ask('主任会议确定的5件重点督办建议分别是什么内容？')).found).toBe(false);
    // 深入12所中小学校实地检查: no schools named.
    expect((await ask('执法检查去的12所中小学校是哪几所？')).found).toBe(false);
    // 其余10件涉及面广、处理难度大 describes the ten, it does not name them.
    expect((await ask('还没有答复的10件代表建议都有哪些？')).found).toBe(false);
    // The question's own 代表之家、代表联络站 is no list of stations.
    expect((await ask('完成提档升级的8个代表之家、代表联络站分别是哪几个？')).found).toBe(false);
  });

  it('names the members a passage sets out', async () => {
    const agenda = await ask('第二十一次会议的4项议程分别是什么？');
    expect(agenda.found).toBe(true);
    expect(agenda.answer).toContain('关于安全生产工作情况的报告');
    // The next session's agenda is named in prose (主要议程为…，并就…) and counted nowhere: that passage, not the
    // 第二十一次 session's list.
    const next = await ask('第二十二次会议的2项主要议程分别是什么？');
    expect(next.found).toBe(true);
    expect(next.answer.split('\n')[0]).toContain('第二十二次会议');
  });
});

describe.skipIf(!laws.every((path) => existsSync(path)))('members of a set the laws and reports only count', () => {
  const ask = asker(suiteKnowledgeBase('lvzhi-list-laws-', laws, 120_000));

  it('declines a list the work reports only count', async () => {
    expect((await ask('2022年政府工作报告里确定的160个国家乡村振兴重点帮扶县分别是哪些县？')).found).toBe(false);
    // 支持概念验证平台、中试平台、高质量孵化器 lists kinds of platform, not the seven built.
    expect((await ask('上海新建的7家高质量概念验证平台分别是哪几家？')).found).toBe(false);
  });

  it('names the members an article lists', async () => {
    const committees = await ask('全国人大设立的10个专门委员会分别是哪些？');
    expect(committees.found).toBe(true);
    expect(committees.answer).toContain('民族委员会、宪法和法律委员会');
  });
});
