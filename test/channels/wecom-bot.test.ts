/**
 * The WeCom AI bot channel against its stand-in: the answer streams into one message (progress,
 * partial text, the final text), a msgid delivered twice is answered once, long answers
 * continue as pushed messages, choices as a card whose press sends the choice once, files sent
 * (chunked upload) and received (decrypted, size-limited), "too frequent" retried, and a
 * wrong secret stops the start with a Chinese message.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for.ts';
import type { Incoming, Reply, ReplySink } from '../../src/assistant/types.ts';
import { createWecomBotChannel } from '../../src/channels/wecom/index.ts';
import { memoryChannelLogger } from '../../src/channels/kit/index.ts';
import { startWecomBotStandIn } from '../support/wecom-bot-stand-in.ts';
import { LONG_ANSWER, ScriptedAssistant } from './push-scripted-assistant.ts';
import { startWecomBotRig, type WecomBotRig } from './wecom-bot-harness.ts';

describe('WeCom AI bot channel', () => {
  let rig: WecomBotRig;
  let assistant: ScriptedAssistant;

  beforeEach(async () => {
    assistant = new ScriptedAssistant();
    rig = await startWecomBotRig(assistant);
  });
  afterEach(async () => {
    await rig.close();
  });

  const shown = () => rig.standIn.shownIn('zhangsan');

  it('streams progress and the answer into one message, finished once', async () => {
    assistant.handle = async (incoming: Incoming, sink?: ReplySink): Promise<Reply> => {
      await incoming.progress?.('正在查找…');
      await new Promise((r) => setTimeout(r, 80));
      for (const part of ['常委会会议', '常委会会议一般每两个月', '常委会会议一般每两个月举行一次']) {
        await sink?.partial(part);
        await new Promise((r) => setTimeout(r, 80));
      }
      return { text: '常委会会议一般每两个月举行一次。[1]', streamed: true };
    };
    rig.standIn.say('zhangsan', '常委会会议多久开一次');
    await waitFor(() => shown()[0]?.finished, 'the finished stream');
    await rig.channel.idle();
    expect(shown()).toHaveLength(1);
    expect(shown()[0]).toMatchObject({ kind: 'stream', text: '常委会会议一般每两个月举行一次。[1]', finished: true });
    expect(shown()[0].updates).toBeGreaterThanOrEqual(3); // progress, at least one partial, the final text
  });

  it('marks a single chat as direct and a group chat as not, so /web links go only to the person', async () => {
    rig.standIn.say('zhangsan', '一对一');
    rig.standIn.say('zhangsan', '群里', { group: 'wrGROUP7' });
    await waitFor(() => assistant.received.length === 2, 'both messages');
    const byText = new Map(assistant.received.map((m) => [m.text.trim(), m]));
    expect(byText.get('一对一')?.direct).toBe(true);
    expect(byText.get('群里')?.direct).toBe(false);
  });

  it('answers a msgid delivered twice once, and continues a long answer as pushed messages', async () => {
    rig.standIn.say('zhangsan', '长', { msgid: 'same' });
    rig.standIn.say('zhangsan', '长', { msgid: 'same' });
    await waitFor(() => shown().length >= 1 && shown()[0].finished, 'the answer');
    await rig.channel.idle();
    expect(assistant.received).toHaveLength(1);
    expect(shown().map((m) => m.kind)).toEqual(['stream']); // 8 KB fits in one 20 KB message
    expect(shown()[0].text).toBe(LONG_ANSWER);
    const longer = Array.from({ length: 6 }, () => LONG_ANSWER).join('\n');
    assistant.handle = async () => ({ text: longer });
    rig.standIn.say('zhangsan', '更长');
    await waitFor(() => shown().length >= 4, 'the pieces');
    await rig.channel.idle();
    expect(shown().slice(1).map((m) => m.kind)).toEqual(['stream', 'markdown', 'markdown']);
    for (const m of shown()) expect(Buffer.byteLength(m.text)).toBeLessThanOrEqual(20_000);
    expect(shown().slice(1).map((m) => m.text).join('\n')).toBe(longer);
  });

  it('offers choices as a card; a press sends the choice once', async () => {
    rig.standIn.say('zhangsan', '选');
    const card = await waitFor(() => shown().find((m) => m.kind === 'template_card'), 'the card');
    const template = card.body.template_card as { task_id: string; button_list: { key: string; text: string }[] };
    expect(template.button_list.map((b) => b.text)).toEqual(['按计划记录', '取消']);
    rig.standIn.press('zhangsan', template.button_list[0].key, template.task_id);
    rig.standIn.press('zhangsan', template.button_list[1].key, template.task_id);
    await waitFor(() => shown().some((m) => m.text === '回声：确认'), 'the chosen turn');
    await rig.channel.idle();
    expect(assistant.received.map((m) => m.text)).toEqual(['选', '确认']);
    expect(shown().at(-1)!.text).toMatch(/已经用过或已过期/);
  });

  it('uploads charts and drafts in chunks, and retries a "too frequent" answer', async () => {
    rig.standIn.busyFor(1);
    rig.standIn.say('zhangsan', '文件');
    await waitFor(() => shown().filter((m) => m.kind === 'file').length === 1, 'the draft');
    await rig.channel.idle();
    expect(shown().map((m) => `${m.kind}:${m.text}`)).toEqual(['stream:上半年情况见附件。', 'image:统计图.png', 'markdown:上半年活动统计', 'file:上半年监督工作.docx']);
    expect([...rig.standIn.media.values()].map((m) => m.data.length)).toEqual([16, 10]); // the PNG header and the draft stand-in, byte for byte
  });

  it('decrypts a file a person sends, and refuses one over the limit', async () => {
    rig.standIn.sendFile('zhangsan', '议事规则.md', Buffer.from('# 议事规则\n第一条 会议每两个月举行一次。'));
    rig.standIn.sendFile('zhangsan', '大文件.pdf', Buffer.alloc(4096, 1));
    await waitFor(() => shown().some((m) => m.text.includes('大文件.pdf')), 'the refusal');
    await rig.channel.idle();
    expect(assistant.downloaded).toEqual([{ name: '议事规则.md', bytes: Buffer.byteLength('# 议事规则\n第一条 会议每两个月举行一次。') }]);
  });
});

describe('WeCom AI bot start-up', () => {
  it('stops the start with a Chinese message when the secret is wrong', async () => {
    const standIn = await startWecomBotStandIn();
    try {
      const channel = createWecomBotChannel({ botId: standIn.botId, secret: 'wrong', wsUrl: standIn.wsUrl, assistant: new ScriptedAssistant(), logger: memoryChannelLogger('wecom'), connectTimeoutMs: 5_000 });
      await expect(channel.start()).rejects.toMatchObject({ code: 'channel_credentials', userMessage: expect.stringContaining('WECOM_BOT_SECRET') });
    } finally {
      await standIn.close();
    }
  });
});
