/**
 * The warm-up of a large library's search path (search-warm-up.ts): it searches questions made
 * from the library's own passages once the index is complete, changes no answer, lets a person's
 * question go first, ends quietly when the knowledge base closes, and leaves a small library
 * alone. (How much faster the first questions are is measured in `npm run bench`, not here.)
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteKnowledgeBase } from '../../src/knowledge/index.ts';
import { SearchWarmUp, warmUpQuestion } from '../../src/knowledge/search-warm-up.ts';
import { tempDir } from '../support/kb-fixtures.ts';

const samples = join(import.meta.dirname, '..', '..', 'knowledge');
const root = tempDir('lvzhi-warm-up-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const QUESTIONS = ['常委会会议多久召开一次？', '代表建议应当在多长时间内答复？', '执法检查报告由谁提出？'];

describe('the search warm-up', () => {
  it('searches questions from the library itself once the ingest is complete, and answers stay the same', async () => {
    const dataDir = join(root, 'warmed');
    const lines: string[] = [];
    // The sample library counts as large here (the default is 50,000 units).
    const kb = await openSqliteKnowledgeBase({ dataDir, warmUpFromUnits: 1, log: (line) => lines.push(line) });
    await kb.ingest([samples]);
    await kb.indexed();
    const searches = await kb.warmedUp();
    expect(searches).toBeGreaterThan(10);
    const warmed = await Promise.all(QUESTIONS.map((q) => kb.ask(q)));
    kb.close();
    const cold = await openSqliteKnowledgeBase({ dataDir, warmUpFromUnits: Infinity });
    try {
      for (const [i, q] of QUESTIONS.entries()) {
        const answer = await cold.ask(q);
        expect(answer.answer).toBe(warmed[i].answer);
        expect(answer.found).toBe(warmed[i].found);
        expect(answer.sources).toEqual(warmed[i].sources);
      }
      expect(await cold.warmedUp()).toBe(0);
    } finally {
      cold.close();
    }
    expect(lines).toEqual([]);
  }, 60_000);

  it('leaves a small library alone by default', async () => {
    const kb = await openSqliteKnowledgeBase({ dataDir: join(root, 'small') });
    try {
      await kb.ingest([samples]);
      await kb.indexed();
      await kb.search(QUESTIONS[0], 5);
      expect(await kb.warmedUp()).toBe(0);
    } finally {
      kb.close();
    }
  }, 60_000);

  it('starts after the first question of a large library opened from its files', async () => {
    const dataDir = join(root, 'reopened');
    const first = await openSqliteKnowledgeBase({ dataDir, warmUpFromUnits: Infinity });
    await first.ingest([samples]);
    await first.indexed();
    first.close();
    const kb = await openSqliteKnowledgeBase({ dataDir, warmUpFromUnits: 1 });
    try {
      expect(await kb.warmedUp()).toBe(0); // opening loads nothing and warms nothing
      const hits = await kb.search(QUESTIONS[1], 5);
      expect(hits.length).toBeGreaterThan(0);
      expect(await kb.warmedUp()).toBeGreaterThan(10);
    } finally {
      kb.close();
    }
  }, 60_000);

  it('ends between two searches when the knowledge base closes, without a word in the log', async () => {
    const lines: string[] = [];
    const kb = await openSqliteKnowledgeBase({ dataDir: join(root, 'closed'), warmUpFromUnits: 1, log: (line) => lines.push(line) });
    await kb.ingest([samples]);
    await kb.indexed();
    await new Promise((resolve) => setTimeout(resolve, 5)); // under way
    kb.close();
    const searches = await kb.warmedUp();
    expect(searches).toBeLessThan(100);
    expect(lines).toEqual([]);
  }, 60_000);

  it('waits while a person\'s search is under way', async () => {
    const kb = await openSqliteKnowledgeBase({ dataDir: join(root, 'turns'), warmUpFromUnits: Infinity });
    try {
      await kb.ingest([samples]);
      let asking = 0;
      const overlapped: string[] = [];
      const warmUp = new SearchWarmUp({
        search: async (question) => {
          if (asking > 0) overlapped.push(question);
          return kb.search(question, 5);
        },
        questions: async () => Array.from({ length: 30 }, (_, i) => `${QUESTIONS[i % 3]}${i}`),
        units: () => kb.size(),
        log: () => {},
      }, 1);
      warmUp.start();
      // People's questions while it runs, each searched through `asked` as the knowledge base does,
      // and each spanning turns of the event loop as a large library's search does (it awaits its thread).
      const person = async (q: string) => warmUp.asked(async () => {
        asking++;
        try {
          await new Promise((resolve) => setTimeout(resolve, 10));
          return await kb.search(q, 5);
        } finally {
          asking--;
        }
      });
      for (let round = 0; round < 5; round++) {
        await Promise.all(QUESTIONS.map(person));
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      expect(await warmUp.done()).toBe(30);
      expect(overlapped).toEqual([]);
    } finally {
      kb.close();
    }
  }, 60_000);

  it('says why it stopped when it fails, once', async () => {
    const lines: string[] = [];
    const warmUp = new SearchWarmUp({
      search: async () => undefined,
      questions: async () => { throw new Error('数据库已关闭'); },
      units: () => 100_000,
      log: (line) => lines.push(line),
    });
    warmUp.start();
    warmUp.start();
    expect(await warmUp.done()).toBe(0);
    expect(lines).toEqual(['knowledge: the search warm-up stopped: 数据库已关闭']);
  });

  it('makes a question of a passage\'s longest clause, and none of a passage without one', () => {
    expect(warmUpQuestion('第十二条 常务委员会会议一般每两个月举行一次；有特殊需要的时候，可以临时召集会议。', 0))
      .toBe('常务委员会会议一般每两个月举行一次有什么规定？');
    expect(warmUpQuestion('第三章', 1)).toBeUndefined();
  });
});
