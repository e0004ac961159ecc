/**
 * The pieces under retrieval: equivalences applied alike to questions and passages, question
 * words as stopwords, the deterministic offline embedding, the answer-type cue, and the BM25
 * file round trip.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerTypeMatch, expectedAnswerTypes } from '../../src/knowledge/answer-types.ts';
import { topicWords } from '../../src/knowledge/answering/found-features.ts';
import { countedNouns, focusPhrase, focusWords, taggedQuestion } from '../../src/knowledge/answering/question-focus.ts';
import { Bm25Builder, Bm25Index } from '../../src/knowledge/search/bm25-index.ts';
import { Canonicalizer, defaultEquivalences, loadEquivalences } from '../../src/knowledge/search/equivalences.ts';
import { createOfflineEmbedder, OFFLINE_EMBEDDER_ID } from '../../src/knowledge/index.ts';
import { defaultTokenizer } from '../../src/knowledge/search/tokenizer.ts';
import { tempDir } from '../support/kb-fixtures.ts';

const tokenizer = defaultTokenizer();
const shared = (a: string, b: string): string[] => {
  const right = new Set(tokenizer.terms(b));
  return [...new Set(tokenizer.terms(a))].filter((t) => right.has(t));
};

describe('equivalences', () => {
  it('gives abbreviation and full form the same canonical spelling', () => {
    const eq = defaultEquivalences();
    expect(eq.apply('全国人大常委会')).toBe(eq.apply('全国人民代表大会常务委员会'));
    expect(eq.apply('代表建议')).toBe(eq.apply('代表建议、批评和意见'));
  });

  it('keeps the members of a listed group findable on their own', () => {
    const text = defaultEquivalences().apply('本级人民政府、监察委员会、人民法院、人民检察院的负责人');
    expect(text).toContain('一府一委两院');
    expect(text).toContain('法院');
    expect(text).toContain('监察委员会');
  });

  it('reads an edited list: longer variants win, full-width text is normalised', () => {
    const eq = new Canonicalizer([
      { canonical: '主任会议', variants: ['主任碰头会'] },
      { canonical: '会', variants: ['会议'] },
    ]);
    expect(eq.apply('主任碰头会研究')).toBe('主任会议研究');
    expect(eq.apply('ＡＢＣ１２３')).toBe('abc123');
  });

  it('rewrites every place a longest-first alternation of the shipped variants would, and only those', () => {
    const groups = loadEquivalences();
    const replacement = new Map<string, string>();
    const eq = new Canonicalizer(groups);
    for (const group of groups) {
      for (const variant of group.variants) {
        const key = variant.normalize('NFKC').toLowerCase();
        if (key && key !== group.canonical && !replacement.has(key)) replacement.set(key, eq.apply(key));
      }
    }
    const variants = [...replacement.keys()].sort((a, b) => b.length - a.length);
    const escaped = variants.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const alternation = new RegExp(escaped.join('|'), 'g');
    // Texts of variants, their heads and tails run together (overlaps, a shorter variant
    // before a longer one), full-width and upper-case letters between them.
    let seed = 7;
    const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let t = 0; t < 400; t++) {
      let text = '';
      for (let piece = 0; piece < 8; piece++) {
        const variant = variants[next(variants.length)];
        const cut = next(3);
        text += cut === 0 ? variant : cut === 1 ? variant.slice(0, 1 + next(variant.length)) : variant.slice(next(variant.length));
        if (next(4) === 0) text += 'ＡＢ的会议，'[next(6)];
      }
      const normal = text.normalize('NFKC').toLowerCase();
      expect(eq.apply(text)).toBe(normal.replace(alternation, (match) => replacement.get(match)!));
    }
  });

  it('rewrites a title, heading and location line by line as it rewrites them together, however often asked', () => {
    const eq = defaultEquivalences();
    const lines = ['ＸＸ区人民代表大会常务委员会议事规则', '第二章　常务委员会会议', '第十条'];
    for (let i = 0; i < 2; i++) expect(eq.applyHeading(...lines)).toBe(eq.apply(lines.join('\n')));
    expect(eq.applyHeading(...lines)).toBe('xx区人大常委会议事规则\n第二章 常委会会议\n第十条');
    // An edited list may hold a variant that spans two lines: it is still found across them.
    const spanning = new Canonicalizer([{ canonical: '主任会议', variants: ['主任\n碰头会'] }]);
    expect(spanning.applyHeading('主任', '碰头会研究')).toBe('主任会议研究');
  });

  it('lets a staff question and the document wording share their key terms', () => {
    expect(shared('一府一委两院要列席吗', '人民政府、监察委员会、人民法院、人民检察院的负责人列席')).toEqual(
      expect.arrayContaining(['一府', '两院', '列席']));
    expect(shared('区人大常委会', '区人民代表大会常务委员会')).toEqual(expect.arrayContaining(['人大', '常委']));
  });
});

describe('tokenizer', () => {
  it('drops question words so they never carry a match', () => {
    const terms = tokenizer.terms('常委会会议需要多少人出席才能举行吗？');
    for (const word of ['多少', '吗', '需要']) expect(terms).not.toContain(word);
    expect(terms).toContain('出席');
  });

  it('emits words and character bigrams', () => {
    const terms = tokenizer.terms('专项工作报告');
    expect(terms).toEqual(expect.arrayContaining(['专项', '工作', '报告', '项工', '作报']));
  });
});

describe('offline embedder', () => {
  it('is deterministic, unit length, and names its space', async () => {
    const embedder = createOfflineEmbedder();
    expect(embedder.id).toBe(OFFLINE_EMBEDDER_ID);
    const [a, b] = await embedder.embed(['常委会会议每两个月举行一次', '常委会会议每两个月举行一次']);
    expect([...a]).toEqual([...b]);
    expect(Math.hypot(...a)).toBeCloseTo(1, 5);
    expect(a.length).toBe(embedder.dimensions);
  });

  it('places an abbreviated question nearer its passage than an unrelated one', async () => {
    const embedder = createOfflineEmbedder();
    const [q, near, far] = await embedder.embed(['全国人大常委会多久开一次会', '全国人民代表大会常务委员会会议一般每两个月举行一次', '今年拟安排地方政府专项债券']);
    const dot = (x: Float32Array, y: Float32Array): number => x.reduce((s, v, i) => s + v * y[i], 0);
    expect(dot(q, near)).toBeGreaterThan(dot(q, far));
  });

  it('a different dimension is a different space', () => {
    expect(createOfflineEmbedder({ dimensions: 128 }).id).not.toBe(OFFLINE_EMBEDDER_ID);
  });

  it('hashes exactly the n-grams of each letter-or-digit run (a plain string version agrees)', async () => {
    // The embedder hashes from char codes for speed; this is the definition it must match.
    const fnv = (text: string, seed: number): number => {
      let hash = 2166136261 ^ seed;
      for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
      return hash >>> 0;
    };
    const reference = (clean: string, dimensions: number): Float32Array => {
      const counts = new Map<string, number>();
      for (const run of clean.split(/[^\p{L}\p{N}]+/u)) {
        for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= run.length; i++) counts.set(run.slice(i, i + n), (counts.get(run.slice(i, i + n)) ?? 0) + 1);
      }
      const vector = new Float32Array(dimensions);
      for (const [gram, count] of counts) {
        const hash = fnv(gram, gram.length);
        vector[hash % dimensions] += (hash & 0x80000000 ? -1 : 1) * [0.1, 1, 0.5][gram.length - 1] * (1 + Math.log(count));
      }
      const norm = Math.hypot(...vector);
      return vector.map((v) => v / norm);
    };
    const embedder = createOfflineEmbedder({ canonicalizer: { apply: (text: string) => text } as never });
    // CJK, ASCII, a character outside the BMP (𠀋), punctuation and repeats.
    const text = '第十二条 代表2024年提出的建议、批评和意见，由办事机构交办；abc𠀋代表代表代表';
    const got = embedder.embedOne(text);
    const want = reference(text, embedder.dimensions);
    got.forEach((v, i) => expect(v).toBeCloseTo(want[i], 6));
  });
});

describe('answer types', () => {
  it('expects a period for "how long" and a headcount for "how many people"', () => {
    const period = expectedAnswerTypes('议案最晚要在开会前几天提交？');
    expect(answerTypeMatch(period, '应当在会议召开十日前提交')).toBe(1);
    expect(answerTypeMatch(period, '第十条 议案应当写明案由')).toBe(0); // article numbers are labels
    // A limit of time asked for as 限时 / 时间限制, a term as 任期多长, is a period too.
    expect(answerTypeMatch(expectedAnswerTypes('分组会议发言限时多少？'), '第一次发言一般不超过十五分钟')).toBeGreaterThan(0);
    expect(expectedAnswerTypes('书面答复有没有时间限制？').map((type) => type.name)).toEqual(['period']);
    expect(answerTypeMatch(expectedAnswerTypes('专门委员会任期多长？'), '每届任期同本级人民代表大会每届任期相同')).toBe(1);
    const heads = expectedAnswerTypes('要几个人联名？');
    expect(answerTypeMatch(heads, '常务委员会组成人员五人以上联名')).toBe(1);
  });

  it('counts a list a law introduces with 下列 and numbered items as an enumeration', () => {
    const list = expectedAnswerTypes('人大代表有哪些权利？');
    expect(answerTypeMatch(list, '第七条 代表享有下列权利：（一）出席本级人民代表大会会议；（二）依法联名提出议案')).toBe(1);
    expect(answerTypeMatch(list, '第一条 为保证代表依法行使代表的职权，履行代表的义务，根据宪法，制定本法。')).toBe(0);
    // Three items closed by 等 are a list too.
    expect(answerTypeMatch(list, '常务委员会设立法制工作委员会、预算工作委员会、代表工作委员会等工作机构。')).toBe(1);
  });

  it('expects a count for 几次 and 多少件, not an amount', () => {
    const times = expectedAnswerTypes('上半年常委会开了几次会？');
    expect(times.map((type) => type.name)).toEqual(['count']);
    expect(answerTypeMatch(times, '上半年共召开常委会会议3次，听取专项工作报告5个。')).toBe(1);
    expect(answerTypeMatch(times, '常委会会议由主任召集，第一次会议由上届常委会召集。')).toBe(0);
    expect(expectedAnswerTypes('常委会开会要多少人到场？').map((type) => type.name)).toEqual(['headcount']);
    // Cars are counted in 辆: a meeting held 一次 is no answer to 几辆.
    const cars = expectedAnswerTypes('办公室有几辆公务车？');
    expect(cars.map((type) => type.name)).toEqual(['items']);
    expect(answerTypeMatch(cars, '常务委员会会议每两个月至少举行一次')).toBe(0);
    expect(answerTypeMatch(cars, '配备公务用车2辆')).toBe(1);
  });

  it('expects a sum of money for pay and a clock time for 几点', () => {
    const money = expectedAnswerTypes('人大代表每个月有多少补贴？');
    expect(answerTypeMatch(money, '国家根据实际需要给予适当的补贴和物质上的便利。')).toBeLessThan(1);
    expect(answerTypeMatch(money, '每人每月补贴三百元。')).toBe(1);
    const clock = expectedAnswerTypes('代表联络站几点开门？');
    expect(answerTypeMatch(clock, '联络站每周二开放。')).toBe(0);
    expect(answerTypeMatch(clock, '联络站上午9:00至11:30开放。')).toBe(1);
  });

  it('expects nothing of a question that asks for no figure', () => {
    expect(expectedAnswerTypes('质询案由谁答复')).toEqual([]);
  });
});

describe('BM25 index file', () => {
  it('saves and loads to the same rankings, and rejects a damaged file', () => {
    const builder = new Bm25Builder();
    const texts = ['常务委员会会议每两个月举行一次', '代表建议三个月内答复', '执法检查组可以邀请代表参加'];
    texts.forEach((t, i) => builder.add(i + 1, tokenizer.terms(t), tokenizer.terms('议事规则')));
    const index = builder.finish(7);
    const folder = tempDir();
    try {
      const path = join(folder, 'lexical.bm25');
      index.save(path);
      const loaded = Bm25Index.load(path)!;
      expect(loaded.generation).toBe(7);
      const query = tokenizer.terms('代表建议多久答复');
      expect(loaded.search(query, 3)).toEqual(index.search(query, 3));
      expect(loaded.search(query, 3)[0].id).toBe(2);
      expect(Bm25Index.load(join(folder, 'missing.bm25'))).toBeUndefined();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('BM25 builder over more postings than one of its blocks holds', () => {
  it('finds each passage by its own term on both sides of a block boundary', () => {
    const builder = new Bm25Builder();
    // Three postings a passage: 400,000 passages fill a block (2^20 postings) and start a second.
    const passages = 400_000;
    for (let i = 1; i <= passages; i++) builder.add(i, [`own${i}`, `group${i % 1000}`, '共同'], []);
    const index = builder.finish(1);
    for (const id of [1, 349_525, 349_526, 349_527, passages]) {
      expect(index.search([`own${id}`], 1).map((hit) => hit.id)).toEqual([id]);
    }
    const group = index.searchExhaustive(['group7'], 500).map((hit) => hit.id).sort((a, b) => a - b);
    expect(group).toEqual(Array.from({ length: 400 }, (_, i) => 7 + 1000 * i));
    expect(() => builder.finish(2)).toThrow(/freezes once/);
  });
});

describe('reading what a question asks about', () => {
  const words = (question: string) => topicWords(question).map((w) => w.word);

  it('keeps a two-character word jieba does not know, without taking its guesses for words', () => {
    expect(words('常委会会议的茶歇由谁准备？')).toContain('茶歇');
    expect(words('区人大常委会有多少个委室？')).toContain('委室');
    expect(words('分组会议上第一次发言最多能讲多久？')).not.toContain('能讲');
    expect(words('代表选完以后，会议最晚什么时候得开？')).not.toContain('得开');
  });

  it('finds the focus next to the asking word, not across a comma', () => {
    expect(focusWords(taggedQuestion('区人大代表任期几年'))).toEqual(['任期']);
    expect(focusWords(taggedQuestion('代表视察需要持什么证件'))).toEqual(['证件']);
    expect(focusWords(taggedQuestion('代表证丢了怎么补办'))).toEqual(['补办']);
    expect(focusWords(taggedQuestion('想质询区教育局，要几个人联名？'))).not.toContain('教育局');
  });

  it('takes the thing a how-question handles as a focus too, past the verb that says what happens to it', () => {
    expect(focusWords(taggedQuestion('人大代表的医疗保险怎么办理？'))).toEqual(expect.arrayContaining(['医疗保险']));
    expect(focusWords(taggedQuestion('机关的党支部换届怎么操作？'))).toEqual(expect.arrayContaining(['党支部']));
    // Not across a comma, and not a noun two verbs away.
    expect(focusWords(taggedQuestion('代表证丢了，怎么补办'))).toEqual(['补办']);
  });

  it('takes the noun naming which kind, the counted noun and a verbal noun after 的 as what is asked about', () => {
    expect(focusPhrase(taggedQuestion('招商引资的奖励政策是什么？'))).toEqual(expect.arrayContaining(['政策', '奖励']));
    expect(focusWords(taggedQuestion('投票站要准备几个票箱？'))).toEqual(['票箱']);
    expect(countedNouns(taggedQuestion('区人大常委会有多少个委室？'))).toEqual(['委室']);
    // 几个人 counts people, named by no noun: the focus stays before the asking word.
    expect(countedNouns(taggedQuestion('要几个人联名？'))).toEqual([]);
    expect(focusWords(taggedQuestion('人大代表的体检怎么安排？'))).toEqual(expect.arrayContaining(['体检']));
  });

  it('takes the noun before a question-closing 哪些 or 什么 as the focus, and no guess of jieba\'s', () => {
    expect(focusWords(taggedQuestion('人大代表选举的宣传标语有哪些？'))).toEqual(['标语']);
    expect(focusWords(taggedQuestion('被提请任命的人表决前要做些什么？'))).toEqual([]);
  });

  it('counts a verb the documents lack for less than a noun they lack', () => {
    const [wording] = topicWords('代表履职期间工资照发吗？').filter((w) => w.word === '照发');
    const [noun] = topicWords('机关食堂这周的食谱是什么？').filter((w) => w.word === '食谱');
    expect(wording.wording).toBe(true);
    expect(noun.wording).toBe(false);
  });
});
