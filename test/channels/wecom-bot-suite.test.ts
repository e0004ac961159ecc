/**
 * The shared channel suite, run against the real WeCom AI bot channel on its long connection.
 * Each conversation label is a group chat (the bot @-mentioned); the long connection carries
 * only what people write, so "the bot says" sends nothing.
 */
import type { Assistant } from '../../src/assistant/types.ts';
import { channelLogger } from '../../src/channels/kit/index.ts';
import { runChannelSuite, type ChannelHarness, type ShownMessage } from './channel-suite.ts';
import { startWecomBotRig, type WecomBotRig } from './wecom-bot-harness.ts';

function wecomBotHarness(): ChannelHarness {
  let rig: WecomBotRig | undefined;
  const running = () => {
    if (!rig) throw new Error('harness not started');
    return rig;
  };
  return {
    platform: 'wecom',
    async start(assistant: Assistant) {
      rig = await startWecomBotRig(assistant, { logger: channelLogger('wecom') });
    },
    async userSays(text, conversation) {
      running().standIn.say('zhangsan', text, { group: `wrkBOT${conversation}` });
    },
    async botSays() {
      // The long connection carries only what people write to the bot.
    },
    shown(): readonly ShownMessage[] {
      return running().standIn.shown.map((m) => ({ conversation: m.chatid.replace(/^wrkBOT/, ''), text: m.text }));
    },
    async stop() {
      await rig?.close();
      rig = undefined;
    },
  };
}

runChannelSuite('wecom (AI bot long connection)', wecomBotHarness);
