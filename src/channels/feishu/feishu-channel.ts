/**
 * The Feishu (飞书 / Lark) bot channel over the long connection (`WSClient` + event
 * dispatcher, no public address). Feishu sends an event again when it is not acknowledged
 * within 3 s, and the SDK acknowledges when the handler returns: so the handler only queues
 * the turn and returns, and a message id is handled once. Answers are replies to the person's
 * message (in its topic), choices an interactive card whose press is answered with a toast
 * and the card without its buttons.
 */
import { guardAssistant, type Assistant, type Channel, type IncomingFile, type ReplyChoice } from '../../assistant/index.ts';
import { UserError } from '../../errors.ts';
import { createMemoryConversationStore, type ConversationStore } from '../../storage/index.ts';
import { BoundedMap, ChoiceButtons, NumberedChoices, menuCommand, TurnQueue, channelLogger, platformFile, runPushTurn, type ChannelLogger, type Outbox } from '../kit/index.ts';
import { FeishuApi, domainOf, sdkLogger } from './api.ts';
import { BAD_APP_ID, BAD_CREDENTIALS, CHOICE_GONE, PLATFORM, chosen, unreachable } from './messages.ts';
import { choiceCard, renderPieces } from './render.ts';
import { lark, type LarkWsClient } from './sdk.ts';
import { formatThreadId } from './thread-ids.ts';

/** Settings (FEISHU_APP_ID, FEISHU_APP_SECRET, FEISHU_DOMAIN). */
export interface FeishuChannelOptions {
  readonly appId: string;
  readonly appSecret: string;
  /** `feishu` (default), `lark`, or a private deployment's URL. */
  readonly domain?: string;
  readonly assistant: Assistant;
  /** Where numbered choices and card buttons are kept (the data folder's database in `npm start`: they survive a restart). */
  readonly conversations?: ConversationStore;
  readonly logger?: ChannelLogger;
  readonly backoffMs?: readonly number[];
  /** How long to wait for the long connection at start; default 20 s. */
  readonly connectTimeoutMs?: number;
}

/** The running channel, with a way to wait for quiet. */
export interface FeishuChannel extends Channel {
  idle(): Promise<void>;
}

/** The parts of `im.message.receive_v1` the channel reads. */
interface MessageEvent {
  readonly sender: { readonly sender_id?: { readonly open_id?: string }; readonly sender_type?: string };
  readonly message: {
    readonly message_id: string;
    readonly chat_id: string;
    readonly chat_type?: string;
    readonly thread_id?: string;
    readonly create_time?: string;
    readonly message_type: string;
    readonly content: string;
    readonly mentions?: readonly { readonly key: string }[];
  };
}

/** The parts of `card.action.trigger` the channel reads. */
interface CardEvent {
  readonly operator?: { readonly open_id?: string };
  readonly action?: { readonly value?: { readonly lvzhi?: string } };
  readonly event_id?: string;
}

/** The parts of `application.bot.menu_v6` the channel reads. */
interface MenuEvent {
  readonly event_id?: string;
  readonly event_key?: string;
  readonly operator?: { readonly operator_id?: { readonly open_id?: string } };
}

/** Where a card was sent, kept with its buttons until one is pressed (plain JSON: it outlives the process). */
interface CardPlace {
  readonly chatId: string;
  readonly threadId?: string;
  /** The message the answers reply to; absent when the turn began at a menu item. */
  readonly replyTo?: string;
  readonly piece: string;
}

/** Build the Feishu channel (not connected). */
export function createFeishuChannel(options: FeishuChannelOptions): FeishuChannel {
  if (!/^cli_[0-9a-fA-F]{16}$/.test(options.appId)) throw new UserError('channel_settings', BAD_APP_ID);
  const logger = options.logger ?? channelLogger('feishu');
  const assistant = guardAssistant(options.assistant);
  const domain = domainOf(options.domain);
  const api = new FeishuApi({ ...options, domain, logger });
  const queue = new TurnQueue((error) => logger.error('turn failed outside the assistant', { error }));
  const delivered = new BoundedMap<string, true>(20_000, 24 * 60 * 60_000);
  const names = new BoundedMap<string, Promise<string>>(5_000, 60 * 60_000);
  // Each person's one-to-one chat with the bot, so a menu item's answer joins that conversation.
  const p2pChats = new BoundedMap<string, string>(20_000, 30 * 24 * 60 * 60_000);
  const conversations = options.conversations ?? createMemoryConversationStore();
  const numbered = new NumberedChoices(conversations, 'feishu');
  const buttons = new ChoiceButtons<CardPlace>(conversations, 'feishu');
  let ws: LarkWsClient | undefined;

  // Without the contact permission every lookup fails: after the first refusal, names are open_ids.
  let contactsReadable = true;
  const nameOf = (openId: string): Promise<string> => {
    if (!contactsReadable) return Promise.resolve(openId);
    let name = names.get(openId);
    if (!name) {
      name = api.userName(openId).catch((error: unknown) => {
        if ((error as { code?: number }).code === 41050) contactsReadable = false;
        return openId;
      });
      names.set(openId, name);
    }
    return name;
  };

  function turn(openId: string, chatId: string, threadId: string | undefined, replyTo: string | undefined, text: string, files: IncomingFile[], sentAt?: Date): void {
    const thread = formatThreadId(chatId, threadId);
    const inThread = threadId !== undefined;
    const send = async (msgType: string, content: object) =>
      void (await (replyTo ? api.reply(replyTo, msgType, content, inThread) : api.sendToUser(openId, msgType, content)));
    const outbox: Outbox = {
      text: (piece) => send('text', { text: piece }),
      async buttons(piece, choices) {
        const keys = await buttons.offer(choices, { chatId, ...(threadId ? { threadId } : {}), ...(replyTo ? { replyTo } : {}), piece });
        const keyed = choices.map((choice, index) => ({ choice, key: keys[index] }));
        await send('interactive', choiceCard(piece, keyed));
      },
      async file(file) {
        const kind = file.kind === 'image' ? 'image' : 'file';
        const key = await api.upload(kind, file.name, file.data);
        await send(kind, kind === 'image' ? { image_key: key } : { file_key: key });
        if (file.caption) await send('text', { text: file.caption });
      },
    };
    queue.push(thread, async () =>
      runPushTurn({
        assistant,
        outbox,
        render: renderPieces,
        choices: numbered,
        logger,
        incoming: {
          platform: 'feishu',
          userId: openId,
          userName: await nameOf(openId),
          chatId,
          threadId: thread,
          // The person's one-to-one chat with the bot (a menu push is answered there too).
          direct: chatId === openId || p2pChats.get(openId) === chatId,
          text: await numbered.resolve(thread, text),
          ...(sentAt ? { sentAt } : {}),
          ...(files.length > 0 ? { files } : {}),
        },
      }),
    );
  }

  function onMessage(event: MessageEvent): void {
    const { message, sender } = event;
    const openId = sender.sender_id?.open_id;
    // Its own messages and other bots' are not for it; a redelivered event is answered once.
    if (sender.sender_type !== 'user' || !openId || !delivered.firstSight(message.message_id, true)) return;
    if (message.chat_type === 'p2p') p2pChats.set(openId, message.chat_id);
    let content: { text?: string; file_key?: string; file_name?: string };
    try {
      content = JSON.parse(message.content) as typeof content;
    } catch {
      return;
    }
    let text = content.text ?? '';
    for (const mention of message.mentions ?? []) text = text.split(mention.key).join(' ');
    const files: IncomingFile[] = [];
    if (message.message_type === 'file' && content.file_key) {
      const name = content.file_name ?? content.file_key;
      files.push(platformFile(name, { platform: PLATFORM, code: 'channel_file_download' }, (toPath, maxBytes) => api.download(message.message_id, content.file_key!, name, toPath, maxBytes)));
    } else if (message.message_type !== 'text') return;
    const sentAt = message.create_time ? new Date(Number(message.create_time)) : undefined;
    turn(openId, message.chat_id, message.thread_id, message.message_id, text.replace(/\s+/g, ' ').trim(), files, sentAt);
  }

  /**
   * A menu item of the "推送事件" kind (set in the console with a command's name as its key): the
   * command, answered in the person's one-to-one chat with the bot (its id, once they have written there).
   */
  function onMenu(event: MenuEvent): void {
    const openId = event.operator?.operator_id?.open_id;
    const command = menuCommand(event.event_key ?? '');
    if (!openId || !command || (event.event_id && !delivered.firstSight(event.event_id, true))) return;
    turn(openId, p2pChats.get(openId) ?? openId, undefined, undefined, command, []);
  }

  /** A press: answered at once (toast, the card without buttons); the chosen turn runs after. */
  async function onPress(event: CardEvent): Promise<Record<string, unknown>> {
    const gone = { toast: { type: 'warning', content: CHOICE_GONE } };
    const presser = event.operator?.open_id;
    if (!presser || (event.event_id && !delivered.firstSight(event.event_id, true))) return gone;
    // One press per card: every button of it goes.
    const pressed = await buttons.press(event.action?.value?.lvzhi ?? '');
    if (!pressed) return gone;
    const place = pressed.extra;
    turn(presser, place.chatId, place.threadId, place.replyTo, pressed.send, []);
    return { toast: { type: 'success', content: chosen(pressed.label) }, card: { type: 'raw', data: choiceCard(place.piece, [], chosen(pressed.label)) } };
  }

  return {
    name: 'feishu',
    idle: () => queue.idle(),
    async start() {
      const dispatcher = new lark.EventDispatcher({ loggerLevel: lark.LoggerLevel.warn, logger: sdkLogger(logger) }).register({
        'im.message.receive_v1': async (data: unknown) => onMessage(data as MessageEvent),
        'card.action.trigger': async (data: unknown) => onPress(data as CardEvent),
        'application.bot.menu_v6': async (data: unknown) => onMenu(data as MenuEvent),
      });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new UserError('channel_unreachable', unreachable(String(domain)))), options.connectTimeoutMs ?? 20_000);
        ws = new lark.WSClient({
          appId: options.appId,
          appSecret: options.appSecret,
          domain,
          loggerLevel: lark.LoggerLevel.warn,
          logger: sdkLogger(logger),
          onReady: () => {
            clearTimeout(timer);
            resolve();
          },
          onError: (error: Error) => {
            clearTimeout(timer);
            reject(new UserError(/code=(514|403)/.test(error.message) ? 'channel_credentials' : 'channel_unreachable', /code=(514|403)/.test(error.message) ? BAD_CREDENTIALS : unreachable(String(domain)), { cause: error }));
          },
        });
        void ws.start({ eventDispatcher: dispatcher });
      }).catch((error: unknown) => {
        ws?.close({ force: true });
        ws = undefined;
        throw error;
      });
      logger.info('started');
    },
    async stop() {
      ws?.close({ force: true });
      ws = undefined;
      await queue.idle();
    },
  };
}
