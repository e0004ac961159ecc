/**
 * Streaming to Telegram through the real assistant (issue 5): a chat model on the OpenAI
 * stand-in writes its answer slowly; the user sees one message grow at a sensible rate
 * (at most about one edit a second, never the same text twice) and then get its sources.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OpenAIChatModel } from '../../src/models/index.ts';
import { reply, startOpenAIStandIn, type OpenAIStandIn } from '../support/openai-stand-in.ts';
import { makeUser, privateChat } from '../support/telegram-stand-in.ts';
import { startTelegram } from './telegram-harness.ts';
import { openRealAssistant, type RealAssistant } from './telegram-real-assistant.ts';

describe('telegram streaming with the real assistant and a model', () => {
  let model: OpenAIStandIn | undefined;
  let real: RealAssistant | undefined;
  let stopTelegram: (() => Promise<void>) | undefined;
  let folder: string | undefined;
  afterEach(async () => {
    await stopTelegram?.();
    await real?.close();
    await model?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('grows one message while the model writes, then shows the cited sources', async () => {
    model = await startOpenAIStandIn();
    // Two sentences: what is shown grows a checked sentence at a time.
    const answer = '根据议事规则，常务委员会会议一般每两个月举行一次[1]。有特殊需要的时候，可以临时召集会议[1]。';
    model.setChatDefault(reply(answer, { chunkSize: 2, chunkDelayMs: 60 }));
    const user = makeUser(901, '周');
    real = await openRealAssistant({ allow: `telegram:${user.id}`, chat: new OpenAIChatModel({ model: 'stand-in-chat', baseURL: model.baseURL }) });
    folder = mkdtempSync(join(tmpdir(), 'lvzhi-tg-stream-'));
    const rules = join(folder, '议事规则.md');
    writeFileSync(rules, '# 议事规则\n\n第八条 常务委员会会议一般每两个月举行一次；有特殊需要的时候，可以临时召集会议。\n\n第九条 常务委员会会议由主任召集并主持。\n');
    await real.knowledge.ingest([rules]);
    const running = await startTelegram(real.assistant);
    stopTelegram = running.stop;
    const { standIn } = running;

    standIn.say(privateChat(user), user, '/ask 常委会会议多久举行一次');
    const final = await standIn.waitFor(
      () => standIn.messagesIn(user.id).find((m) => m.text.includes('临时召集会议') && m.text.includes('第八条')),
      'the finished answer with its source',
      15_000,
    );
    await running.channel.idle();
    expect(standIn.messagesIn(user.id)).toHaveLength(1);
    expect(final.text).toContain('每两个月举行一次');
    const edits = standIn.callsOf('editMessageText').filter((c) => Number(c.params.chat_id) === user.id);
    const texts = [standIn.callsOf('sendMessage')[0].params.text, ...edits.map((e) => e.params.text)];
    // The answer grew in view: the first shown text is a beginning of the answer, not all of it.
    expect(String(texts[0]).length).toBeLessThan(answer.length);
    expect(new Set(texts).size).toBe(texts.length);
    // ~30 pieces over ~2 s: a few edits, not one per piece.
    expect(edits.length).toBeLessThan(10);
    expect(real.errors).toEqual([]);
  });
});
