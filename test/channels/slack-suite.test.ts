/** The shared channel suite, run against the real Slack channel on both transports. */
import type { Assistant } from '../../src/assistant/types.ts';
import { STAND_IN_BOT } from '../support/slack-stand-in.ts';
import { runChannelSuite, type ChannelHarness, type ShownMessage } from './channel-suite.ts';
import { startRig, userMessage, type SlackRig, type Transport } from './slack-harness.ts';

/** Each conversation label is a DM channel; its first message starts the thread the rest continue. */
function slackHarness(transport: Transport): ChannelHarness {
  let rig: SlackRig | undefined;
  const roots = new Map<string, string>();
  const channelOf = (conversation: string) => `D${conversation.toUpperCase().padEnd(8, '0')}`;
  const running = () => {
    if (!rig) throw new Error('harness not started');
    return rig;
  };
  const deliver = async (conversation: string, text: string, fromBot: boolean) => {
    const current = running();
    const channel = channelOf(conversation);
    const root = roots.get(conversation);
    const event = userMessage(current.standIn, {
      user: fromBot ? STAND_IN_BOT.userId : 'UALICE01',
      text,
      dm: true,
      channel,
      ...(root ? { threadTs: root } : {}),
      ...(fromBot ? { botId: STAND_IN_BOT.botId } : {}),
    });
    if (!root && !fromBot) roots.set(conversation, event.ts);
    await current.slack.event(event);
  };
  return {
    platform: 'slack',
    async start(assistant: Assistant) {
      rig = await startRig(transport, assistant, { stderrLog: true });
    },
    userSays: (text, conversation) => deliver(conversation, text, false),
    botSays: (text, conversation) => deliver(conversation, text, true),
    shown(): readonly ShownMessage[] {
      const labels = new Map([...roots.keys()].map((label) => [channelOf(label), label]));
      return running()
        .standIn.messages.filter((m) => m.user === STAND_IN_BOT.userId)
        .map((m) => ({ conversation: labels.get(m.channel) ?? m.channel, text: m.text }));
    },
    async stop() {
      await rig?.close();
      rig = undefined;
    },
  };
}

runChannelSuite('slack over HTTP', () => slackHarness('http'));
runChannelSuite('slack over Socket Mode', () => slackHarness('socket'));
