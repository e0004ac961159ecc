import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CircuitBreaker, ModelError, OpenAIChatModel, createModels } from '../../src/models/index.ts';
import { failWith, hang, malformed, reply, startOpenAIStandIn, type OpenAIStandIn } from '../support/openai-stand-in.ts';
import { deadServiceURL } from '../support/closed-port.ts';

// Generous per attempt (the machine is shared and may be slow); short only where a hang must time out.
const fast = { attempts: 3, attemptTimeoutMs: 3_000, deadlineMs: 10_000, baseDelayMs: 5, maxDelayMs: 20 };
const hangs = { ...fast, attemptTimeoutMs: 300 };
const hello = [{ role: 'system' as const, content: '你是助手。' }, { role: 'user' as const, content: '你好' }];

async function collect(stream: AsyncIterable<string>): Promise<string[]> {
  const pieces: string[] = [];
  for await (const p of stream) pieces.push(p);
  return pieces;
}

async function failure(promise: Promise<unknown>): Promise<ModelError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    return error as ModelError;
  }
  throw new Error('expected a ModelError');
}

describe('OpenAIChatModel against the stand-in service', () => {
  let service: OpenAIStandIn;
  beforeAll(async () => { service = await startOpenAIStandIn(); });
  afterAll(async () => { await service.close(); });
  // A test that fails midway must not leave its queued replies to the next one.
  beforeEach(() => { service.reset(); });

  it('sends the messages to the configured base URL and model name, with a placeholder key when none is set', async () => {
    const { chat } = createModels({ OPENAI_BASE_URL: service.baseURL, LVZHI_CHAT_MODEL: 'qwen-office', OPENAI_API_KEY: undefined, LVZHI_EMBEDDING_MODEL: undefined });
    service.enqueueChat(reply('您好，我是履职助手。'));
    expect(await chat!.complete(hello)).toBe('您好，我是履职助手。');
    const [request] = service.chatRequests();
    expect(request.body.model).toBe('qwen-office');
    expect(request.body.messages).toEqual([{ role: 'system', content: '你是助手。' }, { role: 'user', content: '你好' }]);
    expect(request.headers.authorization).toMatch(/^Bearer \S+/);
  });

  it('uses the configured key', async () => {
    const model = new OpenAIChatModel({ model: 'm', baseURL: service.baseURL, apiKey: 'sk-office-123' });
    await model.complete(hello);
    expect(service.chatRequests()[0].headers.authorization).toBe('Bearer sk-office-123');
  });

  it('streams the reply piece by piece', async () => {
    const model = new OpenAIChatModel({ model: 'm', baseURL: service.baseURL, retry: fast });
    service.enqueueChat(reply('常委会会议一般每两个月举行一次。', { chunkSize: 3 }));
    const pieces = await collect(model.stream(hello));
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join('')).toBe('常委会会议一般每两个月举行一次。');
    expect(service.chatRequests()[0].body.stream).toBe(true);
  });

  it('keeps a reasoning model\'s <think> block out of the reply, whole or streamed', async () => {
    const model = new OpenAIChatModel({ model: 'qwen3', baseURL: service.baseURL, retry: fast });
    const thinking = '<think>\n用户问开会频率。我猜是每月一次，English too.\n</think>\n\n常委会会议一般每两个月举行一次。';
    service.enqueueChat(reply(thinking), reply(thinking, { chunkSize: 2 }));
    expect(await model.complete(hello)).toBe('常委会会议一般每两个月举行一次。');
    const pieces = await collect(model.stream(hello));
    expect(pieces.join('')).toBe('常委会会议一般每两个月举行一次。');
    expect(pieces.some((p) => /think|我猜|English/.test(p))).toBe(false);
    // A chat template that opens the block in the prompt leaves only the closing tag in the reply.
    service.enqueueChat(reply('我猜是每月一次。</think>一般每两个月举行一次。'));
    expect(await model.complete(hello)).toBe('一般每两个月举行一次。');
  });

  it('takes a reply that is all reasoning (cut off while thinking) as an empty reply', async () => {
    const model = new OpenAIChatModel({ model: 'qwen3', baseURL: service.baseURL, retry: { ...fast, attempts: 1 } });
    const cut = reply('<think>\n用户问开会频率，我想想', { chunkSize: 3 });
    // The stream that says nothing is asked once more as a plain request (a server that ignores `stream`).
    service.enqueueChat(cut, cut, cut);
    expect((await failure(model.complete(hello))).failure).toBe('malformed');
    expect((await failure(collect(model.stream(hello)))).failure).toBe('malformed');
  });

  it('answers through a server that only streams, and through one that never does', async () => {
    const streamingOnly = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        const piece = (delta: object, finish: string | null = null) =>
          `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
        res.end(piece({ role: 'assistant', content: '一般每两个月' }) + piece({ content: '举行一次。' }) + piece({}, 'stop') + 'data: [DONE]\n\n');
      });
    });
    const plainOnly = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: 'c', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: '一般每两个月举行一次。' }, finish_reason: 'stop' }] }));
      });
    });
    try {
      for (const server of [streamingOnly, plainOnly]) {
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        const model = new OpenAIChatModel({ model: 'm', baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, retry: fast });
        expect(await model.complete(hello)).toBe('一般每两个月举行一次。');
        expect((await collect(model.stream(hello))).join('')).toBe('一般每两个月举行一次。');
      }
    } finally {
      for (const server of [streamingOnly, plainOnly]) {
        server.closeAllConnections();
        server.close();
      }
    }
  });

  it.each([
    ['500', failWith(500)],
    ['502', failWith(502)],
    ['429 with Retry-After', failWith(429, 0)],
    ['a hang', hang()],
  ])('retries after %s and then answers', async (_, behaviour) => {
    const model = new OpenAIChatModel({ model: 'm', baseURL: service.baseURL, retry: behaviour.kind === 'hang' ? { ...fast, attemptTimeoutMs: 1_500 } : fast });
    service.enqueueChat(behaviour, reply('好的。'));
    expect(await model.complete(hello)).toBe('好的。');
    expect(service.chatRequests()).toHaveLength(2);
  });

  it('retries a stream that fails before its first piece', async () => {
    const model = new OpenAIChatModel({ model: 'm', baseURL: service.baseURL, retry: fast });
    service.enqueueChat(failWith(503), reply('第二次成功。'));
    expect((await collect(model.stream(hello))).join('')).toBe('第二次成功。');
    expect(service.chatRequests()).toHaveLength(2);
  });

  it('gives up after its attempts, with the reason', async () => {
    const model = new OpenAIChatModel({ model: 'm', baseURL: service.baseURL, retry: fast });
    service.enqueueChat(failWith(500), failWith(500), failWith(500));
    const error = await failure(model.complete(hello));
    expect(error.failure).toBe('server_error');
    expect(error.userMessage).toMatch(/语言模型/);
    expect(service.chatRequests()).toHaveLength(3);
  });

  it('does not retry a refusal (unknown model, bad key)', async () => {
    const model = new OpenAIChatModel({ model: 'm', baseURL: service.baseURL, retry: fast });
    service.enqueueChat(failWith(404));
    const error = await failure(model.complete(hello));
    expect(error.failure).toBe('refused');
    expect(error.userMessage).toContain('404');
    expect(service.chatRequests()).toHaveLength(1);
  });

  it('reports a malformed body as malformed, streamed or not', async () => {
    const model = new OpenAIChatModel({ model: 'm', baseURL: service.baseURL, retry: fast });
    // A malformed plain reply is asked once more as a stream (a server that only streams), which is malformed too.
    service.enqueueChat(malformed(), malformed());
    expect((await failure(model.complete(hello))).failure).toBe('malformed');
    expect(service.chatRequests().map((r) => !!r.body.stream)).toEqual([false, true]);
    service.enqueueChat(malformed());
    expect((await failure(collect(model.stream(hello)))).failure).toBe('malformed');
  });

  it('times out a service that never answers', async () => {
    const model = new OpenAIChatModel({ model: 'm', baseURL: service.baseURL, retry: { ...hangs, attempts: 2 } });
    service.enqueueChat(hang(), hang());
    expect((await failure(model.complete(hello))).failure).toBe('timeout');
    service.enqueueChat(hang(), hang());
    expect((await failure(collect(model.stream(hello)))).failure).toBe('timeout');
  });

  it('reports a service that refuses connections', async () => {
    const model = new OpenAIChatModel({ model: 'm', baseURL: await deadServiceURL(), retry: fast });
    expect((await failure(model.complete(hello))).failure).toBe('connection');
  });

  it('pauses after repeated failures, then tries the service again', async () => {
    let now = 1_000_000;
    const breaker = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 60_000, now: () => now });
    const model = new OpenAIChatModel({ model: 'm', baseURL: service.baseURL, retry: { ...fast, attempts: 1 }, breaker });
    service.enqueueChat(failWith(500), failWith(500));
    await failure(model.complete(hello));
    await failure(model.complete(hello));
    expect(breaker.state).toBe('open');
    const paused = await failure(model.complete(hello));
    expect(paused.failure).toBe('circuit_open');
    expect(service.chatRequests()).toHaveLength(2); // the paused call never reached the service
    now += 60_001;
    expect(breaker.state).toBe('half-open');
    expect(await model.complete(hello)).toMatch(/\[1\]/);
    expect(breaker.state).toBe('closed');
  });

  it('doubles the pause when the trial call fails too', async () => {
    let now = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 1_000, now: () => now });
    const model = new OpenAIChatModel({ model: 'm', baseURL: service.baseURL, retry: { ...fast, attempts: 1 }, breaker });
    service.enqueueChat(failWith(500), failWith(500));
    await failure(model.complete(hello));
    now += 1_001;
    await failure(model.complete(hello)); // the trial
    now += 1_001;
    expect(breaker.state).toBe('open');
    now += 1_000;
    expect(breaker.state).toBe('half-open');
  });

  it('counts failed streams towards the pause, and a reader that stops early gives no verdict', async () => {
    let now = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 1_000, now: () => now });
    const model = new OpenAIChatModel({ model: 'm', baseURL: service.baseURL, retry: { ...fast, attempts: 1 }, breaker });
    service.enqueueChat(failWith(500), failWith(500));
    await failure(collect(model.stream(hello)));
    await failure(collect(model.stream(hello)));
    expect((await failure(collect(model.stream(hello)))).failure).toBe('circuit_open');
    now += 1_001;
    // The trial: the reader takes one piece and stops; the service may be tried again at once.
    service.enqueueChat(reply('第一段。第二段。', { chunkSize: 2 }));
    for await (const piece of model.stream(hello)) {
      expect(piece).toBe('第一');
      break;
    }
    expect(breaker.state).toBe('half-open');
    expect((await collect(model.stream(hello))).join('')).toMatch(/\[1\]/);
    expect(breaker.state).toBe('closed');
  });
});
