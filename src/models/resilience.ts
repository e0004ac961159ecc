/**
 * Timeouts, retries with backoff and a circuit breaker around calls to a model service, so
 * a slow or failing service costs a bounded time and, after repeated failures, none at all.
 */
import { ModelError, toModelError } from './model-error.ts';

/** How hard to try one call. */
export interface RetryPolicy {
  /** Attempts in all (1 = no retry). */
  readonly attempts: number;
  /** Longest wait for one attempt (for a stream: for its first piece). */
  readonly attemptTimeoutMs: number;
  /** Longest the whole call may take, retries and waits included. */
  readonly deadlineMs: number;
  /** First backoff; doubles each retry, with jitter. */
  readonly baseDelayMs: number;
  /** Longest single backoff, also the cap on a service's Retry-After. */
  readonly maxDelayMs: number;
}

/** Defaults sized so that an answer can still fall back inside ~20 s. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 3,
  attemptTimeoutMs: 12_000,
  deadlineMs: 17_000,
  baseDelayMs: 400,
  maxDelayMs: 4_000,
};

/** Breaker settings: after `failureThreshold` failed calls in a row, pause for `cooldownMs`. */
export interface BreakerOptions {
  readonly failureThreshold: number;
  readonly cooldownMs: number;
  /** The pause doubles on each failed trial, up to this. */
  readonly maxCooldownMs: number;
  /** Clock, replaceable in tests. */
  readonly now?: () => number;
}

/** Default breaker: 3 failed calls, then 30 s before one trial call (up to 5 min). */
export const DEFAULT_BREAKER: BreakerOptions = { failureThreshold: 3, cooldownMs: 30_000, maxCooldownMs: 300_000 };

/** Circuit breaker: closed (calls go through), open (calls fail at once), half-open (one trial). */
export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;
  private cooldown: number;
  private trialInFlight = false;
  private readonly options: BreakerOptions;
  private readonly now: () => number;

  constructor(options: Partial<BreakerOptions> = {}) {
    this.options = { ...DEFAULT_BREAKER, ...options };
    this.cooldown = this.options.cooldownMs;
    this.now = options.now ?? Date.now;
  }

  /** `closed`, `open` (failing fast) or `half-open` (the pause is over; one trial may go). */
  get state(): 'closed' | 'open' | 'half-open' {
    if (this.failures < this.options.failureThreshold) return 'closed';
    return this.now() < this.openUntil ? 'open' : 'half-open';
  }

  /** Ask to make a call; throws a `circuit_open` ModelError while the service is paused. */
  acquire(): void {
    const state = this.state;
    if (state === 'closed') return;
    if (state === 'half-open' && !this.trialInFlight) {
      this.trialInFlight = true;
      return;
    }
    const waitS = Math.max(1, Math.ceil((this.openUntil - this.now()) / 1000));
    throw new ModelError('circuit_open', `paused after ${this.failures} failures; next try in ${waitS}s`);
  }

  /** Record a call that worked: the service is healthy again. */
  succeeded(): void {
    this.failures = 0;
    this.trialInFlight = false;
    this.cooldown = this.options.cooldownMs;
  }

  /** Record a call that failed (after its retries). */
  failed(): void {
    const wasTrial = this.trialInFlight;
    this.trialInFlight = false;
    this.failures++;
    if (this.failures < this.options.failureThreshold) return;
    if (wasTrial) this.cooldown = Math.min(this.cooldown * 2, this.options.maxCooldownMs);
    this.openUntil = this.now() + this.cooldown;
  }

  /** Release a trial that ended without a verdict (the caller aborted). */
  released(): void {
    this.trialInFlight = false;
  }
}

/** Sleep that ends early (rejecting) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function abortReason(signal: AbortSignal): ModelError {
  const reason = signal.reason;
  return reason instanceof ModelError ? reason : new ModelError('aborted', 'aborted by caller', { cause: reason });
}

/**
 * Settle with `promise`, or reject as soon as `signal` aborts, whichever comes first: a
 * client library that ignores the signal must not hold the caller past its deadline.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(abortReason(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => { signal.removeEventListener('abort', onAbort); resolve(v); },
      (e) => { signal.removeEventListener('abort', onAbort); reject(e); },
    );
  });
}

/** An abort controller that follows `parent` and fires a `timeout` ModelError after `ms`. */
export function timeoutController(ms: number, parent?: AbortSignal): { signal: AbortSignal; dispose: () => void; restart: (ms: number) => void } {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const arm = (after: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new ModelError('timeout', `no answer within ${after} ms`)), Math.max(0, after));
  };
  arm(ms);
  const onParent = () => controller.abort(parent!.reason instanceof ModelError ? parent!.reason : new ModelError('aborted', 'aborted by caller', { cause: parent!.reason }));
  if (parent?.aborted) onParent();
  else parent?.addEventListener('abort', onParent, { once: true });
  return {
    signal: controller.signal,
    restart: arm,
    dispose: () => {
      if (timer) clearTimeout(timer);
      parent?.removeEventListener('abort', onParent);
    },
  };
}

/** How long to wait before retry number `retry` (1-based). */
export function backoffDelay(policy: RetryPolicy, retry: number, error: ModelError): number {
  const exponential = policy.baseDelayMs * 2 ** (retry - 1);
  const jittered = exponential * (0.75 + Math.random() * 0.5);
  const asked = error.retryAfterMs ?? 0;
  return Math.min(policy.maxDelayMs, Math.max(jittered, asked));
}

/**
 * Run `attempt` under the breaker, with a timeout per attempt, retries with backoff on
 * 429/5xx/network/timeout, and an overall deadline. Always throws a ModelError on failure.
 */
export async function callResiliently<T>(
  attempt: (signal: AbortSignal) => Promise<T>,
  options: { policy: RetryPolicy; breaker: CircuitBreaker; signal?: AbortSignal },
): Promise<T> {
  const { policy, breaker, signal } = options;
  breaker.acquire();
  const started = Date.now();
  let lastError: ModelError | undefined;
  for (let n = 1; n <= policy.attempts; n++) {
    const remaining = policy.deadlineMs - (Date.now() - started);
    if (remaining <= 0) break;
    const timer = timeoutController(Math.min(policy.attemptTimeoutMs, remaining), signal);
    try {
      const value = await raceAbort(attempt(timer.signal), timer.signal);
      breaker.succeeded();
      return value;
    } catch (raw) {
      const error = timer.signal.aborted && timer.signal.reason instanceof ModelError ? timer.signal.reason : toModelError(raw);
      lastError = error;
      if (error.failure === 'aborted') {
        breaker.released();
        throw error;
      }
      if (!error.retryable || n === policy.attempts) break;
      const delay = backoffDelay(policy, n, error);
      if (Date.now() - started + delay >= policy.deadlineMs) break;
      try {
        await sleep(delay, signal);
      } catch (aborted) {
        // The caller's deadline is a failure of the service; the caller giving up is not.
        const reason = toModelError(aborted);
        if (reason.failure === 'aborted') breaker.released();
        else breaker.failed();
        throw reason;
      }
    } finally {
      timer.dispose();
    }
  }
  breaker.failed();
  throw lastError ?? new ModelError('timeout', `no answer within ${policy.deadlineMs} ms`);
}
