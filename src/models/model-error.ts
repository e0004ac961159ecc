/** The one error the model layer throws, with why it failed, so callers can fall back. */
import { AppError } from '../errors.ts';
import { modelMessages } from './messages.ts';

/** Why a model call failed. */
export type ModelFailure =
  | 'timeout'
  | 'rate_limited'
  | 'server_error'
  | 'connection'
  | 'malformed'
  | 'refused'
  | 'circuit_open'
  | 'aborted'
  | 'nonsense';

/** A model call that failed; `retryable` says whether trying again soon may help. */
export class ModelError extends AppError {
  /** Why it failed. */
  readonly failure: ModelFailure;
  /** HTTP status from the service, when there was one. */
  readonly status?: number;
  /** Seconds the service asked us to wait (Retry-After), when it said. */
  readonly retryAfterMs?: number;

  constructor(
    failure: ModelFailure,
    detail: string,
    options?: { cause?: unknown; status?: number; retryAfterMs?: number },
  ) {
    const userMessage =
      failure === 'refused' && options?.status ? modelMessages.refused(options.status)
        : failure === 'nonsense' || failure === 'malformed' ? modelMessages.nonsense
          : modelMessages.unavailable;
    super(`model_${failure}`, userMessage, { cause: options?.cause });
    this.message = `model_${failure}: ${detail}`;
    this.failure = failure;
    this.status = options?.status;
    this.retryAfterMs = options?.retryAfterMs;
  }

  /** Whether another attempt right away may succeed (429, 5xx, network, timeout). */
  get retryable(): boolean {
    return ['timeout', 'rate_limited', 'server_error', 'connection'].includes(this.failure);
  }
}

function retryAfterOf(error: object): number | undefined {
  const headers = (error as { headers?: unknown }).headers;
  let raw: string | null | undefined;
  if (headers && typeof (headers as Headers).get === 'function') raw = (headers as Headers).get('retry-after');
  else if (headers && typeof headers === 'object') raw = (headers as Record<string, string>)['retry-after'];
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(raw);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

/**
 * Turn whatever the OpenAI client or LangChain threw into a ModelError. Both libraries
 * wrap errors differently across versions, so this looks at names, statuses and causes.
 */
export function toModelError(error: unknown): ModelError {
  if (error instanceof ModelError) return error;
  if (!error || typeof error !== 'object') return new ModelError('connection', String(error), { cause: error });
  const e = error as { name?: string; status?: unknown; message?: string; code?: string; cause?: unknown };
  const ctor = (error as object).constructor?.name ?? '';
  const message = e.message ?? ctor;
  const status = typeof e.status === 'number' ? e.status : undefined;
  if (status !== undefined) {
    if (status === 429) return new ModelError('rate_limited', message, { cause: error, status, retryAfterMs: retryAfterOf(error) });
    if (status >= 500) return new ModelError('server_error', message, { cause: error, status, retryAfterMs: retryAfterOf(error) });
    if (status === 408) return new ModelError('timeout', message, { cause: error, status });
    if (status >= 400) return new ModelError('refused', message, { cause: error, status });
  }
  if (e.name === 'TimeoutError' || ctor === 'APIConnectionTimeoutError') return new ModelError('timeout', message, { cause: error });
  if (e.name === 'AbortError' || ctor === 'APIUserAbortError') return new ModelError('aborted', message, { cause: error });
  if (ctor === 'APIConnectionError' || e.name === 'FetchError' || /ECONNREFUSED|ECONNRESET|socket|fetch failed|Connection error/i.test(message)) {
    return new ModelError('connection', message, { cause: error });
  }
  if (error instanceof SyntaxError || /JSON|Unexpected token|parse/i.test(message)) {
    return new ModelError('malformed', message, { cause: error });
  }
  // Anything else (e.g. a body without `choices`) is a reply we cannot use.
  return new ModelError('malformed', message, { cause: error });
}
