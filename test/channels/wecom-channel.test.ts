/**
 * The WeCom callback channel against the stand-in: URL verification, forged, stale and replayed
 * callbacks refused with 401, a redelivered message answered once, an expired token replaced,
 * "too frequent" answers retried, long answers split at 2,048 bytes, choices as a card (in a
 * person's chat) or numbered (in a group chat), files in both directions with the size limit,
 * and the app menu: set at start from the command table (the stand-in holds it to WeCom's
 * limits), each menu command once under its label, the admins' apart; a tap sends the command.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMAND_TABLE } from '../../src/commands.ts';
import type { MenuButton } from '../support/wecom-stand-in.ts';
import { waitFor } from '../support/wait-for.ts';
import { LONG_ANSWER, ScriptedAssistant } from './push-scripted-assistant.ts';
import { startWecomRig, type WecomRig } from './wecom-harness.ts';

describe('WeCom callback channel', () => {
  let rig: WecomRig;
  let assistant: ScriptedAssistant;

  beforeEach(async () => {
    assistant = new ScriptedAssistant();
    rig = await startWecomRig(assistant);
  });
  afterEach(async () => {
    await rig.close();
  });

  const textsTo = (to: string) => rig.standIn.sentTo(to).map((m) => m.text);

  it('answers WeCom\'s URL verification with the decrypted echostr', async () => {
    const answer = await rig.standIn.verifyUrl(rig.callbackUrl, '9876543210');
    expect(answer).toMatchObject({ status: 200, body: '9876543210' });
  });

  it('refuses forged, stale and replayed callbacks with 401 and answers none of them', async () => {
    const { standIn, callbackUrl } = rig;
    const forged = standIn.envelope(standIn.xmlOf({ from: 'zhangsan', text: '伪造的' }));
    forged.query.set('msg_signature', '0'.repeat(40));
    expect((await standIn.post(callbackUrl, forged)).status).toBe(401);
    const stale = standIn.envelope(standIn.xmlOf({ from: 'zhangsan', text: '十分钟前的' }), { timestamp: String(Math.floor(Date.now() / 1000) - 600) });
    expect((await standIn.post(callbackUrl, stale)).status).toBe(401);
    const fresh = standIn.envelope(standIn.xmlOf({ from: 'zhangsan', text: '第一次' }));
    expect((await standIn.post(callbackUrl, fresh)).status).toBe(200);
    expect((await standIn.post(callbackUrl, fresh)).status).toBe(401); // the same signed request again
    const tampered = standIn.envelope(standIn.xmlOf({ from: 'zhangsan', text: '篡改' }));
    tampered.body = tampered.body.replace(/<Encrypt><!\[CDATA\[(.)/, (_m, c: string) => `<Encrypt><![CDATA[${c === 'A' ? 'B' : 'A'}`);
    expect((await standIn.post(callbackUrl, tampered)).status).toBe(401);
    await waitFor(() => textsTo('user:zhangsan').length === 1, 'the one answer');
    await rig.channel.idle();
    expect(assistant.received.map((m) => m.text)).toEqual(['第一次']);
    expect(rig.logger.lines.filter((l) => l.message === 'callback refused')).toHaveLength(4);
  });

  it('answers a message WeCom delivers twice (same MsgId, new envelope) once', async () => {
    await rig.standIn.deliver(rig.callbackUrl, { from: 'zhangsan', text: '上半年视察了几次', msgId: '777' });
    await rig.standIn.deliver(rig.callbackUrl, { from: 'zhangsan', text: '上半年视察了几次', msgId: '777' });
    await waitFor(() => textsTo('user:zhangsan').length >= 1, 'the answer');
    await rig.channel.idle();
    expect(assistant.received).toHaveLength(1);
    expect(textsTo('user:zhangsan')).toEqual(['回声：上半年视察了几次']);
    expect(assistant.received[0]).toMatchObject({ platform: 'wecom', userId: 'zhangsan', threadId: 'wecom:zhangsan:main' });
  });

  it('marks a message to the app as one to one and one from an app group chat as not, so /web links go only to the person', async () => {
    await rig.standIn.deliver(rig.callbackUrl, { from: 'zhangsan', text: '一对一' });
    await rig.standIn.deliver(rig.callbackUrl, { from: 'zhangsan', text: '群里', chat: 'wrGROUP1' });
    await waitFor(() => assistant.received.length === 2, 'both messages');
    const byText = new Map(assistant.received.map((m) => [m.text, m]));
    expect(byText.get('一对一')?.direct).toBe(true);
    expect(byText.get('群里')?.direct).toBe(false);
  });

  it('fetches a new token when WeCom says the old one expired, and retries "too frequent" answers', async () => {
    await rig.standIn.deliver(rig.callbackUrl, { from: 'zhangsan', text: '一' });
    await waitFor(() => textsTo('user:zhangsan').length === 1, 'first answer');
    const before = rig.standIn.tokenRequests;
    rig.standIn.expireTokens();
    rig.standIn.busyFor(2);
    await rig.standIn.deliver(rig.callbackUrl, { from: 'zhangsan', text: '二' });
    await waitFor(() => textsTo('user:zhangsan').length === 2, 'second answer');
    expect(rig.standIn.tokenRequests).toBe(before + 1);
    expect(textsTo('user:zhangsan')).toEqual(['回声：一', '回声：二']);
  });

  it('sends an answer again once when WeCom closes the connection without answering, so it is not lost', async () => {
    rig.standIn.dropSends(1);
    await rig.standIn.deliver(rig.callbackUrl, { from: 'lisi', text: '三' });
    await waitFor(() => textsTo('user:lisi').length === 1, 'the answer after a dropped connection');
    expect(textsTo('user:lisi')).toEqual(['回声：三']);
  });

  it('splits a long answer into messages of at most 2,048 bytes, losing nothing', async () => {
    await rig.standIn.deliver(rig.callbackUrl, { from: 'zhangsan', text: '长' });
    await rig.channel.idle();
    const pieces = textsTo('user:zhangsan');
    expect(pieces.length).toBeGreaterThanOrEqual(Math.ceil(Buffer.byteLength(LONG_ANSWER) / 2048));
    for (const piece of pieces) expect(Buffer.byteLength(piece)).toBeLessThanOrEqual(2048);
    expect(pieces.join('\n')).toBe(LONG_ANSWER);
  });

  it('offers choices as card buttons; a press sends the choice once', async () => {
    await rig.standIn.deliver(rig.callbackUrl, { from: 'zhangsan', text: '选' });
    await rig.channel.idle();
    const card = rig.standIn.sentTo('user:zhangsan').find((m) => m.msgtype === 'template_card')!;
    const template = (card.body.template_card as { task_id: string; button_list: { text: string; key: string }[] });
    expect(template.button_list.map((b) => b.text)).toEqual(['按计划记录', '取消']);
    const click = { key: template.button_list[0].key, taskId: template.task_id };
    await rig.standIn.deliver(rig.callbackUrl, { from: 'zhangsan', click, createTime: 1 });
    await rig.standIn.deliver(rig.callbackUrl, { from: 'zhangsan', click: { ...click, key: template.button_list[1].key }, createTime: 2 });
    await waitFor(() => textsTo('user:zhangsan').includes('回声：确认'), 'the confirmed turn');
    await rig.channel.idle();
    expect(assistant.received.map((m) => m.text)).toEqual(['选', '确认']);
    expect(textsTo('user:zhangsan').at(-1)).toMatch(/已经用过或已过期/);
  });

  it('numbers the choices in a group chat and takes a reply of "1"', async () => {
    await rig.standIn.deliver(rig.callbackUrl, { from: 'zhangsan', text: '选', chat: 'wrkGROUP' });
    await rig.channel.idle();
    expect(textsTo('chat:wrkGROUP').at(-1)).toMatch(/请回复序号选择：\n1\. 按计划记录\n2\. 取消/);
    await rig.standIn.deliver(rig.callbackUrl, { from: 'zhangsan', text: '1', chat: 'wrkGROUP' });
    await rig.channel.idle();
    expect(assistant.received.map((m) => m.text)).toEqual(['选', '确认']);
  });

  it('uploads charts as images and drafts as files, and downloads what a person sends within the limit', async () => {
    await rig.standIn.deliver(rig.callbackUrl, { from: 'zhangsan', text: '文件' });
    await rig.channel.idle();
    const sent = rig.standIn.sentTo('user:zhangsan');
    expect(sent.map((m) => m.msgtype)).toEqual(['text', 'image', 'text', 'file']);
    expect(sent[0].text).toBe('上半年情况见附件。');
    expect(sent[3].text).toBe('上半年监督工作.docx');
    const small = rig.standIn.userFile('议事规则.md', Buffer.from('# 议事规则\n第一条'));
    await rig.standIn.deliver(rig.callbackUrl, { from: 'zhangsan', file: { mediaId: small, name: '议事规则.md' } });
    const large = rig.standIn.userFile('大文件.pdf', Buffer.alloc(4096, 1));
    await rig.standIn.deliver(rig.callbackUrl, { from: 'zhangsan', file: { mediaId: large, name: '大文件.pdf' } });
    await rig.channel.idle();
    expect(assistant.downloaded).toEqual([{ name: '议事规则.md', bytes: Buffer.byteLength('# 议事规则\n第一条') }]);
    const texts = textsTo('user:zhangsan');
    expect(texts).toContain('正在收录「议事规则.md」…');
    expect(texts.some((t) => /大文件\.pdf.*超过/.test(t))).toBe(true);
  });

  const items = (menu: readonly MenuButton[]): MenuButton[] => menu.flatMap((button) => button.sub_button ?? [button]);

  it('sets the app menu at start from the command table from the command table: each menu command once, under its label, admins’ apart', () => {
    expect(rig.standIn.menus).toHaveLength(1);
    const menu = rig.standIn.menus[0];
    const inMenu = COMMAND_TABLE.filter((command) => command.menu);
    expect(items(menu).map((item) => item.name).sort()).toEqual(inMenu.map((command) => command.label).sort());
    const admin = menu.find((button) => button.sub_button?.some((item) => item.name === '删除'))!;
    expect(admin.sub_button!.map((item) => item.name).sort()).toEqual(inMenu.filter((command) => command.adminOnly).map((command) => command.label).sort());
    expect(new Set(items(menu).map((item) => item.key)).size).toBe(inMenu.length);
  });

  it('sends a tapped menu item’s command to the assistant, and ignores a key that is not a command', async () => {
    const menu = rig.standIn.menus[0];
    const help = items(menu).find((item) => item.name === '帮助')!;
    const undo = items(menu).find((item) => item.name === '撤回')!;
    await rig.standIn.deliver(rig.callbackUrl, { from: 'zhangsan', menu: 'V1001_SOMETHING_ELSE' });
    await rig.standIn.deliver(rig.callbackUrl, { from: 'zhangsan', menu: help.key! });
    await rig.standIn.deliver(rig.callbackUrl, { from: 'zhangsan', menu: undo.key! });
    await waitFor(() => assistant.received.length === 2, 'the two commands');
    await rig.channel.idle();
    expect(assistant.received.map((m) => [m.text, m.userId, m.chatId])).toEqual([['/help', 'zhangsan', 'zhangsan'], ['/undo', 'zhangsan', 'zhangsan']]);
  });
});
