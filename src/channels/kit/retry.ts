/**
 * Calls to a platform's API that the platform asked us to slow down for (HTTP 429, or its own
 * "too frequent" code) are tried again after growing pauses, honouring a stated wait. A call
 * whose connection failed before any answer came (the platform closed an idle keep-alive socket
 * just as it was reused, or a reset) is tried once more: otherwise a person's answer is lost.
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

/** Socket errors of Node's fetch (undici) and the system that mean no answer was received. */
const CONNECTION_CODES = new Set(['UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT']);

/** Whether a fetch failed on its connection, before any answer (fetch's TypeError with a socket cause). */
export function isConnectionFailure(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return error instanceof TypeError && typeof cause?.code === 'string' && CONNECTION_CODES.has(cause.code);
}

/** Run `call`; on RateLimited wait and try again, at most `delays.length` more times; a connection failure once. */
export async function withBackoff<T>(
  call: () => Promise<T>,
  delays: readonly number[] = BACKOFF_MS,
  onRetry: (error: RateLimited, attempt: number) => void = () => undefined,
): Promise<T> {
  let reconnected = false;
  for (let attempt = 0; ; ) {
    try {
      return await call();
    } catch (error) {
      let wait: number;
      if (isConnectionFailure(error) && !reconnected && delays.length > 0) {
        reconnected = true;
        wait = delays[0];
      } else if (error instanceof RateLimited && attempt < delays.length) {
        onRetry(error, attempt + 1);
        wait = Math.max(delays[attempt], error.retryAfterMs ?? 0);
        attempt += 1;
      } else {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
