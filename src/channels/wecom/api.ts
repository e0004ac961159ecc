/**
 * WeCom's server API for a self-built app, at a configurable host (政务微信 and private
 * deployments run their own): `gettoken` with the corp id and the app secret, cached and
 * refreshed; `message/send` (and `appchat/send` for the app's group chats); media upload and
 * download. "Too frequent" answers are retried with backoff; an expired token is replaced once.
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { byteLimit, tooLargeToDownload } from '../../input/index.ts';
import { AccessToken, RateLimited, TokenRejected, withBackoff } from '../kit/index.ts';

/** The public WeCom API host. */
export const DEFAULT_WECOM_API_BASE = 'https://qyapi.weixin.qq.com';

/** errcodes meaning the access token is expired or not (any longer) valid. */
const TOKEN_CODES = new Set([40014, 42001, 42007, 42009]);
/** errcodes meaning "too many calls": wait and try again. -1 is "system busy". */
const BUSY_CODES = new Set([-1, 45009, 45011, 45033, 45047]);

/** A refusal of the WeCom API that is not about the token or the rate. */
export class WecomApiError extends Error {
  constructor(
    readonly what: string,
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`${what}: errcode ${errcode} ${errmsg}`);
    this.name = 'WecomApiError';
  }
}

/** Settings of the API client. */
export interface WecomApiOptions {
  readonly corpId: string;
  readonly secret: string;
  readonly agentId: number;
  /** WECOM_API_BASE; default the public host. */
  readonly apiBase?: string;
  /** Pauses between retries of a rate-limited call (tests shorten them). */
  readonly backoffMs?: readonly number[];
}

/** Where a message goes: a person (by userid) or one of the app's group chats. */
export type WecomTarget = { readonly user: string } | { readonly chat: string };

type Body = Record<string, unknown>;

/** The WeCom API for one app. */
export class WecomApi {
  readonly base: string;
  private readonly token: AccessToken;

  constructor(private readonly options: WecomApiOptions) {
    this.base = (options.apiBase ?? DEFAULT_WECOM_API_BASE).replace(/\/+$/, '');
    this.token = new AccessToken(async () => {
      const query = new URLSearchParams({ corpid: options.corpId, corpsecret: options.secret });
      const answer = await this.json('gettoken', await fetch(`${this.base}/cgi-bin/gettoken?${query}`));
      return { token: String(answer.access_token), expiresInSeconds: Number(answer.expires_in ?? 7200) };
    });
  }

  /** Fetch a token now (start-up: a bad secret is told at once). */
  async check(): Promise<void> {
    await this.token.get();
  }

  /** Send one message of `msgtype` with its content to a person or a group chat. */
  async send(target: WecomTarget, msgtype: string, content: Body): Promise<void> {
    const inChat = 'chat' in target;
    const body = inChat
      ? { chatid: target.chat, msgtype, [msgtype]: content }
      : { touser: target.user, agentid: this.options.agentId, msgtype, [msgtype]: content };
    await this.call(inChat ? 'appchat/send' : 'message/send', (token) =>
      fetch(`${this.base}/cgi-bin/${inChat ? 'appchat' : 'message'}/send?access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
  }

  /** Upload a temporary file or image; returns its media_id. */
  async upload(kind: 'file' | 'image', name: string, data: Uint8Array): Promise<string> {
    const answer = await this.call('media/upload', (token) => {
      const form = new FormData();
      form.append('media', new Blob([data]), name);
      return fetch(`${this.base}/cgi-bin/media/upload?access_token=${encodeURIComponent(token)}&type=${kind}`, { method: 'POST', body: form });
    });
    return String(answer.media_id);
  }

  /** Download a file a person sent to `toPath`, refusing one larger than `maxBytes`. */
  async download(mediaId: string, name: string, toPath: string, maxBytes: number): Promise<void> {
    const file = await this.call(
      'media/get',
      (token) => fetch(`${this.base}/cgi-bin/media/get?access_token=${encodeURIComponent(token)}&media_id=${encodeURIComponent(mediaId)}`),
      // A refusal comes as JSON (read for its errcode); the file itself as anything else.
      async (got) => ((got.headers.get('content-type') ?? '').includes('json') ? this.json('media/get', got).then(() => got) : got),
    );
    if (Number(file.headers.get('content-length') ?? 0) > maxBytes) {
      await file.body?.cancel();
      throw tooLargeToDownload(name, maxBytes);
    }
    if (!file.ok || !file.body) throw new WecomApiError('media/get', file.status, 'no file');
    await pipeline(Readable.fromWeb(file.body as WebReadableStream), byteLimit(maxBytes, name), createWriteStream(toPath));
  }

  /** Set the app's menu (`menu/create`, replacing the one there). */
  async createMenu(button: readonly unknown[]): Promise<void> {
    await this.call('menu/create', (token) =>
      fetch(`${this.base}/cgi-bin/menu/create?access_token=${encodeURIComponent(token)}&agentid=${this.options.agentId}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ button }),
      }),
    );
  }

  /** A person's name as the address book has it; their userid when it will not say. */
  async userName(userId: string): Promise<string> {
    const answer = await this.call('user/get', (token) =>
      fetch(`${this.base}/cgi-bin/user/get?access_token=${encodeURIComponent(token)}&userid=${encodeURIComponent(userId)}`),
    );
    return String(answer.name || userId);
  }

  /** One API call with the token, retried when rate-limited, with a new token when refused. */
  private call<T = Body>(
    what: string,
    request: (token: string) => Promise<Response>,
    read: (response: Response) => Promise<T> = (response) => this.json(what, response) as Promise<T>,
  ): Promise<T> {
    return withBackoff(() => this.token.use(async (token) => read(await request(token))), this.options.backoffMs);
  }

  private async json(what: string, response: Response): Promise<Body> {
    if (response.status === 429) throw new RateLimited(what, Number(response.headers.get('retry-after') ?? 0) * 1000 || undefined);
    if (!response.ok) throw new WecomApiError(what, response.status, await response.text().catch(() => ''));
    const body = (await response.json()) as Body;
    const errcode = Number(body.errcode ?? 0);
    if (errcode === 0) return body;
    if (TOKEN_CODES.has(errcode)) throw new TokenRejected(what);
    if (BUSY_CODES.has(errcode)) throw new RateLimited(what);
    throw new WecomApiError(what, errcode, String(body.errmsg ?? ''));
  }
}
