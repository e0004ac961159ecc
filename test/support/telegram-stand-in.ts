/**
 * A Bot API stand-in: a real HTTP server on 127.0.0.1 that speaks enough of Telegram's Bot
 * API for the real grammY bot to run against it — long-polled `getUpdates`, sending and
 * editing (text, buttons) and deleting messages, chat actions, photos and documents
 * (multipart), files (`getFile` and `/file/bot<token>/<path>`), commands, webhooks and
 * callback queries. It records every call,
 * lets a test play users (messages, documents, button presses) and await what the bot sends.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Chat, Message, MessageEntity, Update, User } from 'grammy/types';
import { sendJson } from './http-body.ts';
import { readParams, type UploadedFile } from './telegram-multipart.ts';

/** One Bot API call as the stand-in received it. */
export interface RecordedCall {
  readonly method: string;
  /** Parameters, JSON-decoded (numbers in multipart bodies stay strings, as Telegram receives them). */
  readonly params: Record<string, unknown>;
  /** Uploaded files by form field name. */
  readonly files: Record<string, UploadedFile>;
  /** When the call arrived (ms since epoch). */
  readonly at: number;
  /** When the call arrived, on the high-resolution clock (`performance.now()`), for measurements. */
  readonly hrAt: number;
}

/** A file the bot uploaded (sendPhoto / sendDocument). */
export type { UploadedFile };

/** A message the bot sent, with its latest content after edits. */
export interface BotMessage {
  readonly message_id: number;
  readonly chatId: number;
  readonly kind: 'text' | 'photo' | 'document';
  /** The HTML as last sent or edited. */
  html: string;
  /** The visible text (tags removed, entities decoded), as a user would read it. */
  text: string;
  edits: number;
  readonly threadId?: number;
  readonly replyTo?: number;
  readonly file?: UploadedFile;
  replyMarkup?: { inline_keyboard: { text: string; callback_data: string }[][] };
  readonly sentAt: number;
}

/** A scripted failure for the next call(s) of a method. */
export interface ScriptedFailure {
  readonly error_code: number;
  readonly description: string;
  readonly parameters?: { retry_after?: number };
}

/** An update without its id (the stand-in numbers updates itself). */
export type UpdateBody = { message: Message } | Omit<Update, 'update_id'>;

/** Options of the stand-in. */
export interface StandInOptions {
  readonly token?: string;
  readonly botUsername?: string;
}

/** A user the test plays. */
export function makeUser(id: number, firstName: string, extra: Partial<User> = {}): User {
  return { id, is_bot: false, first_name: firstName, ...extra };
}

/** A private chat with a user. */
export function privateChat(user: User): Chat.PrivateChat {
  return { id: user.id, type: 'private', first_name: user.first_name };
}

/** A supergroup (ids of groups are negative on Telegram). */
export function groupChat(id: number, title = '常委会办公室'): Chat.SupergroupChat {
  return { id, type: 'supergroup', title };
}

/** Decode what Telegram would show for an HTML message: tags gone, entities decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Start a stand-in on 127.0.0.1 on a free port. */
export async function startTelegramStandIn(options: StandInOptions = {}): Promise<TelegramStandIn> {
  const standIn = new TelegramStandIn(options);
  await standIn.listen();
  return standIn;
}

/** The Bot API stand-in; see the file comment. */
export class TelegramStandIn {
  readonly token: string;
  readonly bot: User & { username: string };
  readonly calls: RecordedCall[] = [];
  readonly sent: BotMessage[] = [];
  /** Messages the bot sent and then deleted (no longer in `sent`). */
  readonly deleted: BotMessage[] = [];
  /** Webhook as set by the bot (`setWebhook`), if any. */
  webhook: { url: string; secret?: string } | undefined;
  commands: { command: string; description: string }[] = [];

  private readonly server: Server;
  private readonly queue: Update[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly callWaiters = new Set<() => void>();
  private readonly failures = new Map<string, ScriptedFailure[]>();
  private readonly files = new Map<string, { path: string; data: Buffer; name: string }>();
  private nextUpdateId = 1;
  private nextMessageId = 1000;
  private port = 0;

  constructor(options: StandInOptions) {
    this.token = options.token ?? `123456:${randomBytes(12).toString('hex')}`;
    this.bot = { id: Number(this.token.split(':')[0]), is_bot: true, first_name: '履职助手', username: options.botUsername ?? 'lvzhi_test_bot' };
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error_code: 500, description: String(error) }));
      });
    });
  }

  /** Base URL to pass as grammY's `apiRoot` (TELEGRAM_API_ROOT). */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Bind to a free port on the loopback address. */
  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Stop serving: held long polls are answered, open connections closed. */
  async close(): Promise<void> {
    for (const wake of [...this.waiters]) wake();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  /** Make the next `times` calls of `method` fail as Telegram would (e.g. 429 with retry_after). */
  failNext(method: string, failure: ScriptedFailure, times = 1): void {
    const list = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i += 1) list.push(failure);
    this.failures.set(method, list);
  }

  /** Queue an update for `getUpdates` (the update id is assigned here). */
  pushUpdate(update: UpdateBody): Update {
    const full = { ...update, update_id: this.nextUpdateId++ } as Update;
    this.queue.push(full);
    for (const wake of [...this.waiters]) wake();
    return full;
  }

  /** Build a message from a user; commands and @mentions get their entities as Telegram adds them. */
  userMessage(input: {
    chat: Chat;
    from: User;
    text?: string;
    caption?: string;
    replyTo?: Message | BotMessage;
    topicId?: number;
    document?: Message['document'];
  }): Message {
    const body = input.text ?? input.caption ?? '';
    const entities = entitiesOf(body);
    const replyTo = input.replyTo && ('kind' in input.replyTo ? this.asMessage(input.replyTo) : input.replyTo);
    const message = {
      message_id: this.nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: input.chat,
      from: input.from,
      ...(input.text !== undefined ? { text: input.text, ...(entities.length ? { entities } : {}) } : {}),
      ...(input.caption !== undefined ? { caption: input.caption, ...(entities.length ? { caption_entities: entities } : {}) } : {}),
      ...(replyTo ? { reply_to_message: replyTo } : {}),
      ...(input.topicId !== undefined ? { message_thread_id: input.topicId, is_topic_message: true } : {}),
      ...(input.document ? { document: input.document } : {}),
    } as Message;
    return message;
  }

  /** A user sends a text message; returns the message as the bot will receive it. */
  say(chat: Chat, from: User, text: string, extra: { replyTo?: Message | BotMessage; topicId?: number } = {}): Message {
    const message = this.userMessage({ chat, from, text, ...extra });
    this.pushUpdate({ message });
    return message;
  }

  /** A user drops a file into the chat; the stand-in serves its bytes at the file endpoint. */
  sendFile(chat: Chat, from: User, fileName: string, content: Buffer | string, caption?: string): Message {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const fileId = `doc-${randomBytes(6).toString('hex')}`;
    this.files.set(fileId, { path: `documents/file_${this.files.size}${extension(fileName)}`, data, name: fileName });
    const message = this.userMessage({
      chat,
      from,
      caption,
      document: { file_id: fileId, file_unique_id: fileId.slice(4), file_name: fileName, file_size: data.length, mime_type: 'text/plain' },
    });
    this.pushUpdate({ message });
    return message;
  }

  /** A user presses an inline button under one of the bot's messages. */
  press(from: User, on: BotMessage, label: string): void {
    const button = on.replyMarkup?.inline_keyboard.flat().find((b) => b.text === label);
    if (!button) throw new Error(`no button "${label}" under message ${on.message_id}`);
    this.pushUpdate({
      callback_query: {
        id: randomBytes(8).toString('hex'),
        from,
        chat_instance: String(on.chatId),
        message: this.asMessage(on),
        data: button.callback_data,
      },
    });
  }

  /** The bot's message as Telegram would embed it in an update (a reply target, a button's message). */
  asMessage(sent: BotMessage): Message {
    return {
      message_id: sent.message_id,
      date: Math.floor(sent.sentAt / 1000),
      chat: sent.chatId < 0 ? groupChat(sent.chatId) : { id: sent.chatId, type: 'private', first_name: '用户' },
      from: this.bot,
      text: sent.text,
    } as Message;
  }

  /** Calls of one method. */
  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Messages the bot sent into a chat, in order. */
  messagesIn(chatId: number): BotMessage[] {
    return this.sent.filter((m) => m.chatId === chatId);
  }

  /** Wait until the recorded state satisfies `check` (re-checked on every call the bot makes). */
  async waitFor<T>(check: () => T | undefined | false, what: string, timeoutMs = 8000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined && value !== false) return value;
      const left = deadline - Date.now();
      if (left <= 0) {
        const seen = this.calls.filter((c) => c.method !== 'getUpdates').map((c) => ({ method: c.method, params: c.params }));
        throw new Error(`timed out waiting for ${what}; calls so far: ${JSON.stringify(seen).slice(0, 4000)}`);
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.callWaiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(left, 200));
        this.callWaiters.add(wake);
      });
    }
  }

  /** Wait for a bot message in a chat whose visible text contains `text`. */
  waitForText(chatId: number, text: string, timeoutMs?: number): Promise<BotMessage> {
    return this.waitFor(() => this.messagesIn(chatId).find((m) => m.text.includes(text)), `a message containing "${text}" in chat ${chatId}`, timeoutMs);
  }

  /** Post an update to the bot's webhook as Telegram would (`secret: null` sends no secret header); returns the HTTP status. */
  async postToWebhook(update: UpdateBody, secret: string | null | undefined = this.webhook?.secret): Promise<number> {
    if (!this.webhook) throw new Error('the bot has not set a webhook');
    const full = { ...update, update_id: this.nextUpdateId++ };
    const response = await fetch(this.webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(typeof secret === 'string' ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
      body: JSON.stringify(full),
    });
    await response.arrayBuffer();
    return response.status;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.apiRoot);
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file) return this.serveFile(file[1], decodeURIComponent(file[2]), res);
    const call = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!call) return sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    if (call[1] !== this.token) return sendJson(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = call[2];
    const hrAt = performance.now();
    const { params, files } = await readParams(req, url);
    this.calls.push({ method, params, files, at: Date.now(), hrAt });
    for (const wake of [...this.callWaiters]) wake();

    const failure = this.failures.get(method)?.shift();
    if (failure) return sendJson(res, failure.error_code, { ok: false, ...failure });
    if (method === 'getUpdates') return this.getUpdates(params, res);
    const result = this.answer(method, params, files);
    if (result instanceof Error) return sendJson(res, 400, { ok: false, error_code: 400, description: result.message });
    sendJson(res, 200, { ok: true, result });
  }

  private getUpdates(params: Record<string, unknown>, res: ServerResponse): void {
    if (this.webhook) {
      return sendJson(res, 409, { ok: false, error_code: 409, description: "Conflict: can't use getUpdates method while webhook is active" });
    }
    const offset = Number(params.offset ?? 0);
    const limit = Math.min(Number(params.limit ?? 100) || 100, 100);
    // Telegram forgets every update below the offset: that is how the bot confirms them.
    while (this.queue.length && this.queue[0].update_id < offset) this.queue.shift();
    const reply = () => sendJson(res, 200, { ok: true, result: this.queue.slice(0, limit) });
    const timeoutMs = Number(params.timeout ?? 0) * 1000;
    if (this.queue.length || timeoutMs <= 0) return reply();
    const wake = () => {
      clearTimeout(timer);
      this.waiters.delete(wake);
      if (!res.writableEnded && !res.destroyed) reply();
    };
    const timer = setTimeout(wake, timeoutMs);
    this.waiters.add(wake);
    res.on('close', () => {
      clearTimeout(timer);
      this.waiters.delete(wake);
    });
  }

  private answer(method: string, p: Record<string, unknown>, files: Record<string, UploadedFile>): unknown {
    switch (method) {
      case 'getMe':
        return { ...this.bot, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };
      case 'deleteWebhook':
        this.webhook = undefined;
        return true;
      case 'setWebhook':
        this.webhook = { url: String(p.url), ...(p.secret_token ? { secret: String(p.secret_token) } : {}) };
        return true;
      case 'setMyCommands':
        this.commands = p.commands as { command: string; description: string }[];
        return true;
      case 'sendChatAction':
      case 'answerCallbackQuery':
        return true;
      case 'sendMessage':
        return this.record(p, 'text', String(p.text ?? ''));
      case 'sendPhoto':
      case 'sendDocument': {
        const field = method === 'sendPhoto' ? 'photo' : 'document';
        const ref = String(p[field] ?? '');
        const upload = files[ref.replace(/^attach:\/\//, '')];
        if (!upload) return new Error(`Bad Request: there is no ${field} in the request`);
        return this.record(p, field, String(p.caption ?? ''), upload);
      }
      case 'editMessageText': {
        const target = this.sent.find((m) => m.chatId === Number(p.chat_id) && m.message_id === Number(p.message_id));
        if (!target) return new Error('Bad Request: message to edit not found');
        const markup = p.reply_markup as BotMessage['replyMarkup'];
        const html = String(p.text ?? '');
        if (html === target.html && JSON.stringify(markup) === JSON.stringify(target.replyMarkup)) {
          return new Error('Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
        }
        target.html = html;
        target.text = visibleText(html);
        target.replyMarkup = markup;
        target.edits += 1;
        return this.wire(target);
      }
      case 'editMessageReplyMarkup': {
        const target = this.sent.find((m) => m.chatId === Number(p.chat_id) && m.message_id === Number(p.message_id));
        if (!target) return new Error('Bad Request: message to edit not found');
        const markup = p.reply_markup as BotMessage['replyMarkup'];
        target.replyMarkup = markup && markup.inline_keyboard.length ? markup : undefined;
        target.edits += 1;
        return this.wire(target);
      }
      case 'deleteMessage': {
        const index = this.sent.findIndex((m) => m.chatId === Number(p.chat_id) && m.message_id === Number(p.message_id));
        if (index < 0) return new Error('Bad Request: message to delete not found');
        this.deleted.push(...this.sent.splice(index, 1));
        return true;
      }
      case 'getFile': {
        const stored = this.files.get(String(p.file_id));
        if (!stored) return new Error('Bad Request: invalid file_id');
        return { file_id: String(p.file_id), file_unique_id: String(p.file_id).slice(4), file_size: stored.data.length, file_path: stored.path };
      }
      default:
        return new Error(`Bad Request: method ${method} is not served by the stand-in`);
    }
  }

  private record(p: Record<string, unknown>, kind: BotMessage['kind'], html: string, file?: UploadedFile): unknown {
    const replyTo = (p.reply_parameters as { message_id?: number | string } | undefined)?.message_id;
    const message: BotMessage = {
      message_id: this.nextMessageId++,
      chatId: Number(p.chat_id),
      kind,
      html,
      text: visibleText(html),
      edits: 0,
      ...(p.message_thread_id !== undefined ? { threadId: Number(p.message_thread_id) } : {}),
      ...(replyTo !== undefined ? { replyTo: Number(replyTo) } : {}),
      ...(file ? { file } : {}),
      ...(p.reply_markup ? { replyMarkup: p.reply_markup as BotMessage['replyMarkup'] } : {}),
      sentAt: Date.now(),
    };
    this.sent.push(message);
    return this.wire(message);
  }

  private wire(m: BotMessage): unknown {
    const base = { ...this.asMessage(m), ...(m.threadId !== undefined ? { message_thread_id: m.threadId } : {}) } as Record<string, unknown>;
    if (m.kind === 'text') return base;
    delete base.text;
    const media = { file_id: `sent-${m.message_id}`, file_unique_id: `u${m.message_id}`, file_size: m.file!.data.length };
    return m.kind === 'photo'
      ? { ...base, caption: m.text || undefined, photo: [{ ...media, width: 800, height: 600 }] }
      : { ...base, caption: m.text || undefined, document: { ...media, file_name: m.file!.filename } };
  }

  private serveFile(token: string, path: string, res: ServerResponse): void {
    if (token !== this.token) return sendJson(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const stored = [...this.files.values()].find((f) => f.path === path);
    if (!stored) return sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': stored.data.length });
    res.end(stored.data);
  }
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? name.slice(dot) : '';
}

/** Entities Telegram adds on its own: a leading /command and @mentions. */
function entitiesOf(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
  for (const match of text.matchAll(/@[A-Za-z0-9_]{5,32}/g)) {
    if (command && match.index < command[0].length) continue;
    entities.push({ type: 'mention', offset: match.index, length: match[0].length });
  }
  return entities;
}
