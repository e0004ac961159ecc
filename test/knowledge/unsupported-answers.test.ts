/**
 * Questions the sample library (knowledge/: the district's rules, a work summary, minutes and a
 * speech) does not answer, though a passage shares their everyday words: no resignation rule, no
 * national rules, no ceiling on the number of deputies or on anyone's age. A confident quote is
 * the worst answer to them; Lüzhi says 没有找到 — and, for a level the documents are not about,
 * which level they are about. The questions they do answer are still quoted.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suiteKnowledgeBase } from '../support/kb-fixtures.ts';

const library = resolve(import.meta.dirname, '../../knowledge');
const RULES = '《某区人民代表大会常务委员会议事规则》';
// The law of all local levels, from the shared corpus (absent in a user's clone: skipped there).
const localLaw = resolve(import.meta.dirname, '../../../shared/corpus/local-organic-law-2022.md');

describe('the sample library: questions it does not answer', () => {
  const kb = suiteKnowledgeBase('lvzhi-unsupported-', [library]);

  const notFound = async (question: string): Promise<string> => {
    const answer = await kb().ask(question, { k: 5 });
    expect(answer.found, question).toBe(false);
    expect(answer.answer).toContain('没有找到');
    expect(answer.answer).not.toContain('“第'); // no article quoted
    return answer.answer;
  };
  const quotes = async (question: string, article: string, words: string): Promise<void> => {
    const answer = await kb().ask(question, { k: 5 });
    expect(answer.found, question).toBe(true);
    expect(answer.answer).toContain(`${RULES} ${article}`);
    expect(answer.answer).toContain(words);
  };

  it('says 没有找到 when the quote shares only the everyday words: no rule on resigning', async () => {
    // The rule on a deputy's dissatisfaction says 代表…可以向…提出意见; 辞职 is in no document.
    await notFound('代表辞职向谁提出？');
    await quotes('代表对答复不满意怎么办？', '第七章 › 第三十四条', '可以向常务委员会代表工作机构提出意见');
    // A procedure is the procedure of an act: 辞职 is in no document, 请假 is.
    await notFound('常委会组成人员辞职要走什么程序？');
    await quotes('常委会委员生病来不了会，请假走什么程序？', '第二章 › 第八条', '向主任书面请假');
  });

  it('says which level the documents are about when the question names another, and quotes nothing', async () => {
    const text = await notFound('全国人大常委会会议多久举行一次？');
    expect(text).toContain(`${RULES} 第二章 › 第四条是本区的文件，问的是全国的情况`);
    expect(text).not.toContain('每两个月');
    await notFound('省人大常委会的议案要在开会前多少天提交？');
    // The district named, or a level the rule itself speaks of (本区的市人民代表大会代表): quoted.
    await quotes('区人大常委会会议多久举行一次？', '第二章 › 第四条', '每两个月举行一次');
    await quotes('市人大代表能列席区人大常委会会议吗？', '第二章 › 第九条', '可以邀请本区的市人民代表大会代表');
  });

  it('says 没有找到 when a ceiling is asked of a quantity no passage bounds', async () => {
    await notFound('人大代表总数有没有上限？');
    await notFound('常委会组成人员的年龄有上限吗？');
    // A ceiling of the time asked about is stated: 不超过十分钟 answers 发言时间有上限吗.
    await quotes('全体会议上的发言时间有上限吗？', '第八章 › 第三十六条', '每人每次一般不超过十分钟');
  });

  it('says 没有找到 when asked whether there is a thing no document names, however the asking is worded', async () => {
    // The article on reports (第十八条) shares only 常委会; 食堂 is in no document.
    await notFound('区人大常委会有没有食堂？');
    await notFound('常委会有食堂吗？');
    await notFound('常委会是否有食堂？');
    await notFound('区人大常委会有无停车场？');
    await notFound('常委会组成人员开会有没有误餐补助？');
    // 结业证书 shares a character with the summary's 工作总结, not the morpheme in its place.
    await notFound('代表培训班有没有结业证书？');
    // A room or an office of another kind (会议室, 人事任免 share a character with them) is no answer.
    await notFound('区人大有没有图书室呢？');
    await notFound('区人大常委会有没有人事科？');
    // A three-character thing is its last character's kind: the minutes' 秘书科 is no 秘书长, and
    // a 证 split off by the segmenter (视察|证) is still the thing asked about.
    await notFound('区人大常委会有没有秘书长？');
    await notFound('代表有没有视察证？');
    // Named elsewhere (the minutes' 第一会议室) but not by the article the answer would quote.
    await notFound('常委会有没有会议室？');
    // A concrete everyday thing (工资) is a thing too; an abstract word (办法, below) is worded otherwise.
    await notFound('人大代表有工资吗？');
    // A thing the rules name in other words (备用办法: 采用举手方式; 无记名投票: 无记名…表决) is still quoted.
    await quotes('电子表决器坏了有没有备用办法？', '第八章 › 第三十八条', '采用举手方式');
    await quotes('人事任免有没有无记名投票？', '第八章 › 第三十八条', '人事任免事项采用无记名按表决器方式逐人表决');
  });
});

describe.skipIf(!existsSync(localLaw))('the sample library with the law of all local levels', () => {
  const kb = suiteKnowledgeBase('lvzhi-levels-', [library, localLaw]);

  it('quotes the law of all levels, not the district rules, for a county question', async () => {
    const answer = await kb().ask('县人大常委会会议多久开一次？', { k: 5 });
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain('第五十一条');
    expect(answer.answer).toContain('每两个月至少举行一次');
    // The district's own question still gets the district's rule.
    const district = await kb().ask('区人大常委会会议多久举行一次？', { k: 5 });
    expect(district.answer).toContain(`${RULES} 第二章 › 第四条`);
  });
});

const corpus = resolve(import.meta.dirname, '../../../shared/corpus');

describe.skipIf(!existsSync(localLaw))('the shared corpus: who handles a thing no rule names', () => {
  const kb = suiteKnowledgeBase('lvzhi-who-thing-', [corpus], 200_000);

  it('says 没有找到 for who pays a station\'s costs, not the rule that the stations exist', async () => {
    // 县级以上…常务委员会通过建立基层联系点、代表联络站等方式… names who sets the stations up, not
    // who funds them: quoted for 经费由谁来出, it answered something else.
    for (const question of ['代表联络站的日常经费由谁来出？', '基层联系点的办公经费由谁负责？']) {
      const answer = await kb().ask(question, { k: 5 });
      expect(answer.found, question).toBe(false);
      expect(answer.answer).not.toContain('基层联系点、代表联络站等方式');
    }
  });

  it('still quotes the rule on a thing whose handling it names', async () => {
    const funds = await kb().ask('代表活动的经费由谁来保障？', { k: 5 });
    expect(funds.found).toBe(true);
    expect(funds.answer).toContain('代表的活动经费，应当列入本级财政预算');
    const convenes = await kb().ask('常委会会议由谁来召集？', { k: 5 });
    expect(convenes.found).toBe(true);
    expect(convenes.answer).toContain('由主任召集');
  });
});
