/**
 * Feishu's open API through the SDK's client, with what the SDK leaves to the caller: its
 * token cache is ours, so a token Feishu refuses before its stated expiry is dropped and the
 * call tried once more with a new one; "too frequent" answers are retried with backoff.
 */
import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { byteLimit, tooLargeToDownload } from '../../input/index.ts';
import { RateLimited, withBackoff, type ChannelLogger } from '../kit/index.ts';
import { lark, type LarkAnswer, type LarkClient, type LarkDomain, type LarkLogger } from './sdk.ts';

/** Codes for a tenant token that is missing, invalid or expired. */
const TOKEN_CODES = new Set([99991661, 99991663, 99991664, 99991668]);
/** Codes for "too many requests". */
const BUSY_CODES = new Set([99991400, 11232, 11233]);

/** A refusal that is not about the token or the rate. */
export class FeishuApiError extends Error {
  constructor(readonly what: string, readonly code: number, detail: string) {
    super(`${what}: code ${code} ${detail}`);
    this.name = 'FeishuApiError';
  }
}

/** The SDK's logger interface over the channel's log: its errors are warnings here (the channel logs its own failures). */
export function sdkLogger(logger: ChannelLogger): LarkLogger {
  const text = (parts: unknown[]) => parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' ');
  return { error: (...m) => logger.warn(`sdk: ${text(m)}`), warn: (...m) => logger.warn(`sdk: ${text(m)}`), info: () => undefined, debug: () => undefined, trace: () => undefined };
}

/** The SDK's domain setting from FEISHU_DOMAIN: `feishu` (default), `lark`, or a private deployment's URL. */
export function domainOf(setting: string | undefined): LarkDomain {
  if (!setting || setting === 'feishu') return lark.Domain.Feishu;
  if (setting === 'lark') return lark.Domain.Lark;
  return setting.replace(/\/+$/, '');
}

/** The API calls the channel makes. */
export class FeishuApi {
  readonly client: LarkClient;
  private readonly tokens = new Map<string, { value: unknown; until?: number }>();

  constructor(options: { appId: string; appSecret: string; domain: LarkDomain; logger: ChannelLogger; backoffMs?: readonly number[] }) {
    this.backoffMs = options.backoffMs;
    const tokens = this.tokens;
    this.client = new lark.Client({
      appId: options.appId,
      appSecret: options.appSecret,
      domain: options.domain,
      loggerLevel: lark.LoggerLevel.warn,
      logger: sdkLogger(options.logger),
      cache: {
        async set(key, value, expire, scope) {
          tokens.set(`${scope?.namespace ?? ''}/${String(key)}`, { value, until: expire });
          return true;
        },
        async get(key, scope) {
          const entry = tokens.get(`${scope?.namespace ?? ''}/${String(key)}`);
          return entry && (!entry.until || entry.until > Date.now()) ? entry.value : undefined;
        },
      },
    });
  }

  private readonly backoffMs: readonly number[] | undefined;

  /** Reply to a message (in its topic when it is in one); returns the new message's id. */
  async reply(messageId: string, msgType: string, content: object, inThread: boolean): Promise<string> {
    const data = await this.call('message.reply', () =>
      this.client.im.message.reply({ path: { message_id: messageId }, data: { msg_type: msgType, content: JSON.stringify(content), reply_in_thread: inThread } }));
    return String(data?.message_id ?? '');
  }

  /** Send a message to a person's one-to-one chat with the bot (an answer to a menu item, which has no message to reply to). */
  async sendToUser(openId: string, msgType: string, content: object): Promise<string> {
    const data = await this.call('message.create', () =>
      this.client.im.message.create({ params: { receive_id_type: 'open_id' }, data: { receive_id: openId, msg_type: msgType, content: JSON.stringify(content) } }));
    return String(data?.message_id ?? '');
  }

  /** Upload an image (charts) or a file (drafts); returns the key to send it with. */
  async upload(kind: 'image' | 'file', name: string, data: Uint8Array): Promise<string> {
    const buffer = Buffer.from(data);
    if (kind === 'image') {
      const answer = await this.call('image.create', async () => ({ code: 0, data: (await this.client.im.image.create({ data: { image_type: 'message', image: buffer } })) ?? undefined }));
      return String(answer?.image_key ?? '');
    }
    const type = /\.(pdf|docx?|xlsx?|pptx?)$/i.exec(name)?.[1].toLowerCase().replace(/x$/, '') ?? 'stream';
    const answer = await this.call('file.create', async () => ({ code: 0, data: (await this.client.im.file.create({ data: { file_type: type as 'stream', file_name: name, file: buffer } })) ?? undefined }));
    return String(answer?.file_key ?? '');
  }

  /** Download a file from a person's message, refusing one over `maxBytes`. */
  async download(messageId: string, fileKey: string, name: string, toPath: string, maxBytes: number): Promise<void> {
    let resource: { getReadableStream(): Readable; headers: Record<string, unknown> } | undefined;
    await this.call('messageResource.get', async () => {
      resource = await this.client.im.messageResource.get({ path: { message_id: messageId, file_key: fileKey }, params: { type: 'file' } });
      return { code: 0 };
    });
    const stream = resource!.getReadableStream();
    if (Number(resource!.headers['content-length'] ?? 0) > maxBytes) {
      stream.destroy();
      throw tooLargeToDownload(name, maxBytes);
    }
    await pipeline(stream, byteLimit(maxBytes, name), createWriteStream(toPath));
  }

  /** A person's name from the contact book; their open_id when the app may not read it. */
  async userName(openId: string): Promise<string> {
    const data = await this.call('user.get', () => this.client.contact.user.get({ path: { user_id: openId }, params: { user_id_type: 'open_id' } }));
    return String((data?.user as { name?: string } | undefined)?.name || openId);
  }

  /** One call: the SDK answers a refusal as a thrown HTTP error or as a body with a code. */
  private call(what: string, request: () => Promise<LarkAnswer>): Promise<Record<string, unknown> | undefined> {
    return withBackoff(async () => {
      for (let attempt = 0; ; attempt += 1) {
        let answer: LarkAnswer;
        let status = 200;
        try {
          answer = await request();
        } catch (error) {
          const response = (error as { response?: { status: number; data?: LarkAnswer } }).response;
          if (!response) throw error;
          status = response.status;
          answer = response.data ?? { code: status };
        }
        const code = Number(answer?.code ?? 0);
        if (code === 0 && status < 400) return answer?.data;
        if (TOKEN_CODES.has(code) && attempt === 0) {
          this.tokens.clear();
          continue;
        }
        if (status === 429 || BUSY_CODES.has(code)) throw new RateLimited(what);
        throw new FeishuApiError(what, code, String(answer?.msg ?? ''));
      }
    }, this.backoffMs);
  }
}
