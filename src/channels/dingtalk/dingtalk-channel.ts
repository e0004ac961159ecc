/**
 * The DingTalk (钉钉) robot channel in Stream mode (`dingtalk-stream`, no public address): a
 * robot message arrives on the long connection, is acknowledged at once (DingTalk sends an
 * unacknowledged one again) and answered once per msgId — through the session webhook it
 * carries, or the robot API when that has expired; files go through media upload and the
 * robot API. Choices are an ActionCard in one-to-one chats and numbered in groups.
 */
import { extname } from 'node:path';
import type { DWClientDownStream } from 'dingtalk-stream';
import { guardAssistant, type Assistant, type Channel, type IncomingFile } from '../../assistant/index.ts';
import { UserError } from '../../errors.ts';
import { createMemoryConversationStore, type ConversationStore } from '../../storage/index.ts';
import { BoundedMap, NumberedChoices, TurnQueue, channelLogger, platformFile, runPushTurn, type ChannelLogger, type Outbox } from '../kit/index.ts';
import { DingtalkApi, DingtalkApiError, type DingtalkTarget } from './api.ts';
import { BAD_CREDENTIALS, PLATFORM, unreachable } from './messages.ts';
import { choiceCard, renderPieces } from './render.ts';
import { ROBOT_TOPIC, StreamClient } from './stream-client.ts';
import { formatThreadId } from './thread-ids.ts';

/** Settings (DINGTALK_CLIENT_ID, DINGTALK_CLIENT_SECRET, DINGTALK_API_BASE, DINGTALK_OAPI_BASE). */
export interface DingtalkChannelOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly apiBase?: string;
  readonly oapiBase?: string;
  readonly assistant: Assistant;
  /** Where numbered choices are kept (the data folder's database in `npm start`: they survive a restart). */
  readonly conversations?: ConversationStore;
  readonly logger?: ChannelLogger;
  readonly backoffMs?: readonly number[];
}

/** The running channel, with a way to wait for quiet. */
export interface DingtalkChannel extends Channel {
  idle(): Promise<void>;
}

/** The fields of a robot message the channel reads. */
interface RobotMessage {
  readonly msgId: string;
  readonly conversationId: string;
  readonly conversationType: string;
  readonly senderStaffId?: string;
  readonly senderId: string;
  readonly senderNick?: string;
  readonly sessionWebhook?: string;
  readonly sessionWebhookExpiredTime?: number;
  readonly createAt?: number;
  readonly msgtype: string;
  readonly text?: { readonly content?: string };
  readonly content?: { readonly downloadCode?: string; readonly fileName?: string };
}

/** Build the DingTalk channel (not connected). */
export function createDingtalkChannel(options: DingtalkChannelOptions): DingtalkChannel {
  const logger = options.logger ?? channelLogger('dingtalk');
  const assistant = guardAssistant(options.assistant);
  const api = new DingtalkApi(options);
  const queue = new TurnQueue((error) => logger.error('turn failed outside the assistant', { error }));
  const delivered = new BoundedMap<string, true>(20_000, 24 * 60 * 60_000);
  const numbered = new NumberedChoices(options.conversations ?? createMemoryConversationStore(), 'dingtalk');
  let client: StreamClient | undefined;

  function outbox(message: RobotMessage, target: DingtalkTarget, threadId: string): Outbox {
    // The session webhook answers in place; past its expiry the robot API reaches the same chat.
    const session = () => (message.sessionWebhook && (message.sessionWebhookExpiredTime ?? Infinity) > Date.now() + 5_000 ? message.sessionWebhook : undefined);
    const text = async (piece: string) => {
      const webhook = session();
      if (webhook) await api.sendBySession(webhook, 'text', { content: piece });
      else await api.robotSend(target, 'sampleText', { content: piece });
    };
    return {
      text,
      // Buttons that send a reply work where every message reaches the robot: one-to-one chats.
      ...('staffId' in target
        ? {
          async buttons(piece, choices) {
            const webhook = session();
            if (webhook) await api.sendBySession(webhook, 'actionCard', choiceCard(piece, choices));
            else await text(`${piece}\n\n${await numbered.offer(threadId, choices)}`);
          },
        } satisfies Partial<Outbox>
        : {}),
      async file(file) {
        const kind = file.kind === 'image' ? 'image' : 'file';
        const mediaId = await api.upload(kind, file.name, file.data);
        if (kind === 'image') await api.robotSend(target, 'sampleImageMsg', { photoURL: mediaId });
        else await api.robotSend(target, 'sampleFile', { mediaId, fileName: file.name, fileType: extname(file.name).slice(1) || 'file' });
        if (file.caption) await text(file.caption);
      },
    };
  }

  const fileOf = (downloadCode: string, name: string): IncomingFile =>
    platformFile(name, { platform: PLATFORM, code: 'channel_file_download' }, (toPath, maxBytes) => api.download(downloadCode, name, toPath, maxBytes));

  function onRobotMessage(frame: DWClientDownStream): void {
    // Acknowledge first: DingTalk sends an unacknowledged message again.
    client?.socketCallBackResponse(frame.headers.messageId, { status: 'SUCCESS' });
    let message: RobotMessage;
    try {
      message = JSON.parse(frame.data) as RobotMessage;
    } catch (error) {
      logger.warn('unreadable robot message', { messageId: frame.headers.messageId, error });
      return;
    }
    if (!delivered.firstSight(message.msgId ?? frame.headers.messageId, true)) return;
    const file = message.msgtype === 'file' && message.content?.downloadCode ? fileOf(message.content.downloadCode, message.content.fileName ?? 'file') : undefined;
    if (message.msgtype !== 'text' && !file) return;
    const userId = message.senderStaffId || message.senderId;
    const group = message.conversationType === '2';
    const target: DingtalkTarget = group ? { conversationId: message.conversationId } : { staffId: userId };
    const threadId = formatThreadId(message.conversationId);
    queue.push(message.conversationId, async () =>
      runPushTurn({
        assistant,
        outbox: outbox(message, target, threadId),
        render: renderPieces,
        choices: numbered,
        logger,
        incoming: {
          platform: 'dingtalk',
          userId,
          userName: message.senderNick || userId,
          chatId: message.conversationId,
          threadId,
          direct: message.conversationType === '1',
          text: await numbered.resolve(threadId, (message.text?.content ?? '').trim()),
          ...(message.createAt ? { sentAt: new Date(message.createAt) } : {}),
          ...(file ? { files: [file] } : {}),
        },
      }),
    );
  }

  return {
    name: 'dingtalk',
    idle: () => queue.idle(),
    async start() {
      try {
        await api.check();
      } catch (error) {
        if (error instanceof DingtalkApiError) throw new UserError('channel_credentials', BAD_CREDENTIALS, { cause: error });
        throw new UserError('channel_unreachable', unreachable(api.apiBase), { cause: error });
      }
      const stream = new StreamClient({ clientId: options.clientId, clientSecret: options.clientSecret }, api.apiBase);
      stream.registerCallbackListener(ROBOT_TOPIC, onRobotMessage);
      await stream.connect();
      if (!stream.connected) {
        stream.disconnect();
        throw new UserError('channel_unreachable', unreachable(api.apiBase));
      }
      client = stream;
      logger.info('started');
    },
    async stop() {
      client?.disconnect();
      client = undefined;
      await queue.idle();
    },
  };
}
