/**
 * The shared channel suite, run against the real Feishu channel on the long connection. Each
 * conversation label is a group chat (messages @-mention the bot); the bot's own messages come
 * with `sender_type: app` and must be left alone.
 */
import type { Assistant } from '../../src/assistant/types.ts';
import { channelLogger } from '../../src/channels/kit/index.ts';
import { runChannelSuite, type ChannelHarness, type ShownMessage } from './channel-suite.ts';
import { startFeishuRig, type FeishuRig } from './feishu-harness.ts';

function feishuHarness(): ChannelHarness {
  let rig: FeishuRig | undefined;
  const running = () => {
    if (!rig) throw new Error('harness not started');
    return rig;
  };
  return {
    platform: 'feishu',
    async start(assistant: Assistant) {
      rig = await startFeishuRig(assistant, { logger: channelLogger('feishu') });
    },
    async userSays(text, conversation) {
      running().standIn.say({ openId: 'ou_wangfang', text, group: `oc_group_${conversation}` });
    },
    async botSays(text, conversation) {
      running().standIn.say({ openId: 'ou_bot', text, group: `oc_group_${conversation}`, fromBot: true });
    },
    shown(): readonly ShownMessage[] {
      return running().standIn.sent.map((m) => ({ conversation: m.chatId.replace(/^oc_group_/, ''), text: m.text }));
    },
    async stop() {
      await rig?.close();
      rig = undefined;
    },
  };
}

runChannelSuite('feishu (long connection)', feishuHarness);
