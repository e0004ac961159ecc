/**
 * The WeCom AI bot (智能机器人) channel over its long connection (`@wecom/aibot-node-sdk`, no
 * public address): the answer streams into one message (progress first, then the text as it
 * is written), further pieces and files are pushed to the chat, choices come as a card with
 * buttons. Each msgid is handled once.
 */
import { WSClient, type WsFrame } from '@wecom/aibot-node-sdk';
import { guardAssistant, type Assistant, type Channel, type IncomingFile, type ReplyChoice } from '../../assistant/index.ts';
import { UserError } from '../../errors.ts';
import { createMemoryConversationStore, type ConversationStore } from '../../storage/index.ts';
import { BoundedMap, ChoiceButtons, NumberedChoices, RateLimited, TurnQueue, channelLogger, utf8Bytes, splitText, withBackoff, runPushTurn, type ChannelLogger, type Outbox } from '../kit/index.ts';
import { openBotFile } from './bot-file.ts';
import { BOT_AUTH_FAILED, BOT_UNREACHABLE, CHOICE_GONE, CHOOSE } from './messages.ts';
import { toWecomText } from './render.ts';
import { formatThreadId } from './thread-ids.ts';

/** Settings (WECOM_BOT_ID, WECOM_BOT_SECRET, WECOM_BOT_WS_URL). */
export interface WecomBotChannelOptions {
  readonly botId: string;
  readonly secret: string;
  /** The long connection's address; default the SDK's (the public WeCom). */
  readonly wsUrl?: string;
  readonly assistant: Assistant;
  /** Where numbered choices and card buttons are kept (the data folder's database in `npm start`: they survive a restart). */
  readonly conversations?: ConversationStore;
  readonly logger?: ChannelLogger;
  /** Least time between two updates of a streamed answer; default 1000 ms. */
  readonly streamIntervalMs?: number;
  readonly backoffMs?: readonly number[];
  readonly connectTimeoutMs?: number;
}

/** The running channel. */
export interface WecomBotChannel extends Channel {
  idle(): Promise<void>;
}

/** A stream or a pushed message holds at most 20,480 bytes; a little is kept in hand. */
const BOT_TEXT_BYTES = 20_000;

/** The fields of a message frame's body the channel reads. */
interface BotMessage {
  readonly msgid: string;
  readonly chatid?: string;
  readonly chattype?: string;
  readonly from: { readonly userid: string };
  readonly create_time?: number;
  readonly msgtype: string;
  readonly text?: { readonly content?: string };
  readonly file?: { readonly url: string; readonly aeskey?: string };
  readonly event?: { readonly eventtype?: string; readonly event_key?: string; readonly template_card_event?: { readonly event_key?: string } };
}

/** Build the AI bot channel (not connected). */
export function createWecomBotChannel(options: WecomBotChannelOptions): WecomBotChannel {
  const logger = options.logger ?? channelLogger('wecom');
  const assistant = guardAssistant(options.assistant);
  const queue = new TurnQueue((error) => logger.error('turn failed outside the assistant', { error }));
  const delivered = new BoundedMap<string, true>(20_000, 24 * 60 * 60_000);
  const conversations = options.conversations ?? createMemoryConversationStore();
  const numbered = new NumberedChoices(conversations, 'wecom-bot');
  const buttons = new ChoiceButtons<null>(conversations, 'wecom-bot');
  const interval = options.streamIntervalMs ?? 1000;
  let client: WSClient | undefined;
  let next = 1;

  /** A refusal frame ({errcode}) → a retry for "too frequent", an error otherwise. */
  const sent = (what: string, call: () => Promise<unknown>) =>
    withBackoff(() => call().catch((refusal: unknown) => {
      const code = (refusal as { errcode?: number }).errcode;
      if (code === 45009 || code === -1) throw new RateLimited(what);
      throw refusal instanceof Error ? refusal : new Error(`${what}: ${JSON.stringify(refusal)}`);
    }), options.backoffMs);

  function outbox(bot: WSClient, frame: WsFrame | undefined, chatid: string): Outbox {
    const streamId = `lvzhi-${Date.now()}-${next++}`;
    let open = frame !== undefined; // a message's req_id can carry one streamed answer
    let lastShown = 0;
    const push = async (piece: string) => void (await sent('aibot_send_msg', () => bot.sendMessage(chatid, { msgtype: 'markdown', markdown: { content: piece } })));
    const text = async (piece: string) => {
      if (!open) return push(piece);
      open = false;
      await sent('aibot_respond_msg', () => bot.replyStream(frame!, streamId, piece, true));
    };
    return {
      text,
      async status(progress) {
        if (open) await sent('aibot_respond_msg', () => bot.replyStream(frame!, streamId, progress, false));
        else await push(progress);
      },
      async partial(textSoFar) {
        // The SDK skips an update while the previous one awaits its receipt; this keeps to the interval too.
        if (!open || Date.now() - lastShown < interval) return;
        lastShown = Date.now();
        await bot.replyStreamNonBlocking(frame!, streamId, toWecomText(textSoFar), false).catch((error: unknown) => logger.warn('stream update failed', { error }));
      },
      async buttons(piece, choices: readonly ReplyChoice[]) {
        await text(piece);
        const task = `lvzhi${Date.now()}${next++}`;
        const shown = choices.slice(0, 6);
        const keys = await buttons.offer(shown, null);
        const list = shown.map((choice, index) => ({ text: choice.label.slice(0, 10), style: index === 0 ? 1 : 2, key: keys[index] }));
        await sent('aibot_send_msg', () => bot.sendMessage(chatid, { msgtype: 'template_card', template_card: { card_type: 'button_interaction', main_title: { title: CHOOSE }, task_id: task, button_list: list } } as never));
      },
      async file(file) {
        const type = file.kind === 'image' ? 'image' : 'file';
        const uploaded = await bot.uploadMedia(Buffer.from(file.data), { type, filename: file.name });
        await sent('aibot_send_msg', () => bot.sendMediaMessage(chatid, type, uploaded.media_id));
        if (file.caption) await push(file.caption);
      },
    };
  }

  function onFrame(bot: WSClient, frame: WsFrame, message: BotMessage): void {
    if (!delivered.firstSight(message.msgid, true)) return;
    const user = message.from.userid;
    const conversation = message.chattype === 'group' && message.chatid ? message.chatid : user;
    const threadId = formatThreadId(conversation);
    const pressedKey = message.msgtype === 'event' ? message.event?.event_key ?? message.event?.template_card_event?.event_key ?? '' : undefined;
    if (pressedKey === undefined && message.msgtype !== 'text' && message.msgtype !== 'file') return;
    queue.push(conversation, async () => {
      let text = message.text?.content ?? '';
      let replyFrame: WsFrame | undefined = frame;
      if (pressedKey !== undefined) {
        const pressed = await buttons.press(pressedKey);
        if (!pressed) return void (await sent('aibot_send_msg', () => bot.sendMessage(conversation, { msgtype: 'markdown', markdown: { content: CHOICE_GONE } })));
        text = pressed.send;
        replyFrame = undefined; // an event's req_id takes no streamed answer: the turn pushes its messages
      }
      // In a group the bot is @-mentioned by name: the mention is not part of what was said.
      if (message.chattype === 'group') text = text.replace(/^\s*@\S+\s*/, '');
      const files: IncomingFile[] = message.file ? [await openBotFile(message.file.url, message.file.aeskey, `${message.msgid}.bin`)] : [];
      await runPushTurn({
        assistant,
        outbox: outbox(bot, replyFrame, conversation),
        render: (reply) => splitText(toWecomText(reply), BOT_TEXT_BYTES, utf8Bytes),
        choices: numbered,
        logger,
        incoming: {
          platform: 'wecom',
          userId: user,
          userName: user,
          chatId: conversation,
          threadId,
          direct: message.chattype === 'single',
          text: await numbered.resolve(threadId, text.trim()),
          ...(message.create_time ? { sentAt: new Date(message.create_time * 1000) } : {}),
          ...(files.length > 0 ? { files } : {}),
        },
      });
    });
  }

  return {
    name: 'wecom-bot',
    idle: () => queue.idle(),
    async start() {
      const bot = new WSClient({
        botId: options.botId,
        secret: options.secret,
        ...(options.wsUrl ? { wsUrl: options.wsUrl } : {}),
        maxReconnectAttempts: -1,
        maxAuthFailureAttempts: 0,
        logger: { debug: () => undefined, info: () => undefined, warn: (m: string) => logger.warn(`sdk: ${m}`), error: (m: string) => logger.warn(`sdk: ${m}`) },
      });
      bot.on('message', (frame) => onFrame(bot, frame as WsFrame, frame.body as unknown as BotMessage));
      bot.on('event.template_card_event', (frame) => onFrame(bot, frame as WsFrame, frame.body as unknown as BotMessage));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new UserError('channel_unreachable', BOT_UNREACHABLE)), options.connectTimeoutMs ?? 20_000);
        const failed = (error: Error) => {
          clearTimeout(timer);
          const auth = /Authentication failed|auth failure/i.test(error.message);
          reject(new UserError(auth ? 'channel_credentials' : 'channel_unreachable', auth ? BOT_AUTH_FAILED : BOT_UNREACHABLE, { cause: error }));
        };
        bot.once('authenticated', () => {
          clearTimeout(timer);
          bot.off('error', failed);
          // Later errors (a dropped connection) are the SDK's to recover from; they are logged.
          bot.on('error', (error) => logger.warn('long connection error', { error }));
          resolve();
        });
        bot.once('error', failed);
        bot.connect();
      }).catch((error: unknown) => {
        bot.disconnect();
        throw error;
      });
      client = bot;
      logger.info('started', { mode: 'ai-bot' });
    },
    async stop() {
      await queue.idle();
      client?.disconnect();
      client = undefined;
    },
  };
}
