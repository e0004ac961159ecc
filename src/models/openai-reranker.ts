/**
 * A rerank model (a cross-encoder such as bge-reranker) on an OpenAI-compatible service, in the
 * Jina/Cohere request shape that vLLM, Xinference and others serve:
 *   POST {base}/rerank  {model, query, documents: string[], top_n}
 *   → {results: [{index, relevance_score}]}
 * at `/v1/rerank` (OPENAI_BASE_URL ending in /v1), falling back to `/rerank` at the server's
 * root when that path is unknown. Timeouts, retries and a circuit breaker as for the other models.
 */
import { ModelError, toModelError } from './model-error.ts';
import { PLACEHOLDER_API_KEY } from './openai-chat-model.ts';
import { CircuitBreaker, DEFAULT_RETRY_POLICY, callResiliently, type BreakerOptions, type RetryPolicy } from './resilience.ts';
import type { RerankModel, RerankScore } from './types.ts';

/** Where the rerank service is, and how to call it. */
export interface OpenAIRerankerOptions {
  /** Model name at the service (LVZHI_RERANK_MODEL). */
  readonly model: string;
  /** e.g. `http://vllm.office:8000/v1` (OPENAI_BASE_URL). */
  readonly baseURL?: string;
  readonly apiKey?: string;
  readonly retry?: Partial<RetryPolicy>;
  readonly breaker?: Partial<BreakerOptions> | CircuitBreaker;
}

/** A question waits on the second stage: fail fast, the built-in re-ranker stands in. */
const RERANK_RETRY: RetryPolicy = { ...DEFAULT_RETRY_POLICY, attempts: 2, attemptTimeoutMs: 4_000, deadlineMs: 6_000 };

/** Rerank client for `/v1/rerank` or `/rerank`. */
export class OpenAIReranker implements RerankModel {
  readonly name: string;
  readonly breaker: CircuitBreaker;
  private readonly policy: RetryPolicy;
  private readonly urls: string[];
  private readonly apiKey: string;

  constructor(options: OpenAIRerankerOptions) {
    this.name = options.model;
    this.policy = { ...RERANK_RETRY, ...options.retry };
    this.breaker = options.breaker instanceof CircuitBreaker ? options.breaker : new CircuitBreaker(options.breaker);
    this.apiKey = options.apiKey || PLACEHOLDER_API_KEY;
    const base = (options.baseURL ?? 'https://api.openai.com/v1').replace(/\/+$/, '');
    const root = base.replace(/\/v\d+$/, '');
    this.urls = [...new Set([`${base}/rerank`, `${root}/rerank`])];
  }

  /** Relevance of each document to the query, best first (indices into `documents`). */
  async rerank(query: string, documents: readonly string[], options: { signal?: AbortSignal } = {}): Promise<RerankScore[]> {
    return callResiliently(async (signal) => {
      let lastStatus = 0;
      for (const url of this.urls) {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${this.apiKey}` },
          body: JSON.stringify({ model: this.name, query, documents, top_n: documents.length }),
          signal,
        });
        // An unknown path: the service may serve the other one (vLLM serves both, some only one).
        if (response.status === 404 || response.status === 405) {
          lastStatus = response.status;
          await response.body?.cancel();
          continue;
        }
        if (!response.ok) throw toModelError({ status: response.status, message: `rerank HTTP ${response.status}` });
        return parseResults(await response.json(), documents.length);
      }
      throw new ModelError('refused', `no rerank endpoint at ${this.urls.join(' or ')} (HTTP ${lastStatus})`, { status: lastStatus });
    }, { policy: this.policy, breaker: this.breaker, signal: options.signal });
  }
}

/** The results of a rerank reply, checked: every index in range, once, with a finite score. */
function parseResults(body: unknown, count: number): RerankScore[] {
  const results = (body as { results?: unknown })?.results;
  if (!Array.isArray(results)) throw new ModelError('malformed', 'rerank reply without results');
  const seen = new Set<number>();
  const scores = results.map((r: { index?: unknown; relevance_score?: unknown }) => {
    const index = r?.index;
    const score = r?.relevance_score;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= count || seen.has(index) ||
      typeof score !== 'number' || !Number.isFinite(score)) {
      throw new ModelError('malformed', `rerank result out of shape: ${JSON.stringify(r).slice(0, 80)}`);
    }
    seen.add(index);
    return { index, score };
  });
  return scores.sort((a, b) => b.score - a.score);
}
