/**
 * Several questions in one message are told apart by reading each, then answered: with a model
 * configured, a question the rules cannot place goes to the model once, not once per reading.
 */
import { afterAll, beforeAll, afterEach, describe, expect, it } from 'vitest';
import { createModelReader } from '../../src/reader/model-reader.ts';
import { RuleReader, loadTaxonomy, type MessageReader } from '../../src/reader/index.ts';
import { OpenAIChatModel } from '../../src/models/index.ts';
import { makeBench, say, type TestBench } from '../support/assistant-helpers.ts';
import { reply, startOpenAIStandIn, type OpenAIStandIn } from '../support/openai-stand-in.ts';

describe('a message of several questions, with a model reader', () => {
  let service: OpenAIStandIn;
  let bench: TestBench | undefined;
  beforeAll(async () => { service = await startOpenAIStandIn(); });
  afterAll(async () => { await service.close(); });
  afterEach(() => { bench?.close(); bench = undefined; });

  it('asks the model about each unclear question once', async () => {
    const taxonomy = loadTaxonomy();
    const ruleReader = new RuleReader(taxonomy);
    // The real rules, except that this question is taken as one they cannot place (as in the
    // model reader's own tests): the rules keep improving, the model's part must stay tested.
    const gap = '调研呢？';
    const rules: MessageReader = { read: async (text, now) => (text === gap ? { intent: 'unclear', question: '没太明白您的意思。' } : ruleReader.read(text, now)) };
    const reader = createModelReader({
      rules, taxonomy, timeoutMs: 5_000, log: () => undefined,
      model: new OpenAIChatModel({ model: 'office-qwen', baseURL: service.baseURL, retry: { attempts: 1 }, breaker: { failureThreshold: 100 } }),
    });
    bench = makeBench(reader);
    await bench.assistant.handle(say('2023年3月3日视察了学校'));
    await bench.assistant.handle(say('2023年4月3日组织代表开展了调研'));
    service.reset();
    // The model reads the second question as a count of research, naming no period (it names
    // none); the period of the question before it carries over.
    service.enqueueChat(reply(JSON.stringify({ intent: 'count', kinds: ['research'], from: null, to: null })));
    const text = (await bench.assistant.handle(say(`今年视察了几次？${gap}`))).text;
    expect(text).toBe('2023年共视察 1 次。\n\n2023年共调研 1 次。');
    expect(service.chatRequests()).toHaveLength(1);
  });
});
