/**
 * A ChatModel on any OpenAI-compatible service, through @langchain/openai's ChatOpenAI.
 * LangChain is loaded on the first call, not at import: it costs about a second of start-up,
 * which an offline run (and a CLI command that never asks the model) should not pay.
 */
import type { ChatOpenAI } from '@langchain/openai';
import type { BaseMessage } from '@langchain/core/messages';
import type { ChatMessage, ChatModel } from './types.ts';
import { ModelError, toModelError } from './model-error.ts';
import { ReasoningFilter, withoutReasoning } from './reasoning.ts';
import {
  CircuitBreaker, DEFAULT_RETRY_POLICY, backoffDelay, callResiliently, raceAbort, sleep, timeoutController,
  type BreakerOptions, type RetryPolicy,
} from './resilience.ts';

/** Where the service is and how hard to try it. */
export interface OpenAIChatModelOptions {
  /** Model name at the service (LVZHI_CHAT_MODEL). */
  readonly model: string;
  /** Base URL, e.g. `http://10.0.0.5:8000/v1` (OPENAI_BASE_URL); the OpenAI default when absent. */
  readonly baseURL?: string;
  /** API key (OPENAI_API_KEY); services inside an office network may need none. */
  readonly apiKey?: string;
  readonly retry?: Partial<RetryPolicy>;
  readonly breaker?: Partial<BreakerOptions> | CircuitBreaker;
  /** Longest silence between two pieces of a streamed reply. */
  readonly idleTimeoutMs?: number;
}

/** Sent when no key is configured: the client library insists on one, local services ignore it. */
export const PLACEHOLDER_API_KEY = 'lvzhi-no-key';

async function toLangChain(messages: readonly ChatMessage[]): Promise<BaseMessage[]> {
  const { AIMessage, HumanMessage, SystemMessage } = await import('@langchain/core/messages');
  return messages.map((m) =>
    m.role === 'system' ? new SystemMessage(m.content) : m.role === 'assistant' ? new AIMessage(m.content) : new HumanMessage(m.content));
}

/** A streamed reply read to its end, as one text. */
async function streamedText(client: ChatOpenAI, input: BaseMessage[], signal: AbortSignal): Promise<string> {
  let text = '';
  for await (const chunk of await client.stream(input, { signal })) text += textOf(chunk.content);
  if (!text.trim()) throw new ModelError('malformed', 'empty streamed reply');
  return text;
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content.map((part) => (typeof part === 'string' ? part : typeof part?.text === 'string' ? part.text : '')).join('');
  }
  return '';
}

/** OpenAI-compatible chat model with timeouts, retries on 429/5xx and a circuit breaker. */
export class OpenAIChatModel implements ChatModel {
  readonly name: string;
  /** The breaker, exposed so a status command can say whether the service is paused. */
  readonly breaker: CircuitBreaker;
  private readonly clientOptions: ConstructorParameters<typeof ChatOpenAI>[0];
  private client: Promise<ChatOpenAI> | undefined;
  private readonly policy: RetryPolicy;
  private readonly idleTimeoutMs: number;

  constructor(options: OpenAIChatModelOptions) {
    this.name = options.model;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.breaker = options.breaker instanceof CircuitBreaker ? options.breaker : new CircuitBreaker(options.breaker);
    this.idleTimeoutMs = options.idleTimeoutMs ?? 10_000;
    this.clientOptions = {
      model: options.model,
      apiKey: options.apiKey || PLACEHOLDER_API_KEY,
      configuration: { baseURL: options.baseURL },
      // Our own retry loop owns retries, so LangChain's and the SDK's are turned off.
      maxRetries: 0,
      // Older vLLM/Xinference builds reject `stream_options`; usage is not needed here.
      streamUsage: false,
    };
  }

  private chatClient(): Promise<ChatOpenAI> {
    this.client ??= import('@langchain/openai').then(({ ChatOpenAI: Client }) => new Client(this.clientOptions));
    return this.client;
  }

  /**
   * The whole reply, without any reasoning block; throws a ModelError (after retries) on
   * failure, timeout or a reply that is empty once the reasoning is taken out.
   */
  async complete(messages: readonly ChatMessage[], options?: { signal?: AbortSignal }): Promise<string> {
    const input = await toLangChain(messages);
    const client = await this.chatClient();
    return callResiliently(async (signal) => {
      let raw: string;
      try {
        raw = textOf((await client.invoke(input, { signal })).content);
      } catch (error) {
        // Some gateways in front of vLLM or Ollama only stream: a plain request gets server-sent
        // events, which the client cannot read as one JSON reply. Asked as a stream, they answer.
        if (toModelError(error).failure !== 'malformed' || signal.aborted) throw error;
        raw = await streamedText(client, input, signal).catch(() => { throw error; });
      }
      const text = withoutReasoning(raw);
      if (!text.trim()) throw new ModelError('malformed', 'empty reply (or reasoning only)');
      return text;
    }, { policy: this.policy, breaker: this.breaker, signal: options?.signal });
  }

  /**
   * The reply piece by piece. Retries happen only before the first piece arrives: once text
   * has been shown, a failure ends the stream with a ModelError and the caller falls back.
   */
  async *stream(messages: readonly ChatMessage[], options?: { signal?: AbortSignal }): AsyncIterable<string> {
    const input = await toLangChain(messages);
    const client = await this.chatClient();
    this.breaker.acquire();
    let settled = false;
    try {
      yield* this.streamAttempts(client, input, options?.signal);
      settled = true;
      this.breaker.succeeded();
    } catch (error) {
      const failure = toModelError(error);
      if (failure.failure !== 'aborted') {
        settled = true;
        this.breaker.failed();
      }
      throw failure;
    } finally {
      // A consumer that stops reading early, or an abort, gives no verdict on the service.
      if (!settled) this.breaker.released();
    }
  }

  private async *streamAttempts(client: ChatOpenAI, input: BaseMessage[], signal?: AbortSignal): AsyncGenerator<string> {
    const started = Date.now();
    let lastError: ModelError | undefined;
    for (let n = 1; n <= this.policy.attempts; n++) {
      const remaining = this.policy.deadlineMs - (Date.now() - started);
      if (remaining <= 0) break;
      const timer = timeoutController(Math.min(this.policy.attemptTimeoutMs, remaining), signal);
      let yielded = false;
      let iterator: AsyncIterator<{ content: unknown }> | undefined;
      // Each attempt is a new reply: its reasoning block is its own.
      const reasoning = new ReasoningFilter();
      try {
        const chunks = await raceAbort(client.stream(input, { signal: timer.signal }), timer.signal);
        iterator = chunks[Symbol.asyncIterator]();
        for (;;) {
          const next = await raceAbort(iterator.next(), timer.signal);
          if (next.done) break;
          const piece = reasoning.push(textOf(next.value.content));
          if (!piece) continue;
          // After the first piece, only silence between pieces counts, within the deadline.
          timer.restart(Math.min(this.idleTimeoutMs, this.policy.deadlineMs - (Date.now() - started)));
          yielded = true;
          yield piece;
        }
        if (!yielded) {
          // A server that ignores `stream` sends one JSON reply, which reads as a stream of nothing.
          const whole = withoutReasoning(textOf((await raceAbort(client.invoke(input, { signal: timer.signal }), timer.signal)).content));
          if (!whole.trim()) throw new ModelError('malformed', 'empty streamed reply (or reasoning only)');
          yielded = true;
          yield whole;
        }
        return;
      } catch (raw) {
        const error = timer.signal.aborted && timer.signal.reason instanceof ModelError ? timer.signal.reason : toModelError(raw);
        lastError = error;
        if (error.failure === 'aborted') throw error;
        if (yielded || !error.retryable || n === this.policy.attempts) break;
        const delay = backoffDelay(this.policy, n, error);
        if (Date.now() - started + delay >= this.policy.deadlineMs) break;
        await sleep(delay, signal);
      } finally {
        timer.dispose();
        void iterator?.return?.().catch(() => undefined);
      }
    }
    throw lastError ?? new ModelError('timeout', `no answer within ${this.policy.deadlineMs} ms`);
  }
}
