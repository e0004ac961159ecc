/**
 * A local OpenAI-compatible service for tests and benchmarks, on 127.0.0.1 with a free port:
 * `/v1/chat/completions` (plain JSON, or SSE when `stream` is true), `/v1/embeddings`, and the
 * Jina/Cohere-style `/v1/rerank` and `/rerank` that vLLM and Xinference serve.
 * It records every request and plays scripted behaviours: replies, 500, 429, hangs and
 * malformed bodies. It speaks the real wire format, so the real client libraries talk to it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readBody, sendJson } from './http-body.ts';

/** A request as the stand-in received it. */
export interface RecordedRequest {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  // The parsed JSON body; `any` because tests read whichever fields they check.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

/** The chat messages of a recorded chat request. */
export type WireMessage = { role: string; content: string };

/** What the stand-in does with one request. */
export type Behaviour =
  | { kind: 'reply'; text: string | ((request: RecordedRequest) => string); chunkSize?: number; chunkDelayMs?: number; delayMs?: number }
  | { kind: 'status'; status: number; retryAfterSeconds?: number }
  | { kind: 'hang' }
  | { kind: 'malformed' }
  | { kind: 'embed'; dimensions?: number; delayMs?: number }
  | { kind: 'rerank'; scores?: (query: string, documents: readonly string[]) => number[] };

/** Reply with this text (streamed in pieces of `chunkSize` characters when asked to stream). */
export const reply = (
  text: string | ((request: RecordedRequest) => string),
  more: { chunkSize?: number; chunkDelayMs?: number; delayMs?: number } = {},
): Behaviour => ({ kind: 'reply', text, ...more });
/** Answer with an HTTP error status. */
export const failWith = (status: number, retryAfterSeconds?: number): Behaviour => ({ kind: 'status', status, retryAfterSeconds });
/** Accept the request and never answer. */
export const hang = (): Behaviour => ({ kind: 'hang' });
/** Answer 200 with a body that is not a valid reply. */
export const malformed = (): Behaviour => ({ kind: 'malformed' });

/** Rerank by a scoring function (default: shared character bigrams, a stand-in cross-encoder). */
export const rerankWith = (scores?: (query: string, documents: readonly string[]) => number[]): Behaviour => ({ kind: 'rerank', scores });

/** Share of the query's character bigrams a document holds: a deterministic relevance. */
export function standInRelevance(query: string, document: string): number {
  const grams = new Set<string>();
  for (let i = 0; i + 1 < query.length; i++) grams.add(query.slice(i, i + 2));
  let shared = 0;
  for (const gram of grams) if (document.includes(gram)) shared++;
  return grams.size ? shared / grams.size : 0;
}

/** Deterministic embedding: hashed character bigrams, scaled (not unit length) on purpose. */
export function standInVector(text: string, dimensions: number): number[] {
  const v = new Array<number>(dimensions).fill(0);
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const gram = chars[i] + (chars[i + 1] ?? '');
    let h = 2166136261;
    for (const c of gram) h = Math.imul(h ^ c.codePointAt(0)!, 16777619);
    v[(h >>> 0) % dimensions] += 1;
  }
  v[0] += 0.5; // never the zero vector
  return v.map((x) => x * 3);
}

/** A running stand-in. */
export interface OpenAIStandIn {
  /** e.g. `http://127.0.0.1:41234/v1`, for OPENAI_BASE_URL. */
  readonly baseURL: string;
  readonly requests: RecordedRequest[];
  /** Chat requests only. */
  chatRequests(): RecordedRequest[];
  /** Embedding requests only. */
  embeddingRequests(): RecordedRequest[];
  /** Rerank requests only. */
  rerankRequests(): RecordedRequest[];
  /** Behaviours for the next rerank requests, in order. */
  enqueueRerank(...behaviours: Behaviour[]): void;
  /** What rerank requests get when nothing is queued. */
  setRerankDefault(behaviour: Behaviour): void;
  /** Behaviours for the next chat requests, in order; after them, the default. */
  enqueueChat(...behaviours: Behaviour[]): void;
  /** Behaviours for the next embedding requests, in order. */
  enqueueEmbeddings(...behaviours: Behaviour[]): void;
  /** What chat requests get when nothing is queued. */
  setChatDefault(behaviour: Behaviour): void;
  /** What embedding requests get when nothing is queued. */
  setEmbeddingDefault(behaviour: Behaviour): void;
  /** Forget recorded requests and queued behaviours. */
  reset(): void;
  close(): Promise<void>;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function serveChat(request: RecordedRequest, behaviour: Behaviour, res: ServerResponse): Promise<void> {
  const model = request.body?.model ?? 'stand-in';
  const id = `chatcmpl-${Math.random().toString(36).slice(2, 10)}`;
  const created = Math.floor(Date.now() / 1000);
  if (behaviour.kind !== 'reply') throw new Error(`unexpected behaviour ${behaviour.kind}`);
  const text = typeof behaviour.text === 'function' ? behaviour.text(request) : behaviour.text;
  if (behaviour.delayMs) await wait(behaviour.delayMs);
  if (!request.body?.stream) {
    sendJson(res, 200, {
      id, object: 'chat.completion', created, model,
      choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    });
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const chunk = (delta: object, finish: string | null = null) =>
    `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  res.write(chunk({ role: 'assistant', content: '' }));
  const chars = [...text];
  const size = behaviour.chunkSize ?? 4;
  for (let i = 0; i < chars.length; i += size) {
    if (behaviour.chunkDelayMs) await wait(behaviour.chunkDelayMs);
    if (res.destroyed) return;
    res.write(chunk({ content: chars.slice(i, i + size).join('') }));
  }
  res.write(chunk({}, 'stop'));
  res.end('data: [DONE]\n\n');
}

/** Start a stand-in; `close()` it after the test. */
export async function startOpenAIStandIn(options: { dimensions?: number; rerankPaths?: readonly string[] } = {}): Promise<OpenAIStandIn> {
  const requests: RecordedRequest[] = [];
  const chatQueue: Behaviour[] = [];
  const embedQueue: Behaviour[] = [];
  const rerankQueue: Behaviour[] = [];
  const rerankPaths = options.rerankPaths ?? ['/v1/rerank', '/rerank'];
  let rerankDefault: Behaviour = rerankWith();
  let chatDefault: Behaviour = reply('根据所给资料，答案见 [1]。');
  let embedDefault: Behaviour = { kind: 'embed', dimensions: options.dimensions ?? 32 };
  const sockets = new Set<Socket>();

  const server: Server = createServer(async (req, res) => {
    try {
      const raw = (await readBody(req)).toString('utf8');
      let body: unknown = undefined;
      try { body = raw ? JSON.parse(raw) : undefined; } catch { body = raw; }
      const path = (req.url ?? '').split('?')[0];
      const request: RecordedRequest = { path, headers: req.headers, body };
      requests.push(request);
      const isChat = path.endsWith('/chat/completions');
      const isEmbed = path.endsWith('/embeddings');
      const isRerank = rerankPaths.includes(path);
      if (!isChat && !isEmbed && !isRerank) return sendJson(res, 404, { error: { message: `no route ${path}`, type: 'invalid_request_error' } });
      const behaviour = isRerank
        ? rerankQueue.shift() ?? rerankDefault
        : (isChat ? chatQueue.shift() : embedQueue.shift()) ?? (isChat ? chatDefault : embedDefault);
      switch (behaviour.kind) {
        case 'hang':
          return; // keep the socket open and say nothing
        case 'status':
          return sendJson(res, behaviour.status, { error: { message: `stand-in status ${behaviour.status}`, type: 'server_error' } },
            behaviour.retryAfterSeconds !== undefined ? { 'retry-after': String(behaviour.retryAfterSeconds) } : {});
        case 'malformed':
          if (isChat && (body as { stream?: boolean })?.stream) {
            res.writeHead(200, { 'content-type': 'text/event-stream' });
            return void res.end('data: {"choices": [ {"delta": \n\n');
          }
          res.writeHead(200, { 'content-type': 'application/json' });
          return void res.end('{"choices": [ {"message": ');
        case 'embed': {
          if (behaviour.delayMs) await wait(behaviour.delayMs);
          const input = (body as { input?: unknown })?.input;
          const texts = Array.isArray(input) ? input.map(String) : [String(input ?? '')];
          const dims = behaviour.dimensions ?? options.dimensions ?? 32;
          return sendJson(res, 200, {
            object: 'list', model: (body as { model?: string })?.model,
            data: texts.map((t, index) => ({ object: 'embedding', index, embedding: standInVector(t, dims) })),
            usage: { prompt_tokens: texts.length, total_tokens: texts.length },
          });
        }
        case 'rerank': {
          const { query, documents, top_n: topN } = body as { query?: string; documents?: string[]; top_n?: number };
          if (typeof query !== 'string' || !Array.isArray(documents)) {
            return sendJson(res, 400, { error: { message: 'query and documents are required', type: 'invalid_request_error' } });
          }
          const scores = behaviour.scores?.(query, documents) ?? documents.map((d) => standInRelevance(query, d));
          const results = scores.map((relevance_score, index) => ({ index, relevance_score }))
            .sort((a, b) => b.relevance_score - a.relevance_score).slice(0, topN ?? documents.length);
          return sendJson(res, 200, { id: `rerank-${Math.random().toString(36).slice(2, 8)}`, results });
        }
        case 'reply':
          if (isEmbed || isRerank) throw new Error('a chat reply was queued for an embedding or rerank request');
          return await serveChat(request, behaviour, res);
      }
    } catch (error) {
      if (!res.headersSent) sendJson(res, 500, { error: { message: String(error) } });
      else res.destroy();
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests: () => requests.filter((r) => r.path.endsWith('/chat/completions')),
    embeddingRequests: () => requests.filter((r) => r.path.endsWith('/embeddings')),
    rerankRequests: () => requests.filter((r) => r.path.endsWith('/rerank')),
    enqueueRerank: (...b) => void rerankQueue.push(...b),
    setRerankDefault: (b) => { rerankDefault = b; },
    enqueueChat: (...b) => void chatQueue.push(...b),
    enqueueEmbeddings: (...b) => void embedQueue.push(...b),
    setChatDefault: (b) => { chatDefault = b; },
    setEmbeddingDefault: (b) => { embedDefault = b; },
    reset: () => {
      requests.length = 0;
      chatQueue.length = 0;
      embedQueue.length = 0;
      rerankQueue.length = 0;
    },
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

/** The user message of a recorded chat request (the last `user` one). */
export function userMessageOf(request: RecordedRequest): string {
  const messages: WireMessage[] = request.body?.messages ?? [];
  return [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
}

/** The system message of a recorded chat request. */
export function systemMessageOf(request: RecordedRequest): string {
  const messages: WireMessage[] = request.body?.messages ?? [];
  return messages.find((m) => m.role === 'system')?.content ?? '';
}
