/**
 * The WeCom (企业微信 / 政务微信) self-built app channel: WeCom posts encrypted messages to
 * `/wecom/callback` on PORT; answers go out through the message API (text split at 2,048 bytes,
 * choices as a template card with buttons in a person's chat and numbered in group chats,
 * drafts and charts as uploaded files). Each message is handled once, however often delivered.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { guardAssistant, type Assistant, type Channel, type IncomingFile, type ReplyChoice } from '../../assistant/index.ts';
import { UserError } from '../../errors.ts';
import { createMemoryConversationStore, type ConversationStore } from '../../storage/index.ts';
import { BoundedMap, ChoiceButtons, NumberedChoices, TurnQueue, channelLogger, closeHttpServer, platformFile, runPushTurn, type ChannelLogger, type Outbox } from '../kit/index.ts';
import { WecomApi, WecomApiError, type WecomTarget } from './api.ts';
import { CallbackCrypto, aesKeyOf } from './callback-crypto.ts';
import type { CallbackMessage } from './callback-xml.ts';
import { callbackServer } from './callback-server.ts';
import { BAD_AES_KEY, BAD_SECRET, CHOICE_GONE, CHOOSE, PLATFORM, portInUse, unreachable } from './messages.ts';
import { renderPieces } from './render.ts';
import { commandMenuButtons, commandOfMenuKey } from './menu.ts';
import { formatThreadId } from './thread-ids.ts';

/** Settings of the callback channel (WECOM_CORP_ID, WECOM_AGENT_ID, WECOM_SECRET, WECOM_TOKEN, WECOM_AES_KEY, WECOM_API_BASE, PORT). */
export interface WecomChannelOptions {
  readonly corpId: string;
  readonly agentId: number;
  readonly secret: string;
  readonly token: string;
  readonly aesKey: string;
  readonly apiBase?: string;
  /** Callback port (0 picks a free one); default 8080. */
  readonly port?: number;
  readonly host?: string;
  readonly assistant: Assistant;
  /** Where numbered choices and card buttons are kept (the data folder's database in `npm start`: they survive a restart). */
  readonly conversations?: ConversationStore;
  readonly logger?: ChannelLogger;
  /** Pauses between retries of a rate-limited API call. */
  readonly backoffMs?: readonly number[];
}

/** The running channel, with its port and a way to wait for quiet. */
export interface WecomChannel extends Channel {
  port(): number | undefined;
  idle(): Promise<void>;
}

/** Cards hold at most six buttons. */
const MAX_BUTTONS = 6;

/** Build the WeCom callback channel (not started). */
export function createWecomChannel(options: WecomChannelOptions): WecomChannel {
  try {
    aesKeyOf(options.aesKey);
  } catch (error) {
    throw new UserError('channel_settings', BAD_AES_KEY, { cause: error });
  }
  const logger = options.logger ?? channelLogger('wecom');
  const assistant = guardAssistant(options.assistant);
  const api = new WecomApi({ ...options, backoffMs: options.backoffMs });
  const crypto = new CallbackCrypto(options.token, options.aesKey, options.corpId);
  const queue = new TurnQueue((error) => logger.error('turn failed outside the assistant', { error }));
  const delivered = new BoundedMap<string, true>(20_000, 24 * 60 * 60_000);
  const names = new BoundedMap<string, Promise<string>>(5_000, 60 * 60_000);
  const conversations = options.conversations ?? createMemoryConversationStore();
  const numbered = new NumberedChoices(conversations, 'wecom-app');
  const buttons = new ChoiceButtons<{ user: string }>(conversations, 'wecom-app');
  let server: Server | undefined;
  let nextCard = 1;

  const nameOf = (userId: string): Promise<string> => {
    let name = names.get(userId);
    if (!name) {
      name = api.userName(userId).catch((error: unknown) => {
        logger.warn('user/get failed', { userId, error });
        names.delete(userId);
        return userId;
      });
      names.set(userId, name);
    }
    return name;
  };

  const outbox = (target: WecomTarget): Outbox => ({
    text: (piece) => api.send(target, 'text', { content: piece }),
    // Group chats of an app take no cards: there the choices are numbered.
    ...('user' in target ? { buttons: (piece: string, choices: readonly ReplyChoice[]) => sendCard(target, piece, choices) } : {}),
    async file(file) {
      const kind = file.kind === 'image' ? 'image' : 'file';
      await api.send(target, kind, { media_id: await api.upload(kind, file.name, file.data) });
      if (file.caption) await api.send(target, 'text', { content: file.caption });
    },
  });

  async function sendCard(target: { user: string }, piece: string, choices: readonly ReplyChoice[]): Promise<void> {
    await api.send(target, 'text', { content: piece });
    const shown = choices.slice(0, MAX_BUTTONS);
    const keys = await buttons.offer(shown, { user: target.user });
    const list = shown.map((choice, index) => ({ text: choice.label.slice(0, 10), style: index === 0 ? 1 : 2, key: keys[index] }));
    const taskId = `lvzhi-${Date.now()}-${nextCard++}`;
    await api.send(target, 'template_card', { card_type: 'button_interaction', main_title: { title: CHOOSE }, task_id: taskId, button_list: list });
  }

  const fileOf = (mediaId: string, name: string): IncomingFile =>
    platformFile(name, { platform: PLATFORM, code: 'channel_file_download' }, (toPath, maxBytes) => api.download(mediaId, name, toPath, maxBytes));

  function handle(message: CallbackMessage): void {
    // WeCom delivers again what it thinks was not received: one message, one answer.
    if (message.kind === 'other' || !delivered.firstSight(message.id, true)) return;
    // A button press is answered in the person's chat, where its card was.
    const target: WecomTarget = (message.kind === 'text' || message.kind === 'file') && message.chat ? { chat: message.chat } : { user: message.from };
    const conversation = 'chat' in target ? target.chat : target.user;
    const threadId = formatThreadId(conversation);
    const files = message.kind === 'file' ? [fileOf(message.mediaId, message.name)] : [];
    queue.push(conversation, async () => {
      let text: string;
      if (message.kind === 'click') {
        const pressed = await buttons.press(message.key, (card) => card.user === message.from);
        if (!pressed) return void (await api.send(target, 'text', { content: CHOICE_GONE }));
        text = pressed.send;
      } else if (message.kind === 'menu') {
        // A menu item sends its command, as a tap in Telegram's command menu does.
        const command = commandOfMenuKey(message.key);
        if (!command) return;
        text = command;
      } else {
        text = await numbered.resolve(threadId, message.kind === 'text' ? message.text.trim() : '');
      }
      await runPushTurn({
        assistant,
        outbox: outbox(target),
        render: renderPieces,
        choices: numbered,
        logger,
        incoming: {
          platform: 'wecom',
          userId: message.from,
          userName: await nameOf(message.from),
          chatId: conversation,
          threadId,
          // An app chat is one to one unless the message came from a group chat (应用群聊).
          direct: !('chat' in target),
          text,
          sentAt: message.sentAt,
          ...(files.length > 0 ? { files } : {}),
        },
      });
    });
  }

  return {
    name: 'wecom',
    port() {
      const address = server?.address();
      return address && typeof address === 'object' ? (address as AddressInfo).port : undefined;
    },
    idle: () => queue.idle(),
    async start() {
      try {
        await api.check();
      } catch (error) {
        if (error instanceof WecomApiError) throw new UserError('channel_credentials', BAD_SECRET, { cause: error });
        throw new UserError('channel_unreachable', unreachable(api.base), { cause: error });
      }
      // The menu comes from the command table; an app not allowed to set one still works without it.
      await api.createMenu(commandMenuButtons()).catch((error: unknown) => logger.warn('menu/create failed: the app has no command menu', { error }));
      const listening = callbackServer(crypto, logger, handle);
      const port = options.port ?? 8080;
      await new Promise<void>((resolve, reject) => {
        listening.once('error', (error: NodeJS.ErrnoException) =>
          reject(error.code === 'EADDRINUSE' ? new UserError('channel_port', portInUse(port), { cause: error }) : error),
        );
        listening.listen(port, options.host ?? '0.0.0.0', () => resolve());
      });
      server = listening;
      logger.info('started', { port: this.port() });
    },
    async stop() {
      if (server) {
        await closeHttpServer(server);
        server = undefined;
      }
      // Let turns already accepted finish, so no log entry is left half-written.
      await queue.idle();
    },
  };
}
