/**
 * The shared channel suite, run against the real Feishu channel on the long connection. Each
 * conversation label is a group chat (messages @-mention the bot); the bot's own messages come
 * with `sender_type: app` and must be left alone.
 */
import { channelLogger } from '../../src/channels/kit/index.ts';
import { runChannelSuite } from './channel-suite.ts';
import { startFeishuRig } from './feishu-harness.ts';
import { rigHarness } from './rig-harness.ts';

runChannelSuite('feishu (long connection)', () => rigHarness({
  platform: 'feishu',
  start: (assistant) => startFeishuRig(assistant, { logger: channelLogger('feishu') }),
  userSays: (rig, text, conversation) => rig.standIn.say({ openId: 'ou_wangfang', text, group: `oc_group_${conversation}` }),
  botSays: (rig, text, conversation) => rig.standIn.say({ openId: 'ou_bot', text, group: `oc_group_${conversation}`, fromBot: true }),
  shown: (rig) => rig.standIn.sent.map((m) => ({ conversation: m.chatId.replace(/^oc_group_/, ''), text: m.text })),
}));
