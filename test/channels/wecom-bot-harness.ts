/**
 * Starts the real WeCom AI bot channel (@wecom/aibot-node-sdk) against the AI bot stand-in:
 * people's messages are pushed down the long connection; what the bot streamed, pushed or
 * uploaded is what they see.
 */
import type { Assistant } from '../../src/assistant/types.ts';
import { memoryChannelLogger, type ChannelLogger } from '../../src/channels/kit/index.ts';
import { createWecomBotChannel, type WecomBotChannel } from '../../src/channels/wecom/index.ts';
import { startWecomBotStandIn, type WecomBotStandIn } from '../support/wecom-bot-stand-in.ts';

/** A running AI bot channel with its stand-in. */
export interface WecomBotRig {
  readonly standIn: WecomBotStandIn;
  readonly channel: WecomBotChannel;
  readonly logger: ReturnType<typeof memoryChannelLogger>;
  close(): Promise<void>;
}

/** Start the stand-in and the real channel on it. */
export async function startWecomBotRig(assistant: Assistant, extra: { logger?: ChannelLogger; streamIntervalMs?: number } = {}): Promise<WecomBotRig> {
  const standIn = await startWecomBotStandIn();
  const logger = memoryChannelLogger('wecom');
  const channel = createWecomBotChannel({
    botId: standIn.botId,
    secret: standIn.secret,
    wsUrl: standIn.wsUrl,
    assistant,
    logger: extra.logger ?? logger,
    streamIntervalMs: extra.streamIntervalMs ?? 50,
    backoffMs: [20, 40, 80],
    connectTimeoutMs: 10_000,
  });
  await channel.start();
  return {
    standIn,
    channel,
    logger,
    async close() {
      await channel.stop();
      await standIn.close();
    },
  };
}
