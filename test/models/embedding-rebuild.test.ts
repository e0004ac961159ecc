import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteKnowledgeBase } from '../../src/knowledge/index.ts';
import { openModels } from '../../src/models/index.ts';
import { startOpenAIStandIn, type OpenAIStandIn } from '../support/openai-stand-in.ts';
import { deadServiceURL } from '../support/closed-port.ts';

const NUMBERS = '一二三四五六七八九十';
const TOPICS = ['会议召开', '议案提出', '质询程序', '执法检查', '代表建议', '预算审查', '人事任免', '专题询问', '备案审查', '视察调研'];

/** A rules document of 20 articles, each long enough to be its own passage. */
function rulesDocument(): string {
  const articles = Array.from({ length: 20 }, (_, i) => {
    const n = i < 10 ? NUMBERS[i] : `十${NUMBERS[i - 10] ?? ''}`.replace('十十', '二十');
    const topic = TOPICS[i % TOPICS.length];
    return `第${n}条 关于${topic}的规定：常务委员会在${topic}工作中，应当依照法定程序办理，` +
      `由主任会议提出意见，并向常务委员会全体会议报告${topic}情况，第${i + 1}项。`;
  });
  return `# 某区人大常委会议事规则\n\n${articles.join('\n\n')}\n`;
}

const settings = (baseURL: string, model?: string) => ({
  OPENAI_BASE_URL: baseURL, OPENAI_API_KEY: undefined, LVZHI_CHAT_MODEL: undefined, LVZHI_EMBEDDING_MODEL: model,
});

describe('model embeddings in the knowledge index', () => {
  let service: OpenAIStandIn;
  let root: string;
  let docs: string;
  let data: string;

  beforeAll(async () => {
    service = await startOpenAIStandIn({ dimensions: 24 });
    root = mkdtempSync(join(tmpdir(), 'lvzhi-embed-'));
    docs = join(root, 'docs');
    data = join(root, 'data');
    mkdirSync(docs);
    writeFileSync(join(docs, 'rules.md'), rulesDocument());
  });
  afterAll(async () => {
    await service.close();
    rmSync(root, { recursive: true, force: true });
  });
  beforeEach(() => service.reset());

  const passageInputs = () => service.embeddingRequests().flatMap((r) => r.body.input as string[]).filter((t) => t !== '维度探测');

  it('embeds the passages in batches with the configured model and records the model in the index', async () => {
    const models = await openModels(settings(service.baseURL, 'bge-m3'), { embeddingBatchSize: 8 });
    const kb = await openSqliteKnowledgeBase({ dataDir: data, embedder: models.embedder });
    const report = await kb.ingest([docs]);
    expect(report.added).toBe(1);
    const passages = kb.size();
    expect(passages).toBeGreaterThanOrEqual(10);
    const batches = service.embeddingRequests().map((r) => r.body.input.length);
    expect(Math.max(...batches)).toBeLessThanOrEqual(8);
    expect(service.embeddingRequests().every((r) => r.body.model === 'bge-m3')).toBe(true);
    expect(new Set(passageInputs()).size).toBeGreaterThanOrEqual(passages);
    expect((await kb.store.getMeta('vector_embedder'))).toBe('openai:bge-m3');
    const hits = await kb.retrievers.vector.search('预算审查的规定', 3);
    expect(hits).toHaveLength(3);
    kb.close();
  });

  it('reopens with the same model without embedding the passages again', async () => {
    const models = await openModels(settings(service.baseURL, 'bge-m3'));
    const kb = await openSqliteKnowledgeBase({ dataDir: data, embedder: models.embedder });
    expect(passageInputs()).toEqual([]);
    expect((await kb.search('人事任免', 3)).length).toBe(3);
    kb.close();
  });

  it('rebuilds every vector when the embedding model changes, never mixing the two spaces', async () => {
    service.setEmbeddingDefault({ kind: 'embed', dimensions: 16 });
    try {
      const models = await openModels(settings(service.baseURL, 'text-embedding-3-small'));
      expect(models.embedder!.dimensions).toBe(16);
      const kb = await openSqliteKnowledgeBase({ dataDir: data, embedder: models.embedder });
      expect(new Set(passageInputs()).size).toBe(kb.size());
      expect(service.embeddingRequests().every((r) => r.body.model === 'text-embedding-3-small')).toBe(true);
      expect((await kb.store.getMeta('vector_embedder'))).toBe('openai:text-embedding-3-small');
      expect(kb.indexes.hnsw().dimensions).toBe(16);
      expect(await kb.retrievers.vector.search('专题询问', 3)).toHaveLength(3);
      kb.close();
    } finally {
      service.setEmbeddingDefault({ kind: 'embed', dimensions: 24 });
    }
  });

  it('rebuilds with the offline embedder when the model setting is removed', async () => {
    const models = await openModels(settings(service.baseURL, undefined));
    expect(models.embedder).toBeUndefined();
    const kb = await openSqliteKnowledgeBase({ dataDir: data, embedder: models.embedder });
    expect(service.embeddingRequests()).toEqual([]);
    expect((await kb.store.getMeta('vector_embedder'))).not.toMatch(/^openai:/);
    expect(await kb.retrievers.vector.search('专题询问', 3)).toHaveLength(3);
    kb.close();
  });

  it('re-embeds every passage when the model behind the same name changes its vector length, and says so in Chinese', async () => {
    const before = await openSqliteKnowledgeBase({ dataDir: data, embedder: (await openModels(settings(service.baseURL, 'bge-m3'))).embedder });
    expect(before.indexes.hnsw().dimensions).toBe(24);
    before.close();
    service.setEmbeddingDefault({ kind: 'embed', dimensions: 16 });
    try {
      const warnings: string[] = [];
      const models = await openModels(settings(service.baseURL, 'bge-m3'));
      const kb = await openSqliteKnowledgeBase({ dataDir: data, embedder: models.embedder, warn: (line) => warnings.push(line) });
      expect(warnings.some((line) => line.includes('由 24 变为 16') && line.includes('重新生成'))).toBe(true);
      expect(new Set(passageInputs()).size).toBe(kb.size());
      expect(kb.indexes.hnsw().dimensions).toBe(16);
      expect(await kb.store.vectorDimensions('openai:bge-m3')).toBe(16);
      expect(await kb.retrievers.vector.search('专题询问', 3)).toHaveLength(3);
      kb.close();
    } finally {
      service.setEmbeddingDefault({ kind: 'embed', dimensions: 24 });
    }
  });

  it('starts with a Chinese warning naming the setting when the embedding service cannot be reached', async () => {
    const warnings: string[] = [];
    const models = await openModels(settings(await deadServiceURL(), 'bge-m3'), { warn: (w) => warnings.push(w) });
    expect(models.embedder?.id).toBe('openai:bge-m3'); // still the configured space, never a silent switch
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('LVZHI_EMBEDDING_MODEL');
    expect(warnings[0]).toContain('关键词');
  });
});
