/**
 * Lüzhi as `npm start` builds it (openServices), with a model service configured: answers
 * come from the chat model and stream to the channel's sink, unclear messages are read by the
 * model, embeddings come from the service and survive a restart, and a dead service still
 * gets the user an answer.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openServices, type Services } from '../../src/app.ts';
import type { Incoming } from '../../src/assistant/types.ts';
import { loadSettings } from '../../src/config.ts';
import { modelMessages } from '../../src/models/index.ts';
import { failWith, reply, startOpenAIStandIn, userMessageOf, type OpenAIStandIn } from '../support/openai-stand-in.ts';

const QUESTION = '常务委员会会议多久举行一次？';
const incoming = (text: string): Incoming => ({
  platform: 'terminal', userId: 'local', userName: '张三', chatId: 'local', threadId: 'terminal:local', text,
});

describe('services with a model service configured', () => {
  let service: OpenAIStandIn;
  let root: string;
  let dataDir: string;
  let services: Services | undefined;
  const open = (baseURL: string) => openServices({
    dataDir,
    settings: loadSettings({ OPENAI_BASE_URL: baseURL, LVZHI_CHAT_MODEL: 'office-qwen', LVZHI_EMBEDDING_MODEL: 'bge-m3' }),
    now: () => new Date('2024-06-20T09:00:00'),
    log: () => undefined,
  });

  beforeAll(async () => {
    service = await startOpenAIStandIn({ dimensions: 32 });
    root = mkdtempSync(join(tmpdir(), 'lvzhi-services-model-'));
    dataDir = join(root, 'data');
    const docs = join(root, 'docs');
    mkdirSync(docs);
    writeFileSync(join(docs, 'rules.md'),
      '# 议事规则\n\n第三条 常务委员会会议一般每两个月举行一次，必要时可以临时召集。\n\n第四条 常务委员会会议由主任召集并主持。\n');
    services = await open(service.baseURL);
    await services.knowledge.ingest([docs]);
  });
  afterAll(async () => {
    await services?.close();
    await service.close();
    rmSync(root, { recursive: true, force: true });
  });
  beforeEach(() => service.reset());

  it('answers a question with the model, streaming to the sink', async () => {
    service.enqueueChat(reply('常务委员会会议一般每两个月举行一次 [1]。必要时可以临时召集 [1]。', { chunkSize: 3 }));
    const partials: string[] = [];
    const answer = await services!.assistant.handle(incoming(QUESTION), { partial: async (t) => { partials.push(t); } });
    expect(answer.text).toContain('常务委员会会议一般每两个月举行一次 [1]。');
    // The passage the model cited is named under the answer.
    expect(answer.text).toMatch(/\[1\] 《[^》]+》/);
    // The first sentence is shown, checked, before the second is written.
    expect(partials.some((p) => p.includes('一般每两个月举行一次 [1]。') && !p.includes('临时召集'))).toBe(true);
    expect(userMessageOf(service.chatRequests()[0])).toContain('第三条');
    expect(service.embeddingRequests().at(-1)!.body.input).toEqual([QUESTION]);
  });

  it('lets the model read a message the rules cannot place', async () => {
    service.enqueueChat(reply('{"intent":"list","kinds":["inspection"],"from":null,"to":null}'));
    const answer = await services!.assistant.handle(incoming('城南防汛那些事给我看看'));
    expect(service.chatRequests().length).toBeGreaterThanOrEqual(1);
    expect(userMessageOf(service.chatRequests()[0])).toContain('城南防汛那些事给我看看');
    expect(answer.text).not.toMatch(/没太明白/);
  });

  it('reopens after a restart without embedding the passages again', async () => {
    await services!.close();
    services = undefined;
    services = await open(service.baseURL);
    const embedded = service.embeddingRequests().flatMap((r) => r.body.input as string[]);
    expect(embedded).toEqual(['维度探测']);
    service.enqueueChat(reply('一般每两个月举行一次 [1]。'));
    expect((await services.assistant.handle(incoming(QUESTION))).text).toContain('一般每两个月举行一次 [1]。');
  });

  it('still answers, with the note, when the chat model fails', async () => {
    service.enqueueChat(failWith(500), failWith(500), failWith(500));
    const answer = await services!.assistant.handle(incoming(QUESTION));
    expect(answer.text).toContain(modelMessages.fallbackNote);
    expect(answer.text).toContain('每两个月举行一次');
    expect(answer.text).not.toContain('错误编号');
    // And keeps serving: the next question goes to the model again.
    service.enqueueChat(reply('一般每两个月举行一次 [1]。'));
    expect((await services!.assistant.handle(incoming(QUESTION))).text).toContain('一般每两个月举行一次 [1]。');
  });

  it('never shows a drafted figure the log does not hold, and says the template was used', async () => {
    await services!.activities.addAll([{ date: '2023-03-15', kind: 'inspection', title: '视察重点民生项目建设' }], { by: '张三', channel: 'test' });
    await services!.activities.addAll([{ date: '2023-05-10', kind: 'research', title: '调研乡村振兴工作' }], { by: '张三', channel: 'test' });
    service.enqueueChat(reply('上半年视察三十次，参加代表120人次，覆盖12所学校。'), reply('上半年视察三十次，覆盖12所学校。'));
    const drafted = await services!.assistant.handle(incoming('/draft 起草2023年上半年视察调研工作总结'));
    expect(drafted.text).not.toMatch(/三十|120|12所/);
    expect(drafted.text).toContain('已改用模板起草');
    expect(drafted.text).toContain('其中视察1次、调研1次');
    expect(drafted.files?.[0]?.name).toBe('2023上半年视察调研工作总结.docx');
  });
});
