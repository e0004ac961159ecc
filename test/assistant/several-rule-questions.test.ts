/**
 * Several questions on the rules in one message, over a real knowledge base of the project's
 * sample documents (knowledge/, read in place): each question is answered under its own number
 * with its own citation, or its own 没有找到; a question leaning on the one before is searched
 * with its subject and shown restated; a message asking one thing is answered as before.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RuleReader, loadTaxonomy } from '../../src/reader/index.ts';
import { openSqliteKnowledgeBase, type OpenKnowledgeBase } from '../../src/knowledge/index.ts';
import { ruleQuestions } from '../../src/assistant/several-rule-questions.ts';
import { renderAnswer } from '../../src/assistant/render.ts';
import { makeBench, say, type TestBench } from '../support/assistant-helpers.ts';

const reader = new RuleReader(loadTaxonomy());
const RULES = '《某区人民代表大会常务委员会议事规则》';
let root: string;
let kb: OpenKnowledgeBase;
let bench: TestBench;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'lvzhi-rule-questions-'));
  kb = await openSqliteKnowledgeBase({ dataDir: root });
  await kb.ingest([join(import.meta.dirname, '..', '..', 'knowledge')]);
  bench = makeBench(reader, { knowledge: kb });
}, 120_000);

afterAll(() => {
  bench?.close();
  kb?.close();
  rmSync(root, { recursive: true, force: true });
});

/** The reply's answers, one per numbered question (the text from each header to the next). */
function answers(text: string): string[] {
  return text.split(/\n\n(?=\*\*\d\. )/);
}

describe('several questions on the rules in one message', () => {
  it('answers each question under its number, each with its own quote and citation, streaming them in order', async () => {
    const partials: string[] = [];
    const reply = await bench.assistant.handle(say('常委会会议多久举行一次？议案要在开会前几天提交？'), {
      partial: async (text) => void partials.push(text),
    });
    const [first, second, more] = answers(reply.text);
    expect(more).toBeUndefined();
    expect(first).toMatch(/^\*\*1\. 常委会会议多久举行一次？\*\*\n/);
    expect(first).toContain('每两个月举行一次');
    expect(first).toContain(`[1] ${RULES} 第二章 › 第四条`);
    expect(second).toMatch(/^\*\*2\. 议案要在开会前几天提交？\*\*\n/);
    expect(second).toContain('十五日以前提交');
    expect(second).toContain(`[1] ${RULES} 第三章 › 第十三条`);
    expect(second).not.toContain('第四条');
    // The second answer is shown below the whole first one while it is written.
    expect(partials[0]).toMatch(/^\*\*1\. /);
    expect(partials.at(-1)).toMatch(/第四条[\s\S]*\*\*2\. 议案要在开会前几天提交？\*\*\n.*十五日以前/);
  });

  it('searches a question with no subject of its own with the subject of the one before, and says so', async () => {
    const [first, second] = answers((await bench.assistant.handle(say('常委会会议多久举行一次？谁来主持？'))).text);
    expect(first).toContain('每两个月举行一次');
    expect(second).toMatch(/^\*\*2\. 谁来主持常委会会议？\*\*\n常务委员会会议由主任召集并主持/);
    expect(second).toContain(`[1] ${RULES} 第二章 › 第四条`);
  });

  it('answers the question the documents answer and says 没有找到 for the one they do not', async () => {
    const [first, second] = answers((await bench.assistant.handle(say('常委会会议多久举行一次？委员的工资是多少？'))).text);
    expect(first).toContain('每两个月举行一次');
    expect(first).toContain(`[1] ${RULES}`);
    expect(second).toMatch(/^\*\*2\. 委员的工资是多少？\*\*\n知识库中没有找到/);
    expect(second).not.toContain('[1]');
    expect(second).not.toContain('每两个月');
  });

  it('answers a question with a condition before it as one question, exactly as a single question is answered', async () => {
    for (const text of ['委员因病不能出席会议，应当怎么请假？', '如果委员因病不能出席会议？应当怎么请假？']) {
      const reply = await bench.assistant.handle(say(text));
      expect(reply.text).not.toMatch(/\*\*\d\. /);
      expect(reply.text).toContain('向主任书面请假');
      expect(reply.text).toBe(renderAnswer(await kb.ask(text, { k: 5 })));
    }
  });

  it('restates the leaning questions of the shared dev set with what they lean on, and leaves whole questions as written', async () => {
    const today = '2026-12-02';
    expect(await ruleQuestions('全国人代会多久开一次？谁来召集？', reader, today)).toEqual(['全国人代会多久开一次？', '谁来召集全国人代会？']);
    expect(await ruleQuestions('常委会表决通过一项决议需要多少票？是按到会人数算吗？', reader, today))
      .toEqual(['常委会表决通过一项决议需要多少票？', '常委会表决通过一项决议，是按到会人数算吗？']);
    expect(await ruleQuestions('新规定能不能管以前发生的事？有没有例外？', reader, today))
      .toEqual(['新规定能不能管以前发生的事？', '新规定管以前发生的事，有没有例外？']);
    expect(await ruleQuestions('24年开始发的超长期特别国债，第一年发多少？用在哪？', reader, today))
      .toEqual(['24年开始发的超长期特别国债，第一年发多少？', '24年开始发的超长期特别国债，用在哪？']);
    // 那县级呢？ asks the question before of another level: it is not searched with the national subject.
    expect(await ruleQuestions('全国人大代表要提议案，需要多少人联名？那县级呢？', reader, today))
      .toEqual(['全国人大代表要提议案，需要多少人联名？', '县级人大代表要提议案，需要多少人联名？']);
    expect(await ruleQuestions('全国人代会多久开一次？人大代表的工资是多少？', reader, today))
      .toEqual(['全国人代会多久开一次？', '人大代表的工资是多少？']);
    // One question, a count among them, or more than four: answered as before.
    expect(await ruleQuestions('我们区人口刚过一百万，区人大常委会组成人员最多能有多少人？', reader, today)).toBeUndefined();
    expect(await ruleQuestions('全国人代会多久开一次？今年视察了几次？', reader, today)).toBeUndefined();
    expect(await ruleQuestions('一是什么？二是什么？三是什么？四是什么？五是什么？', reader, today)).toBeUndefined();
  });
});
