/**
 * Model-path figures against the local OpenAI stand-in (no network): the latency our layer
 * adds around the model, and how long a user waits for the fallback answer when the service
 * refuses connections or hangs. `npm run bench` can call `benchModels()`; run alone:
 *
 *   npx tsx scripts/bench-models.ts [--no-hang] [--questions 40]
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createExtractiveAnswerer } from '../src/knowledge/index.ts';
import { createModelAnswerer } from '../src/knowledge/answering/model-answerer.ts';
import type { ScoredPassage } from '../src/knowledge/types.ts';
import { OpenAIChatModel } from '../src/models/index.ts';
import { hang, reply, startOpenAIStandIn } from '../test/support/openai-stand-in.ts';
import { deadServiceURL } from '../test/support/closed-port.ts';

/** What `benchModels` measures (milliseconds). */
export interface ModelBench {
  readonly questions: number;
  /** A bare HTTP POST of the same request to the stand-in: the floor no client can beat. */
  readonly raw_http_ms_p50: number;
  /** The model answerer end to end (prompt, LangChain, HTTP, citation check), whole reply. */
  readonly answer_ms_p50: number;
  readonly answer_ms_p95: number;
  /** Same, streamed to an onPartial callback. */
  readonly streamed_answer_ms_p50: number;
  /** answer_ms_p50 − raw_http_ms_p50: what our layer adds around the model. */
  readonly added_ms_p50: number;
  /** Service refuses connections: first question (retries included), then once the breaker is open. */
  readonly refused_fallback_ms_first: number;
  readonly refused_fallback_ms_breaker_open: number;
  /** Service accepts and never answers: first question with production timeouts (null if skipped). */
  readonly hang_fallback_ms_first: number | null;
}

const QUESTION = '常委会会议多长时间举行一次？';

function passages(): ScoredPassage[] {
  const texts = [
    '常务委员会会议一般每两个月举行一次；有特殊需要的时候，可以临时召集会议。',
    '常务委员会会议由主任召集并主持。主任可以委托副主任主持会议。',
    '常务委员会会议必须有常务委员会全体组成人员的过半数出席，始得举行。',
    '常务委员会举行会议的时候，可以召开联组会议和分组会议。',
    '常务委员会会议议程草案，由主任会议拟订，提请常务委员会全体会议决定。',
  ];
  return texts.map((text, i) => ({
    passage: { id: i + 1, doc: 'rules.md', title: '议事规则', location: `第${i + 3}条`, context: '议事规则', text: text.repeat(3) },
    score: 1 - i / 10,
  }));
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] * 10) / 10;
};

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await work();
  return [value, performance.now() - t0];
}

/** Run the model-path measurements; about 20 s with the hang case, 2 s without. */
export async function benchModels(options: { questions?: number; hang?: boolean } = {}): Promise<ModelBench> {
  const questions = options.questions ?? 40;
  const service = await startOpenAIStandIn();
  const answerText = '常务委员会会议一般每两个月举行一次 [1]，由主任召集并主持 [2]。';
  service.setChatDefault(reply(answerText));
  const quiet = () => undefined;
  try {
    const model = new OpenAIChatModel({ model: 'bench', baseURL: service.baseURL });
    const answerer = createModelAnswerer({ model, fallback: createExtractiveAnswerer(), log: quiet });
    const given = passages();
    await answerer.answer(QUESTION, given); // warm up: module loading, first connection

    const body = JSON.stringify(service.chatRequests()[0].body);
    const raw: number[] = [];
    for (let i = 0; i < questions; i++) {
      raw.push((await timed(async () => {
        const res = await fetch(`${service.baseURL}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await res.json();
      }))[1]);
    }
    const whole: number[] = [];
    for (let i = 0; i < questions; i++) whole.push((await timed(() => answerer.answer(QUESTION, given)))[1]);
    const streamed: number[] = [];
    for (let i = 0; i < questions; i++) streamed.push((await timed(() => answerer.answer(QUESTION, given, { onPartial: quiet })))[1]);

    // Service down: nothing listens on the port. Production policies, fresh breaker.
    const refusedModel = new OpenAIChatModel({ model: 'bench', baseURL: await deadServiceURL() });
    const refused = createModelAnswerer({ model: refusedModel, fallback: createExtractiveAnswerer(), log: quiet });
    const [, refusedFirst] = await timed(() => refused.answer(QUESTION, given));
    for (let i = 0; i < 3 && refusedModel.breaker.state === 'closed'; i++) await refused.answer(QUESTION, given);
    const [, refusedOpen] = await timed(() => refused.answer(QUESTION, given));

    let hangFirst: number | null = null;
    if (options.hang !== false) {
      service.setChatDefault(hang());
      const hanging = createModelAnswerer({ model: new OpenAIChatModel({ model: 'bench', baseURL: service.baseURL }), fallback: createExtractiveAnswerer(), log: quiet });
      const [answer, ms] = await timed(() => hanging.answer(QUESTION, given));
      if (answer.mode !== 'extractive') throw new Error('expected the fallback answer');
      hangFirst = Math.round(ms);
    }

    const rawP50 = percentile(raw, 0.5);
    const answerP50 = percentile(whole, 0.5);
    return {
      questions,
      raw_http_ms_p50: rawP50,
      answer_ms_p50: answerP50,
      answer_ms_p95: percentile(whole, 0.95),
      streamed_answer_ms_p50: percentile(streamed, 0.5),
      added_ms_p50: Math.round((answerP50 - rawP50) * 10) / 10,
      refused_fallback_ms_first: Math.round(refusedFirst),
      refused_fallback_ms_breaker_open: Math.round(refusedOpen * 10) / 10,
      hang_fallback_ms_first: hangFirst,
    };
  } finally {
    await service.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--questions');
  const result = await benchModels({ hang: !args.includes('--no-hang'), questions: at >= 0 ? Number(args[at + 1]) : undefined });
  process.stdout.write(JSON.stringify(result) + '\n');
}
