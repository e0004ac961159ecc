/**
 * The shared channel suite, run against the real WeCom AI bot channel on its long connection.
 * Each conversation label is a group chat (the bot @-mentioned); the long connection carries
 * only what people write, so there is no "bot says" to send.
 */
import { channelLogger } from '../../src/channels/kit/index.ts';
import { runChannelSuite } from './channel-suite.ts';
import { rigHarness } from './rig-harness.ts';
import { startWecomBotRig } from './wecom-bot-harness.ts';

runChannelSuite('wecom (AI bot long connection)', () => rigHarness({
  platform: 'wecom',
  start: (assistant) => startWecomBotRig(assistant, { logger: channelLogger('wecom') }),
  userSays: (rig, text, conversation) => rig.standIn.say('zhangsan', text, { group: `wrkBOT${conversation}` }),
  shown: (rig) => rig.standIn.shown.map((m) => ({ conversation: m.chatid.replace(/^wrkBOT/, ''), text: m.text })),
}));
