/**
 * The Telegram channel end to end: the real grammY bot against the Bot API stand-in, with
 * small scripted assistants (implementing the real `Assistant` interface) so each test looks
 * at one thing the channel does. The real assistant is exercised in telegram-assistant.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Assistant, Incoming, Reply, ReplySink } from '../../src/assistant/types.ts';
import { groupChat, makeUser, privateChat } from '../support/telegram-stand-in.ts';
import { startTelegram } from './telegram-harness.ts';

/** An assistant driven by a function, recording what it received. */
function scripted(answer: (incoming: Incoming, sink?: ReplySink) => Promise<Reply> | Reply): Assistant & { received: Incoming[] } {
  const received: Incoming[] = [];
  return {
    received,
    async handle(incoming, sink) {
      received.push(incoming);
      return answer(incoming, sink);
    },
  };
}

const echo = () => scripted((m) => ({ text: `回声：${m.text}` }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('telegram channel', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const clean of cleanups.splice(0).reverse()) await clean();
  });
  async function start(assistant: Assistant, extra = {}) {
    const t = await startTelegram(assistant, extra);
    cleanups.push(() => t.stop());
    return t;
  }

  const alice = makeUser(501, '王', { last_name: '芳' });
  const dm = privateChat(alice);

  it('registers its commands in Chinese and answers in escaped HTML with bold rendered', async () => {
    const assistant = scripted(() => ({ text: '**第十二条** 会议由主任召集。<b>原文</b> & “引号”' }));
    const { standIn } = await start(assistant);
    expect(standIn.commands.map((c) => c.command)).toEqual(['ask', 'log', 'stats', 'list', 'undo', 'edit', 'delete', 'draft', 'docs', 'web', 'help']);
    expect(standIn.commands.every((c) => /[\u4e00-\u9fff]/.test(c.description))).toBe(true);

    const asked = standIn.say(dm, alice, '/ask 常委会会议由谁召集');
    const reply = await standIn.waitForText(dm.id, '会议由主任召集');
    expect(reply.html).toBe('<b>第十二条</b> 会议由主任召集。&lt;b&gt;原文&lt;/b&gt; &amp; “引号”');
    expect(reply.text).toBe('第十二条 会议由主任召集。<b>原文</b> & “引号”');
    expect(reply.replyTo).toBe(asked.message_id);
    expect(standIn.callsOf('sendMessage')[0].params.parse_mode).toBe('HTML');
    expect(assistant.received[0]).toMatchObject({ platform: 'telegram', userId: '501', userName: '王 芳', chatId: '501', text: '/ask 常委会会议由谁召集' });
  });

  it('splits a reply longer than 4096 characters into several messages, losing nothing', async () => {
    const paragraphs = Array.from({ length: 60 }, (_, i) => `第${i + 1}段：` + '依法履职，'.repeat(30));
    const long = paragraphs.join('\n');
    const { standIn } = await start(scripted(() => ({ text: long })));
    standIn.say(dm, alice, '给我一份长材料');
    await standIn.waitFor(() => standIn.messagesIn(dm.id).some((m) => m.text.includes('第60段')), 'the last piece');
    const pieces = standIn.messagesIn(dm.id);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((m) => m.text.length <= 4096)).toBe(true);
    expect(pieces.map((m) => m.text).join('').replace(/\n/g, '')).toBe(long.replace(/\n/g, ''));
  });

  it('in a group answers only commands, @mentions and replies to itself, with the mention taken out', async () => {
    const assistant = echo();
    const { standIn } = await start(assistant);
    const group = groupChat(-100500);
    standIn.say(group, alice, '大家下午好，三点开会');
    standIn.say(group, alice, '/ask@some_other_bot 这不是问我的');
    const mention = standIn.say(group, alice, '@lvzhi_test_bot 上半年视察了几次');
    const first = await standIn.waitForText(group.id, '回声：上半年视察了几次');
    expect(first.replyTo).toBe(mention.message_id);
    standIn.say(group, alice, '那调研呢', { replyTo: first });
    await standIn.waitForText(group.id, '回声：那调研呢');
    standIn.say(group, alice, '/stats@lvzhi_test_bot 今年');
    await standIn.waitForText(group.id, '回声：/stats 今年');
    // Updates are handled in order, so the two quiet messages were already passed over.
    expect(assistant.received.map((m) => m.text)).toEqual(['上半年视察了几次', '那调研呢', '/stats 今年']);
    expect(standIn.messagesIn(group.id)).toHaveLength(3);
    // The reply to the bot continues the conversation of the message it answered.
    expect(assistant.received[1].threadId).toBe(assistant.received[0].threadId);
  });

  it('ignores its own messages and those of other bots', async () => {
    const assistant = echo();
    const { standIn } = await start(assistant);
    standIn.say(dm, standIn.bot, '回声：我说过的话');
    standIn.say(dm, makeUser(999, '别的机器人', { is_bot: true }), '/ask 机器人的问题');
    standIn.say(dm, alice, '真人的问题');
    await standIn.waitForText(dm.id, '回声：真人的问题');
    expect(assistant.received.map((m) => m.text)).toEqual(['真人的问题']);
  });

  it('keeps forum topics and reply chains apart, and answers inside the topic', async () => {
    const assistant = echo();
    const { standIn } = await start(assistant);
    const group = groupChat(-100600);
    standIn.say(group, alice, '/ask 在议题里问', { topicId: 42 });
    const inTopic = await standIn.waitForText(group.id, '回声：/ask 在议题里问');
    expect(inTopic.threadId).toBe(42);
    const root = standIn.say(group, alice, '/log 今天走访了企业');
    const answer = await standIn.waitForText(group.id, '回声：/log 今天走访了企业');
    expect(answer.threadId).toBeUndefined();
    standIn.say(group, alice, '/ask 另起一串', { replyTo: root });
    await standIn.waitForText(group.id, '回声：/ask 另起一串');
    const [topic, main, chain] = assistant.received.map((m) => m.threadId);
    expect(topic).toBe('telegram:-100600:42');
    expect(main).toBe('telegram:-100600:main');
    expect(chain).toBe(`telegram:-100600:main`); // the root message itself was in main
    standIn.say(group, alice, '/ask 回复一条没见过的消息', { replyTo: standIn.userMessage({ chat: group, from: alice, text: '旧消息' }) });
    await standIn.waitForText(group.id, '回声：/ask 回复一条没见过的消息');
    expect(assistant.received[3].threadId).toMatch(/^telegram:-100600:\d+$/);
  });

  it('hands documents over lazily: the assistant downloads the bytes through getFile', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'lvzhi-tg-'));
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
    const body = '# 议事规则\n\n第一条 常委会会议一般每两个月举行一次。\n';
    const assistant = scripted(async (m) => {
      const file = m.files?.[0];
      if (!file) return { text: '没有文件' };
      const to = join(folder, file.name);
      await file.download(to);
      return { text: `收到《${file.name}》，${readFileSync(to, 'utf8').length} 个字` };
    });
    const { standIn } = await start(assistant);
    standIn.sendFile(dm, alice, '议事规则.md', body, '请收录');
    await standIn.waitForText(dm.id, `收到《议事规则.md》，${body.length} 个字`);
    expect(assistant.received[0].text).toBe('请收录');
    expect(assistant.received[0].files?.[0]).toMatchObject({ name: '议事规则.md', size: Buffer.byteLength(body) });
    expect(standIn.callsOf('getFile')).toHaveLength(1);
  });

  it('tells the assistant in Chinese when Telegram will not hand a file over (over 20 MB)', async () => {
    const assistant = scripted(async (m) => {
      try {
        await m.files![0].download(join(tmpdir(), 'never-written.pdf'));
        return { text: '下载成功' };
      } catch (error) {
        return { text: (error as { userMessage?: string }).userMessage ?? '未知错误' };
      }
    });
    const { standIn } = await start(assistant);
    standIn.failNext('getFile', { error_code: 400, description: 'Bad Request: file is too big' });
    standIn.sendFile(dm, alice, '年度报告.pdf', 'x');
    await standIn.waitForText(dm.id, '20MB');
  });

  it('sends charts as photos and drafts as documents, with Chinese file names intact', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const docx = Buffer.from('PK\u0003\u0004 a word file', 'latin1');
    const { standIn } = await start(
      scripted(() => ({
        text: '上半年各类活动统计如下。',
        files: [
          { name: '统计图.png', data: png, kind: 'image', caption: '**上半年**活动' },
          { name: '上半年监督工作.docx', data: docx, kind: 'document' },
        ],
      })),
    );
    standIn.say(dm, alice, '/stats 上半年');
    await standIn.waitFor(() => standIn.messagesIn(dm.id).length === 3 || undefined, 'text, photo and document');
    const [text, photo, document] = standIn.messagesIn(dm.id);
    expect(text.text).toBe('上半年各类活动统计如下。');
    expect(photo).toMatchObject({ kind: 'photo', html: '<b>上半年</b>活动' });
    expect(photo.file?.data.equals(png)).toBe(true);
    expect(document.kind).toBe('document');
    expect(document.file?.filename).toBe('上半年监督工作.docx');
    expect(document.file?.data.equals(docx)).toBe(true);
  });

  it('offers choices as buttons; pressing one sends its text back in the same conversation', async () => {
    const assistant = scripted((m) =>
      m.text === '确认' ? { text: '已记录' } : { text: '日期还没到，确定要记录吗？', choices: [{ label: '确定记录', send: '确认' }, { label: '不记了', send: '取消' }] },
    );
    const { standIn } = await start(assistant);
    standIn.say(dm, alice, '/log 12月28日召开常委会会议');
    const question = await standIn.waitForText(dm.id, '确定要记录吗');
    expect(question.replyMarkup?.inline_keyboard.flat().map((b) => b.text)).toEqual(['确定记录', '不记了']);
    standIn.press(alice, question, '确定记录');
    await standIn.waitForText(dm.id, '已记录');
    expect(standIn.callsOf('answerCallbackQuery')).toHaveLength(1);
    expect(question.replyMarkup).toBeUndefined(); // pressed once, the buttons are gone
    expect(assistant.received[1]).toMatchObject({ text: '确认', userId: '501', threadId: assistant.received[0].threadId });
  });

  it('waits out a 429 flood limit (auto-retry) and still delivers the reply', async () => {
    const { standIn, logger } = await start(echo());
    standIn.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    standIn.say(dm, alice, '限流时的问题');
    await standIn.waitForText(dm.id, '回声：限流时的问题');
    const attempts = standIn.callsOf('sendMessage');
    expect(attempts).toHaveLength(2);
    expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(900);
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('shows progress on slow work: typing, then a status message that becomes the answer', async () => {
    const assistant = scripted(async (m) => {
      await m.progress?.('正在收录文件…');
      await sleep(300);
      return { text: '已收录 1 个文件' };
    });
    const { standIn } = await start(assistant, { typingDelayMs: 50 });
    standIn.say(dm, alice, '收录这个');
    await standIn.waitForText(dm.id, '已收录 1 个文件');
    const messages = standIn.messagesIn(dm.id);
    expect(messages).toHaveLength(1);
    expect(messages[0].edits).toBe(1);
    expect(standIn.callsOf('sendChatAction').some((c) => c.params.action === 'typing')).toBe(true);
  });

  it('streams an answer into one message at most about once a second, then adds the sources', async () => {
    const words = '常委会会议一般每两个月举行一次，必要时可以临时召开。'.split('');
    const assistant = scripted(async (_m, sink) => {
      let sofar = '';
      for (const word of words) {
        sofar += word;
        await sink?.partial(sofar);
        await sleep(100);
      }
      await sink?.partial(sofar); // the same text again must not cost an edit
      return { text: `${sofar}[1]\n\n来源：\n[1] 议事规则 第十二条`, streamed: true };
    });
    const { standIn } = await start(assistant);
    standIn.say(dm, alice, '/ask 常委会会议多久开一次');
    const final = await standIn.waitForText(dm.id, '来源：');
    expect(standIn.messagesIn(dm.id)).toHaveLength(1);
    expect(final.text).toContain('必要时可以临时召开。[1]');
    const edits = standIn.callsOf('editMessageText');
    // ~2.6 s of writing: a handful of edits, not one per word.
    expect(edits.length).toBeGreaterThanOrEqual(2);
    expect(edits.length).toBeLessThan(words.length / 3);
    const texts = edits.map((e) => e.params.text);
    expect(new Set(texts).size).toBe(texts.length);
    for (let i = 1; i < edits.length - 1; i += 1) expect(edits[i].at - edits[i - 1].at).toBeGreaterThanOrEqual(900);
  });

  it('apologises with an error code when a reply cannot be rendered, logs it, and keeps serving', async () => {
    const assistant = scripted((m) =>
      m.text === '要文件' ? { text: '文件如下', files: [{ name: 'a.docx', data: Buffer.from('x'), kind: 'document' }] } : { text: `回声：${m.text}` },
    );
    const { standIn, logger } = await start(assistant);
    standIn.failNext('sendDocument', { error_code: 400, description: 'Bad Request: file is too big' });
    standIn.say(dm, alice, '要文件');
    const apology = await standIn.waitForText(dm.id, '抱歉');
    const ref = /错误编号 (E[0-9A-Z]{5})/.exec(apology.text)?.[1];
    expect(ref).toBeTruthy();
    expect(logger.lines.some((l) => l.level === 'error' && l.ref === ref)).toBe(true);
    standIn.say(dm, alice, '还在吗');
    await standIn.waitForText(dm.id, '回声：还在吗');
  });

  it('answers several chats at once without one slow turn holding up the others', async () => {
    const assistant = scripted(async (m) => {
      if (m.text === '慢') await sleep(1500);
      return { text: `回声：${m.text}` };
    });
    const { standIn } = await start(assistant);
    const bob = makeUser(502, '李');
    standIn.say(dm, alice, '慢');
    await standIn.waitFor(() => assistant.received.length === 1 || undefined, 'the slow turn to begin');
    standIn.say(privateChat(bob), bob, '快');
    await standIn.waitForText(bob.id, '回声：快');
    expect(standIn.messagesIn(dm.id)).toHaveLength(0);
    await standIn.waitForText(dm.id, '回声：慢');
  });

  it('on stop, finishes the turns under way before returning', async () => {
    let finished = false;
    const assistant = scripted(async (m) => {
      await sleep(400);
      finished = true;
      return { text: `回声：${m.text}` };
    });
    const t = await startTelegram(assistant);
    t.standIn.say(dm, alice, '/log 今天召开了主任会议');
    await t.standIn.waitFor(() => assistant.received.length === 1 || undefined, 'the turn to begin');
    await t.channel.stop();
    expect(finished).toBe(true);
    expect(t.standIn.messagesIn(dm.id).map((m) => m.text)).toEqual(['回声：/log 今天召开了主任会议']);
    await t.standIn.close();
  });

  it('removes the status line when the reply is only a file', async () => {
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    const assistant = scripted(async (m) => {
      await m.progress?.('正在画图…');
      return { text: '', files: [{ name: 'chart.png', data: png, kind: 'image' }] };
    });
    const { standIn } = await start(assistant);
    standIn.say(dm, alice, '/stats 今年');
    await standIn.waitFor(() => (standIn.deleted.length === 1 && standIn.messagesIn(dm.id).length === 1) || undefined, 'the status line to go and the chart to come');
    expect(standIn.deleted[0].text).toBe('正在画图…');
    expect(standIn.messagesIn(dm.id).map((m) => m.kind)).toEqual(['photo']);
  });
});

describe('telegram channel start-up', () => {
  it('refuses to start with a token Telegram rejects, naming the setting', async () => {
    const { startTelegramStandIn } = await import('../support/telegram-stand-in.ts');
    const { createTelegramChannel } = await import('../../src/channels/telegram/index.ts');
    const { memoryLogger } = await import('./telegram-harness.ts');
    const standIn = await startTelegramStandIn();
    try {
      const channel = createTelegramChannel({ token: '1:wrong', apiRoot: standIn.apiRoot, assistant: echo(), logger: memoryLogger() });
      await expect(channel.start()).rejects.toMatchObject({ code: 'telegram_bad_token', userMessage: expect.stringContaining('TELEGRAM_BOT_TOKEN') });
    } finally {
      await standIn.close();
    }
  });
});
