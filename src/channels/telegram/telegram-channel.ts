/**
 * The Telegram channel (grammY): updates → `Incoming`, `Reply` → messages. Long polling by
 * default, a webhook with a secret token as the option. Each conversation's turns run in
 * order, different conversations at the same time, so one slow answer never holds up
 * another chat (simple polling alone would handle the whole batch one by one).
 */
import { createWriteStream } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, GrammyError, webhookCallback, type Api } from 'grammy';
import type { Message } from 'grammy/types';
import { guardAssistant, type Assistant, type Channel, type Incoming, type IncomingFile } from '../../assistant/index.ts';
import { commandMenu } from '../../commands.ts';
import { InternalError, UserError, errorReference } from '../../errors.ts';
import { createMemoryConversationStore, type ConversationStore } from '../../storage/index.ts';
import { byteLimit, tooLargeToDownload } from '../../input/index.ts';
import { addressedText } from './addressing.ts';
import { ChoiceStore, deliverReply } from './deliver-reply.ts';
import { LiveMessage, type MessageTarget } from './live-message.ts';
import { TurnQueue, channelLogger, closeHttpServer, turnLogger, type ChannelLogger } from '../kit/index.ts';
import { BAD_TOKEN, CHOICE_EXPIRED, CHOICE_TAKEN, FILE_UNAVAILABLE, renderFailure, UNREACHABLE } from './messages.ts';
import { formatThreadId, ReplyChains } from './thread-ids.ts';

const DEFAULT_API_ROOT = 'https://api.telegram.org';

/** Settings of the Telegram channel; `main.ts` fills them from TELEGRAM_* variables. */
export interface TelegramChannelOptions {
  readonly token: string;
  /** Bot API server (TELEGRAM_API_ROOT): the public one, a self-hosted one, or a test stand-in. */
  readonly apiRoot?: string;
  /** Webhook mode instead of long polling: Telegram posts to `url`, we listen on `port`. */
  readonly webhook?: { readonly url: string; readonly secret: string; readonly port: number; readonly host?: string };
  readonly assistant: Assistant;
  /** Where buttons and reply chains are kept (the data folder's database in `npm start`: they survive a restart). */
  readonly conversations?: ConversationStore;
  readonly logger?: ChannelLogger;
  /** Long-polling wait per `getUpdates`, seconds (Telegram allows up to 50). */
  readonly pollingTimeoutSeconds?: number;
  /** Least time between two edits of a streamed answer in a private chat, ms (groups wait three times as long). */
  readonly streamIntervalMs?: number;
  /** How long a turn may take before the typing indicator shows, ms. */
  readonly typingDelayMs?: number;
  /** Longest `retry_after` the auto-retry plugin waits out before giving up, seconds. */
  readonly maxRetryDelaySeconds?: number;
}

/** The running channel, with what tests and `main.ts` may need beyond `Channel`. */
export interface TelegramChannel extends Channel {
  /** The grammY bot (for its `botInfo`, or to add middleware before `start`). */
  readonly bot: Bot;
  /** The port the webhook server listens on, once started in webhook mode. */
  webhookPort(): number | undefined;
  /** Resolves when every turn under way has been answered. */
  idle(): Promise<void>;
}

/** A turn's origin: the Telegram message it answers and who sent it. */
interface TurnSource {
  readonly chat: Message['chat'];
  readonly from: NonNullable<Message['from']>;
  readonly replyTo: number;
  readonly topicId?: number;
  readonly thread: string;
  readonly text: string;
  readonly files: readonly IncomingFile[];
  /** When the person sent it (`message.date`); a late delivery is still filed on that day. */
  readonly sentAt?: Date;
}

/** Build the Telegram channel around an assistant (not started). */
export function createTelegramChannel(options: TelegramChannelOptions): TelegramChannel {
  const apiRoot = (options.apiRoot ?? DEFAULT_API_ROOT).replace(/\/+$/, '');
  const logger = options.logger ?? channelLogger('telegram');
  const assistant = guardAssistant(options.assistant);
  const streamIntervalMs = options.streamIntervalMs ?? 1000;
  const typingDelayMs = options.typingDelayMs ?? 400;
  const bot = new Bot(options.token, { client: { apiRoot } });
  bot.api.config.use(autoRetry({ maxDelaySeconds: options.maxRetryDelaySeconds ?? 60, maxRetryAttempts: 5 }));

  const conversations = options.conversations ?? createMemoryConversationStore();
  // Which thread each message belongs to (the root of its reply chain, or its topic), and what each button sends.
  const [chains, choices] = [new ReplyChains(conversations), new ChoiceStore(conversations)];
  const queue = new TurnQueue((error) => logger.error('turn failed outside the assistant', { error }));
  let server: Server | undefined;
  let polling: Promise<void> | undefined;

  function fileOf(document: NonNullable<Message['document']>): IncomingFile {
    const name = document.file_name ?? `${document.file_unique_id}.bin`;
    return {
      name,
      size: document.file_size,
      async download(toPath: string, maxBytes = Infinity) {
        if ((document.file_size ?? 0) > maxBytes) throw tooLargeToDownload(name, maxBytes);
        const file = await bot.api.getFile(document.file_id).catch((error: unknown) => {
          // Telegram answers 400 "file is too big" past the Bot API's 20 MB download limit.
          if (error instanceof GrammyError && error.error_code === 400) throw new UserError('telegram_file_unavailable', FILE_UNAVAILABLE, { cause: error });
          throw error;
        });
        if (!file.file_path) throw new UserError('telegram_file_unavailable', FILE_UNAVAILABLE);
        // getFile states the size again (a forwarded message's may differ): checked before fetching.
        if ((file.file_size ?? 0) > maxBytes) throw tooLargeToDownload(name, maxBytes);
        const response = await fetch(`${apiRoot}/file/bot${options.token}/${file.file_path}`);
        if (!response.ok || !response.body) {
          throw new UserError('telegram_file_unavailable', FILE_UNAVAILABLE, { cause: new Error(`HTTP ${response.status}`) });
        }
        await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), byteLimit(maxBytes, name), createWriteStream(toPath));
      },
    };
  }

  /** Which conversation a message continues: its forum topic, its reply chain's root, or `main`. */
  async function threadOf(message: Message): Promise<string> {
    if (message.is_topic_message && message.message_thread_id !== undefined) return String(message.message_thread_id);
    const parent = message.reply_to_message;
    if (parent) return (await chains.get(message.chat.id, parent.message_id)) ?? String(parent.message_id);
    return 'main';
  }

  async function runTurn(api: Api, source: TurnSource): Promise<void> {
    const threadId = formatThreadId(source.chat.id, source.thread);
    const target: MessageTarget = { chatId: source.chat.id, topicId: source.topicId, replyTo: source.replyTo };
    // A chain not remembered only loses the thread of a later reply: logged, never fails the turn.
    const remember = (id: number) => chains.set(source.chat.id, id, source.thread).catch((error: unknown) => logger.warn('chain not kept', { error }));
    // Telegram allows a group about 20 messages a minute, edits included: stream there more slowly.
    const interval = source.chat.type === 'private' ? streamIntervalMs : streamIntervalMs * 3;
    const log = turnLogger(logger, { chatId: String(source.chat.id), userId: String(source.from.id) });
    const live = new LiveMessage(api, target, interval, log, (id) => void remember(id));
    const typing = startTyping(api, target, log);
    const incoming: Incoming = {
      platform: 'telegram',
      userId: String(source.from.id),
      userName: displayName(source.from),
      chatId: String(source.chat.id),
      threadId,
      text: source.text,
      direct: source.chat.type === 'private',
      ...(source.sentAt ? { sentAt: source.sentAt } : {}),
      ...(source.files.length ? { files: source.files } : {}),
      progress: (text) => live.show(text),
    };
    try {
      const reply = await assistant.handle(incoming, { partial: (text) => live.streamed(text) });
      typing.stop();
      try {
        const ids = await deliverReply({ api, reply, target, live, choices, threadId });
        await Promise.all(ids.map(remember));
      } catch (error) {
        const ref = errorReference();
        log.error('reply could not be delivered', { ref, thread: threadId, error });
        await live.settle();
        await api.sendMessage(target.chatId, renderFailure(ref), {
          ...(target.topicId !== undefined ? { message_thread_id: target.topicId } : {}),
          reply_parameters: { message_id: target.replyTo!, allow_sending_without_reply: true },
        });
      }
    } finally {
      typing.stop();
    }
  }

  function startTyping(api: Api, target: MessageTarget, log: ChannelLogger): { stop(): void } {
    let timer: NodeJS.Timeout | undefined;
    const tick = () => {
      api
        .sendChatAction(target.chatId, 'typing', target.topicId !== undefined ? { message_thread_id: target.topicId } : {})
        .catch((error) => log.warn('typing indicator failed', { error }));
      // Telegram shows "typing…" for about five seconds; renew it while the work goes on.
      timer = setTimeout(tick, 4500);
    };
    timer = setTimeout(tick, typingDelayMs);
    return { stop: () => clearTimeout(timer) };
  }

  bot.on('message', async (ctx) => {
    const message = ctx.message;
    const from = message.from;
    if (!from || from.is_bot || from.id === ctx.me.id) return;
    if (message.text === undefined && message.document === undefined) return;
    const text = addressedText(message, ctx.me);
    if (text === undefined) return;
    const thread = await threadOf(message);
    await chains.set(message.chat.id, message.message_id, thread);
    const topicId = message.is_topic_message ? message.message_thread_id : undefined;
    const files = message.document ? [fileOf(message.document)] : [];
    const sentAt = new Date(message.date * 1000);
    const source: TurnSource = { chat: message.chat, from, replyTo: message.message_id, topicId, thread, text, files, sentAt };
    queue.push(formatThreadId(message.chat.id, thread), () => runTurn(ctx.api, source));
  });

  bot.on('callback_query:data', async (ctx) => {
    const choice = await choices.get(ctx.callbackQuery.data);
    const message = ctx.callbackQuery.message;
    if (!choice || !message || ctx.from.is_bot) {
      await ctx.answerCallbackQuery({ text: CHOICE_EXPIRED });
      return;
    }
    await ctx.answerCallbackQuery({ text: CHOICE_TAKEN });
    // One press per question: the buttons go, so a confirmation cannot be sent twice.
    await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch((error) => logger.warn('could not remove the buttons', { error }));
    const thread = choice.threadId.slice(choice.threadId.lastIndexOf(':') + 1);
    const topicId = 'is_topic_message' in message && message.is_topic_message ? message.message_thread_id : undefined;
    const source: TurnSource = { chat: message.chat, from: ctx.from, replyTo: message.message_id, topicId, thread, text: choice.send, files: [] };
    queue.push(choice.threadId, () => runTurn(ctx.api, source));
  });

  bot.catch((error) => logger.error('update handling failed', { error: error.error, update: error.ctx.update.update_id }));

  async function prepare(): Promise<void> {
    try {
      await bot.init();
    } catch (error) {
      if (error instanceof GrammyError && error.error_code === 401) throw new UserError('telegram_bad_token', BAD_TOKEN, { cause: error });
      throw new InternalError('telegram_unreachable', UNREACHABLE(apiRoot), { cause: error });
    }
    // The menu is the command table's (src/commands.ts), like /help.
    await bot.api.setMyCommands(commandMenu()).catch((error) => logger.warn('setMyCommands failed', { error }));
  }

  async function startWebhook(webhook: NonNullable<TelegramChannelOptions['webhook']>): Promise<void> {
    const path = new URL(webhook.url).pathname;
    const handle = webhookCallback(bot, 'http', { secretToken: webhook.secret, onTimeout: 'return' });
    server = createServer((req, res) => {
      if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://localhost').pathname !== path) {
        res.writeHead(404).end();
        return;
      }
      handle(req, res).catch((error: unknown) => {
        logger.error('webhook update failed', { error });
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(webhook.port, webhook.host ?? '0.0.0.0', () => resolve());
    });
    await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: ['message', 'callback_query'] });
  }

  async function startPolling(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      polling = bot
        .start({
          timeout: options.pollingTimeoutSeconds ?? 30,
          allowed_updates: ['message', 'callback_query'],
          onStart: () => resolve(),
        })
        .catch((error) => {
          logger.error('long polling stopped with an error', { error });
          reject(error);
        });
    });
  }

  return {
    name: 'telegram',
    bot,
    webhookPort() {
      const address = server?.address();
      return address && typeof address === 'object' ? address.port : undefined;
    },
    async idle() {
      await queue.idle();
    },
    async start() {
      await prepare();
      if (options.webhook) await startWebhook(options.webhook);
      else await startPolling();
      logger.info('started', { bot: bot.botInfo.username, mode: options.webhook ? 'webhook' : 'polling' });
    },
    async stop() {
      if (polling) {
        await bot.stop().catch((error) => logger.warn('could not confirm the last update', { error }));
        await polling;
        polling = undefined;
      }
      if (server) {
        await closeHttpServer(server);
        server = undefined;
      }
      // Let the turns under way finish, so no log entry is left half-written.
      await queue.idle();
    },
  };
}

function displayName(user: { first_name: string; last_name?: string; username?: string; id: number }): string {
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ').trim();
  return name || user.username || String(user.id);
}
