import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { knowledgeMessages, openSqliteKnowledgeBase } from '../../src/knowledge/index.ts';
import { createModels, openModels } from '../../src/models/index.ts';
import { runCli } from '../support/cli-process.ts';
import { failWith, startOpenAIStandIn, type OpenAIStandIn } from '../support/openai-stand-in.ts';

const RULES = `# 某区人大常委会议事规则

第一条 常务委员会会议一般每两个月举行一次，由主任召集并主持。

第二条 常务委员会组成人员五人以上联名，可以向常务委员会提出属于常务委员会职权范围内的议案。

第三条 常务委员会组成人员因病或者其他特殊原因不能出席会议的，应当事先向主任书面请假。

第四条 专项工作报告应当在常务委员会举行会议的二十日前送交常务委员会办事机构。
`;

const MINUTES = `# 第三十次常委会会议纪要

会议听取了区政府关于义务教育均衡发展情况的专项工作报告，组成人员提出了审议意见。
`;

const settings = (baseURL: string) => ({
  OPENAI_BASE_URL: baseURL, OPENAI_API_KEY: undefined, LVZHI_CHAT_MODEL: undefined, LVZHI_EMBEDDING_MODEL: 'bge-m3',
});
/** One quick attempt and no circuit breaker pause, so an outage shows at once. */
const quick = { embedRetry: { attempts: 1, attemptTimeoutMs: 2_000, deadlineMs: 2_000 }, breaker: { failureThreshold: 1_000 } };

describe('the knowledge base when the embedding service fails', () => {
  let service: OpenAIStandIn;
  let root: string;
  let docs: string;
  let data: string;

  beforeAll(async () => {
    service = await startOpenAIStandIn({ dimensions: 24 });
    root = mkdtempSync(join(tmpdir(), 'lvzhi-outage-'));
    docs = join(root, 'docs');
    data = join(root, 'data');
    mkdirSync(docs);
    writeFileSync(join(docs, 'rules.md'), RULES);
    const models = await openModels(settings(service.baseURL), quick);
    const kb = await openSqliteKnowledgeBase({ dataDir: data, embedder: models.embedder });
    expect((await kb.ingest([docs])).added).toBe(1);
    kb.close();
  });
  afterAll(async () => {
    await service.close();
    rmSync(root, { recursive: true, force: true });
  });
  beforeEach(() => {
    service.reset();
    service.setEmbeddingDefault({ kind: 'embed', dimensions: 24 });
  });

  it('answers from BM25 alone when the question cannot be embedded', async () => {
    const models = await openModels(settings(service.baseURL), quick);
    const kb = await openSqliteKnowledgeBase({ dataDir: data, embedder: models.embedder });
    service.setEmbeddingDefault(failWith(503));
    const answer = await kb.ask('委员生病了不能来开会怎么请假？', { k: 3 });
    expect(service.embeddingRequests().length).toBeGreaterThan(0);
    expect(answer.sources[0].text).toContain('书面请假');
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain('书面请假');
    expect(answer.answer).not.toMatch(/错误|失败|error/i);
    // The reader is told the answer came from keyword search alone.
    expect(answer.answer).toContain(knowledgeMessages.keywordOnly);
    expect(await kb.retrievers.vector.search('请假', 3)).toEqual([]);
    // Back up: no note.
    service.setEmbeddingDefault({ kind: 'embed', dimensions: 24 });
    expect((await kb.ask('委员生病了不能来开会怎么请假？', { k: 3 })).answer).not.toContain(knowledgeMessages.keywordOnly);
    kb.close();
  });

  it('ask answers by keyword search when the embedding service is down at start-up: a warning, not an exit', async () => {
    service.setEmbeddingDefault(failWith(503));
    const env = { ...process.env, OPENAI_BASE_URL: service.baseURL, LVZHI_EMBEDDING_MODEL: 'bge-m3', LVZHI_CHAT_MODEL: '' };
    const run = await runCli(['ask', '常委会多久开一次会？', '--k', '2', '--data', data, '--json'], { env });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('LVZHI_EMBEDDING_MODEL');
    const answer = JSON.parse(run.stdout);
    expect(answer.found).toBe(true);
    expect(answer.sources[0].text).toContain('每两个月举行一次');
    expect(answer.answer).toContain(knowledgeMessages.keywordOnly);
  }, 60_000);

  it('skips a file it cannot embed with the reason, and takes it in once the service is back', async () => {
    const models = await openModels(settings(service.baseURL), quick);
    const kb = await openSqliteKnowledgeBase({ dataDir: data, embedder: models.embedder });
    writeFileSync(join(docs, 'minutes.md'), MINUTES);
    try {
      service.setEmbeddingDefault(failWith(500));
      const down = await kb.ingest([docs]);
      expect(down.added).toBe(0);
      expect(down.unchanged).toBe(1);
      expect(down.skipped).toHaveLength(1);
      expect(down.skipped[0].path).toContain('minutes.md');
      expect(down.skipped[0].reason).toContain('向量服务');
      expect(down.skipped[0].reason).not.toContain('内部错误');
      expect((await kb.search('义务教育均衡发展', 3)).some((s) => s.passage.doc === 'minutes.md')).toBe(false);

      service.setEmbeddingDefault({ kind: 'embed', dimensions: 24 });
      const back = await kb.ingest([docs]);
      expect(back.added).toBe(1);
      expect(back.skipped).toEqual([]);
      expect((await kb.search('义务教育均衡发展', 1))[0].passage.doc).toBe('minutes.md');
    } finally {
      rmSync(join(docs, 'minutes.md'), { force: true });
      await kb.ingest([docs]).catch(() => undefined);
      kb.close();
    }
  });

  it('reopens an index with an embedder that has not learnt its vector length yet', async () => {
    // createModels does not probe: the embedder's dimensions stay 0 until its first reply.
    const models = createModels(settings(service.baseURL), quick);
    expect(models.embedder!.dimensions).toBe(0);
    const kb = await openSqliteKnowledgeBase({ dataDir: data, embedder: models.embedder });
    expect(service.embeddingRequests()).toEqual([]); // nothing re-embedded, nothing probed
    expect(kb.indexes.hnsw().dimensions).toBe(24);
    const hits = await kb.retrievers.vector.search('书面请假', 2);
    expect(hits).toHaveLength(2);
    expect((await kb.search('委员请假', 1))[0].passage.text).toContain('请假');
    kb.close();
  });

  it('reopens and answers with an unprobed embedder while the service is down', async () => {
    service.setEmbeddingDefault(failWith(502));
    const models = createModels(settings(service.baseURL), quick);
    const kb = await openSqliteKnowledgeBase({ dataDir: data, embedder: models.embedder });
    const answer = await kb.ask('常委会多久开一次会？', { k: 2 });
    expect(answer.sources[0].text).toContain('每两个月举行一次');
    kb.close();
  });
});
