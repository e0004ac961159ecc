/**
 * The second stage: the right article first among its neighbours, the body the question
 * names, rules before records for procedure questions — and a rerank model on a stand-in
 * service, with the built-in re-ranker standing in when it fails.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createModelReranker, openSqliteKnowledgeBase, type OpenKnowledgeBase } from '../../src/knowledge/index.ts';
import { OpenAIReranker } from '../../src/models/index.ts';
import { failWith, malformed, rerankWith, standInRelevance, startOpenAIStandIn, type OpenAIStandIn } from '../support/openai-stand-in.ts';
import { tempDir } from '../support/kb-fixtures.ts';

const COMMITTEE_RULES = `# 某区人民代表大会常务委员会议事规则

## 第二章 会议的召开

第四条 常务委员会会议一般每两个月举行一次；有特殊需要的时候，可以临时召集会议。

第五条 常务委员会会议有常务委员会全体组成人员的过半数出席，始得举行。

第六条 常务委员会会议议程草案由主任会议拟订，提请常务委员会全体会议决定。

第七条 常务委员会举行会议，办公室应当在会议举行七日以前，将开会日期、建议会议讨论的主要事项通知常务委员会组成人员；会议文件一般应当在会议举行五日以前送达。

第八条 常务委员会组成人员因病或者其他特殊原因不能出席的，应当在会议举行前通过办公室向主任书面请假。

## 第六章 视察

第二十九条 组织代表视察的，办公室应当在视察活动举行七日以前，将视察的时间、内容和有关要求书面通知参加视察的代表。
`;

const STREET_RULES = `# 某街道人大工作委员会工作规则

第三条 街道人大工委会议一般每月召开一次，由工委主任召集并主持；必要时可以临时召开。

第四条 工委会议议题由工委主任确定，会议通知应当提前三日送达工委委员。
`;

const SUMMARY = `# 区人大常委会2024年上半年工作总结

## 三、组织视察调研

半年来，常委会先后组织代表视察4次、专题调研3次。每次视察前，均提前七日书面通知参加视察的代表，并提供视察点位和有关资料。
`;

/**
 * A library of the given documents, ingested before the describe block's tests and removed
 * after them; `first` is the passage a question gets first.
 */
function library(name: string, files: Record<string, string>) {
  const root = tempDir(name);
  let kb: OpenKnowledgeBase;
  beforeAll(async () => {
    const docs = join(root, 'docs');
    mkdirSync(docs, { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(join(docs, file), text);
    kb = await openSqliteKnowledgeBase({ dataDir: join(root, 'data') });
    await kb.ingest([docs]);
  });
  afterAll(() => {
    kb.close();
    rmSync(root, { recursive: true, force: true });
  });
  return { first: async (question: string) => (await kb.search(question, 5))[0].passage };
}

describe('the built-in second stage', () => {
  const { first } = library('lvzhi-rerank-', { 'committee-rules.md': COMMITTEE_RULES, 'street-rules.md': STREET_RULES, 'summary.md': SUMMARY });

  it('puts the article that holds the question\'s terms together above its neighbours', async () => {
    expect((await first('开会前要提前几天通知组成人员？')).location).toContain('第七条');
    expect((await first('委员生病不能来开会怎么请假？')).location).toContain('第八条');
    expect((await first('常委会会议要多少人出席才能举行？')).location).toContain('第五条');
  });

  it('answers with the body the question names: the standing committee\'s rule, or the 工委\'s', async () => {
    const committee = await first('常委会会议多久召开一次？');
    expect(committee.doc).toBe('committee-rules.md');
    expect(committee.location).toContain('第四条');
    expect((await first('街道人大工委会议多久召开一次？')).doc).toBe('street-rules.md');
  });

  it('puts the rule before a summary that reports the same practice, for a procedure question', async () => {
    const answer = await first('代表视察要提前几天通知？');
    expect(answer.doc).toBe('committee-rules.md');
    expect(answer.location).toContain('第二十九条');
    // A question about the record itself still finds the record.
    expect((await first('上半年组织代表视察了几次？')).doc).toBe('summary.md');
  });
});

// The national rules state the office's own practice in nearly the same words, with other figures.
const NATIONAL_RULES = `# 中华人民共和国全国人民代表大会常务委员会议事规则

## 第三章 议案的提出和审议

第十九条 提请常务委员会会议审议的议案，应当在会议召开十日前提交常务委员会。

向常务委员会提出议案，应当同时提出议案文本和说明。
`;

const OWN_BILL_RULE = `# 某区人民代表大会常务委员会议事规则

## 第三章 议案的提出和审议

第十三条 提请常务委员会会议审议的议案，应当在会议举行十五日以前提交常务委员会，并附有关说明材料。未按规定时间提交的，一般不列入本次会议议程。

第十四条 常务委员会全体会议听取关于议案的说明后，由分组会议进行审议。
`;

describe('the office\'s own rules', () => {
  const { first } = library('lvzhi-own-rules-', { 'npcsc-rules.md': NATIONAL_RULES, 'own-rules.md': OWN_BILL_RULE });

  it('answers a practice question naming no level from the office\'s own rules, a national one from the national rules', async () => {
    expect((await first('议案最晚开会前几天交？')).doc).toBe('own-rules.md');
    expect((await first('全国人大常委会的议案最晚开会前几天交？')).doc).toBe('npcsc-rules.md');
  });
});

describe('a rerank model on an OpenAI-compatible service', () => {
  const root = tempDir('lvzhi-rerank-model-');
  let service: OpenAIStandIn;
  let rootOnly: OpenAIStandIn;
  const logged: string[] = [];
  const reference = new Map<string, number[]>();
  const QUESTION = '常委会会议多久召开一次？';

  const open = (baseURL: string) => openSqliteKnowledgeBase({
    dataDir: join(root, 'data'),
    reranker: createModelReranker(new OpenAIReranker({
      model: 'bge-reranker-v2-m3', baseURL,
      retry: { attempts: 1, attemptTimeoutMs: 2_000, deadlineMs: 2_000 }, breaker: { failureThreshold: 1_000 },
    })),
    log: (line) => logged.push(line),
  });

  beforeAll(async () => {
    service = await startOpenAIStandIn();
    rootOnly = await startOpenAIStandIn({ rerankPaths: ['/rerank'] });
    const docs = join(root, 'docs');
    mkdirSync(docs, { recursive: true });
    writeFileSync(join(docs, 'committee-rules.md'), COMMITTEE_RULES);
    writeFileSync(join(docs, 'street-rules.md'), STREET_RULES);
    const builtin = await openSqliteKnowledgeBase({ dataDir: join(root, 'data') });
    await builtin.ingest([docs]);
    reference.set(QUESTION, (await builtin.search(QUESTION, 5)).map((s) => s.passage.id));
    builtin.close();
  });
  afterAll(async () => {
    await service.close();
    await rootOnly.close();
    rmSync(root, { recursive: true, force: true });
  });
  beforeEach(() => {
    service.reset();
    logged.length = 0;
  });

  it('sends the fused candidates and takes the model\'s order', async () => {
    // A "model" that likes the 工委's rule best, so its order is visibly not the built-in one.
    service.enqueueRerank(rerankWith((_, documents) => documents.map((d) => (d.includes('工委会议一般每月') ? 0.99 : 0.1))));
    const kb = await open(service.baseURL);
    try {
      const found = await kb.search(QUESTION, 5);
      const [request] = service.rerankRequests();
      expect(request.path).toBe('/v1/rerank');
      expect(request.body.model).toBe('bge-reranker-v2-m3');
      expect(request.body.query).toBe(QUESTION);
      expect(request.body.documents.length).toBeGreaterThanOrEqual(found.length);
      expect(request.body.top_n).toBe(request.body.documents.length);
      expect(found[0].passage.text).toContain('工委会议一般每月');
      expect(found[0].score).toBeCloseTo(0.99, 2);
      expect(logged).toEqual([]);
    } finally {
      kb.close();
    }
  });

  it('finds a service that serves /rerank at its root only', async () => {
    const kb = await open(rootOnly.baseURL);
    try {
      const found = await kb.search(QUESTION, 3);
      expect(rootOnly.requests.map((r) => r.path)).toEqual(['/v1/rerank', '/rerank']);
      // The order is the service's: its best-scored document comes first.
      const { query, documents } = rootOnly.requests[1].body as { query: string; documents: string[] };
      const best = documents.reduce((a, b) => (standInRelevance(query, b) > standInRelevance(query, a) ? b : a));
      expect(best).toContain(found[0].passage.text.slice(0, 20));
      expect(logged).toEqual([]);
    } finally {
      kb.close();
    }
  });

  for (const [name, behaviour] of [['a 500', failWith(500)], ['a malformed body', malformed()]] as const) {
    it(`falls back to the built-in order after ${name}, and logs it`, async () => {
      service.enqueueRerank(behaviour);
      const kb = await open(service.baseURL);
      try {
        const found = await kb.search(QUESTION, 5);
        expect(found.map((s) => s.passage.id)).toEqual(reference.get(QUESTION));
        expect(logged.some((line) => line.includes('built-in re-ranker'))).toBe(true);
      } finally {
        kb.close();
      }
    });
  }
});
