/**
 * Starts the real Feishu channel (@larksuiteoapi/node-sdk's WSClient) against the Feishu
 * stand-in: people's messages arrive as protobuf event frames on the long connection, and the
 * replies the bot made through the open API are what they see.
 */
import type { Assistant } from '../../src/assistant/types.ts';
import { memoryChannelLogger, type ChannelLogger } from '../../src/channels/kit/index.ts';
import { createFeishuChannel, type FeishuChannel } from '../../src/channels/feishu/index.ts';
import { startFeishuStandIn, type FeishuStandIn } from '../support/feishu-stand-in.ts';

/** A running Feishu channel with its stand-in. */
export interface FeishuRig {
  readonly standIn: FeishuStandIn;
  readonly channel: FeishuChannel;
  readonly logger: ReturnType<typeof memoryChannelLogger>;
  close(): Promise<void>;
}

/** Start the stand-in and the real channel on it. */
export async function startFeishuRig(assistant: Assistant, extra: { logger?: ChannelLogger; resendAfterMs?: number } = {}): Promise<FeishuRig> {
  const standIn = await startFeishuStandIn({ resendAfterMs: extra.resendAfterMs });
  const logger = memoryChannelLogger('feishu');
  const channel = createFeishuChannel({
    appId: standIn.appId,
    appSecret: standIn.appSecret,
    domain: standIn.domain,
    assistant,
    logger: extra.logger ?? logger,
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
