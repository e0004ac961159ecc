/**
 * Calls to a platform's API that the platform asked us to slow down for (HTTP 429, or its own
 * "too frequent" code) are tried again after growing pauses, honouring a stated wait.
 */

/** A refusal that says "try later", with how long to wait when the platform said so. */
export class RateLimited extends Error {
  constructor(
    readonly what: string,
    readonly retryAfterMs?: number,
  ) {
    super(`${what}: rate limited${retryAfterMs === undefined ? '' : ` (retry after ${retryAfterMs} ms)`}`);
    this.name = 'RateLimited';
  }
}

/** Pauses between attempts, ms; the number of entries is the number of retries. */
export const BACKOFF_MS: readonly number[] = [500, 1_000, 2_000, 4_000];

/** Run `call`; on RateLimited wait and try again, at most `delays.length` more times. */
export async function withBackoff<T>(
  call: () => Promise<T>,
  delays: readonly number[] = BACKOFF_MS,
  onRetry: (error: RateLimited, attempt: number) => void = () => undefined,
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof RateLimited) || attempt >= delays.length) throw error;
      onRetry(error, attempt + 1);
      const wait = Math.max(delays[attempt], error.retryAfterMs ?? 0);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
