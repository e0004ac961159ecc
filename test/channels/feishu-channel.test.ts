/**
 * The Feishu channel against the stand-in: an event is acknowledged before a slow answer
 * (Feishu sends it again after 3 s otherwise), a redelivered message is answered once, a
 * refused token is replaced, "too frequent" is retried, long answers split, cards with buttons
 * (a press answered with a toast and the card without buttons), topics, files both ways, and a
 * "推送事件" bot menu item named after a command, answered in the person's own chat.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for.ts';
import type { Incoming, Reply } from '../../src/assistant/types.ts';
import { PNG, ScriptedAssistant } from './push-scripted-assistant.ts';
import { startFeishuRig, type FeishuRig } from './feishu-harness.ts';
import { memoryChannelLogger } from '../../src/channels/kit/index.ts';
import { FeishuApi, domainOf } from '../../src/channels/feishu/api.ts';

describe('Feishu long-connection channel', () => {
  let rig: FeishuRig;
  let assistant: ScriptedAssistant;
  const ME = 'oc_p2p_ou_wangfang';

  beforeEach(async () => {
    assistant = new ScriptedAssistant();
    // Feishu's own resend time: an event not acknowledged within 3 s comes again.
    rig = await startFeishuRig(assistant, { resendAfterMs: 3000 });
  });
  afterEach(async () => {
    await rig.close();
  });

  const textsTo = (chat: string) => rig.standIn.sentTo(chat).map((m) => m.text);
  const say = (text: string, extra: Record<string, unknown> = {}) => rig.standIn.say({ openId: 'ou_wangfang', text, ...extra });

  it('acknowledges an event before a slow answer, so Feishu does not send it again', async () => {
    // The answer is held until the test has seen the acknowledgement: a channel that acknowledged
    // only after answering would never be seen doing it, whatever the machine's load.
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    const slow = assistant.handle.bind(assistant);
    assistant.handle = async (incoming: Incoming): Promise<Reply> => {
      await held;
      return slow(incoming);
    };
    say('常委会会议多久开一次');
    try {
      await waitFor(() => rig.standIn.acks.length === 1, 'the acknowledgement');
      expect(textsTo(ME)).toEqual([]); // acknowledged while the answer is still being written
    } finally {
      answer();
    }
    await waitFor(() => textsTo(ME).length === 1, 'the answer');
    await rig.channel.idle();
    expect(rig.standIn.acks).toEqual([{ messageId: expect.any(String), code: 200 }]);
    expect(assistant.received).toHaveLength(1);
    expect(rig.standIn.sentTo(ME)[0]).toMatchObject({ msgType: 'text', text: '回声：常委会会议多久开一次', replyTo: expect.stringMatching(/^om_user/) });
  });

  it('answers a message delivered twice (same message id, new event) once, and ignores bots', async () => {
    say('上半年视察了几次', { messageId: 'om_same' });
    say('上半年视察了几次', { messageId: 'om_same' });
    rig.standIn.say({ openId: 'ou_otherbot', text: '机器人的话', fromBot: true });
    await waitFor(() => rig.standIn.acks.length === 3, 'three acknowledgements');
    await rig.channel.idle();
    expect(assistant.received.map((m) => m.text)).toEqual(['上半年视察了几次']);
    expect(assistant.received[0]).toMatchObject({ platform: 'feishu', userId: 'ou_wangfang', chatId: ME, threadId: `feishu:${ME}:main` });
  });

  it('marks a one-to-one (p2p) message as direct and a group message as not, so /web links go only to the person', async () => {
    say('一对一');
    say('群里', { group: 'oc_group7' });
    await waitFor(() => assistant.received.length === 2, 'both messages');
    const byText = new Map(assistant.received.map((m) => [m.text.trim(), m]));
    expect(byText.get('一对一')?.direct).toBe(true);
    expect(byText.get('群里')?.direct).toBe(false);
  });

  it('replaces a refused token and retries "too frequent" answers', async () => {
    say('一');
    await waitFor(() => textsTo(ME).length === 1, 'first answer');
    const before = rig.standIn.tokenRequests;
    rig.standIn.expireTokens();
    rig.standIn.busyFor(2);
    say('二');
    await waitFor(() => textsTo(ME).length === 2, 'second answer');
    expect(rig.standIn.tokenRequests).toBe(before + 1);
    expect(textsTo(ME)).toEqual(['回声：一', '回声：二']);
  });

  it('splits an answer over the message size limit, losing nothing', async () => {
    const long = Array.from({ length: 2500 }, (_, i) => `第${i + 1}行：常务委员会会议一般每两个月举行一次，由主任召集并主持。`).join('\n');
    assistant.handle = async () => ({ text: long });
    say('长');
    await waitFor(() => textsTo(ME).length >= 2, 'the pieces');
    await rig.channel.idle();
    const pieces = textsTo(ME);
    expect(pieces.length).toBe(Math.ceil(Buffer.byteLength(long) / 100_000));
    for (const piece of pieces) expect(Buffer.byteLength(piece)).toBeLessThanOrEqual(100_000);
    expect(pieces.join('\n')).toBe(long);
  });

  it('offers choices on a card; a press gets a toast, the buttons go, and the choice is sent once', async () => {
    say('选');
    await waitFor(() => textsTo(ME).length === 1, 'the card');
    const card = rig.standIn.sentTo(ME)[0];
    expect(card.msgType).toBe('interactive');
    expect(card.text).toContain('[按计划记录] [取消]');
    const actions = (card.content.elements as { tag: string; actions?: { value: { lvzhi: string } }[] }[]).find((e) => e.tag === 'action')!.actions!;
    rig.standIn.press('ou_wangfang', actions[0].value, card.messageId);
    rig.standIn.press('ou_wangfang', actions[1].value, card.messageId);
    await waitFor(() => textsTo(ME).includes('回声：确认'), 'the chosen turn');
    await rig.channel.idle();
    const answers = rig.standIn.acks.filter((a) => a.data).map((a) => a.data as { toast: { content: string }; card?: { data: { elements: { tag: string }[] } } });
    // The two answers may come back in either order: the first press wins, the second finds the card used.
    expect(answers).toHaveLength(2);
    const [won, lost] = answers[0].card ? answers : [answers[1], answers[0]];
    expect(won.toast.content).toBe('已选择：按计划记录');
    expect(won.card!.data.elements.some((e) => e.tag === 'action')).toBe(false);
    expect(lost.toast.content).toMatch(/已经用过或已过期/);
    expect(assistant.received.map((m) => m.text)).toEqual(['选', '确认']);
  });

  it('answers a "推送事件" menu item named after a command as that command, in the person’s own chat; other keys do nothing', async () => {
    say('你好');
    await waitFor(() => textsTo(ME).length === 1, 'the first answer');
    rig.standIn.menu('ou_wangfang', 'not-a-command');
    rig.standIn.menu('ou_wangfang', 'help');
    await waitFor(() => textsTo(ME).length === 2, 'the menu item’s answer');
    await rig.channel.idle();
    expect(assistant.received.map((m) => [m.text, m.chatId, m.threadId])).toEqual([['你好', ME, `feishu:${ME}:main`], ['/help', ME, `feishu:${ME}:main`]]);
    expect(rig.standIn.sentTo(ME)[1].replyTo).toBeUndefined(); // a new message: a menu tap has nothing to reply to
  });

  it('keeps a topic as its own conversation and replies in it', async () => {
    rig.standIn.say({ openId: 'ou_wangfang', text: '话题里的问题', group: 'oc_team' });
    await waitFor(() => textsTo('oc_team').length === 1, 'the group answer');
    expect(assistant.received[0].threadId).toBe('feishu:oc_team:main');
    expect(assistant.received[0].text).toBe('话题里的问题'); // the @-mention is gone
  });

  it('uploads charts and drafts, and downloads a file a person sends within the limit', async () => {
    say('文件');
    await waitFor(() => textsTo(ME).length === 4, 'text, image, caption, file');
    expect(rig.standIn.sentTo(ME).map((m) => m.msgType)).toEqual(['text', 'image', 'text', 'file']);
    expect(textsTo(ME)[3]).toBe('上半年监督工作.docx');
    expect([...rig.standIn.uploads.values()].map((u) => u.data.subarray(0, PNG.length).equals(PNG) || u.name)).toEqual([true, '上半年监督工作.docx']);
    const small = rig.standIn.userFile('议事规则.md', Buffer.from('# 议事规则'));
    rig.standIn.say({ openId: 'ou_wangfang', file: { fileKey: small, fileName: '议事规则.md' } });
    const big = rig.standIn.userFile('大文件.pdf', Buffer.alloc(4096, 1));
    rig.standIn.say({ openId: 'ou_wangfang', file: { fileKey: big, fileName: '大文件.pdf' } });
    await waitFor(() => textsTo(ME).some((t) => t.includes('大文件.pdf')), 'the refusal');
    await rig.channel.idle();
    expect(assistant.downloaded).toEqual([{ name: '议事规则.md', bytes: Buffer.byteLength('# 议事规则') }]);
  });
});

// The channel types the SDK through a narrow local declaration (src/channels/feishu/sdk.ts), so
// what the stand-in tests above do not reach is checked against the real SDK here.
describe('FEISHU_DOMAIN', () => {
  it('feishu (the default) and lark reach the real SDK as Feishu’s and Lark’s open platforms; a private deployment as its URL', () => {
    const apiAt = (setting: string | undefined) =>
      new FeishuApi({ appId: 'cli_test', appSecret: 'secret', domain: domainOf(setting), logger: memoryChannelLogger('feishu') }).client as unknown as { domain: string };
    expect(apiAt(undefined).domain).toBe('https://open.feishu.cn');
    expect(apiAt('feishu').domain).toBe('https://open.feishu.cn');
    expect(apiAt('lark').domain).toBe('https://open.larksuite.com');
    expect(apiAt('https://open.feishu.example.gov.cn/').domain).toBe('https://open.feishu.example.gov.cn');
  });
});
