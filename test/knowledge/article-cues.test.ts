import { describe, expect, it } from 'vitest';
import { ANSWER_TYPES, answerTypeMatch, expectedAnswerTypes } from '../../src/knowledge/answer-types.ts';
import { articleLabel, crossReference, referencesFor, topicPosition } from '../../src/knowledge/ranking/article-cues.ts';
import { DEFAULT_RERANK_WEIGHTS, createBuiltinReranker } from '../../src/knowledge/ranking/builtin-reranker.ts';

// Sample rules of a made-up district: a 代表联络站 measure, as an office would ingest one.
const TITLE = '某区人大代表联络站工作办法';
const article = (id: number, location: string, text: string, score = 1) => ({
  passage: { id, doc: 'liaison.md', title: TITLE, location, context: TITLE, text },
  score,
});
const rerank = async (question: string, candidates: ReturnType<typeof article>[], weights = DEFAULT_RERANK_WEIGHTS) =>
  (await createBuiltinReranker({ idf: () => 1, weights }).rerank(question, candidates)).map(({ passage }) => passage.id);

describe('topic position: the article whose sentence opens with the question\'s terms', () => {
  // Both articles name the station and its management; only the second rules on it.
  const passing = article(1, '第八条', '第八条 区人民政府、街道办事处和代表联络站应当加强协作管理，为代表活动提供便利。', 1.1);
  const about = article(2, '第九条', '第九条 代表联络站由所在街道人大工委负责日常管理。', 0.8);

  it('scores a clause that opens with the terms above one that lists them later', () => {
    const words = ['联络站', '管理'];
    expect(topicPosition(words, '第九条 代表联络站由所在街道人大工委负责日常管理。', () => 1)).toBeGreaterThan(
      topicPosition(words, '第八条 区人民政府、街道办事处和代表联络站应当加强协作管理。', () => 1));
    // The article label is not the opening; a later sentence may open with the terms too.
    expect(topicPosition(['联络站'], '第三条 本办法适用于全区。联络站每月开放一次。', () => 1)).toBe(1);
    expect(topicPosition(['联络站'], '第三条 本办法适用于全区各街道。', () => 1)).toBe(0);
  });

  it('puts the article about the station above its neighbour that mentions it in passing', async () => {
    expect(await rerank('代表联络站由谁管理？', [passing, about])).toEqual([2, 1]);
    // Without the cue (and the doer cue, which reads 由…负责日常管理 as the answer to 由谁管理) the
    // better fused score of the neighbour wins: the cues are what decide, each on its own.
    const without = { ...DEFAULT_RERANK_WEIGHTS, topicPosition: 0, actor: 0 };
    expect(await rerank('代表联络站由谁管理？', [passing, about], without)).toEqual([1, 2]);
    expect(await rerank('代表联络站由谁管理？', [passing, about], { ...without, actor: DEFAULT_RERANK_WEIGHTS.actor })).toEqual([2, 1]);
  });
});

describe('cross-references: the cited article states what the citing one borrows', () => {
  const rule = article(1, '第十四条', '第十四条 联络站的接待时间为每月两个半天，每次不少于三小时。', 0.6);
  const citing = article(2, '第十五条', '第十五条 群众反映的问题，联络站应当在本办法第十四条规定的接待时间内登记，并在十五日内转交有关部门。', 1);

  it('reads which article a passage cites for a term of the question', () => {
    expect(referencesFor(['接待时间'], citing.passage.text)).toEqual(['十四']);
    // A reference for another matter (a term the question does not hold) is no evidence.
    expect(referencesFor(['登记'], citing.passage.text)).toEqual([]);
    expect(articleLabel(rule.passage)).toBe('十四');
    expect(articleLabel({ text: '联络站每月开放。', location: '第二章 › 第十四条' })).toBe('十四');
    expect(articleLabel({ text: '一、工作回顾', location: '一、2025年工作回顾' })).toBeUndefined();
  });

  it('marks the cited article up and the citing one down, within one document', () => {
    expect(crossReference(['接待时间'], [rule, citing])).toEqual([1, -1]);
    const otherDoc = { ...rule, passage: { ...rule.passage, doc: 'other.md' } };
    // The cited article is not at hand (another document's 第十四条): the citing one keeps its place.
    expect(crossReference(['接待时间'], [otherDoc, citing])).toEqual([0, 0]);
  });

  it('takes no citation of a word that only names the kind of answer (本办法第十一条规定的事项) for a sign of the rule', async () => {
    const list = article(3, '第十一条', '第十一条 联络站接待下列事项：（一）群众来访；（二）代表约见；（三）其他事项。', 1);
    const cites = article(4, '第十二条', '第十二条 联络站对本办法第十一条规定的事项，应当登记，并在十五日内转交有关部门。', 0.9);
    const answer = article(5, '第二十条', '第二十条 约见申请应当写明约见的对象、事由和时间。', 0.9);
    expect((await rerank('约见申请要写明哪些事项？', [list, cites, answer]))[0]).toBe(5);
  });

  it('puts the article that sets the reception time above the one that applies it', async () => {
    expect(await rerank('联络站的接待时间有什么要求？', [citing, rule])).toEqual([1, 2]);
    expect(await rerank('联络站的接待时间有什么要求？', [citing, rule], { ...DEFAULT_RERANK_WEIGHTS, crossReference: 0 })).toEqual([2, 1]);
  });
});

describe('answer types read from how rules are worded', () => {
  const names = (question: string) => expectedAnswerTypes(question).map((type) => type.name);

  it('hears a headcount in "how many" before a kind of person', () => {
    expect(names('常委会开会至少要多少组成人员到场？')).toContain('headcount');
    expect(names('联络站要配几名代表值班？')).toContain('headcount');
    // "how many days ... the members": a period, not a headcount.
    expect(names('材料要提前几天送给委员？')).not.toContain('headcount');
  });

  it('takes a closing "A、B和C" list as an enumeration', () => {
    const enumeration = ANSWER_TYPES.filter((type) => type.name === 'enumeration');
    expect(answerTypeMatch(enumeration, '登记表应当写明反映人、反映事项和联系方式。')).toBe(1);
    expect(answerTypeMatch(enumeration, '联络站由街道人大工委和代表小组共同管理，每月开放。')).toBe(0);
  });
});
