/**
 * The lead sentence a person reads first: the clause of the best article that answers what was
 * asked — the term the question adds to the article's topic (请假 in an article on members
 * attending), and, in an article ruling on several levels of congress, the clause of the level
 * the question means (a district office's own when it names none). Real articles of
 * ../shared/corpus, read where they are.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadSentence } from '../../src/knowledge/answering/answer-sentence.ts';
import { openSqliteKnowledgeBase, type OpenKnowledgeBase } from '../../src/knowledge/index.ts';
import { tempDir } from '../support/kb-fixtures.ts';

const corpus = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const present = existsSync(join(corpus, 'election-law-2020.md')) && existsSync(join(corpus, 'npcsc-procedure-rules-2022.md'));
if (!present) console.warn('[lead-sentence.test] ../shared/corpus is absent: skipping the real-law lead sentence tests');

/** One article of a corpus law, from its label to the next article or heading. */
function article(file: string, label: string): string {
  const text = readFileSync(join(corpus, file), 'utf8');
  const start = text.indexOf(`\n${label} `);
  if (start < 0) throw new Error(`${label} not found in ${file}`);
  const rest = text.slice(start + 1);
  const end = rest.search(/\n(?:第[一二三四五六七八九十百]+条 |#)/);
  return end < 0 ? rest : rest.slice(0, end);
}

describe.skipIf(!present)('the lead sentence of an extractive answer', () => {
  it('in an article ruling on several levels, leads with the district\'s own level when the question names none', () => {
    const resigning = article('election-law-2020.md', '第五十五条');
    const county = '县级的人民代表大会代表可以向本级人民代表大会常务委员会书面提出辞职，乡级的人民代表大会代表可以向本级人民代表大会书面提出辞职[1]。';
    expect(leadSentence('代表辞职怎么办', resigning, 1)).toBe(county);
    expect(leadSentence('区人大代表想辞职，向谁提出？', resigning, 1)).toBe(county);
    // A clause naming no level continues the one before it: the county's vote, not the township's.
    expect(leadSentence('接受代表辞职要多少票', resigning, 1))
      .toBe('县级的人民代表大会常务委员会接受辞职，须经常务委员会组成人员的过半数通过[1]。');
  });

  it('leads with the sentence whose subject is the very thing asked, not a neighbour holding the same words', () => {
    const candidates = article('election-law-2020.md', '第三十二条');
    expect(leadSentence('正式代表候选人名单要提前几天公布', candidates, 1))
      .toBe('正式代表候选人名单及代表候选人的基本情况应当在选举日的七日以前公布[1]。');
    // Asked about the list before it is settled: the fifteen days.
    expect(leadSentence('代表候选人名单在选举日前几天公布', candidates, 1)).toContain('在选举日的十五日以前公布');
  });

  it('puts the line leading into a list before the item it chose, which alone states no consequence', () => {
    const ending = article('deputies-law-2025.md', '第六十二条');
    expect(leadSentence('代表调到外区工作了怎么办', ending, 1))
      .toBe('代表有下列情形之一的，其代表资格终止：（一）地方各级人民代表大会代表迁出或者调离本行政区域的[1]。');
    // A sentence that is no list item is left as it is.
    expect(leadSentence('代表去世了怎么办', ending, 1)).toBe('代表去世的，其代表资格自然终止[1]。');
  });

  it('leads with the level the question names', () => {
    const resigning = article('election-law-2020.md', '第五十五条');
    expect(leadSentence('全国人大代表辞职怎么办', resigning, 1))
      .toBe('全国人民代表大会代表，省、自治区、直辖市、设区的市、自治州的人民代表大会代表，可以向选举他的人民代表大会的常务委员会书面提出辞职[1]。');
    const quotas = article('election-law-2020.md', '第十三条');
    expect(leadSentence('乡镇人大代表名额由谁确定', quotas, 1))
      .toBe('乡级的人民代表大会代表的具体名额，由县级的人民代表大会常务委员会依照本法确定，报上一级人民代表大会常务委员会备案[1]。');
    expect(leadSentence('省人大代表名额由谁确定', quotas, 1))
      .toBe('省、自治区、直辖市的人民代表大会代表的具体名额，由全国人民代表大会常务委员会依照本法确定[1]。');
    expect(leadSentence('区人大代表的名额由谁确定', quotas, 1))
      .toMatch(/^设区的市、自治州和县级的人民代表大会代表的具体名额/);
  });
});

describe('the lead sentence of a who-question', () => {
  it('names who does it, not the neighbouring sentence that only holds the verb', () => {
    const meetings = '第四条 常务委员会会议一般每两个月举行一次，通常安排在双月的下旬；有特殊需要的时候，可以临时召集会议。\n常务委员会会议由主任召集并主持。主任可以委托副主任主持会议。';
    expect(leadSentence('常委会会议由谁召集？', meetings, 1)).toBe('常务委员会会议由主任召集并主持[1]。');
    expect(leadSentence('谁来召集常委会会议', meetings, 1)).toBe('常务委员会会议由主任召集并主持[1]。');
    // Not a who-question: the first sentence that holds what was asked, as before.
    expect(leadSentence('常委会会议多久举行一次？', meetings, 1)).toBe('常务委员会会议一般每两个月举行一次，通常安排在双月的下旬[1]。');
  });
});

describe.skipIf(!present)('the lead sentence a person reads, with two laws ingested', () => {
  const root = tempDir('lvzhi-lead-');
  let kb: OpenKnowledgeBase;
  beforeAll(async () => {
    kb = await openSqliteKnowledgeBase({ dataDir: join(root, 'data') });
    await kb.ingest([join(corpus, 'npcsc-procedure-rules-2022.md'), join(corpus, 'election-law-2020.md')]);
  });
  afterAll(() => {
    kb.close();
    rmSync(root, { recursive: true, force: true });
  });
  const lead = async (question: string) => (await kb.ask(question, { k: 5 })).answer.split('\n')[0];

  it('leads with the clause holding what the question adds to the article\'s topic, not the one sharing the topic words', async () => {
    const leave = '因病或者其他特殊原因不能出席的，应当通过常务委员会办事机构向委员长书面请假[1]。';
    expect(await lead('常委会组成人员可以请假吗')).toBe(leave);
    expect(await lead('常委会委员生病来不了会，请假走什么程序？')).toBe(leave);
    expect(await lead('常委会组成人员缺席会议，办事机构要向谁报告？'))
      .toBe('常务委员会办事机构应当向委员长报告常务委员会组成人员出席会议的情况和缺席的原因[1]。');
  });

  it('leads a district office\'s question on resigning with the county clause, a national one with the national clause', async () => {
    expect(await lead('代表辞职怎么办')).toMatch(/^县级的人民代表大会代表可以向本级人民代表大会常务委员会书面提出辞职/);
    expect(await lead('全国人大代表辞职怎么办')).toMatch(/^全国人民代表大会代表，省、自治区、直辖市、设区的市、自治州的人民代表大会代表，可以向选举他的/);
  });
});

describe('the lead sentence of a rule whose later sentences leave its subject unsaid', () => {
  const rules = readFileSync(fileURLToPath(new URL('../../knowledge/某区人大常委会议事规则.md', import.meta.url)), 'utf8');
  const attending = rules.split('\n').find((line) => line.startsWith('第八条'));

  it('leads with the clause on asking leave, read with the members its first sentence names', () => {
    expect(attending).toBeDefined();
    // 第八条: 常务委员会组成人员应当出席会议。因病…不能出席的，应当…书面请假。 — the second sentence's
    // subject is the first's; the question's topic words must not win the first sentence the lead.
    expect(leadSentence('常委会组成人员请假怎么办', attending!, 1)).toMatch(/^因病或者其他特殊原因不能出席的.*书面请假\[1\]。$/);
    expect(leadSentence('常委会组成人员要出席会议吗', attending!, 1)).toBe('常务委员会组成人员应当出席会议[1]。');
  });
});

describe.skipIf(!present)('the lead sentence of a who-question: the clause naming who does that deed to that thing', () => {
  it('does not lend a first sentence\'s subject to a later one that names its own (自治条例 after 地方性法规)', () => {
    const publishing = article('legislation-law-2023.md', '第八十八条');
    // The 自治条例 clause names 自治县, a county: it is no district clause on 地方性法规, which a county does not make.
    const provincial = /^省、自治区、直辖市的人民代表大会(?:常务委员会)?制定的地方性法规由(?:大会主席团|常务委员会)发布公告予以公布\[1\]。$/;
    expect(leadSentence('地方性法规由谁公布', publishing, 1)).toMatch(provincial);
    expect(leadSentence('地方性法规由哪个机关发布公告公布？', publishing, 1)).toMatch(provincial);
    expect(leadSentence('自治条例由谁公布？', publishing, 1)).toMatch(/^自治条例和单行条例报经批准后/);
  });

  it('reads the first sentence\'s subject into a later one that repeats it shortened', () => {
    const meetings = article('npcsc-procedure-rules-2022.md', '第六条');
    expect(leadSentence('全国人大常委会会议由谁召集？', meetings, 1)).toBe('常务委员会会议由委员长召集并主持[1]。');
  });

  it('finds the doer standing before its ground (国务院根据宪法和法律，制定…) and the body a rule is sent to for approval', () => {
    expect(leadSentence('行政法规由谁制定', article('legislation-law-2023.md', '第七十二条'), 1)).toBe('国务院根据宪法和法律，制定行政法规[1]。');
    expect(leadSentence('设区的市的地方性法规由谁批准？', article('legislation-law-2023.md', '第八十一条'), 1))
      .toBe('设区的市的地方性法规须报省、自治区的人民代表大会常务委员会批准后施行[1]。');
  });

  it('reads 本级 as the level of its own clause and 提名 as a verb of its own', () => {
    const township = article('local-organic-law-2022.md', '第十九条');
    expect(leadSentence('乡镇人代会开会由谁主持？', township, 1)).toMatch(/^由主席团主持会议/);
    const inquiry = article('local-organic-law-2022.md', '第五十八条');
    expect(leadSentence('特定问题调查委员会的组成人员由谁提名？', inquiry, 1)).toMatch(/由主任会议在常务委员会组成人员和其他代表中提名/);
  });
});

describe.skipIf(!present)('the lead sentence of a who-question, with the legislation law ingested', () => {
  const root = tempDir('lvzhi-lead-who-');
  let kb: OpenKnowledgeBase;
  beforeAll(async () => {
    kb = await openSqliteKnowledgeBase({ dataDir: join(root, 'data') });
    await kb.ingest([join(corpus, 'legislation-law-2023.md')]);
  });
  afterAll(() => {
    kb.close();
    rmSync(root, { recursive: true, force: true });
  });
  const lead = async (question: string) => (await kb.ask(question, { k: 5 })).answer.split('\n')[0];

  it('leads with the sentence naming who does what was asked to the thing asked about', async () => {
    expect(await lead('地方性法规由谁公布')).toMatch(/^省、自治区、直辖市的人民代表大会(?:常务委员会)?制定的地方性法规由/);
    expect(await lead('行政法规由谁制定')).toBe('国务院根据宪法和法律，制定行政法规[1]。');
  });
});
