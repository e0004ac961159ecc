/**
 * The shared channel suite, run against the real WeCom callback channel. Each conversation
 * label is one of the app's group chats; WeCom never delivers the app's own messages to its
 * callback, so "the bot says" posts nothing — what is checked is that only people are answered.
 */
import type { Assistant } from '../../src/assistant/types.ts';
import { runChannelSuite, type ChannelHarness, type ShownMessage } from './channel-suite.ts';
import { startWecomRig, type WecomRig } from './wecom-harness.ts';
import { channelLogger } from '../../src/channels/kit/index.ts';

function wecomHarness(): ChannelHarness {
  let rig: WecomRig | undefined;
  const running = () => {
    if (!rig) throw new Error('harness not started');
    return rig;
  };
  return {
    platform: 'wecom',
    async start(assistant: Assistant) {
      rig = await startWecomRig(assistant, { logger: channelLogger('wecom') });
    },
    async userSays(text, conversation) {
      const { status } = await running().standIn.deliver(running().callbackUrl, { from: 'zhangsan', text, chat: `wrk${conversation}` });
      if (status !== 200) throw new Error(`callback answered ${status}`);
    },
    async botSays() {
      // The callback carries only what people do: there is nothing of the app's own to deliver.
    },
    shown(): readonly ShownMessage[] {
      return running().standIn.sent.map((m) => ({ conversation: m.to.replace(/^chat:wrk/, ''), text: m.text }));
    },
    async stop() {
      await rig?.close();
      rig = undefined;
    },
  };
}

runChannelSuite('wecom (self-built app callback)', wecomHarness);
