/**
 * The shared channel suite's harness for a channel driven through a "rig" (the real channel
 * started on its platform's stand-in): how a conversation label becomes a chat, how a person
 * (or the bot itself) speaks there, and which chat each shown message went to.
 */
import type { Assistant, Platform } from '../../src/assistant/types.ts';
import type { ChannelHarness, ShownMessage } from './channel-suite.ts';

/** What one platform's suite file says about its rig. */
export interface RigDriver<R> {
  readonly platform: Platform;
  start(assistant: Assistant): Promise<R & { close(): Promise<void> }>;
  userSays(rig: R, text: string, conversation: string): Promise<unknown> | unknown;
  /** The bot's own message as the platform would deliver it; absent where it never delivers them. */
  botSays?(rig: R, text: string, conversation: string): Promise<unknown> | unknown;
  shown(rig: R): readonly ShownMessage[];
}

/** A ChannelHarness over a rig. */
export function rigHarness<R>(driver: RigDriver<R>): ChannelHarness {
  let rig: (R & { close(): Promise<void> }) | undefined;
  const running = () => {
    if (!rig) throw new Error('harness not started');
    return rig;
  };
  return {
    platform: driver.platform,
    async start(assistant) {
      rig = await driver.start(assistant);
    },
    async userSays(text, conversation) {
      await driver.userSays(running(), text, conversation);
    },
    async botSays(text, conversation) {
      // Where the platform never delivers the bot's own messages there is nothing to send.
      await driver.botSays?.(running(), text, conversation);
    },
    shown: () => driver.shown(running()),
    async stop() {
      await rig?.close();
      rig = undefined;
    },
  };
}
