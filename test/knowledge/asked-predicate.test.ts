/**
 * What a question asks OF a thing (where it comes from, how old, whether it may also hold a post, by
 * when it is done, where it is done, how long it lasts, how many members a body has, who does the act
 * to it), over four laws of the shared corpus. A passage holding the thing's words but not
 * that predicate of it must not be quoted: the answer is the sentence stating it, or 没有找到.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { askedPredicate, statesPredicate, textStatesPredicate } from '../../src/knowledge/answering/asked-predicate.ts';
import { defaultEquivalences } from '../../src/knowledge/search/equivalences.ts';
import { suiteKnowledgeBase } from '../support/kb-fixtures.ts';

const corpus = resolve(import.meta.dirname, '../../../shared/corpus');
const laws = ['election-law-2020.md', 'local-organic-law-2022.md', 'legislation-law-2023.md', 'npc-organic-law-2021.md']
  .map((name) => join(corpus, name));

describe.skipIf(!laws.every((path) => existsSync(path)))('predicate questions over four laws', () => {
  const kb = suiteKnowledgeBase('lvzhi-predicate-', laws, 120_000);

  const ask = async (question: string): Promise<{ found: boolean; lead: string; text: string }> => {
    const answer = await kb().ask(question, { k: 5 });
    return { found: answer.found, lead: answer.answer.split('\n')[0], text: answer.answer };
  };

  it('answers where a thing comes from with the rule on its source, not a sentence naming 产生 nearby', async () => {
    // Not 可以邀请其他专门委员会的成员列席会议 (立法法), nor …到下届人民代表大会产生新的专门委员会为止.
    const members = await ask('专门委员会的成员从哪里产生');
    expect(members.lead).toContain('由主席团在代表中提名');
    expect((await ask('全国人大代表从哪里产生')).lead).toContain('由省、自治区、直辖市的人民代表大会和人民解放军选举产生');
    // Not 调查委员会应当向产生它的常务委员会提出调查报告: 产生 of the body that set it up.
    expect((await ask('调查委员会的成员从哪里产生')).lead).toContain('由主席团在代表中提名');
    // A post's 人选 decided by a body is where it comes from; not the government's 秘书长 appointed (第七十一条).
    expect((await ask('副秘书长从哪里产生')).lead).toContain('副秘书长的人选由主席团决定');
  });

  it('answers who elects a level\'s deputies with the clause on that level, never a rule on how a direct election runs', async () => {
    // Not 在选民直接选举人民代表大会代表时，选区全体选民的过半数参加投票 (a quorum), nor 全国人大的代表由省…选举产生.
    const voters = '由选民直接选举';
    for (const question of ['老百姓能直接选区人大代表吗', '区人大代表是谁选的', '区人大代表是怎么产生的']) {
      const answer = await ask(question);
      expect(answer.found, question).toBe(true);
      expect(answer.lead, question).toContain(voters);
      expect(answer.lead, question).toContain('市辖区');
    }
    // The city's deputies are elected by the congress below (选举法 第三条, 地方组织法 第八条), not by the voters.
    for (const question of ['市人大代表是选民直接选出来的吗', '市人大代表是怎么选出来的']) {
      const { lead } = await ask(question);
      expect(lead, question).toMatch(/设区的市[^。]*由下一级/u);
      expect(lead, question).not.toContain(voters);
    }
    // A clause naming the way, then asking something else, asks no elector.
    expect(askedPredicate('直接选举区人大代表，差额比例是多少？')).toBeUndefined();
  });

  it('answers the age to be a deputy with the age of 被选举权, however the age is asked', async () => {
    // Not 没有找到, nor 代表小组 for 多少岁能当人大代表: the rule words neither 年龄 nor 人大代表.
    for (const question of ['人大代表的最低年龄', '几岁才能当区人大代表', '多少岁能当人大代表']) {
      const answer = await ask(question);
      expect(answer.found, question).toBe(true);
      expect(answer.lead, question).toContain('年满十八周岁的公民');
    }
    // An age the library states of no such thing, or a ceiling it never states, is still not found.
    expect((await ask('区人大常委会委员的年龄要求')).found).toBe(false);
    expect((await ask('人大代表的年龄有没有上限？')).found).toBe(false);
  });

  it('reads the members of the body asked, not those of another body named after it', async () => {
    // Not 常务委员会可以任免专门委员会的个别副主任委员和部分委员 (the committees' members), nor 调查委员会应当向
    // 产生它的常务委员会…: the body named, its members chosen after the act (选举…委员若干人组成).
    const { lead } = await ask('区人大常委会的委员是怎么产生的');
    expect(lead).toContain('常务委员会由本级人民代表大会在代表中选举主任、副主任若干人和委员若干人组成');
  });

  it('reads a time-limit clause as no source of the thing it names', () => {
    // 地方组织法第三十四条, second paragraph, read from the law.
    const text = readFileSync(laws[1], 'utf8');
    const sentence = text.match(/各专门委员会每届任期同本级人民代表大会每届任期相同[^。]*。/u)?.[0] ?? '';
    expect(sentence).toContain('产生新的专门委员会为止');
    const canonicalizer = defaultEquivalences();
    const asked = askedPredicate('专门委员会从哪里产生', canonicalizer);
    expect(asked?.kind).toBe('source');
    expect(statesPredicate(asked!, canonicalizer.apply(sentence))).toBe(false);
  });

  it('answers an age asked with the sentence stating one', async () => {
    // Not the article's first sentence, 选民登记按选区进行.
    expect((await ask('选民登记的年龄要求')).lead).toContain('十八周岁');
    // 第三十六条 says what the chair of a special committee does, never how old one must be.
    expect((await ask('专门委员会的主任委员多大年纪以下才能当')).found).toBe(false);
  });

  it('answers whether one may also hold a post with the rule on holding that kind of post', async () => {
    expect((await ask('镇人大主席可不可以兼副镇长')).lead).toContain('主席、副主席不得担任国家行政机关的职务');
    expect((await ask('常委会委员能不能同时在检察院任职')).lead).toContain('不得担任国家行政机关、监察机关、审判机关和检察机关的职务');
    // 第五十条: 院长因故不能担任职务的时候…决定代理的人选 — about a court president absent, not a post held besides.
    expect((await ask('主任能不能兼任法院院长')).lead).not.toContain('因故不能担任职务');
  });

  it('answers by when a thing is done only with a time limit of that thing and that act', async () => {
    // Not 代表候选人名单…在选举日的十五日以前公布: another list.
    const list = await ask('新一届代表名单最晚啥时候要公布');
    expect(list.lead).not.toContain('代表候选人名单');
    expect(list.text).toContain('第一次会议前公布代表名单');
    // Not 选民名单公布之日起五日内…提出申诉: a time after the publishing, for an appeal.
    expect((await ask('选民名单最晚什么时候公布')).lead).toContain('选民名单应在选举日的二十日以前公布');
  });

  it('answers where a thing is done only with a place stated for that act', async () => {
    // 第二十八条 names 选民证 (…并应当发给选民证) but no place to have one reissued.
    expect((await ask('选民证丢了去哪里补办')).found).toBe(false);
    expect((await ask('投票站在哪里设')).lead).toContain('按照方便选民投票的原则设立投票站');
  });

  it('answers how long an event lasts with a length, never with how often it is held', async () => {
    // 第十四条: 每年至少举行一次, 一般每年举行两次 — how often, not how many days.
    expect((await ask('人代会一般开几天会')).found).toBe(false);
    expect((await ask('全国人大一届任期多长时间')).lead).toContain('每届任期五年');
  });

  it('answers how many members a body has only with a headcount of that body', async () => {
    // Not 地方各级人民代表大会会议有三分之二以上的代表出席 (a quorum of the congress, not its presidium).
    expect((await ask('人代会主席团一般有多少人')).found).toBe(false);
    // A list item counts what its lead-in names (常务委员会组成人员的名额：…（三）…十五人至三十五人), and it
    // leads the answer, not 县级人大常委会组成人员三人以上联名 (a threshold for a motion).
    expect((await ask('区人大常委会组成人员一般多少人')).lead).toContain('十五人至三十五人');
    const canonicalizer = defaultEquivalences();
    const asked = askedPredicate('区人大常委会组成人员一般多少人', canonicalizer);
    expect(asked?.kind).toBe('members');
    const text = readFileSync(laws[1], 'utf8');
    const article = text.slice(text.indexOf('第四十七条'), text.indexOf('第四十八条'));
    expect(textStatesPredicate(asked!, article, canonicalizer)).toBe(true);
    // 第二十七条: 候选人数应比应选人数多一人至三人 is a margin of candidates, no size of the committee.
    const margins = text.slice(text.indexOf('第二十七条'), text.indexOf('第二十八条'));
    expect(textStatesPredicate(asked!, margins, canonicalizer)).toBe(false);
  });

  it('answers who does an act to a thing only with the doer of that act', async () => {
    // 第九条: 全国人民代表大会代表选出后，由…代表资格审查委员会进行审查 — the doer of 审查, the deputies
    // the ones elected; nor 常务委员会的组成人员由全国人民代表大会从代表中选出 (other people elected).
    const elected = await ask('全国人大代表是谁选出来的');
    expect(elected.lead).not.toContain('进行审查');
    expect(elected.lead).not.toContain('常务委员会的组成人员由');
    expect(elected.lead).not.toContain('选出新的常务委员会');
    expect((await ask('全国人大代表选出后谁来审查资格')).lead).toContain('代表资格审查委员会进行审查');
  });
});
