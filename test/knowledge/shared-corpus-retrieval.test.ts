/**
 * Retrieval and the found decision over the real laws in ../shared/corpus: a regression guard
 * for ranking and calibration changes (the full figures come from scripts/eval-knowledge.ts and
 * ../shared/eval). Uses the dev questions and the check halves of scripts/eval-sets, which no
 * weight was fitted on. Skips with a notice where ../shared is absent (a user's clone).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteKnowledgeBase, type OpenKnowledgeBase } from '../../src/knowledge/index.ts';
import { tempDir } from '../support/kb-fixtures.ts';

const shared = resolve(import.meta.dirname, '../../../shared');
const sets = resolve(import.meta.dirname, '../../scripts/eval-sets');
const corpus = join(shared, 'corpus');
const questions = join(shared, 'eval', 'qa-dev.jsonl');
const present = existsSync(corpus) && existsSync(questions);
if (!present) console.warn(`[skip] ${shared} is absent: the shared-corpus retrieval test is skipped.`);

const root = tempDir('lvzhi-shared-');
const squash = (s: string): string => s.replace(/\s+/g, '');
interface Item { question: string; gold?: string; doc?: string; split?: string }
const read = (path: string): Item[] => readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Item);
// Questions about the sample documents need those documents; the rest are about the laws.
const aboutLaws = (item: Item) => !item.doc || existsSync(join(corpus, item.doc));

describe.skipIf(!present)('retrieval and the found decision over the shared laws', () => {
  let kb: OpenKnowledgeBase;
  beforeAll(async () => {
    kb = await openSqliteKnowledgeBase({ dataDir: join(root, 'data') });
    await kb.ingest([corpus]);
  }, 120_000);
  afterAll(() => {
    kb?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('finds the gold passage of most dev questions in the top 5, short passages', async () => {
    const items = read(questions);
    let hits = 0;
    let chars = 0;
    let passages = 0;
    for (const item of items) {
      const found = await kb.search(item.question, 5);
      if (found.some((s) => squash(s.passage.text).includes(squash(item.gold!)))) hits++;
      for (const s of found) {
        chars += squash(s.passage.text).length;
        passages++;
      }
    }
    expect(hits / items.length).toBeGreaterThanOrEqual(0.9);
    expect(chars / passages).toBeLessThanOrEqual(600);
  }, 60_000);

  it('puts the gold article first for most law-exam questions it was not tuned on', async () => {
    const items = read(join(sets, 'law-exam.jsonl')).filter((item) => item.split === 'check');
    let first = 0;
    for (const item of items) {
      const [best] = await kb.search(item.question, 1);
      if (squash(best.passage.text).includes(squash(item.gold!))) first++;
    }
    expect(first / items.length).toBeGreaterThanOrEqual(0.88);
  }, 60_000);

  it('declines most on-topic questions the documents do not answer, and few that they do', async () => {
    const unanswerable = [...read(join(shared, 'eval', 'notfound-dev.jsonl')), ...read(join(sets, 'unanswerable.jsonl')).filter((i) => i.split === 'check')];
    const answerable = [...read(questions), ...read(join(sets, 'answerable.jsonl')).filter((i) => i.split === 'check' && aboutLaws(i))];
    let declined = 0;
    for (const item of unanswerable) if (!(await kb.ask(item.question, { k: 5 })).found) declined++;
    let wrongly = 0;
    for (const item of answerable) if (!(await kb.ask(item.question, { k: 5 })).found) wrongly++;
    expect(declined / unanswerable.length).toBeGreaterThanOrEqual(0.75);
    // Measured 5 of 98 (the dev set's three far paraphrases among them); the target is 3%.
    expect(wrongly / answerable.length).toBeLessThanOrEqual(0.06);
  }, 120_000);

  const notFound = async (question: string) => expect((await kb.ask(question, { k: 5 })).answer).toMatch(/^知识库中没有找到/);
  const quotes = async (question: string, article: string, words: string) => {
    const answer = await kb.ask(question, { k: 5 });
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain(`${article}（`);
    expect(answer.answer).toContain(words);
  };

  it('says 没有找到 when the quoted article lacks the specific thing asked about, and quotes it when it names it', async () => {
    // 工会, 奖励 (which policy), 体检 (a verbal noun after 的): the articles found speak of 换届,
    // 政策, 安排 in general — quoting them would answer a question nobody asked.
    await notFound('常委会机关的工会换届怎么组织？');
    await notFound('招商引资的奖励政策是什么？');
    await notFound('人大代表的体检怎么安排？');
    await quotes('代表证由谁制发？', '第四十九条', '制发代表证');
    // A general word (事项) the law words otherwise does not decline it.
    await quotes('撤职案要写明哪些事项？', '第六十二条', '写明撤职的对象和理由');
  }, 60_000);

  it('says 没有找到 when a how-to question meets only a work report, even one titled by its file name', async () => {
    await notFound('留抵退税怎么申请？');
    await notFound('地方政府专项债券怎么申请？');
    // What the report states is still answered from it.
    const answer = await kb.ask('2021年全国城镇新增就业多少人？', { k: 5 });
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain('城镇新增就业1269万人');
    // So is a how-question about what the report itself says.
    const asked = await kb.ask('政府工作报告里怎么稳就业？', { k: 5 });
    expect(asked.found).toBe(true);
    expect(asked.answer).toContain('稳就业');
  }, 60_000);

  it('says 没有找到 when a question counts a thing the article names but does not count', async () => {
    await notFound('每个选区要设几个投票站？');
    await quotes('几个代表团可以提出罢免国务院组成人员的案子？', '第二十条', '三个以上的代表团');
    // 票数 names the figure asked for, not a thing: 过半数 states it.
    await quotes('罢免县级人大代表需要多少票数才能通过？', '第五十三条', '须经原选区过半数的选民通过');
  }, 60_000);

  it('says 没有找到 when an age ceiling is asked and the laws state none, and quotes a ceiling they state', async () => {
    await notFound('人大常委会组成人员的年龄有上限吗？');
    await notFound('专门委员会的委员有年龄上限吗？');
    await quotes('县级人大代表的总名额有没有上限？', '第十二条', '代表总名额不得超过四百五十名');
    // The laws hold the resignation rule the sample library lacks: quoted here.
    await quotes('代表辞职向谁提出？', '第五十五条', '书面提出辞职');
  }, 60_000);

  it('says 没有找到 when asked whether there is a thing the laws never name, and quotes one they name', async () => {
    // 制服, 公积金: named nowhere; the articles found share only 人大代表, 开会, 补贴.
    await notFound('人大代表开会有没有统一的制服？');
    await notFound('人大代表有没有住房公积金补贴？');
    // 路费 is what the law calls 旅费: there, and quoted.
    await quotes('代表出席人代会有路费吗？', '第四十一条', '给予往返的旅费');
  }, 60_000);
});
