import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ModelError, OpenAIEmbedder, createModels } from '../../src/models/index.ts';
import { failWith, malformed, startOpenAIStandIn, type OpenAIStandIn } from '../support/openai-stand-in.ts';

const fast = { attempts: 3, attemptTimeoutMs: 3_000, deadlineMs: 10_000, baseDelayMs: 5, maxDelayMs: 20 };
const texts = (n: number) => Array.from({ length: n }, (_, i) => `第${i + 1}条 常务委员会会议的议程${i % 7}`);
const norm = (v: Float32Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

describe('OpenAIEmbedder against the stand-in service', () => {
  let service: OpenAIStandIn;
  beforeAll(async () => { service = await startOpenAIStandIn({ dimensions: 24 }); });
  afterAll(async () => { await service.close(); });
  beforeEach(() => service.reset());

  it('embeds in batches of 64 by default, in order, with unit-length vectors', async () => {
    const { embedder } = createModels({ OPENAI_BASE_URL: service.baseURL, LVZHI_EMBEDDING_MODEL: 'bge-m3', OPENAI_API_KEY: undefined, LVZHI_CHAT_MODEL: undefined });
    const input = texts(150);
    const vectors = await embedder!.embed(input);
    expect(vectors).toHaveLength(150);
    const requests = service.embeddingRequests();
    expect(requests.map((r) => r.body.input.length)).toEqual([64, 64, 22]);
    expect(requests.every((r) => r.body.model === 'bge-m3')).toBe(true);
    expect(requests.flatMap((r) => r.body.input)).toEqual(input);
    for (const v of vectors) expect(norm(v)).toBeCloseTo(1, 5);
    expect(embedder!.id).toBe('openai:bge-m3');
    expect(embedder!.dimensions).toBe(24);
  });

  it('gives the same vector for the same text whatever batch it is in', async () => {
    const embedder = new OpenAIEmbedder({ model: 'bge-m3', baseURL: service.baseURL, batchSize: 5 });
    const input = texts(12);
    const all = await embedder.embed(input);
    const one = await embedder.embed([input[9]]);
    expect(Array.from(one[0])).toEqual(Array.from(all[9]));
  });

  it('learns its dimensions from a probe before any index needs them', async () => {
    const embedder = new OpenAIEmbedder({ model: 'bge-m3', baseURL: service.baseURL });
    expect(embedder.dimensions).toBe(0);
    expect(await embedder.probe()).toBe(24);
    expect(embedder.dimensions).toBe(24);
  });

  it('retries a failed batch and keeps the order', async () => {
    const embedder = new OpenAIEmbedder({ model: 'bge-m3', baseURL: service.baseURL, batchSize: 4, retry: fast });
    service.enqueueEmbeddings({ kind: 'embed' }, failWith(503), failWith(429, 0));
    const input = texts(10);
    const vectors = await embedder.embed(input);
    const again = await new OpenAIEmbedder({ model: 'bge-m3', baseURL: service.baseURL, batchSize: 10 }).embed(input);
    expect(vectors.map((v) => Array.from(v))).toEqual(again.map((v) => Array.from(v)));
    expect(service.embeddingRequests().length).toBe(5 + 1);
  });

  it('fails with a ModelError on a malformed reply, and on vectors of another length', async () => {
    const embedder = new OpenAIEmbedder({ model: 'bge-m3', baseURL: service.baseURL, retry: fast });
    service.enqueueEmbeddings(malformed());
    await expect(embedder.embed(['一'])).rejects.toBeInstanceOf(ModelError);
    await embedder.embed(['一']);
    service.enqueueEmbeddings({ kind: 'embed', dimensions: 12 });
    await expect(embedder.embed(['二'])).rejects.toThrow(/dimensions/);
  });
});
