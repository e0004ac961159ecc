/**
 * The few members of `@larksuiteoapi/node-sdk` the channel uses, typed here instead of through
 * the SDK's own declarations: its one `index.d.ts` is 17.6 MB (every Feishu API), more than half
 * of everything `tsc` reads for this project and a fifth of the type-check's time. The SDK
 * itself is loaded as usual (the same CommonJS module `import` would load). What is traded: a
 * mismatch between these types and the real SDK is not a type error; the Feishu tests, which
 * drive the real SDK against a stand-in server on 127.0.0.1, fail on it instead.
 */
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';

/** The SDK's logger interface. */
export interface LarkLogger {
  error(...message: unknown[]): void;
  warn(...message: unknown[]): void;
  info(...message: unknown[]): void;
  debug(...message: unknown[]): void;
  trace(...message: unknown[]): void;
}

/** The SDK's token cache interface. */
export interface LarkCache {
  set(key: string | symbol, value: unknown, expire?: number, options?: { namespace?: string }): Promise<boolean>;
  get(key: string | symbol, options?: { namespace?: string }): Promise<unknown>;
}

/** A domain: `Domain.Feishu`, `Domain.Lark` or a private deployment's URL. */
export type LarkDomain = number | string;

/** An open-API answer: a code (0 = success), a message and the data. */
export type LarkAnswer = { code?: number; msg?: string; data?: Record<string, unknown> } | null;

/** The open-API client (`new Client(...)`): only the calls the channel makes. */
export interface LarkClient {
  readonly im: {
    readonly message: {
      reply(payload: { path: { message_id: string }; data: { msg_type: string; content: string; reply_in_thread?: boolean } }): Promise<LarkAnswer>;
      create(payload: { params: { receive_id_type: 'open_id' }; data: { receive_id: string; msg_type: string; content: string } }): Promise<LarkAnswer>;
    };
    readonly image: { create(payload: { data: { image_type: 'message'; image: Buffer } }): Promise<{ image_key?: string } | null> };
    readonly file: { create(payload: { data: { file_type: 'opus' | 'mp4' | 'pdf' | 'doc' | 'xls' | 'ppt' | 'stream'; file_name: string; file: Buffer } }): Promise<{ file_key?: string } | null> };
    readonly messageResource: {
      get(payload: { path: { message_id: string; file_key: string }; params: { type: string } }): Promise<{ getReadableStream(): Readable; headers: Record<string, unknown> }>;
    };
  };
  readonly contact: { readonly user: { get(payload: { path: { user_id: string }; params: { user_id_type: 'open_id' } }): Promise<LarkAnswer> } };
}

/** The event dispatcher the long connection hands events to. */
export interface LarkEventDispatcher {
  register(handles: Record<string, (data: unknown) => Promise<unknown>>): LarkEventDispatcher;
}

/** The long connection (`new WSClient(...)`). */
export interface LarkWsClient {
  start(params: { eventDispatcher: LarkEventDispatcher }): Promise<void>;
  close(params?: { force?: boolean }): void;
}

/** What the channel takes from the SDK module. */
export interface LarkSdk {
  readonly Domain: { readonly Feishu: number; readonly Lark: number };
  readonly LoggerLevel: { readonly warn: number };
  readonly Client: new (params: { appId: string; appSecret: string; domain: LarkDomain; loggerLevel: number; logger: LarkLogger; cache: LarkCache }) => LarkClient;
  readonly EventDispatcher: new (params: { loggerLevel: number; logger: LarkLogger }) => LarkEventDispatcher;
  readonly WSClient: new (params: {
    appId: string;
    appSecret: string;
    domain: LarkDomain;
    loggerLevel: number;
    logger: LarkLogger;
    onReady?: () => void;
    onError?: (error: Error) => void;
  }) => LarkWsClient;
}

/** The SDK module itself. */
export const lark = createRequire(import.meta.url)('@larksuiteoapi/node-sdk') as LarkSdk;
