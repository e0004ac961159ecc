/**
 * DingTalk's APIs a Stream-mode robot answers with, at configurable hosts (专有钉钉 / 浙政钉
 * run their own): the app access token (cached, refreshed when refused), the session webhook a
 * message carries, the robot's one-to-one and group send, media upload and message-file
 * download. Throttling answers are retried with backoff.
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { byteLimit, tooLargeToDownload } from '../../input/index.ts';
import { AccessToken, RateLimited, TokenRejected, withBackoff } from '../kit/index.ts';

/** The public hosts: the new API and the older `oapi` one (media upload lives there). */
export const DEFAULT_DINGTALK_API_BASE = 'https://api.dingtalk.com';
export const DEFAULT_DINGTALK_OAPI_BASE = 'https://oapi.dingtalk.com';

/** oapi errcodes for a bad or expired token, and for sending too fast. */
const TOKEN_CODES = new Set([40014, 42001, 88]);
const BUSY_CODES = new Set([-1, 130101, 90018, 90002]);

/** A refusal that is not about the token or the rate. */
export class DingtalkApiError extends Error {
  constructor(readonly what: string, readonly status: number, readonly detail: string) {
    super(`${what}: ${status} ${detail}`);
    this.name = 'DingtalkApiError';
  }
}

/** Settings of the API client. */
export interface DingtalkApiOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly apiBase?: string;
  readonly oapiBase?: string;
  readonly backoffMs?: readonly number[];
}

/** Where a robot message goes: a person (one-to-one) or a group conversation. */
export type DingtalkTarget = { readonly staffId: string } | { readonly conversationId: string };

type Body = Record<string, unknown>;

/** The APIs of one robot. */
export class DingtalkApi {
  readonly apiBase: string;
  readonly oapiBase: string;
  private readonly token: AccessToken;

  constructor(private readonly options: DingtalkApiOptions) {
    this.apiBase = (options.apiBase ?? DEFAULT_DINGTALK_API_BASE).replace(/\/+$/, '');
    this.oapiBase = (options.oapiBase ?? DEFAULT_DINGTALK_OAPI_BASE).replace(/\/+$/, '');
    this.token = new AccessToken(async () => {
      const answer = await this.read('accessToken', await fetch(`${this.apiBase}/v1.0/oauth2/accessToken`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ appKey: options.clientId, appSecret: options.clientSecret }),
      }));
      return { token: String(answer.accessToken), expiresInSeconds: Number(answer.expireIn ?? 7200) };
    });
  }

  /** Fetch a token now, so bad credentials stop the start with a clear message. */
  async check(): Promise<void> {
    await this.token.get();
  }

  /** Answer through the session webhook a message carried. */
  sendBySession(webhook: string, msgtype: string, content: Body): Promise<Body> {
    return this.call('sendBySession', (token) => fetch(webhook, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-acs-dingtalk-access-token': token },
      body: JSON.stringify({ msgtype, [msgtype]: content }),
    }));
  }

  /** Send through the robot API (`sampleText`, `sampleFile`, `sampleImageMsg`, …). */
  robotSend(target: DingtalkTarget, msgKey: string, msgParam: Body): Promise<Body> {
    const oneToOne = 'staffId' in target;
    const path = oneToOne ? 'oToMessages/batchSend' : 'groupMessages/send';
    const body = { robotCode: this.options.clientId, msgKey, msgParam: JSON.stringify(msgParam), ...(oneToOne ? { userIds: [target.staffId] } : { openConversationId: target.conversationId }) };
    return this.call(path, (token) => fetch(`${this.apiBase}/v1.0/robot/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-acs-dingtalk-access-token': token },
      body: JSON.stringify(body),
    }));
  }

  /** Upload a file or image; returns its media id. */
  async upload(kind: 'file' | 'image', name: string, data: Uint8Array): Promise<string> {
    const answer = await this.call('media/upload', (token) => {
      const form = new FormData();
      form.append('media', new Blob([data]), name);
      return fetch(`${this.oapiBase}/media/upload?access_token=${encodeURIComponent(token)}&type=${kind}`, { method: 'POST', body: form });
    });
    return String(answer.media_id);
  }

  /** Download a file a person sent to `toPath`, refusing one over `maxBytes`. */
  async download(downloadCode: string, name: string, toPath: string, maxBytes: number): Promise<void> {
    const answer = await this.call('messageFiles/download', (token) => fetch(`${this.apiBase}/v1.0/robot/messageFiles/download`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-acs-dingtalk-access-token': token },
      body: JSON.stringify({ downloadCode, robotCode: this.options.clientId }),
    }));
    const file = await fetch(String(answer.downloadUrl));
    if (Number(file.headers.get('content-length') ?? 0) > maxBytes) {
      await file.body?.cancel();
      throw tooLargeToDownload(name, maxBytes);
    }
    if (!file.ok || !file.body) throw new DingtalkApiError('download', file.status, 'no file');
    await pipeline(Readable.fromWeb(file.body as WebReadableStream), byteLimit(maxBytes, name), createWriteStream(toPath));
  }

  private call(what: string, request: (token: string) => Promise<Response>): Promise<Body> {
    return withBackoff(() => this.token.use(async (token) => this.read(what, await request(token))), this.options.backoffMs);
  }

  /** A response → its body, or the error it means (both hosts' error shapes). */
  private async read(what: string, response: Response): Promise<Body> {
    const body = (await response.json().catch(() => ({}))) as Body;
    const code = String(body.code ?? '');
    if (response.status === 429 || code === 'Throttling' || BUSY_CODES.has(Number(body.errcode))) throw new RateLimited(what);
    if (response.status === 401 || code === 'InvalidAuthentication' || TOKEN_CODES.has(Number(body.errcode))) throw new TokenRejected(what);
    if (!response.ok || Number(body.errcode ?? 0) !== 0) {
      throw new DingtalkApiError(what, response.status, `${code || String(body.errcode ?? '')} ${String(body.message ?? body.errmsg ?? '')}`);
    }
    return body;
  }
}
