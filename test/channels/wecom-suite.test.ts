/**
 * The shared channel suite, run against the real WeCom callback channel. Each conversation
 * label is one of the app's group chats; WeCom never delivers the app's own messages to its
 * callback, so there is no "bot says" to send — what is checked is that only people are answered.
 */
import { channelLogger } from '../../src/channels/kit/index.ts';
import { runChannelSuite } from './channel-suite.ts';
import { rigHarness } from './rig-harness.ts';
import { startWecomRig } from './wecom-harness.ts';

runChannelSuite('wecom (self-built app callback)', () => rigHarness({
  platform: 'wecom',
  start: (assistant) => startWecomRig(assistant, { logger: channelLogger('wecom') }),
  async userSays(rig, text, conversation) {
    const { status } = await rig.standIn.deliver(rig.callbackUrl, { from: 'zhangsan', text, chat: `wrk${conversation}` });
    if (status !== 200) throw new Error(`callback answered ${status}`);
  },
  shown: (rig) => rig.standIn.sent.map((m) => ({ conversation: m.to.replace(/^chat:wrk/, ''), text: m.text })),
}));
