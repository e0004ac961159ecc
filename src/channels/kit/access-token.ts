/**
 * An API access token fetched once and reused until shortly before it expires; a call the
 * platform refuses for an expired or revoked token drops it, fetches a new one and tries once
 * more. Concurrent callers share one fetch.
 */

/** A token and how long the platform says it lives. */
export interface IssuedToken {
  readonly token: string;
  readonly expiresInSeconds: number;
}

/** Thrown by a call whose token the platform no longer accepts. */
export class TokenRejected extends Error {
  constructor(what: string) {
    super(`${what}: access token rejected`);
    this.name = 'TokenRejected';
  }
}

/** Refresh this long before the stated expiry, so a token never expires in flight. */
const EARLY_MS = 5 * 60_000;

/** Cached access token with refresh. */
export class AccessToken {
  private current: { token: string; until: number } | undefined;
  private fetching: Promise<string> | undefined;

  constructor(
    private readonly fetchToken: () => Promise<IssuedToken>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached token, or a fresh one. */
  async get(): Promise<string> {
    if (this.current && this.current.until > this.now()) return this.current.token;
    this.fetching ??= this.fetchToken()
      .then((issued) => {
        // A short-lived token (as a stand-in may issue) is used for half its life.
        const lifeMs = issued.expiresInSeconds * 1000;
        this.current = { token: issued.token, until: this.now() + Math.max(lifeMs - EARLY_MS, lifeMs / 2) };
        return issued.token;
      })
      .finally(() => {
        this.fetching = undefined;
      });
    return this.fetching;
  }

  /** Forget `token` (the platform refused it), unless a newer one already replaced it. */
  invalidate(token: string): void {
    if (this.current?.token === token) this.current = undefined;
  }

  /** Run `call` with the token; when the platform rejects it, once more with a fresh one. */
  async use<T>(call: (token: string) => Promise<T>): Promise<T> {
    const token = await this.get();
    try {
      return await call(token);
    } catch (error) {
      if (!(error instanceof TokenRejected)) throw error;
      this.invalidate(token);
      return call(await this.get());
    }
  }
}
