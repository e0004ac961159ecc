/**
 * The keyword search thread: a large index's pruned searches answered on a worker thread over
 * the same shared arrays must return exactly what the index returns on the caller's thread —
 * the same passages, order and scores — across index replacements, and a thread that dies or
 * is closed must leave its searches answered here, with a warning, never lost or hung. A
 * knowledge base searching on its thread answers as one that does not.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteKnowledgeBase } from '../../src/knowledge/index.ts';
import { Bm25Builder, Bm25Index } from '../../src/knowledge/search/bm25-index.ts';
import { Bm25SearchThread } from '../../src/knowledge/search/bm25-search-thread.ts';
import { benchQuestions, seededRandom, writeBenchCorpus } from '../../scripts/bench-corpus.ts';
import { tempDir } from '../support/kb-fixtures.ts';

const root = tempDir('lvzhi-bm25-thread-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** An index of `units` generated units saved to a file and read back (so its arrays are shared). */
function savedIndex(name: string, units: number, seed: number): Bm25Index {
  const random = seededRandom(seed);
  const builder = new Bm25Builder();
  const made: string[][] = [];
  // Passages of one to three units (a whole and its paragraphs), every ninth a copy of an earlier one (ties).
  for (let id = 1, unit = 0; unit < units; id++) {
    for (let part = 1 + Math.floor(random() * 3); part > 0 && unit < units; part--, unit++) {
      const text = id % 9 === 0 && made.length > 10
        ? made[Math.floor(random() * made.length)]
        : Array.from({ length: 4 + Math.floor(random() * 20) }, () => `词${Math.floor(random() ** 2 * 300)}`);
      made.push(text);
      builder.add(id, text, [`题${Math.floor(id / 200)}`, '工作']);
    }
  }
  const path = join(root, `${name}.bm25`);
  builder.finish(seed).save(path);
  const index = Bm25Index.load(path);
  if (!index?.shared) throw new Error('the index read from its file is not in shared memory');
  return index;
}

const questionsOf = (seed: number): string[][] => {
  const random = seededRandom(seed);
  return Array.from({ length: 60 }, () => Array.from({ length: 2 + Math.floor(random() * 12) }, () => `词${Math.floor(random() * 320)}`)
    .concat(random() < 0.3 ? ['工作'] : []));
};

describe('the keyword search thread', () => {
  it('returns what the index returns on this thread, for each of two indexes searched in turn', async () => {
    const warnings: string[] = [];
    // Ranges of 256 units: each search is split between the two threads when both are at it.
    const thread = new Bm25SearchThread((line) => warnings.push(line), 0, 256);
    const indexes = [savedIndex('a', 4000, 3), savedIndex('b', 3000, 4)];
    try {
      for (const [i, terms] of questionsOf(9).entries()) {
        const index = indexes[i % 2];
        for (const k of [1, 10, 50]) {
          const expected = index.search(terms, k);
          const got = await thread.search(index, terms, k);
          expect(got, `${terms.join(' ')} (k=${k})`).toEqual(expected);
        }
      }
      // Several at once, as questions arriving together: each gets its own answer.
      const questions = questionsOf(10).slice(0, 12);
      const together = await Promise.all(questions.map((terms) => thread.search(indexes[0], terms, 20)));
      together.forEach((hits, i) => expect(hits).toEqual(indexes[0].search(questions[i], 20)));
      expect(warnings).toEqual([]);
    } finally {
      thread.close();
    }
  }, 60_000);

  it('hands the bounds it computes ahead to this thread, in shared memory and equal to bounds computed here', async () => {
    const thread = new Bm25SearchThread(() => {}, 0, 256);
    const index = savedIndex('e', 4000, 7);
    const reference = savedIndex('e2', 4000, 7); // the same index, its bounds computed here only
    try {
      const [terms] = questionsOf(13);
      expect(await thread.search(index, terms, 10)).toEqual(reference.search(terms, 10));
      const { offsets } = index.shared!;
      // The long lists' terms this thread has not searched yet (those it has, it computed itself).
      const searched = new Set(index.termsOf(terms).map(({ t }) => t));
      const long = Array.from({ length: offsets.length - 1 }, (_, t) => t).filter((t) => offsets[t + 1] - offsets[t] >= 4000 / 16 && !searched.has(t));
      expect(long.length).toBeGreaterThan(3);
      const adopted = (t: number) => (index.bounds as unknown as { bounds: Map<number, { blocks?: Uint8Array }> }).bounds.get(t);
      for (let wait = 0; wait < 200 && !long.every((t) => adopted(t)?.blocks?.buffer instanceof SharedArrayBuffer); wait++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      for (const t of long) {
        expect(adopted(t)?.blocks?.buffer).toBeInstanceOf(SharedArrayBuffer);
        const mine = index.bounds.queryTerm(t, offsets[t], offsets[t + 1], 1);
        const here = reference.bounds.queryTerm(t, offsets[t], offsets[t + 1], 1);
        expect({ ...mine, blocks: [...mine.blocks!], windows: [...mine.windows!] }).toEqual({ ...here, blocks: [...here.blocks!], windows: [...here.windows!] });
      }
    } finally {
      thread.close();
    }
  }, 60_000);

  it('answers here, with one warning, when the thread dies or is closed with searches under way', async () => {
    const warnings: string[] = [];
    const thread = new Bm25SearchThread((line) => warnings.push(line), 0);
    const index = savedIndex('c', 3000, 5);
    const [first, second] = questionsOf(11);
    expect(await thread.search(index, first, 10)).toEqual(index.search(first, 10));
    const worker = (thread as unknown as { worker: { terminate(): Promise<number> } }).worker;
    const underWay = thread.search(index, second, 10);
    await worker.terminate();
    expect(await underWay).toEqual(index.search(second, 10));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/keyword search thread failed/);
    // From now on searched here, no second warning.
    expect(await thread.search(index, first, 5)).toEqual(index.search(first, 5));
    expect(warnings).toHaveLength(1);

    const fresh = new Bm25SearchThread((line) => warnings.push(line), 0);
    const pending = fresh.search(index, second, 7);
    fresh.close();
    expect(await pending).toEqual(index.search(second, 7));
    expect(warnings).toHaveLength(1);
  }, 60_000);

  it('searches small indexes and indexes built in memory on this thread', () => {
    const thread = new Bm25SearchThread(() => {}, 5000);
    const small = savedIndex('d', 1000, 6);
    const [terms] = questionsOf(12);
    // Synchronous: no hop to a thread.
    expect(thread.search(small, terms, 5)).toEqual(small.search(terms, 5));
    const builder = new Bm25Builder();
    builder.add(1, ['词1', '词2'], []);
    const inMemory = builder.finish(1);
    expect(inMemory.shared).toBeUndefined();
    expect(new Bm25SearchThread(() => {}, 0).search(inMemory, ['词1'], 5)).toEqual(inMemory.search(['词1'], 5));
    thread.close();
  });

  it('gives a knowledge base searching on its thread the same answers as one that does not', async () => {
    const corpus = join(root, 'corpus');
    writeBenchCorpus(corpus, 1500);
    const onThread = await openSqliteKnowledgeBase({ dataDir: join(root, 'kb'), keywordThreadFromUnits: 0 });
    {
      await onThread.ingest([corpus]);
      // The index the ingest built is handed to the thread before any question (its bounds computed meanwhile).
      expect((onThread.indexes.keyword as unknown as { thread: { held: number } }).thread.held).toBeGreaterThanOrEqual(0);
      const sample = (onThread.db.prepare('SELECT text FROM kb_passages WHERE id % 37 = 0 LIMIT 40').all() as Array<{ text: string }>)
        .map((row) => row.text);
      const questions = benchQuestions(25, sample);
      const found = [];
      for (const question of questions) found.push(await onThread.search(question, 5));
      // The searches went to the thread (it started), over the index file the ingest wrote.
      expect((onThread.indexes.keyword as unknown as { thread: { worker?: object } }).thread.worker).toBeDefined();
      onThread.close();
      // The same data folder opened again, its keyword index searched on this thread.
      const here = await openSqliteKnowledgeBase({ dataDir: join(root, 'kb'), keywordThreadFromUnits: Infinity });
      try {
        for (const [i, question] of questions.entries()) {
          const expected = await here.search(question, 5);
          expect(found[i].map((hit) => [hit.passage.id, hit.score]), question).toEqual(expected.map((hit) => [hit.passage.id, hit.score]));
        }
        expect(found.flat().length).toBeGreaterThan(50);
      } finally {
        here.close();
      }
    }
  }, 120_000);
});
