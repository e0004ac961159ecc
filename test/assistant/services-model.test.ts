/**
 * `openServices` with an OpenAI-compatible service configured (a stand-in on 127.0.0.1):
 * answers come from the chat model with citations, and a failing model falls back to the
 * offline answer rather than failing the turn.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices, ingestSamplesIfEmpty, type Services } from '../../src/app.ts';
import type { Incoming } from '../../src/assistant/types.ts';
import { loadSettings } from '../../src/config.ts';
import { quotingReply } from '../../scripts/model-stand-in.ts';
import { failWith, reply, startOpenAIStandIn, type OpenAIStandIn } from '../support/openai-stand-in.ts';

const ask = (text: string): Incoming => ({ platform: 'terminal', userId: 'local', userName: '小王', chatId: 'local', threadId: 'terminal:model', text });

describe('services with a chat model configured', () => {
  let service: OpenAIStandIn;
  let services: Services;
  let dataDir: string;

  beforeAll(async () => {
    service = await startOpenAIStandIn();
    service.setChatDefault(reply((r) => quotingReply(r, 2)));
    dataDir = mkdtempSync(join(tmpdir(), 'lvzhi-services-model-'));
    services = await openServices({
      dataDir,
      settings: loadSettings({ OPENAI_BASE_URL: service.baseURL, OPENAI_API_KEY: 'sk-test', LVZHI_CHAT_MODEL: 'stand-in-chat' }),
    });
    await ingestSamplesIfEmpty(services.knowledge, new PassThrough());
  });
  afterAll(async () => {
    await services.close();
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers through the model, citing the passages it was given', async () => {
    const reply = await services.assistant.handle(ask('常委会会议多久开一次'));
    expect(service.chatRequests().length).toBeGreaterThan(0);
    expect(reply.text).toContain('根据所给资料');
    expect(reply.text).toContain('每两个月举行一次');
    expect(reply.text).toMatch(/\[\d\] 《[^》]+》/);
  });

  it('falls back to the offline answer when the model fails, and keeps serving', async () => {
    service.enqueueChat(failWith(500), failWith(500), failWith(500), failWith(500));
    const reply = await services.assistant.handle(ask('常委会会议多久开一次'));
    expect(reply.text).toContain('每两个月举行一次');
    expect(reply.text).not.toContain('错误编号');
  });

  it('never shows a drafted figure the log does not hold, and says the template was used', async () => {
    services.activityLog.add({ date: '2023-03-15', kind: 'inspection', title: '视察重点民生项目建设' }, { by: '小王', channel: 'test' });
    services.activityLog.add({ date: '2023-05-10', kind: 'research', title: '调研乡村振兴工作' }, { by: '小王', channel: 'test' });
    service.enqueueChat(reply('上半年视察三十次，参加代表120人次，覆盖12所学校。'), reply('上半年视察三十次，覆盖12所学校。'));
    const drafted = await services.assistant.handle(ask('/draft 起草2023年上半年视察调研工作总结'));
    expect(drafted.text).not.toMatch(/三十|120|12所/);
    expect(drafted.text).toContain('已改用模板起草');
    expect(drafted.text).toContain('其中视察1次、调研1次');
    expect(drafted.files?.[0]?.name).toBe('2023上半年视察调研工作总结.docx');
  });
});
