/**
 * Starts the real WeCom callback channel against the WeCom stand-in and gives tests a user's
 * view: a person writes (the stand-in encrypts, signs and posts it as WeCom does), and what
 * the app sent through the message API is what the person sees.
 */
import type { Assistant } from '../../src/assistant/types.ts';
import { createWecomChannel, type WecomChannel } from '../../src/channels/wecom/index.ts';
import { CALLBACK_PATH } from '../../src/channels/wecom/index.ts';
import { memoryChannelLogger, type ChannelLogger } from '../../src/channels/kit/index.ts';
import { startWecomStandIn, type WecomStandIn } from '../support/wecom-stand-in.ts';

/** A running WeCom channel with its stand-in. */
export interface WecomRig {
  readonly standIn: WecomStandIn;
  readonly channel: WecomChannel;
  readonly callbackUrl: string;
  readonly logger: ReturnType<typeof memoryChannelLogger>;
  close(): Promise<void>;
}

/** Start the stand-in and the real channel on it. */
export async function startWecomRig(assistant: Assistant, extra: { logger?: ChannelLogger; tokenSeconds?: number } = {}): Promise<WecomRig> {
  const standIn = await startWecomStandIn({ tokenSeconds: extra.tokenSeconds });
  const logger = memoryChannelLogger('wecom');
  const channel = createWecomChannel({
    corpId: standIn.corpId,
    agentId: standIn.agentId,
    secret: standIn.secret,
    token: standIn.token,
    aesKey: standIn.aesKey,
    apiBase: standIn.apiBase,
    port: 0,
    host: '127.0.0.1',
    assistant,
    logger: extra.logger ?? logger,
    backoffMs: [20, 40, 80],
  });
  await channel.start();
  return {
    standIn,
    channel,
    logger,
    callbackUrl: `http://127.0.0.1:${channel.port()}${CALLBACK_PATH}`,
    async close() {
      await channel.stop();
      await standIn.close();
    },
  };
}
