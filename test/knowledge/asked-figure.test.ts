/**
 * Figure questions over the sample library (knowledge/: the work summary and the minutes state
 * many counts) and over two city work reports of the shared corpus. Offices copy the figure Lüzhi
 * leads with into their reports: it must be the figure of the thing asked, in the unit asked
 * (人次, 场次 and 次 count different things; so do 人 and 人次). When the passage ranked first
 * does not state it and another one found does, that one is quoted; when none does, Lüzhi says
 * 没有找到 and what the documents count instead — never another thing's figure.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OpenKnowledgeBase } from '../../src/knowledge/index.ts';
import { suiteKnowledgeBase } from '../support/kb-fixtures.ts';

const library = resolve(import.meta.dirname, '../../knowledge');
const SUMMARY = '《某区人大常委会2024年上半年工作总结》';
// Two city work reports from the shared corpus (absent in a user's clone: skipped there).
const corpus = resolve(import.meta.dirname, '../../../shared/corpus');
const reports = ['gov-work-report-2026-beijing.md', 'gov-work-report-2026-shanghai.md'].map((name) => join(corpus, name));

/** Ask and return the answer with its lead (the first line: the sentence quoted as the answer). */
async function ask(kb: OpenKnowledgeBase, question: string): Promise<{ found: boolean; lead: string; text: string }> {
  const answer = await kb.ask(question, { k: 5 });
  return { found: answer.found, lead: answer.answer.split('\n')[0], text: answer.answer };
}

describe('figure questions over the sample library', () => {
  const kb = suiteKnowledgeBase('lvzhi-figure-', [library]);

  const declined = async (question: string): Promise<string> => {
    const answer = await ask(kb(), question);
    expect(answer.found, question).toBe(false);
    expect(answer.text).toContain('没有找到');
    return answer.text;
  };

  it('does not answer 多少人次 with another thing\'s 人次, and says what the documents count instead', async () => {
    // The summary counts 接待选民 in 场次 (42场次); its only 人次 is 参训代表110人次.
    const text = await declined('今年一共接待了多少人次选民？');
    expect(text).not.toContain('110人次');
    expect(text).toContain('文件中写的是“组织代表进站接待选民42场次”，没有按“人次”统计的这项数字');
    await declined('上半年共接待来访群众多少人次？');
  });

  it('does not answer a headcount with a count in another unit (名 against 场次 or 人次)', async () => {
    expect(await declined('上半年接待了多少名选民？')).not.toContain('42场次[1]');
    expect(await declined('上半年培训了多少名代表？')).not.toContain('110人次[1]');
  });

  it('declines a rate no document states rather than quoting a sentence without one', async () => {
    await declined('上半年代表建议的答复率是多少？');
  });

  it('quotes the passage that states the figure asked when the first one found does not', async () => {
    // Ranked first: the speech on the training course, the rule on reports, the rule on replies.
    for (const [question, figure] of [
      ['培训班办了几期？', '举办代表履职能力提升培训班1期'],
      ['形成了多少篇调研报告？', '形成视察调研报告7篇'],
      ['已经答复了多少件建议？', '目前已答复76件'],
    ] as const) {
      const answer = await ask(kb(), question);
      expect(answer.found, question).toBe(true);
      expect(answer.lead, question).toContain(figure);
      expect(answer.text).toContain(`[1] ${SUMMARY}`);
    }
  });

  it('still quotes the figure of the thing asked in the unit asked', async () => {
    expect((await ask(kb(), '上半年接待选民多少场次？')).lead).toContain('接待选民42场次');
    expect((await ask(kb(), '第二十一次会议应到多少人？')).lead).toContain('应到29人');
    // Ranked first: the rule on 列席 (代表…五至八名), a figure of other people.
    expect((await ask(kb(), '常委会开会要多少人到场才算数？')).lead).toContain('过半数出席');
  });
});

describe.skipIf(!reports.every((path) => existsSync(path)))('figure questions over two city work reports', () => {
  const kb = suiteKnowledgeBase('lvzhi-figure-cities-', reports, 120_000);

  it('does not quote another city\'s figure, nor a growth rate for a count of visitors', async () => {
    // Beijing's report gives 入境游客增长39% only; Shanghai's 入境游客936万人次 is another city's.
    const answer = await ask(kb(), '北京去年接待入境游客多少人次？');
    expect(answer.found).toBe(false);
    expect(answer.text).not.toContain('936万人次');
    expect(answer.text).toContain('没有按“人次”统计');
  });

  it('reads a figure written with a magnitude (3万个, 61.4万个) as a count in its unit', async () => {
    expect((await ask(kb(), '北京新建了多少个充电桩？')).lead).toContain('新建充电桩3万个');
    expect((await ask(kb(), '上海去年新增了多少个就业岗位？')).lead).toContain('新增就业岗位61.4万个');
  });

  it('does not answer with a count of other things, nor with the other figure of a list (、)', async () => {
    // 新建50个区域养老服务中心 counts service centres, not 养老院 in 所.
    expect((await ask(kb(), '北京去年新建了多少所养老院？')).found).toBe(false);
    // 举办文化展览1565场、接待海内外观众4900万人次: the 人次 are the visitors'.
    expect((await ask(kb(), '上海去年举办了多少人次文化展览？')).found).toBe(false);
    expect((await ask(kb(), '上海去年举办了多少场文化展览？')).lead).toContain('举办文化展览1565场');
  });

  it('reads 座 and 公里 as units, and never answers a part with the whole the question gives', async () => {
    expect((await ask(kb(), '上海今年要新增多少座公园？')).lead).toContain('新增公园100座');
    // The report states the city's 100座 only: how many of them are Pudong's it does not say.
    const part = await ask(kb(), '上海今年新增的100座公园里浦东占几座？');
    expect(part.found).toBe(false);
    expect(part.text).not.toContain('新增公园100座');
  });

  it('answers a question asking two figures with the clause stating one, the other\'s unit no rival', async () => {
    // 开通3条地铁新线 (条, also asked) had been taken for a rival count of the thing, and the question declined.
    const answer = await ask(kb(), '北京去年新开了几条地铁线？现在地铁总里程多少公里？');
    expect(answer.found).toBe(true);
    expect(answer.lead).toContain('总里程达909公里');
  });
});

const organicLaw = join(corpus, 'local-organic-law-2022.md');

describe.skipIf(!existsSync(organicLaw))('people counted with 个, over the local organic law', () => {
  const kb = suiteKnowledgeBase('lvzhi-figure-people-', [organicLaw], 120_000);

  it('answers 几个副主席 with the headcount the law states in 人', async () => {
    // The law says 副主席一人至二人; read as a count in 个 it was declined as 没有按“个”统计.
    const answer = await ask(kb(), '乡镇人大能设几个副主席？');
    expect(answer.found).toBe(true);
    expect(answer.lead).toContain('副主席一人至二人');
  });
});

const supervisionLaw = join(corpus, 'supervision-law-2024.md');

describe.skipIf(!existsSync(organicLaw) || !existsSync(supervisionLaw))('a most asked for, over the organic and supervision laws', () => {
  const kb = suiteKnowledgeBase('lvzhi-figure-most-', [organicLaw, supervisionLaw], 120_000);

  it('never answers 最多多少人 with a threshold of signatures (a least), and quotes the seats when the question names the county\'s size', async () => {
    // 组成人员十人以上联名 (the supervision law's 质询案) is a least, and of signing: it had been the answer.
    // The seats are a list under 组成人员的名额：, whose items name no 组成人员: declined, never the signatures.
    for (const question of ['区人大常委会组成人员最多多少人？', '县级人大常委会组成人员名额最多多少人？']) {
      const answer = await ask(kb(), question);
      expect(answer.text).not.toContain('联名');
    }
    const sized = await ask(kb(), '我们区人口刚过一百万，区人大常委会组成人员最多能有多少人？');
    expect(sized.found).toBe(true);
    expect(sized.lead).toContain('不超过四十五人');
  });

  it('still answers a least with the threshold the law sets', async () => {
    const answer = await ask(kb(), '区人大常委会组成人员至少几个人联名才能提质询案？');
    expect(answer.found).toBe(true);
    expect(answer.lead).toMatch(/县级的?人民代表大会常务委员会组成人员三人以上联名/);
  });
});

const electionLaw = join(corpus, 'election-law-2020.md');

describe.skipIf(!existsSync(organicLaw) || !existsSync(electionLaw))('a threshold of another act, over the organic and election laws', () => {
  const kb = suiteKnowledgeBase('lvzhi-figure-act-', [organicLaw, electionLaw], 120_000);

  it('never answers 多少人同意 with a threshold for signing (五人以上联名) nor with a list of seats', async () => {
    // Both had been the answer: the 质询案's 三人以上联名, then the seats under 组成人员的名额.
    const answer = await ask(kb(), '常委会组成人员辞职需要多少人同意？');
    expect(answer.lead).not.toContain('联名');
    expect(answer.lead).not.toContain('十五人至三十五人');
    if (answer.found) expect(answer.lead).toContain('过半数');
  });

  it('still answers a threshold asked of its own act', async () => {
    const answer = await ask(kb(), '县级人大常委会组成人员几个人联名可以提议案？');
    expect(answer.found).toBe(true);
    expect(answer.lead).toMatch(/三人以上联名/);
  });
});

describe.skipIf(!existsSync(organicLaw) || !existsSync(electionLaw))('a headcount asked with the people counted and no unit, over the shared corpus', () => {
  const kb = suiteKnowledgeBase('lvzhi-figure-implied-', [corpus], 200_000);

  it('leads with the majority the law sets, not with a sentence naming the people and no figure', async () => {
    // 多少组成人员, 多少选民: no unit written, yet a count of people. Read as no figure question, the
    // lead had been 组成人员应当出席会议 and 代表受选民的监督 — true sentences that state no number.
    const quorum = await ask(kb(), '常委会至少得有多少组成人员出席才可以开会？');
    expect(quorum.found).toBe(true);
    expect(quorum.lead).toContain('过半数出席');
    const recall = await ask(kb(), '撤掉一个乡人大代表要多少选民同意？');
    expect(recall.found).toBe(true);
    expect(recall.lead).toContain('选民的过半数通过');
  });

  it('never answers how many voters must approve with the voters needed to sign the request', async () => {
    // 原选区选民五十人以上联名 starts a recall; the approval is 过半数的选民通过.
    const answer = await ask(kb(), '罢免乡里的人大代表，要多少选民赞成？');
    expect(answer.lead).not.toContain('联名');
    if (answer.found) expect(answer.lead).toContain('过半数');
  });
});
