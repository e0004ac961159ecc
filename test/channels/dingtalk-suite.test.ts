/**
 * The shared channel suite, run against the real DingTalk channel in Stream mode. Each
 * conversation label is a group (messages arrive @-mentioning the robot, as DingTalk delivers
 * only those); DingTalk does not deliver a robot's own messages to it, so "the bot says" sends nothing.
 */
import type { Assistant } from '../../src/assistant/types.ts';
import { channelLogger } from '../../src/channels/kit/index.ts';
import { runChannelSuite, type ChannelHarness, type ShownMessage } from './channel-suite.ts';
import { startDingtalkRig, type DingtalkRig } from './dingtalk-harness.ts';

function dingtalkHarness(): ChannelHarness {
  let rig: DingtalkRig | undefined;
  const running = () => {
    if (!rig) throw new Error('harness not started');
    return rig;
  };
  return {
    platform: 'dingtalk',
    async start(assistant: Assistant) {
      rig = await startDingtalkRig(assistant, { logger: channelLogger('dingtalk') });
    },
    async userSays(text, conversation) {
      running().standIn.say({ staffId: 'manager001', nick: '王芳', text, group: `cidGROUP${conversation}` });
    },
    async botSays() {
      // The Stream connection carries only what people write to the robot.
    },
    shown(): readonly ShownMessage[] {
      return running().standIn.sent.map((m) => ({ conversation: m.conversationId.replace(/^cidGROUP/, ''), text: m.text }));
    },
    async stop() {
      await rig?.close();
      rig = undefined;
    },
  };
}

runChannelSuite('dingtalk (Stream mode)', dingtalkHarness);
