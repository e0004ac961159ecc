/**
 * Starts the real DingTalk channel (dingtalk-stream) against the DingTalk stand-in: people's
 * messages go down the Stream connection as robot callbacks, and what the robot sent through
 * the session webhook or the robot API is what they see.
 */
import type { Assistant } from '../../src/assistant/types.ts';
import { memoryChannelLogger, type ChannelLogger } from '../../src/channels/kit/index.ts';
import { createDingtalkChannel, type DingtalkChannel } from '../../src/channels/dingtalk/index.ts';
import { startDingtalkStandIn, type DingtalkStandIn } from '../support/dingtalk-stand-in.ts';

/** A running DingTalk channel with its stand-in. */
export interface DingtalkRig {
  readonly standIn: DingtalkStandIn;
  readonly channel: DingtalkChannel;
  readonly logger: ReturnType<typeof memoryChannelLogger>;
  close(): Promise<void>;
}

/** Start the stand-in and the real channel on it. */
export async function startDingtalkRig(assistant: Assistant, extra: { logger?: ChannelLogger; redeliverAfterMs?: number } = {}): Promise<DingtalkRig> {
  const standIn = await startDingtalkStandIn({ redeliverAfterMs: extra.redeliverAfterMs });
  const logger = memoryChannelLogger('dingtalk');
  const channel = createDingtalkChannel({
    clientId: standIn.clientId,
    clientSecret: standIn.clientSecret,
    apiBase: standIn.apiBase,
    oapiBase: standIn.apiBase,
    assistant,
    logger: extra.logger ?? logger,
    backoffMs: [20, 40, 80],
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
