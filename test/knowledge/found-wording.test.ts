/**
 * The found decision reads a question the way staff word it against rules worded the way laws
 * are: an abbreviation (人大工委) the rules write out in full (工作委员会), a paraphrase of a
 * legal term (不在人代会期间 for 闭会期间, 管以前发生的事 for 溯及既往), an A-not-A question
 * (能不能) split by the segmenter. Such questions are answered; on-topic questions the rules
 * do not settle (食堂, 工资) are still declined.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteKnowledgeBase, type OpenKnowledgeBase } from '../../src/knowledge/index.ts';
import { FOUND_GATES, FOUND_MODEL, assessPassages, checkedFoundModel, declinedByGate } from '../../src/knowledge/answering/found-decision.ts';
import { FOUND_FEATURES, foundFeatures, spellsOut, topicWords } from '../../src/knowledge/answering/found-features.ts';
import { tempDir, writeLibrary } from '../support/kb-fixtures.ts';

// Our own rules, worded as laws are: full forms, 闭会期间, 溯及既往, …除外.
const STREET_RULES = `# 某区街道工作机构和代理人选规定

第十一条 区人民代表大会常务委员会可以在街道设立工作委员会，作为常务委员会的派出工作机构，负责联系本街道的区人民代表大会代表，组织代表开展活动。

第十二条 在区人民代表大会闭会期间，区长因故不能担任职务的，由常务委员会从副区长中决定代理的人选。

第十三条 本规定不溯及既往，但为了更好地保护代表的权利而作的特别规定除外。

第十四条 街道工作委员会向常务委员会所作的年度报告，应当写明代表活动开展情况、收集的代表建议和下一年度工作安排。

第十五条 街道工作委员会召开代表座谈会，代表发言每人一般不超过八分钟。
`;

describe('found: how questions and legal texts are worded', () => {
  const root = tempDir('lvzhi-found-wording-');
  let kb: OpenKnowledgeBase;

  beforeAll(async () => {
    const library = writeLibrary(join(root, 'library'));
    writeFileSync(join(library, 'street.md'), STREET_RULES);
    kb = await openSqliteKnowledgeBase({ dataDir: join(root, 'data'), log: () => undefined });
    await kb.ingest([library]);
  });
  afterAll(() => {
    kb.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('finds an abbreviation spelled out in its full form, within one run of characters', () => {
    expect(spellsOut('设立法制工作委员会', '工委')).toBe(true);
    expect(spellsOut('设立工作机构，联系委员', '工委')).toBe(false);
    expect(spellsOut('工作机构负责联系委员', '工委')).toBe(false);
  });

  it('does not count an abbreviation whose full form the rules hold as a word the library lacks', async () => {
    const features = async (question: string) =>
      foundFeatures(question, (await kb.searchDetailed(question, 5)).passages, kb.foundOptions);
    const absent = (f: number[]) => f[FOUND_FEATURES.indexOf('absentFromIndex')];
    // Judged as in a library of thousands of passages, where a missing word is a strong cue.
    const abbreviated = await features('街道人大工委是谁设立的？');
    expect(absent(abbreviated)).toBeLessThan(FOUND_GATES.absentFromIndex);
    expect(declinedByGate(abbreviated, FOUND_GATES, 5000)).toBe(false);
    // A thing the rules never mention is still missing, abbreviation or not.
    const canteen = await features('街道人大工委的食堂几点开饭？');
    expect(declinedByGate(canteen, FOUND_GATES, 5000)).toBe(true);
  });

  it('answers a story-like question whose situation the rules name in their own words, and declines its off-rule twin', async () => {
    const acting = await kb.ask('区长突然病倒没法上班，又正好不在人代会期间，代理区长由谁决定？', { k: 5 });
    expect(acting.found).toBe(true);
    expect(acting.answer.split('\n')[0]).toContain('决定代理的人选');
    expect((await kb.ask('区长突然病倒没法上班，又正好不在人代会期间，代理区长的工资怎么发？', { k: 5 })).found).toBe(false);
  });

  it('answers 能不能管以前发生的事 from a rule that says 不溯及既往, and declines what that rule does not settle', async () => {
    expect(topicWords('新规定能不能管以前发生的事？').map((w) => w.word)).not.toContain('不能');
    const past = await kb.ask('新规定能不能管以前发生的事？有没有例外？', { k: 5 });
    expect(past.found).toBe(true);
    expect(past.answer.split('\n')[0]).toContain('溯及既往');
    expect((await kb.ask('新规定能不能管代表的工资待遇？', { k: 5 })).found).toBe(false);
  });

  it('hears 哪些内容 answered by a list and 限时多少 by a duration, and declines a count of things no rule states', async () => {
    // The rule lists what the report holds without saying 内容; it limits speeches without saying 限时.
    const report = await kb.ask('街道工委的年度报告里要写明哪些内容？', { k: 5 });
    expect(report.found).toBe(true);
    expect(report.answer.split('\n')[0]).toContain('代表活动开展情况');
    const speech = await kb.ask('代表座谈会上每人发言限时多少？', { k: 5 });
    expect(speech.found).toBe(true);
    expect(speech.answer.split('\n')[0]).toContain('八分钟');
    // 几辆 asks for cars; a rule that meets 一次 or lists 三项 does not state how many.
    expect((await kb.ask('街道工委配了几辆公务车？', { k: 5 })).found).toBe(false);
  });

  it('hears 人代会 in 人民代表大会举行会议的时候: a meeting the rules name by its body meeting', () => {
    const nouns = (text: string) => {
      const passage = { passage: { id: 1, doc: 'street.md', title: '某规定', location: '第十六条', context: '某规定', text }, score: 1 };
      return foundFeatures('人代会期间谁组织代表参加？', [passage] as never, kb.foundOptions)[FOUND_FEATURES.indexOf('nounCoverage')];
    };
    expect(nouns('第十六条 区人民代表大会举行会议的时候，街道工作委员会组织本街道的代表参加。')).toBe(1);
    // The standing committee's meetings are not the congress's session.
    expect(nouns('第十七条 区人民代表大会常务委员会定期召开会议，街道工作委员会组织代表参加。')).toBe(0.5);
  });

  it('declines a how-question about a thing no rule names, and answers its twin about a thing one does', async () => {
    expect((await kb.ask('街道工委的党支部换届怎么操作？', { k: 5 })).found).toBe(false);
    expect((await kb.ask('街道工委的代表座谈会怎么召开？', { k: 5 })).found).toBe(true);
  });

  it('decides found the same whatever scale the re-ranker scores on: only the passages and their order count', async () => {
    for (const question of ['代理区长由谁决定？', '代理区长的工资怎么发？']) {
      const { passages } = await kb.searchDetailed(question, 5);
      const decide = (scale: (score: number, rank: number) => number) =>
        assessPassages(question, passages.map((p, rank) => ({ ...p, score: scale(p.score, rank) })), kb.foundOptions);
      const shipped = decide((score) => score);
      // A rerank model's 0..1 relevance, a feature added to the built-in sum, a raw logit.
      expect(decide(() => 0.01)).toEqual(shipped);
      expect(decide((score) => score * 7 + 3)).toEqual(shipped);
      expect(decide((_, rank) => -rank)).toEqual(shipped);
    }
  });

  it('refuses a found model whose coefficients do not line up with its features', () => {
    expect(FOUND_MODEL.coefficients).toHaveLength(FOUND_FEATURES.length);
    expect(() => checkedFoundModel({ ...FOUND_MODEL, coefficients: FOUND_MODEL.coefficients.slice(1) })).toThrow(/coefficients|内部错误/);
  });
});

describe('found: a question with no noun at all', () => {
  const root = tempDir('lvzhi-found-nounless-');
  let kb: OpenKnowledgeBase;

  beforeAll(async () => {
    kb = await openSqliteKnowledgeBase({ dataDir: join(root, 'data'), log: () => undefined });
    await kb.ingest([fileURLToPath(new URL('../../knowledge/', import.meta.url))]);
  });
  afterAll(() => {
    kb.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers 视察要提前几天通知 (视察, 提前, 通知: verbs only) from the rule on notice, as it does with 代表 in front', async () => {
    for (const question of ['视察要提前几天通知', '代表视察要提前几天通知']) {
      const answer = await kb.ask(question, { k: 5 });
      expect(answer.found).toBe(true);
      expect(answer.answer).toContain('七日以前');
    }
  });
});
