/**
 * Starts the real Telegram channel (grammY) against the Bot API stand-in, for the Telegram
 * tests and the shared channel suite.
 */
import type { Assistant } from '../../src/assistant/types.ts';
import { memoryChannelLogger } from '../../src/channels/kit/index.ts';
import { createTelegramChannel, type TelegramChannel, type TelegramChannelOptions } from '../../src/channels/telegram/index.ts';
import type { ChannelHarness, ShownMessage } from './channel-suite.ts';
import { makeUser, privateChat, startTelegramStandIn, type TelegramStandIn } from '../support/telegram-stand-in.ts';

/** The channel's log kept in memory (the one JSON-lines format), so tests stay quiet and can look at it. */
export function memoryLogger(): ReturnType<typeof memoryChannelLogger> {
  return memoryChannelLogger('telegram');
}

/** A stand-in plus a running channel around `assistant`. */
export async function startTelegram(
  assistant: Assistant,
  extra: Partial<TelegramChannelOptions> = {},
): Promise<{ standIn: TelegramStandIn; channel: TelegramChannel; logger: ReturnType<typeof memoryLogger>; stop(): Promise<void> }> {
  const standIn = await startTelegramStandIn();
  const logger = memoryLogger();
  const channel = createTelegramChannel({
    token: standIn.token,
    apiRoot: standIn.apiRoot,
    assistant,
    logger,
    pollingTimeoutSeconds: 2,
    ...extra,
  });
  await channel.start();
  return {
    standIn,
    channel,
    logger,
    async stop() {
      await channel.stop();
      await standIn.close();
    },
  };
}

/** The shared suite's harness: each conversation label is a different user's private chat. */
export function makeTelegramHarness(): ChannelHarness {
  let running: Awaited<ReturnType<typeof startTelegram>> | undefined;
  const chats = new Map<string, number>();
  const chatOf = (conversation: string) => {
    if (!chats.has(conversation)) chats.set(conversation, 7000 + chats.size);
    return chats.get(conversation)!;
  };
  return {
    platform: 'telegram',
    async start(assistant: Assistant) {
      running = await startTelegram(assistant);
    },
    async userSays(text: string, conversation: string) {
      const id = chatOf(conversation);
      const user = makeUser(id, `用户${conversation}`);
      running!.standIn.say(privateChat(user), user, text);
    },
    async botSays(text: string, conversation: string) {
      const id = chatOf(conversation);
      const standIn = running!.standIn;
      standIn.say(privateChat(makeUser(id, `用户${conversation}`)), standIn.bot, text);
    },
    shown(): ShownMessage[] {
      const label = new Map([...chats].map(([name, id]) => [id, name]));
      return running!.standIn.sent.map((m) => ({ conversation: label.get(m.chatId) ?? '?', text: m.text }));
    },
    async stop() {
      await running?.stop();
    },
  };
}
