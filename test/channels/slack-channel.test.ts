/**
 * The Slack channel's own behaviour, end to end through the real bolt app on both transports
 * (signed HTTP events and Socket Mode) against the stand-in, with a scripted assistant that
 * implements the real `Assistant` interface. The real assistant's turns are in slack-e2e.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incoming } from '../../src/assistant/types.ts';
import { buttonClick } from '../support/slack-delivery.ts';
import { STAND_IN_BOT } from '../support/slack-stand-in.ts';
import { startRig, userMessage, type SlackRig, type Transport } from './slack-harness.ts';
import { ScriptedAssistant } from './slack-scripted-assistant.ts';

const alice = { id: 'UALICE01', name: '王芳' };

describe.each<Transport>(['http', 'socket'])('Slack channel over %s', (transport) => {
  let rig: SlackRig;
  const assistant = new ScriptedAssistant();

  beforeAll(async () => {
    rig = await startRig(transport, assistant);
  });
  afterAll(async () => {
    await rig?.close();
    assistant.cleanup();
  });

  it('answers a mention in its thread, without the mention, as mrkdwn', async () => {
    const said = userMessage(rig.standIn, { user: alice.id, text: '会议由谁召集？' });
    await rig.slack.event(said);
    const [reply] = await rig.standIn.waitFor(() => rig.standIn.botMessages(said.channel, said.ts).length > 0 && rig.standIn.botMessages(said.channel, said.ts));
    expect(reply.threadTs).toBe(said.ts);
    expect(reply.text).toBe('你说：会议由谁召集？');
    const incoming = assistant.seen.at(-1) as Incoming;
    expect(incoming).toMatchObject({ platform: 'slack', userId: alice.id, userName: '王芳', chatId: said.channel, threadId: `slack:${said.channel}:${said.ts}` });
  });

  it('keeps a follow-up in the same thread id', async () => {
    const first = userMessage(rig.standIn, { user: alice.id, text: '第一句' });
    await rig.slack.event(first);
    await rig.standIn.waitFor(() => rig.standIn.botMessages(first.channel, first.ts).length > 0);
    const followUp = userMessage(rig.standIn, { user: alice.id, text: '那县级呢？', threadTs: first.ts });
    await rig.slack.event(followUp);
    await rig.standIn.waitFor(() => rig.standIn.botMessages(first.channel, first.ts).length > 1);
    const threadIds = assistant.seen.slice(-2).map((i) => i.threadId);
    expect(threadIds).toEqual([`slack:${first.channel}:${first.ts}`, `slack:${first.channel}:${first.ts}`]);
    expect(rig.standIn.botMessages(first.channel, first.ts).every((m) => m.threadTs === first.ts)).toBe(true);
  });

  it('takes a follow-up in the thread without the mention from whoever addressed it, and leaves others alone', async () => {
    const bob = 'UBOB0001';
    const said = userMessage(rig.standIn, { user: alice.id, text: '开头' });
    await rig.slack.event(said);
    await rig.standIn.waitFor(() => rig.standIn.botMessages(said.channel, said.ts).length === 1);
    const before = assistant.seen.length;
    // Bolt's own copy of a mention as a message event, someone else's remark, and a channel message outside any bot thread.
    const echoOfMention = { ...userMessage(rig.standIn, { user: alice.id, text: `<@${STAND_IN_BOT.userId}> 重复`, plain: true, threadTs: said.ts }) };
    const colleague = userMessage(rig.standIn, { user: bob, text: '我也看看', plain: true, threadTs: said.ts });
    const elsewhere = userMessage(rig.standIn, { user: alice.id, text: '闲聊', plain: true });
    for (const event of [echoOfMention, colleague, elsewhere]) await rig.slack.event(event);
    const followUp = userMessage(rig.standIn, { user: alice.id, text: '那县级呢？', plain: true, threadTs: said.ts });
    await rig.slack.event(followUp);
    await rig.standIn.waitFor(() => rig.standIn.botMessages(said.channel, said.ts).some((m) => m.text === '你说：那县级呢？'));
    expect(assistant.seen.slice(before).map((i) => [i.text, i.threadId])).toEqual([['那县级呢？', `slack:${said.channel}:${said.ts}`]]);
  });

  it('answers direct messages, and never itself or other bots', async () => {
    const before = assistant.seen.length;
    const own = { ...userMessage(rig.standIn, { user: STAND_IN_BOT.userId, text: '你说：回声', dm: true }), bot_id: STAND_IN_BOT.botId };
    const otherBot = userMessage(rig.standIn, { user: 'UOTHERBOT', text: '我是别的机器人', dm: true, botId: 'BOTHER01' });
    const botMessage = userMessage(rig.standIn, { user: 'UOTHERBOT', text: '机器人消息', dm: true, subtype: 'bot_message' });
    const edit = userMessage(rig.standIn, { user: alice.id, text: '改过的话', dm: true, subtype: 'message_changed' });
    for (const event of [own, otherBot, botMessage, edit]) await rig.slack.event(event);
    const dm = userMessage(rig.standIn, { user: alice.id, text: '你好', dm: true });
    await rig.slack.event(dm);
    const [reply] = await rig.standIn.waitFor(() => rig.standIn.botMessages(dm.channel, dm.ts).length > 0 && rig.standIn.botMessages(dm.channel, dm.ts));
    expect(reply.text).toBe('你说：你好');
    expect(assistant.seen.slice(before).map((i) => i.text)).toEqual(['你好']);
    for (const ignored of [own, otherBot, botMessage, edit]) expect(rig.standIn.botMessages(ignored.channel, ignored.ts)).toEqual([]);
  });

  it('turns /lvzhi <command> into the command, acknowledged before the work is done', async () => {
    assistant.hold();
    const acked = rig.slack.command({ user_id: alice.id, user_name: '王芳', channel_id: 'C0000002', text: 'slow 上半年' });
    // The acknowledgement arrives while the assistant is still held: the work runs after it.
    await acked;
    expect(rig.standIn.botMessages('C0000002').map((m) => m.text)).not.toContain('慢慢来，好了。');
    assistant.release();
    await rig.standIn.waitFor(() => rig.standIn.botMessages('C0000002').some((m) => m.text === '慢慢来，好了。'));

    await rig.slack.command({ user_id: alice.id, channel_id: 'C0000003', text: 'stats 上半年' });
    const [answer] = await rig.standIn.waitFor(() => {
      const shown = rig.standIn.botMessages('C0000003');
      return shown.some((m) => m.text.startsWith('*统计*')) && shown;
    });
    const incoming = assistant.seen.at(-1) as Incoming;
    expect(incoming.text).toBe('/stats 上半年');
    // Top-level answer; its thread is where follow-ups keep the context.
    expect(answer.threadTs).toBeUndefined();
    expect(incoming.threadId).toBe(`slack:C0000003:${answer.ts}`);
    expect(answer.text).toBe('*统计* 上半年：视察 3 次 &lt;共计&gt; &amp; 完毕');

    // A reply in the answer's thread, without a mention, continues the same conversation.
    const followUp = userMessage(rig.standIn, { user: alice.id, text: '列出来看看', plain: true, channel: 'C0000003', threadTs: answer.ts });
    await rig.slack.event(followUp);
    await rig.standIn.waitFor(() => rig.standIn.botMessages('C0000003', answer.ts).some((m) => m.text === '你说：列出来看看'));
    expect(assistant.seen.at(-1)?.threadId).toBe(incoming.threadId);
  });

  it('offers choices as buttons; a click sends the choice back in the same thread', async () => {
    const said = userMessage(rig.standIn, { user: alice.id, text: '选择' });
    await rig.slack.event(said);
    const [question] = await rig.standIn.waitFor(() => {
      const shown = rig.standIn.botMessages(said.channel, said.ts);
      return shown.some((m) => m.blocks) && shown;
    });
    const buttons = (question.blocks?.find((b) => b.type === 'actions') as { elements: Array<{ text: { text: string } }> }).elements;
    expect(buttons.map((b) => b.text.text)).toEqual(['是，去年', '不是']);
    await rig.slack.interact(buttonClick(question, 'lvzhi_choice_0', alice));
    await rig.standIn.waitFor(() => rig.standIn.botMessages(said.channel, said.ts).some((m) => m.text === '你说：确认 去年6月12日'));
    expect(assistant.seen.at(-1)).toMatchObject({ text: '确认 去年6月12日', threadId: `slack:${said.channel}:${said.ts}`, userId: alice.id });
    // The buttons are gone, so the choice is made once.
    expect(question.blocks?.some((b) => b.type === 'actions')).toBe(false);
  });

  it('uploads reply files with files.uploadV2 into the thread', async () => {
    const said = userMessage(rig.standIn, { user: alice.id, text: '图表' });
    await rig.slack.event(said);
    const withFile = await rig.standIn.waitFor(() => rig.standIn.botMessages(said.channel, said.ts).find((m) => m.files.length > 0));
    expect(withFile.threadTs).toBe(said.ts);
    expect(withFile.files[0].name).toBe('chart.png');
    expect([...withFile.files[0].data]).toEqual([137, 80, 78, 71, 1, 2, 3]);
    expect(rig.standIn.botMessages(said.channel, said.ts).map((m) => m.text)).toContain('上半年统计图');
  });

  it('downloads a shared file with the bot token when the assistant asks for it', async () => {
    const file = rig.standIn.addFile('纪要.txt', '主任会议纪要：研究视察安排。', 'text/plain');
    const said = userMessage(rig.standIn, { user: alice.id, text: '', dm: true, files: [{ id: file.id, name: file.name }] });
    await rig.slack.event(said);
    const [reply] = await rig.standIn.waitFor(() => rig.standIn.botMessages(said.channel, said.ts).length > 0 && rig.standIn.botMessages(said.channel, said.ts));
    expect(reply.text).toBe('收到「纪要.txt」：主任会议纪要：研究视察安排。');
    expect(rig.standIn.callsOf('GET url_private').at(-1)?.token).toBe(STAND_IN_BOT.botToken);
  });

  it('says so in Chinese when Slack will not hand over a shared file', async () => {
    const file = rig.standIn.addFile('纪要.txt', '主任会议纪要。', 'text/plain');
    rig.standIn.failing.set('url_private', 'sign-in page');
    try {
      const said = userMessage(rig.standIn, { user: alice.id, text: '', dm: true, files: [{ id: file.id, name: file.name }] });
      await rig.slack.event(said);
      const [reply] = await rig.standIn.waitFor(() => rig.standIn.botMessages(said.channel, said.ts).length > 0 && rig.standIn.botMessages(said.channel, said.ts));
      expect(reply.text).toContain('无法从 Slack 下载文件「纪要.txt」');
    } finally {
      rig.standIn.failing.clear();
    }
  });

  it('shows progress on the status message, then replaces it with the answer', async () => {
    const said = userMessage(rig.standIn, { user: alice.id, text: '慢' });
    await rig.slack.event(said);
    await rig.standIn.waitFor(() => rig.standIn.botMessages(said.channel, said.ts).some((m) => m.text === '检索完成。'));
    const shown = rig.standIn.botMessages(said.channel, said.ts);
    expect(shown).toHaveLength(1);
    expect(shown[0].edits).toBeGreaterThanOrEqual(1);
    const posted = rig.standIn.callsOf('chat.postMessage').find((c) => c.args.thread_ts === said.ts);
    expect(posted?.args.text).toBe('正在检索知识库…');
  });

  it('streams an answer into one message, edited only when it changed, then adds the sources', async () => {
    const said = userMessage(rig.standIn, { user: alice.id, text: '流式' });
    await rig.slack.event(said);
    await rig.standIn.waitFor(() => rig.standIn.botMessages(said.channel, said.ts).some((m) => m.text.includes('来源')));
    const shown = rig.standIn.botMessages(said.channel, said.ts);
    expect(shown).toHaveLength(1);
    expect(shown[0].text).toBe('根据第十二条，常委会会议由主任召集。[1]\n\n来源：[1] 议事规则 第十二条');
    const texts = [
      rig.standIn.callsOf('chat.postMessage').find((c) => c.args.thread_ts === said.ts)?.args.text,
      ...rig.standIn.callsOf('chat.update').filter((c) => c.args.ts === shown[0].ts).map((c) => c.args.text),
    ];
    expect(texts[0]).toBe('根据');
    for (let i = 1; i < texts.length; i += 1) expect(texts[i]).not.toBe(texts[i - 1]);
  });

  it('splits a long answer into several messages in the thread, nothing lost', async () => {
    const said = userMessage(rig.standIn, { user: alice.id, text: '长文' });
    await rig.slack.event(said);
    const shown = await rig.standIn.waitFor(() => {
      const all = rig.standIn.botMessages(said.channel, said.ts);
      return all.some((m) => m.text.includes('第300条')) && all;
    });
    expect(shown.length).toBeGreaterThan(1);
    expect(shown.every((m) => m.text.length <= 3000 && m.threadTs === said.ts)).toBe(true);
    expect(shown.map((m) => m.text).join('\n').split('\n')).toHaveLength(300);
  });

  it('answers a failed turn with a short Chinese apology and a logged code, and keeps serving', async () => {
    const said = userMessage(rig.standIn, { user: alice.id, text: '出错' });
    await rig.slack.event(said);
    const [apology] = await rig.standIn.waitFor(() => rig.standIn.botMessages(said.channel, said.ts).length > 0 && rig.standIn.botMessages(said.channel, said.ts));
    const code = /错误编号 (E[0-9A-Z]+)/.exec(apology.text)?.[1];
    expect(apology.text).toContain('抱歉');
    expect(apology.text).not.toContain('database is locked');
    expect(rig.failures.find((entry) => entry.ref === code)).toMatchObject({ message: 'database is locked', channel: 'slack', user: alice.id });
    const next = userMessage(rig.standIn, { user: alice.id, text: '还在吗' });
    await rig.slack.event(next);
    await rig.standIn.waitFor(() => rig.standIn.botMessages(next.channel, next.ts).some((m) => m.text === '你说：还在吗'));
  });
});
