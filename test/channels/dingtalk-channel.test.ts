/**
 * The DingTalk channel against the stand-in: every callback acknowledged (none redelivered), a
 * message delivered twice answered once, an expired token replaced, throttling retried, long
 * answers split, choices as an ActionCard (one-to-one) or numbered (group), the robot API when
 * the session webhook has expired, files both ways with the size limit.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for.ts';
import { LONG_ANSWER, ScriptedAssistant } from './push-scripted-assistant.ts';
import { startDingtalkRig, type DingtalkRig } from './dingtalk-harness.ts';

describe('DingTalk Stream channel', () => {
  let rig: DingtalkRig;
  let assistant: ScriptedAssistant;
  const ME = 'cid-oto-manager001';

  beforeEach(async () => {
    assistant = new ScriptedAssistant();
    rig = await startDingtalkRig(assistant, { redeliverAfterMs: 300 });
  });
  afterEach(async () => {
    await rig.close();
  });

  const textsTo = (conversation: string) => rig.standIn.sentTo(conversation).map((m) => m.text);
  const say = (text: string, extra: Record<string, unknown> = {}) => rig.standIn.say({ staffId: 'manager001', nick: '王芳', text, ...extra });

  it('acknowledges each callback at once and answers a message delivered twice once', async () => {
    say('上半年视察了几次', { msgId: 'msgSAME' });
    say('上半年视察了几次', { msgId: 'msgSAME' });
    await waitFor(() => textsTo(ME).length === 1, 'the answer');
    await new Promise((r) => setTimeout(r, 500)); // past the stand-in's redelivery time
    await rig.channel.idle();
    expect(rig.standIn.unacked).toBe(0);
    expect(rig.standIn.acks).toHaveLength(2);
    expect(assistant.received).toHaveLength(1);
    expect(assistant.received[0]).toMatchObject({ platform: 'dingtalk', userId: 'manager001', userName: '王芳', threadId: `dingtalk:${ME}:main` });
    expect(rig.standIn.sentTo(ME)[0]).toMatchObject({ via: 'session', msgtype: 'text', text: '回声：上半年视察了几次' });
  });

  it('marks a one-to-one message as direct and a group message as not, so /web links go only to the person', async () => {
    say('一对一');
    say('群里', { group: 'cidGROUP7' });
    await waitFor(() => assistant.received.length === 2, 'both messages');
    const byText = new Map(assistant.received.map((m) => [m.text.trim(), m]));
    expect(byText.get('一对一')?.direct).toBe(true);
    expect(byText.get('群里')?.direct).toBe(false);
  });

  it('replaces an expired token and retries throttled sends', async () => {
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

  it('splits a long answer at 5,000 characters, losing nothing', async () => {
    const long = `${LONG_ANSWER}\n${LONG_ANSWER}`;
    assistant.handle = async (incoming) => ({ text: incoming.text === '长' ? long : '' });
    say('长');
    await rig.channel.idle();
    await waitFor(() => textsTo(ME).length >= 2, 'the pieces');
    const pieces = textsTo(ME);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(5000);
    expect(pieces.join('\n')).toBe(long);
  });

  it('offers choices as an ActionCard whose buttons send the choice; numbered in a group', async () => {
    say('选');
    await waitFor(() => textsTo(ME).length === 1, 'the card');
    const card = rig.standIn.sentTo(ME)[0];
    expect(card.msgtype).toBe('actionCard');
    const btns = (card.body.actionCard as { btns: { title: string; actionURL: string }[] }).btns;
    expect(btns.map((b) => b.title)).toEqual(['按计划记录', '取消']);
    expect(decodeURIComponent(btns[0].actionURL)).toBe('dtmd://dingtalkclient/sendMessage?content=确认');
    rig.standIn.say({ staffId: 'manager001', text: '选', group: 'cidGROUP1' });
    await waitFor(() => textsTo('cidGROUP1').length === 1, 'the numbered choices');
    expect(textsTo('cidGROUP1')[0]).toMatch(/1\. 按计划记录\n2\. 取消/);
    rig.standIn.say({ staffId: 'manager001', text: '2', group: 'cidGROUP1' });
    await waitFor(() => textsTo('cidGROUP1').length === 2, 'the chosen turn');
    expect(assistant.received.map((m) => m.text)).toEqual(['选', '选', '取消']);
  });

  it('answers through the robot API when the session webhook has expired, files included', async () => {
    say('文件', { sessionExpired: true });
    await rig.channel.idle();
    await waitFor(() => textsTo(ME).length === 4, 'text, image, caption, file');
    expect(rig.standIn.sentTo(ME).map((m) => `${m.via}:${m.msgtype}`)).toEqual(['oto:sampleText', 'oto:sampleImageMsg', 'oto:sampleText', 'oto:sampleFile']);
    expect(textsTo(ME)[0]).toBe('上半年情况见附件。');
    expect(textsTo(ME)[3]).toBe('上半年监督工作.docx');
    expect([...rig.standIn.uploads.values()].map((u) => u.name)).toEqual(['统计图.png', '上半年监督工作.docx']);
  });

  it('downloads a file a person sends, and refuses one over the limit', async () => {
    const small = rig.standIn.userFile('议事规则.md', Buffer.from('# 议事规则'));
    rig.standIn.say({ staffId: 'manager001', file: { downloadCode: small, fileName: '议事规则.md' } });
    const big = rig.standIn.userFile('大文件.pdf', Buffer.alloc(4096, 1));
    rig.standIn.say({ staffId: 'manager001', file: { downloadCode: big, fileName: '大文件.pdf' } });
    await waitFor(() => textsTo(ME).some((t) => t.includes('大文件.pdf')), 'the refusal');
    await rig.channel.idle();
    expect(assistant.downloaded).toEqual([{ name: '议事规则.md', bytes: Buffer.byteLength('# 议事规则') }]);
    expect(textsTo(ME).some((t) => /大文件\.pdf.*超过/.test(t))).toBe(true);
  });
});
