/**
 * An Embedder on any OpenAI-compatible service, through @langchain/openai's OpenAIEmbeddings,
 * loaded on the first request (see openai-chat-model.ts: LangChain is slow to load).
 */
import type { OpenAIEmbeddings } from '@langchain/openai';
import type { Embedder } from './types.ts';
import { ModelError } from './model-error.ts';
import { PLACEHOLDER_API_KEY } from './openai-chat-model.ts';
import { CircuitBreaker, DEFAULT_RETRY_POLICY, callResiliently, type BreakerOptions, type RetryPolicy } from './resilience.ts';

/** Where the embedding service is, and how to call it. */
export interface OpenAIEmbedderOptions {
  /** Model name at the service (LVZHI_EMBEDDING_MODEL). */
  readonly model: string;
  readonly baseURL?: string;
  readonly apiKey?: string;
  /** Texts per request (default 64): large enough to be quick, small enough for local servers. */
  readonly batchSize?: number;
  /** Known vector length; otherwise learnt from the first reply (or `probe()`). */
  readonly dimensions?: number;
  readonly retry?: Partial<RetryPolicy>;
  readonly breaker?: Partial<BreakerOptions> | CircuitBreaker;
}

/** Embedding inputs longer than this are cut: local servers reject over-long inputs outright. */
const MAX_INPUT_CHARS = 2_000;

/** Batches for indexing may take longer than a chat turn; a whole ingest is not interactive. */
const EMBED_RETRY: RetryPolicy = { ...DEFAULT_RETRY_POLICY, attemptTimeoutMs: 60_000, deadlineMs: 120_000, attempts: 4 };

/** A question's embedding is on the path of a chat reply: fail fast so search can go on without it. */
const QUERY_RETRY: RetryPolicy = { ...DEFAULT_RETRY_POLICY, attempts: 2, attemptTimeoutMs: 5_000, deadlineMs: 8_000 };

/** A start-up probe must not hold the start for long. */
const PROBE_RETRY: RetryPolicy = { ...DEFAULT_RETRY_POLICY, attempts: 2, attemptTimeoutMs: 10_000, deadlineMs: 20_000 };

/** OpenAI-compatible embedder: batched requests, unit-length vectors, id `openai:<model>`. */
export class OpenAIEmbedder implements Embedder {
  readonly id: string;
  readonly breaker: CircuitBreaker;
  private readonly clientOptions: ConstructorParameters<typeof OpenAIEmbeddings>[0];
  private client: Promise<OpenAIEmbeddings> | undefined;
  private readonly batchSize: number;
  private readonly policy: RetryPolicy;
  private readonly queryPolicy: RetryPolicy;
  private knownDimensions: number | undefined;

  constructor(options: OpenAIEmbedderOptions) {
    this.id = `openai:${options.model}`;
    this.batchSize = Math.max(1, options.batchSize ?? 64);
    this.knownDimensions = options.dimensions;
    this.policy = { ...EMBED_RETRY, ...options.retry };
    this.queryPolicy = { ...QUERY_RETRY, ...options.retry };
    this.breaker = options.breaker instanceof CircuitBreaker ? options.breaker : new CircuitBreaker(options.breaker);
    this.clientOptions = {
      model: options.model,
      apiKey: options.apiKey || PLACEHOLDER_API_KEY,
      configuration: { baseURL: options.baseURL },
      // One `embedDocuments` call per batch below, so LangChain never splits or retries.
      batchSize: this.batchSize,
      maxRetries: 0,
      // The SDK otherwise asks for base64, which Ollama and older vLLM builds do not speak.
      encodingFormat: 'float',
      timeout: this.policy.attemptTimeoutMs,
    };
  }

  /** Vector length; 0 until the first reply (or `probe()`) has shown it, unless configured. */
  get dimensions(): number {
    return this.knownDimensions ?? 0;
  }

  /** Ask the service once so that `dimensions` is known before an index is opened. */
  async probe(): Promise<number> {
    if (this.knownDimensions === undefined) await this.embedWith(['维度探测'], PROBE_RETRY);
    return this.dimensions;
  }

  /**
   * One unit-length vector per text, in order; batches are sent one after another. A single
   * text is most likely a question someone is waiting on, so it gets the short policy.
   */
  embed(texts: readonly string[]): Promise<Float32Array[]> {
    return this.embedWith(texts, texts.length === 1 ? this.queryPolicy : this.policy);
  }

  private embeddingClient(): Promise<OpenAIEmbeddings> {
    this.client ??= import('@langchain/openai').then(({ OpenAIEmbeddings: Client }) => new Client(this.clientOptions));
    return this.client;
  }

  private async embedWith(texts: readonly string[], policy: RetryPolicy): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    const client = await this.embeddingClient();
    for (let start = 0; start < texts.length; start += this.batchSize) {
      const batch = texts.slice(start, start + this.batchSize).map((t) => (t.trim() ? t.slice(0, MAX_INPUT_CHARS) : ' '));
      const vectors = await callResiliently(() => client.embedDocuments(batch), { policy, breaker: this.breaker });
      if (!Array.isArray(vectors) || vectors.length !== batch.length) {
        this.breaker.failed();
        throw new ModelError('malformed', `asked for ${batch.length} embeddings, got ${Array.isArray(vectors) ? vectors.length : 'none'}`);
      }
      for (const vector of vectors) out.push(this.normalise(vector));
    }
    return out;
  }

  private normalise(vector: unknown): Float32Array {
    if (!Array.isArray(vector) || vector.length === 0 || vector.some((x) => typeof x !== 'number' || !Number.isFinite(x))) {
      throw new ModelError('malformed', 'an embedding is not a list of numbers');
    }
    this.knownDimensions ??= vector.length;
    if (vector.length !== this.knownDimensions) {
      // A different length means a different vector space: never mix it into the index.
      throw new ModelError('malformed', `embedding has ${vector.length} dimensions, expected ${this.knownDimensions}`);
    }
    let norm = 0;
    for (const x of vector as number[]) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    return Float32Array.from(vector as number[], (x) => x / norm);
  }
}
