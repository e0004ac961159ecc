/**
 * Questions whose answer is one definite act over the shared laws and the sample library: whether
 * an act is allowed (可以兼任…吗, 能不能…), how many must sign for it (质询 needs 联名, so does 罢免),
 * and how far ahead it is done (提前几天公布). The article quoted must rule on that act — not on
 * another one that shares the subject (表决时组成人员可以表示赞成), the object (罢免案 naming 法院院长),
 * the signing (选民五十人以上联名 for a recall) or the event (选举日的五日以前起诉). When no passage
 * found does, Lüzhi says 没有找到.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OpenKnowledgeBase } from '../../src/knowledge/index.ts';
import { suiteKnowledgeBase } from '../support/kb-fixtures.ts';

const library = resolve(import.meta.dirname, '../../knowledge');
// The shared laws (absent in a user's clone: skipped there).
const corpus = resolve(import.meta.dirname, '../../../shared/corpus');

/** Ask and return whether it was found and the lead (the sentence quoted as the answer). */
async function ask(kb: OpenKnowledgeBase, question: string): Promise<{ found: boolean; lead: string }> {
  const answer = await kb.ask(question, { k: 5 });
  return { found: answer.found, lead: answer.answer.split('\n')[0] };
}

describe.skipIf(!existsSync(corpus))('the act asked about, over the shared laws', () => {
  const kb = suiteKnowledgeBase('lvzhi-act-', [corpus], 120_000);
  const leads = async (question: string, words: string, not?: string): Promise<void> => {
    const { found, lead } = await ask(kb(), question);
    expect(found, question).toBe(true);
    expect(lead, question).toContain(words);
    if (not) expect(lead, question).not.toContain(not);
  };

  it('answers whether an act is allowed from the article ruling on it, not one sharing the subject or the object', async () => {
    // 兼任 is in no law: they say 不得担任. The voting article holds 组成人员可以…; the recall article names 法院院长.
    await leads('人大常委会组成人员可以兼任政府职务吗？', '常务委员会的组成人员不得担任国家行政机关', '表决');
    await leads('县级人大常委会主任能不能兼任法院院长？', '不得担任国家行政机关、监察机关、审判机关', '罢免案');
    await leads('全国人大常委会组成人员可以担任法官吗？', '不得担任国家行政机关');
    // The questions that were answered stay answered.
    await leads('常委会组成人员表决时可以弃权吗？', '也可以表示弃权');
    await leads('乡镇人大主席可以担任政府职务吗？', '不得担任国家行政机关的职务');
    await leads('代表候选人的近亲属能不能当监票人？', '不得担任监票人');
  });

  it('reads the act after a verb of phase (继续介绍), and moves no passage that names the act only in passing', async () => {
    // 继续 is no act: read as one it was looked for in rules that never say it, and the answer was 没有找到.
    const answer = await kb().ask('选举日当天还能继续介绍候选人吗？', { k: 5 });
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain('在选举日必须停止代表候选人的介绍');
    // 为代表依法履职提供必要的条件 names 履职 and 常委会, not whether a standing committee goes on working.
    const { lead } = await ask(kb(), '上届常委会任期届满以后还能继续履职吗？');
    expect(lead).not.toContain('为代表依法履职');
  });

  it('reads the act done along with someone (跟着常委会去搞执法检查) as that act, not as 跟着', async () => {
    const answer = await kb().ask('闭会的时候代表能跟着常委会去搞执法检查吗', { k: 5 });
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain('常务委员会组织的执法检查');
    // Going along to do what no rule speaks of is still no answer.
    expect((await kb().ask('代表能跟着市长去招商引资吗', { k: 5 })).found).toBe(false);
  });

  it('quotes the number that must sign for the act asked, not for another act signed the same way', async () => {
    const { found, lead } = await ask(kb(), '代表要求质询需要多少人联名？');
    expect(found).toBe(true);
    expect(lead).toContain('质询');
    expect(lead).not.toContain('罢免');
    await leads('罢免县级人大代表需要多少选民联名？', '原选区选民五十人以上联名');
  });

  it('answers how far ahead with a time before the event for the thing asked, not a time after it', async () => {
    await leads('选民名单要提前多少天公布？', '选民名单应在选举日的二十日以前公布', '五日内');
    await leads('常委会会议要提前几天通知组成人员？', '七日以前');
    await leads('专项工作报告要提前多少天送交常委会？', '二十日前');
  });
});

describe('the act asked about, over the sample library', () => {
  const kb = suiteKnowledgeBase('lvzhi-act-samples-', [library]);

  it('says 没有找到 when no rule is about the act, and quotes the rules that are', async () => {
    // The rules name 区人民法院 only as a body questioned (质询案); nothing on holding a post.
    expect((await ask(kb(), '常委会组成人员可以兼任法院院长吗？')).found).toBe(false);
    expect((await ask(kb(), '代表在视察中可以直接处理具体问题吗？')).lead).toContain('不直接处理具体问题');
  });

  it('takes the article\'s own subject as the doer of an act in a later sentence (组成人员…，经会议主持人同意的，可以延长发言时间)', async () => {
    const { found, lead } = await ask(kb(), '常委会组成人员能不能延长发言时间？');
    expect(found).toBe(true);
    expect(lead).toContain('可以延长发言时间');
  });

  it('says 没有找到 when the rules give a time after the event, not ahead of it', async () => {
    // 会议闭会后十日内, 自交办之日起三个月内, 结束后十五日内: times after, which 提前几天 does not ask for.
    expect((await ask(kb(), '审议意见书要提前几天交给区政府？')).found).toBe(false);
    expect((await ask(kb(), '承办单位要提前几天答复代表？')).found).toBe(false);
    expect((await ask(kb(), '视察报告要提前几天报主任会议？')).found).toBe(false);
    expect((await ask(kb(), '视察要提前几天通知代表？')).lead).toContain('七日以前');
    expect((await ask(kb(), '专题询问的问题要提前几天送交被询问单位？')).lead).toContain('五日以前送交');
  });
});

describe.skipIf(!existsSync(join(corpus, 'local-organic-law-2022.md')) || !existsSync(join(corpus, 'election-law-2020.md')))('holding another post, over the organic and election laws', () => {
  const kb = suiteKnowledgeBase('lvzhi-act-own-office-', [join(corpus, 'local-organic-law-2022.md'), join(corpus, 'election-law-2020.md')], 120_000);

  it('is not answered by a rule on holding the doer\'s own office', async () => {
    // 代表因故不能担任代表职务…补选 and 不得同时担任两个以上…的代表 are about being a deputy, not being a 局长.
    const answer = await kb().ask('人大代表能不能兼任区政府的局长？', { k: 5 });
    expect(answer.answer).not.toContain('补选');
    expect(answer.answer.split('\n')[0]).not.toContain('人民代表大会代表[1]');
  });

  it('is still answered by the rule on that post, and a question about the own office by its rule', async () => {
    const post = await kb().ask('常委会组成人员能不能兼任区政府的局长？', { k: 5 });
    expect(post.found).toBe(true);
    expect(post.answer.split('\n')[0]).toContain('不得担任国家行政机关');
    const own = await kb().ask('人大代表可以同时当两个区的代表吗？', { k: 5 });
    expect(own.found).toBe(true);
    expect(own.answer.split('\n')[0]).toContain('不得同时担任两个以上');
  });
});
