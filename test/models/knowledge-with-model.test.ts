import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteKnowledgeBase, type OpenKnowledgeBase } from '../../src/knowledge/index.ts';
import { openKnowledgeBaseWithModel } from '../../src/knowledge/answering/model-answerer.ts';
import { OpenAIChatModel, modelMessages } from '../../src/models/index.ts';
import { quotingReply } from '../../scripts/model-stand-in.ts';
import { reply, startOpenAIStandIn, type OpenAIStandIn } from '../support/openai-stand-in.ts';
import { deadServiceURL } from '../support/closed-port.ts';

const fast = { attempts: 1, attemptTimeoutMs: 2_000, deadlineMs: 3_000, baseDelayMs: 5, maxDelayMs: 20 };
const QUESTIONS = ['常务委员会会议多久举行一次？', '代表提出议案需要多少人联名？', '今天天气怎么样？'];

describe('the knowledge base answering through a chat model', () => {
  let service: OpenAIStandIn;
  let root: string;
  let data: string;
  let offline: OpenKnowledgeBase;

  beforeAll(async () => {
    service = await startOpenAIStandIn();
    service.setChatDefault(reply((r) => quotingReply(r, 2), { chunkSize: 6 }));
    root = mkdtempSync(join(tmpdir(), 'lvzhi-kbm-'));
    const docs = join(root, 'docs');
    data = join(root, 'data');
    mkdirSync(docs);
    writeFileSync(join(docs, 'rules.md'), [
      '# 议事规则',
      '第三条 常务委员会会议一般每两个月举行一次，必要时可以临时召集。',
      '第四条 常务委员会会议由主任召集并主持。',
      '第九条 一个代表团或者三十名以上的代表联名，可以提出属于职权范围内的议案。',
      '第十条 常务委员会组成人员十人以上联名，可以向常务委员会提出议案。',
    ].join('\n\n'));
    offline = await openSqliteKnowledgeBase({ dataDir: data });
    await offline.ingest([docs]);
  });
  afterAll(async () => {
    offline.close();
    await service.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers in llm mode with the same sources the offline path retrieves, streaming as it goes', async () => {
    const chat = new OpenAIChatModel({ model: 'office-qwen', baseURL: service.baseURL, retry: fast });
    const kb = await openSqliteKnowledgeBase({ dataDir: data, chat }, openKnowledgeBaseWithModel);
    try {
      for (const question of QUESTIONS.slice(0, 2)) {
        const partials: string[] = [];
        const answer = await kb.ask(question, { k: 3, onPartial: (t) => partials.push(t) });
        const reference = await offline.ask(question, { k: 3 });
        expect(answer.mode).toBe('llm');
        expect(answer.sources).toEqual(reference.sources);
        expect(answer.answer).toContain(`“${reference.sources[0].text}” [1]`);
        // Shown as they pass the check, whole sentences at a time, each a beginning of the answer.
        expect(partials.length).toBeGreaterThan(0);
        for (const partial of partials) expect(answer.answer.startsWith(partial)).toBe(true);
      }
    } finally {
      kb.close();
    }
  });

  it('does not ask the model when nothing relevant was found', async () => {
    const chat = new OpenAIChatModel({ model: 'office-qwen', baseURL: service.baseURL, retry: fast });
    const kb = await openSqliteKnowledgeBase({ dataDir: data, chat }, openKnowledgeBaseWithModel);
    try {
      service.reset();
      const answer = await kb.ask(QUESTIONS[2], { k: 3 });
      expect(service.chatRequests()).toHaveLength(0);
      expect(answer).toEqual(await offline.ask(QUESTIONS[2], { k: 3 }));
    } finally {
      kb.close();
    }
  });

  it('falls back to exactly the offline answer, with the note, when the service is down', async () => {
    const chat = new OpenAIChatModel({ model: 'office-qwen', baseURL: await deadServiceURL(), retry: fast });
    const kb = await openSqliteKnowledgeBase({ dataDir: data, chat, answering: { log: () => undefined } }, openKnowledgeBaseWithModel);
    try {
      for (const question of QUESTIONS.slice(0, 2)) {
        const answer = await kb.ask(question, { k: 3 });
        const reference = await offline.ask(question, { k: 3 });
        expect(answer).toEqual({ ...reference, answer: `${modelMessages.fallbackNote}\n${reference.answer}` });
      }
    } finally {
      kb.close();
    }
  });

  it('is the plain knowledge base without a chat model', async () => {
    const kb = await openSqliteKnowledgeBase({ dataDir: data }, openKnowledgeBaseWithModel);
    try {
      expect(await kb.ask(QUESTIONS[0], { k: 3 })).toEqual(await offline.ask(QUESTIONS[0], { k: 3 }));
    } finally {
      kb.close();
    }
  });
});
