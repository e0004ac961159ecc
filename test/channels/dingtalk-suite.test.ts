/**
 * The shared channel suite, run against the real DingTalk channel in Stream mode. Each
 * conversation label is a group (messages arrive @-mentioning the robot, as DingTalk delivers
 * only those); DingTalk does not deliver a robot's own messages to it, so there is no "bot says".
 */
import { channelLogger } from '../../src/channels/kit/index.ts';
import { runChannelSuite } from './channel-suite.ts';
import { startDingtalkRig } from './dingtalk-harness.ts';
import { rigHarness } from './rig-harness.ts';

runChannelSuite('dingtalk (Stream mode)', () => rigHarness({
  platform: 'dingtalk',
  start: (assistant) => startDingtalkRig(assistant, { logger: channelLogger('dingtalk') }),
  userSays: (rig, text, conversation) => rig.standIn.say({ staffId: 'manager001', nick: '王芳', text, group: `cidGROUP${conversation}` }),
  shown: (rig) => rig.standIn.sent.map((m) => ({ conversation: m.conversationId.replace(/^cidGROUP/, ''), text: m.text })),
}));
