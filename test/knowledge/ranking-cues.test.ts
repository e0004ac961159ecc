import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openSqliteKnowledgeBase } from '../../src/knowledge/index.ts';
import { tempDir } from '../support/kb-fixtures.ts';
import { createBuiltinReranker } from '../../src/knowledge/ranking/builtin-reranker.ts';
import { questionBodies } from '../../src/knowledge/ranking/body-cue.ts';
import { questionTerms } from '../../src/knowledge/ranking/question-terms.ts';
import { actorInPassage, questionActor } from '../../src/knowledge/ranking/verb-object.ts';
import { answerLevel, passageScope, questionScope, scopeMatch } from '../../src/knowledge/ranking/scope-cue.ts';
import { documentNames, namesInQuestion, titleMatch } from '../../src/knowledge/ranking/title-cue.ts';
import { WEAK_MATCH_COVERAGE, queryCoverage } from '../../src/knowledge/answering/extractive-answerer.ts';

describe('level cue', () => {
  it('reads the level a question asks about', () => {
    expect(questionScope('区人大常委会多久开一次会？')).toBe('local');
    expect(questionScope('区长出缺时谁代理？')).toBe('local');
    expect(questionScope('全国人大常委会委员要提质询案，得凑多少人？')).toBe('national');
    expect(questionScope('人大代表一届干几年？')).toBeUndefined();
  });

  it('reads the level of a passage from its text, then from its title', () => {
    expect(passageScope('某法', '县级以上的地方各级人民代表大会常务委员会每两个月至少举行一次会议。')).toBe('local');
    expect(passageScope('某法', '全国人民代表大会常务委员会会议一般每两个月举行一次。')).toBe('national');
    expect(passageScope('中华人民共和国全国人民代表大会组织法', '各专门委员会可以任命专家若干人为顾问。')).toBe('national');
    expect(passageScope('中华人民共和国立法法', '法律不溯及既往。')).toBeUndefined();
  });

  it('withholds the bonus only from a passage of the other level', () => {
    const local = '县级以上的地方各级人民代表大会常务委员会会议每两个月至少举行一次。';
    const national = '全国人民代表大会常务委员会会议一般每两个月举行一次。';
    expect(scopeMatch('local', answerLevel('某法', local, [local]))).toBe(1);
    expect(scopeMatch('local', answerLevel('某法', national, [national]))).toBe(0);
    expect(scopeMatch(undefined, answerLevel('某法', national, [national]))).toBe(1);
  });

  it('reads an article that rules on both levels by the clause that answers', () => {
    const both = '全国人民代表大会会议期间，一个代表团或者三十名以上的代表联名，有权书面提出质询案。县级以上的地方各级人民代表大会代表有权依照法律规定的程序提出质询案。';
    expect(passageScope('某法', both)).toBeUndefined();
    const [nationalClause, localClause] = both.split('。');
    expect(answerLevel('某法', both, [nationalClause])).toBe('national');
    expect(scopeMatch('local', answerLevel('某法', both, [nationalClause]))).toBe(0);
    expect(answerLevel('某法', both, [localClause])).toBe('local');
    // Clauses of both levels answering alike, or one naming no level, leave the article's level open.
    expect(answerLevel('某法', both, [nationalClause, localClause])).toBeUndefined();
    expect(answerLevel('某法', both, ['质询案应当写明质询对象'])).toBeUndefined();
  });
});

describe('question terms', () => {
  it('takes an office term whole where the word segmenter cuts across it (能提议案: 提 + 议案, not 提议)', () => {
    const words = questionTerms('区人代会期间，代表几人以上联名能提议案？').words;
    expect(words).toContain('议案');
    expect(words).not.toContain('提议');
    expect(words).toContain('联名');
    // A segment inside an office term, or one holding it whole, is left as it is.
    expect(questionTerms('代表提的议案要包括哪几部分').words).toEqual(expect.arrayContaining(['议案', '代表', '包括']));
  });

  it('takes an office term whole where the word segmenter cuts it into single characters (质/询/案)', () => {
    expect(questionTerms('代表要求质询需要多少人联名').words).toContain('质询');
    expect(questionTerms('人代会期间代表多少人联名可以提质询案？').words).toContain('质询案');
  });
});

describe('document cue', () => {
  it('takes a law\'s short name, a city and a year from titles', () => {
    expect(documentNames('中华人民共和国全国人民代表大会和地方各级人民代表大会选举法')).toEqual(['选举法']);
    expect(documentNames('中华人民共和国全国人民代表大会常务委员会议事规则')).toEqual(['议事规则']);
    expect(documentNames('2026年北京市政府工作报告')).toEqual(['北京', '2026']);
  });

  it('finds the names a question mentions, two-digit years included', () => {
    const known = new Set(['选举法', '北京', '上海', '2024', '2026']);
    expect(namesInQuestion('24年的政府工作报告说赤字率多少？', known)).toEqual(['2024']);
    expect(namesInQuestion('北京今年PM2.5控制在多少？', known)).toEqual(['北京']);
    expect(namesInQuestion('按选举法，选民名单什么时候公布？', known)).toEqual(['选举法']);
    expect(namesInQuestion('代表一届干几年？', known)).toEqual([]);
  });

  it('scores the share of mentioned names a title carries', () => {
    expect(titleMatch(['上海', '2026'], '2026年上海市政府工作报告')).toBe(1);
    expect(titleMatch(['上海', '2026'], '2026年北京市政府工作报告')).toBe(0.5);
    expect(titleMatch([], '2026年北京市政府工作报告')).toBe(0);
  });
});

describe('weak-match coverage', () => {
  const passage = {
    id: 1, doc: 'rules.md', title: '某区人民代表大会常务委员会议事规则', location: '第五条', context: '某区人民代表大会常务委员会议事规则 第二章 会议',
    text: '第五条 常务委员会组成人员因病或者其他特殊原因不能出席会议的，应当事先向主任书面请假。',
  } as unknown as Parameters<typeof queryCoverage>[1];

  it('counts an on-topic colloquial question as covered, abbreviations bridged', () => {
    expect(queryCoverage('区人大常委会委员生病了来不了会，怎么请假？', passage)).toBeGreaterThanOrEqual(WEAK_MATCH_COVERAGE);
  });

  it('counts an off-topic question as not covered', () => {
    expect(queryCoverage('红烧肉怎么做才不腻？', passage)).toBeLessThan(WEAK_MATCH_COVERAGE);
    expect(queryCoverage('离婚冷静期是多少天？', passage)).toBeLessThan(WEAK_MATCH_COVERAGE);
  });
});

describe('second-stage cues between neighbouring articles', () => {
  const article = (id: number, title: string, location: string, text: string) => ({
    passage: { id, doc: `${id}.md`, title, location, context: title, text },
    score: 1,
  });
  const rerank = async (question: string, candidates: ReturnType<typeof article>[]) =>
    (await createBuiltinReranker({ idf: () => 1, documentNames: () => new Set(['北京', '上海', '2026']) })
      .rerank(question, candidates)).map(({ passage }) => passage.id);

  it('takes the body the question names from the article\'s first sentence', async () => {
    const committee = article(1, '某议事规则', '第六条', '第六条 全国人民代表大会常务委员会会议一般每两个月举行一次，由委员长召集。');
    const plenary = article(2, '某组织法', '第八条', '第八条 全国人民代表大会每届任期五年。全国人民代表大会会议每年举行一次，由全国人民代表大会常务委员会召集。');
    expect(await rerank('全国人代会多久开一次？', [committee, plenary])).toEqual([2, 1]);
    expect(await rerank('全国人大常委会多久开一次会？', [plenary, committee])).toEqual([1, 2]);
  });

  it('lets the answer to "who" be another body than the one the question names', async () => {
    const presidium = article(1, '某组织法', '第十二条', '第十二条 主席团主持全国人民代表大会会议。');
    const delegation = article(2, '某组织法', '第十九条', '第十九条 全国人民代表大会会议举行前，代表团推选团长。');
    expect(await rerank('全国人大会议期间谁主持会议？', [delegation, presidium])).toEqual([1, 2]);
    // Asked how often as well, the congress stays the subject the answer must be about.
    expect(questionBodies('全国人大会议多久开一次？谁来召集？')).toEqual(new Set(['人大会议']));
    expect(questionBodies('全国人大会议期间谁主持会议？')).toEqual(new Set());
    // The body (or its meeting) whose doer is asked stays the subject: who convenes 全国人大会议.
    expect(questionBodies('全国人大会议由谁召集？')).toEqual(new Set(['人大会议']));
    expect(questionBodies('常委会会议由谁召集？')).toEqual(new Set(['常委会']));
    expect(questionBodies('全国人大常委会的联组会议由谁主持？')).toEqual(new Set());
  });

  it('does not take a clause on another body\'s meeting as saying who acts for the body asked about', async () => {
    const committee = article(1, '某议事规则', '第六条', '第六条 全国人民代表大会常务委员会会议一般每两个月举行一次。\n常务委员会会议由委员长召集并主持。');
    const plenary = article(2, '某组织法', '第八条', '第八条 全国人民代表大会每届任期五年。\n全国人民代表大会会议每年举行一次，由全国人民代表大会常务委员会召集。');
    expect(await rerank('全国人大会议由谁召集？', [committee, plenary])).toEqual([2, 1]);
    expect(await rerank('全国人大常委会会议由谁召集？', [plenary, committee])).toEqual([1, 2]);
  });

  it('prefers the local article when the question names no level', async () => {
    const national = article(1, '某议事规则', '第四十五条', '第四十五条 全国人民代表大会常务委员会表决议案由常务委员会全体组成人员的过半数通过。');
    const local = article(2, '某组织法', '第五十一条', '第五十一条 县级以上的地方各级人民代表大会常务委员会表决议案由常务委员会全体组成人员的过半数通过。');
    expect(await rerank('常委会表决议案要多少票通过？', [national, local])).toEqual([2, 1]);
    expect(await rerank('全国人大常委会表决议案要多少票通过？', [local, national])).toEqual([1, 2]);
  });

  it('answers a question naming the district from the local article, though the national one words it closer', async () => {
    const national = article(1, '中华人民共和国全国人民代表大会组织法', '第二十八条', '第二十八条 常务委员会设立法制工作委员会、预算工作委员会和其他需要设立的工作委员会。');
    const local = article(2, '中华人民共和国地方各级人民代表大会和地方各级人民政府组织法', '第五十九条',
      '第五十九条 常务委员会根据工作需要，设立办事机构和法制工作委员会、预算工作委员会、代表工作委员会等工作机构。');
    expect(await rerank('区人大常委会设立哪些工作委员会？', [national, local])).toEqual([2, 1]);
    expect(await rerank('全国人大常委会设立哪些工作委员会？', [national, local])).toEqual([1, 2]);
  });

  it('puts the section of the year the question names above a plan that shares its words', async () => {
    const plan = { ...article(1, '2026年北京市政府工作报告', '三、2026年重点工作', '地区生产总值增速5%左右。'), score: 1.05 };
    const review = article(2, '2026年北京市政府工作报告', '一、2025年工作回顾', '全市地区生产总值增长5.4%。');
    expect(await rerank('北京2025年地区生产总值增速多少？', [plan, review])).toEqual([2, 1]);
    expect(await rerank('北京2026年地区生产总值增速多少？', [review, plan])).toEqual([1, 2]);
  });

  it('puts the document of the city the question names above another city\'s', async () => {
    const beijing = article(1, '2026年北京市政府工作报告', '三、主要任务', '全社会研发经费投入强度保持在6%左右，地区生产总值增长5%左右。');
    const shanghai = article(2, '2026年上海市政府工作报告', '三、主要任务', '全社会研发经费支出相当于全市生产总值的比例达到4.6%左右。');
    expect(await rerank('上海2026年研发投入强度的目标是多少？', [beijing, shanghai])).toEqual([2, 1]);
  });

  it('ranks a passage re-ingested under the same id by its new text, not by what it said before', async () => {
    // One re-ranker for every question, as the knowledge base keeps it: it keeps what it read of passages met often.
    const reranker = createBuiltinReranker({ idf: () => 1 });
    const order = async (candidates: ReturnType<typeof article>[]) =>
      (await reranker.rerank('代表联络站多久开放一次？', candidates)).map(({ passage }) => passage.id);
    const station = article(1, '某区代表联络站工作办法', '第五条', '第五条 代表联络站每月开放一次。');
    const other = article(2, '某区代表联络站工作办法', '第九条', '第九条 经费由区财政保障。');
    for (let i = 0; i < 3; i++) expect(await order([other, station])).toEqual([1, 2]);
    // The document was edited: article 5 now says nothing of opening, article 9 does.
    const edited = article(1, '某区代表联络站工作办法', '第五条', '第五条 经费由区财政保障。');
    const moved = article(2, '某区代表联络站工作办法', '第九条', '第九条 代表联络站每月开放一次。');
    expect(await order([edited, moved])).toEqual([2, 1]);
  });
});

describe('the verb and its object (议案怎么提出)', () => {
  it('puts first the article where the verb takes the object, not the one that only holds both words', async () => {
    const root = tempDir('lvzhi-deed-');
    const kb = await openSqliteKnowledgeBase({ dataDir: join(root, 'data') });
    try {
      await kb.ingest([fileURLToPath(new URL('../../knowledge/', import.meta.url))]);
      for (const question of ['议案怎么提出', '怎样提出议案']) {
        const [first] = (await kb.ask(question, { k: 5 })).sources;
        // 第十一条/第十二条 say who may put a bill (提出…议案); 第十五条 is about the vote on one.
        expect(first.location, question).toMatch(/第十[一二]条$/);
      }
    } finally {
      kb.close();
    }
  });
});

describe('doer cue', () => {
  const states = (question: string, clause: string, words: string[]) => actorInPassage(questionActor(question), [clause], words);

  it('finds the clause that says who does what a who-question asks, not a neighbour holding the verb', () => {
    expect(states('行政法规由谁签署公布？', '行政法规由总理签署国务院令公布', ['行政法规'])).toBe(1);
    expect(states('行政法规由谁签署公布？', '行政法规签署公布后，及时在国务院公报上刊载', ['行政法规'])).toBe(0);
    expect(states('全国人大会议期间谁主持会议？', '主席团主持全国人大会议', ['全国人大', '会议'])).toBe(1);
    expect(states('代表由谁来监督？', '代表受原选区选民或者原选举单位的监督', ['代表'])).toBe(1);
    expect(states('代表视察由谁安排？', '代表根据本级常委会的安排，对本级国家机关的工作进行视察', ['代表', '视察'])).toBe(1);
  });

  it('finds the receiver a question asks for (交给谁) and reads 谁可以提议案 as 提出', () => {
    expect(states('区人大代表想辞职，书面辞职交给谁？', '县级的人大代表可以向本级人大常委会书面提出辞职', ['辞职', '代表'])).toBe(1);
    expect(states('区人大代表想辞职，书面辞职交给谁？', '辞去代表职务的请求被接受的，其职务相应终止', ['辞职', '代表'])).toBe(0);
    expect(states('人代会开会期间，谁可以提议案？', '主席团、常委会、各专委会、本级政府，可以向本级人大提出属于本级人大职权范围内的议案', ['议案'])).toBe(1);
  });

  it('reads a body asked for by its kind (由哪个机关) as who, and 提名 as a verb of its own', () => {
    expect(states('军事法规由哪个机关制定？', '中央军事委员会根据宪法和法律，制定军事法规', ['军事', '法规'])).toBe(1);
    expect(states('调查委员会的组成人员由谁提名？', '调查委员会由主任委员、副主任委员和委员组成，由主任会议在常委会组成人员和其他代表中提名', ['调查', '人员'])).toBe(1);
    expect(questionActor('调查委员会的组成人员由谁提名？')?.verbs).toEqual(['提名']);
    // 设哪个机构 asks what body is set up, not who does a deed.
    expect(questionActor('县级以上人大常委会要设哪个机构负责代表工作？')).toBeUndefined();
  });

  it('finds the body a rule is sent to for approval, not an approval with no body named', () => {
    expect(states('设区的市的地方性法规由谁批准？', '设区的市的地方性法规须报省、自治区的人大常委会批准后施行', ['法规'])).toBe(1);
    expect(states('设区的市的地方性法规由谁批准？', '设区的市、自治州的人大及其常委会制定的地方性法规报经批准后，由设区的市、自治州的人大常委会发布公告予以公布', ['法规'])).toBe(0);
    expect(states('设区的市的地方性法规由谁批准？', '除国务院已经批准的较大的市以外，其他设区的市开始制定地方性法规的具体步骤和时间', ['法规'])).toBe(0);
  });

  it('asks nothing of a question that asks for no doer', () => {
    expect(questionActor('常委会会议多久召开一次？')).toBeUndefined();
    expect(states('常委会会议多久召开一次？', '常委会会议由主任召集', ['常委会会议'])).toBe(0);
  });
});

describe('how staff name what the rules call otherwise', () => {
  it('reads 会议材料 as the rules\' 会议文件 and 送到 as 送达 (not the 议案\'s 说明材料)', async () => {
    const root = tempDir('lvzhi-papers-');
    const kb = await openSqliteKnowledgeBase({ dataDir: join(root, 'data') });
    try {
      await kb.ingest([fileURLToPath(new URL('../../knowledge/', import.meta.url))]);
      const answer = await kb.ask('会议材料最晚提前几天送到委员手上？', { k: 5 });
      expect(answer.sources[0].location).toMatch(/第七条$/);
      expect(answer.answer.split('\n')[0]).toContain('五日以前送达');
    } finally {
      kb.close();
    }
  });
});
