/**
 * Follow-ups of a draft in chat, through the real assistant, reader, drafter and SQLite log over
 * the shared fixture log (../shared/fixtures/activities-2023h1.csv): 再短一点 keeps the period,
 * topic and every figure; 压缩到200字 meets the length by leaving whole items out and says which;
 * 加上下半年打算 says the plan is not in the log; 把数字再核一下 lists each figure with its count;
 * an edit it cannot make says what it can.
 */
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RuleReader, loadTaxonomy } from '../../src/reader/index.ts';
import { chatDraft, countedFigures, createDrafter } from '../../src/drafting/index.ts';
import { sqliteActivityStore } from '../../src/log/index.ts';
import type { DraftingPort } from '../../src/assistant/index.ts';
import { makeBench, say, type TestBench } from '../support/assistant-helpers.ts';
import { byCli } from '../support/log-helpers.ts';

const FIXTURE_LOG = resolve(import.meta.dirname, '../../../shared/fixtures/activities-2023h1.csv');
const taxonomy = loadTaxonomy();
const reader = new RuleReader(taxonomy);
let bench: TestBench;
afterEach(() => bench?.close());

/** A bench over the fixture log with the real drafter behind the assistant (today 2023-07-05). */
async function benchWithDrafting(): Promise<TestBench> {
  let log: TestBench['log'] | undefined;
  const drafting: DraftingPort = {
    async draft(request, { now }) {
      const drafter = createDrafter({ log: sqliteActivityStore(log!), taxonomy });
      return chatDraft(await drafter.draft({ request, now }), taxonomy);
    },
  };
  bench = makeBench(reader, { drafting });
  log = bench.log;
  await bench.log.importFile(FIXTURE_LOG, byCli('导入员'));
  return bench;
}
const ask = async (text: string) => bench.assistant.handle(say(text));
/** The draft itself: the reply up to its basis line. */
const draftOf = (text: string) => text.split('\n\n依据活动记录')[0];
const bodyLength = (draft: string) => draft.split('\n').slice(1).join('').replace(/\s/g, '').length;
const figures = (draft: string) => countedFigures(draft).map((f) => f.text).sort();
const basisOf = (text: string) => /依据活动记录[^\n]*/.exec(text)?.[0];

describe('after a draft in chat: shorter, a length, the plan, the figures, other edits', () => {
  it('再短一点: the same period, topic and figures in a shorter text', async () => {
    await benchWithDrafting();
    const first = await ask('帮我写一段上半年监督工作的总结');
    const shorter = await ask('再短一点');
    const [a, b] = [draftOf(first.text), draftOf(shorter.text)];
    expect(b.split('\n')[0]).toBe(a.split('\n')[0]);
    expect(bodyLength(b)).toBeLessThan(bodyLength(a));
    expect(figures(b)).toEqual(figures(a));
    expect(basisOf(shorter.text)).toBe(basisOf(first.text));
    expect(basisOf(shorter.text)).toContain('2023-01-01 至 2023-06-30');
    expect(shorter.files?.[0]?.name).toMatch(/上半年监督工作总结\.docx$/);
    // Again: already only its figures' sentences, it says so rather than drop a figure.
    const again = await ask('再短一点');
    expect(figures(draftOf(again.text))).toEqual(figures(a));
    expect(again.text).toContain('再短就要拿掉数字或整项工作');
  });

  it('压缩到200字: within the length, whole sentences, and what was left out said', async () => {
    await benchWithDrafting();
    await ask('帮我起草上半年常委会工作总结');
    const reply = await ask('压缩到200字');
    const draft = draftOf(reply.text);
    expect(bodyLength(draft)).toBeLessThanOrEqual(200);
    expect(reply.text).toMatch(/[^\n]*只写了次数，没有展开/);
    expect(reply.text).not.toContain('请酌情删减');
    // Every paragraph ends a sentence; none is a clause cut short.
    for (const line of draft.split('\n').slice(1)) expect(line).toMatch(/[。！：]$/);
    expect(basisOf(reply.text)).toContain('2023-01-01 至 2023-06-30');
  });

  it('加上下半年打算: the work done drafted again, the plan said to be the office’s, none invented', async () => {
    await benchWithDrafting();
    const first = await ask('帮我写一段上半年监督工作的总结');
    const reply = await ask('加上下半年打算');
    expect(reply.text).toContain('计划部分请在稿中补充');
    expect(figures(draftOf(reply.text))).toEqual(figures(draftOf(first.text)));
    expect(draftOf(reply.text)).not.toMatch(/下半年[，,]?(?:将|计划|拟)/);
  });

  it('把数字再核一下: each figure with its count in the log', async () => {
    await benchWithDrafting();
    const first = await ask('帮我写一段上半年监督工作的总结');
    const check = await ask('把数字再核一下');
    expect(check.text).toContain('2023-01-01 至 2023-06-30');
    const stated = countedFigures(draftOf(first.text));
    expect(stated.length).toBeGreaterThan(0);
    const lines = check.text.split('\n').filter((l) => l.startsWith('· '));
    expect(lines).toHaveLength(stated.length);
    for (const [i, f] of stated.entries()) {
      expect(lines[i]).toContain(f.text);
      expect(lines[i]).toMatch(new RegExp(`活动记录中\\S+ ${f.value} 次，一致$`));
    }
    // The log's own count for 视察 agrees with the line.
    const inspections = (await bench.log.stats({ from: '2023-01-01', to: '2023-06-30', kinds: ['inspection'] })).total;
    expect(check.text).toContain(`视察 ${inspections} 次`);
    expect(check.files).toBeUndefined();
  });

  it('口语化一点, 去掉第二段: what can be done, not a search or a new draft', async () => {
    await benchWithDrafting();
    await ask('帮我写一段上半年监督工作的总结');
    for (const edit of ['口语化一点', '去掉第二段']) {
      const reply = await ask(edit);
      expect(reply.text).toContain('这样的修改我做不了');
      expect(reply.text).toContain('再短一点');
      expect(reply.files).toBeUndefined();
    }
    // The draft is still the thread's: 再短一点 after them shortens it.
    expect((await ask('再短一点')).files?.[0]?.name).toMatch(/上半年监督工作总结\.docx$/);
  });
});
