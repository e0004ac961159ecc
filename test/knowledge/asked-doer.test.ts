/**
 * Who-questions the documents cannot answer, and who-questions about one body answered from
 * another's rule. A quote that does not say who does the asked deed is a confident answer that
 * answers nothing: the minutes' 地点 line for 会议纪要由谁签发 (签发 is in no document), a speech's
 * first paragraph for 这篇讲话是谁讲的 (it names no speaker). And 全国人大会议由谁召集 is answered by
 * the article on the congress's sessions, not the standing committee's 常务委员会会议由委员长召集.
 * A deed worded otherwise (颁发 where the law says 制发) is answered from the sentence on the thing asked
 * about. Real files: the sample library (knowledge/) and three laws of ../shared/corpus, read where they are.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suiteKnowledgeBase } from '../support/kb-fixtures.ts';

const library = resolve(import.meta.dirname, '../../knowledge');
const corpus = resolve(import.meta.dirname, '../../../shared/corpus');
const laws = ['npc-organic-law-2021.md', 'npcsc-procedure-rules-2022.md', 'deputies-law-2025.md'].map((file) => resolve(corpus, file));
const present = laws.every((path) => existsSync(path));

describe('the sample library: who does what', () => {
  const kb = suiteKnowledgeBase('lvzhi-doer-', [library]);

  const declined = async (question: string): Promise<string> => {
    const answer = await kb().ask(question, { k: 5 });
    expect(answer.found, question).toBe(false);
    expect(answer.answer).toContain('没有找到');
    return answer.answer;
  };
  const lead = async (question: string): Promise<string> => {
    const answer = await kb().ask(question, { k: 5 });
    expect(answer.found, question).toBe(true);
    return answer.answer.split('\n')[0];
  };

  it('declines a deed no document words, saying so, instead of quoting a line that shares the title word', async () => {
    const text = await declined('会议纪要由谁签发？');
    expect(text).not.toContain('第一会议室');
    expect(text).toContain('库中文件都没有“签发”的说法');
    expect(await declined('上半年工作总结是谁起草的？')).not.toContain('现将上半年工作总结如下');
  });

  it('declines when the passages found name nobody who does the deed (a speech naming no speaker)', async () => {
    expect(await declined('培训班开班式是谁讲话？')).toContain('找到的段落都没有写明由谁“讲话”');
    expect(await declined('这篇讲话是谁讲的？')).not.toContain('同志们');
  });

  it('takes a person named by the deed (会议主持人) for no one doing it', async () => {
    // 经会议主持人同意的，可以延长发言时间 says who agrees to a longer speech, not who chairs a group meeting.
    expect(await declined('分组会议由谁主持？')).not.toContain('延长发言时间');
    expect(await lead('常委会会议由谁召集？')).toContain('常务委员会会议由主任召集并主持');
  });

  it('declines to say who holds a post when the passages found only rule on what the post does', async () => {
    expect(await declined('区人大常委会主任是谁？')).toContain('没有写明主任是谁');
    expect(await declined('常委会秘书长是谁？')).not.toContain('办公室秘书科');
  });

  it('still answers who does what the rules say who does', async () => {
    expect(await lead('常委会会议由谁召集？')).toBe('常务委员会会议由主任召集并主持[1]。');
    expect(await lead('视察报告由谁审核？')).toContain('经分管副主任审核');
    expect(await lead('审议意见由谁归纳整理？')).toContain('由办公室会同有关工作机构归纳整理');
    expect(await lead('代表不能出席会议要向谁请假？')).toContain('向主任书面请假');
    // 由 far from the verb: 由有关工作机构通过向…代表征集.
    expect(await lead('专题询问的问题由谁牵头征集？')).toContain('由有关工作机构通过向常务委员会组成人员');
  });
});

describe.skipIf(!present)('three national laws: the body a who-question names, a deed worded otherwise', () => {
  const kb = suiteKnowledgeBase('lvzhi-doer-body-', laws);
  const lead = async (question: string): Promise<string> => {
    const answer = await kb().ask(question, { k: 5 });
    expect(answer.found, question).toBe(true);
    return answer.answer.split('\n')[0];
  };

  it('answers who convenes the congress from the congress\'s article, the committee\'s meeting from the committee\'s', async () => {
    expect(await lead('全国人大会议由谁召集？')).toContain('全国人民代表大会会议每年举行一次，由全国人民代表大会常务委员会召集');
    expect(await lead('全国人大常委会会议由谁召集？')).toContain('常务委员会会议由委员长召集并主持');
  });

  it('answers a deed the laws word otherwise (颁发 where they say 制发) from the sentence on the thing asked about', async () => {
    expect(await lead('代表证由谁颁发？')).toContain('各级人民代表大会应当为本级人民代表大会代表制发代表证');
    expect(await lead('全国人大代表的代表证由谁颁发？')).toContain('制发代表证');
  });

  it('declines a who-question whose deed the laws never word', async () => {
    const answer = await kb().ask('全国人大常委会的会议纪要由谁签发？', { k: 5 });
    expect(answer.found).toBe(false);
  });
});

describe.skipIf(!existsSync(resolve(corpus, 'local-organic-law-2022.md')))('the organic law: whose members a who-question asks about', () => {
  const kb = suiteKnowledgeBase('lvzhi-doer-members-', [resolve(corpus, 'local-organic-law-2022.md'), resolve(corpus, 'election-law-2020.md')]);

  it('declines who nominates a body\'s members when the law says only whom that body nominates', async () => {
    // 第二十六条: 乡镇人大主席、副主席的人选由主席团…提名; 主席团提名的候选人人数… — the presidium nominates, its members are elected (第十九条).
    const answer = await kb().ask('乡镇人大主席团成员是谁提名的', { k: 5 });
    expect(answer.found).toBe(false);
    expect(answer.answer).not.toContain('由本级人民代表大会主席团或者代表依照本法规定联合提名');
  });

  it('still answers who nominates the posts the law names', async () => {
    const answer = await kb().ask('乡镇人大主席的人选由谁提名', { k: 5 });
    expect(answer.found).toBe(true);
    expect(answer.answer.split('\n')[0]).toContain('由本级人民代表大会主席团或者代表依照本法规定联合提名');
  });
});
