/**
 * One suite for every retriever (bm25, vector, hybrid): each must find the passage that
 * answers a staff question worded with abbreviations, rank best first, and honour k.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenKnowledgeBase, openSqliteKnowledgeBase } from '../../src/knowledge/index.ts';
import { STAFF_QUESTIONS, tempDir, writeLibrary } from '../support/kb-fixtures.ts';

const squash = (s: string): string => s.replace(/\s+/g, '');

let root: string;
let kb: OpenKnowledgeBase;

beforeAll(async () => {
  root = tempDir();
  kb = await openSqliteKnowledgeBase({ dataDir: join(root, 'data') });
  await kb.ingest([writeLibrary(join(root, 'library'))]);
});

afterAll(() => {
  kb.close();
  rmSync(root, { recursive: true, force: true });
});

/** Where (0-based) the expected passage stands in a retriever's top k, or -1. */
async function rankOf(name: 'bm25' | 'vector' | 'hybrid', question: string, expected: string, k: number): Promise<number> {
  const hits = await kb.retrievers[name].search(question, k);
  const passages = (await kb.store.passagesByIds(hits.map((h) => h.id)));
  return passages.findIndex((p) => squash(p.text).includes(squash(expected)));
}

describe.each(['bm25', 'vector', 'hybrid'] as const)('retriever %s', (name) => {
  it.each(STAFF_QUESTIONS)('finds the answer to “$question” in its top 3', async ({ question, expected }) => {
    const rank = await rankOf(name, question, expected, 3);
    expect(rank).toBeGreaterThanOrEqual(0);
  });

  it('returns at most k hits, best first, without repeats', async () => {
    const hits = await kb.retrievers[name].search('常务委员会会议', 4);
    expect(hits.length).toBeLessThanOrEqual(4);
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits.map((h) => h.id)).size).toBe(hits.length);
    for (let i = 1; i < hits.length; i++) expect(hits[i].score).toBeLessThanOrEqual(hits[i - 1].score);
  });

  it('returns no more hits than the index holds', async () => {
    const hits = await kb.retrievers[name].search('常务委员会', 500);
    expect(hits.length).toBeLessThanOrEqual(kb.size());
  });
});

describe('hybrid retrieval', () => {
  it('puts the answer first for abbreviations the documents spell out', async () => {
    for (const { question, expected } of STAFF_QUESTIONS.slice(0, 4)) {
      expect(await rankOf('hybrid', question, expected, 5)).toBe(0);
    }
  });

  it('search() returns the stored passages with doc, title and location', async () => {
    const [best] = await kb.search('常委会组成人员请假', 3);
    expect(best.passage.doc).toBe('rules.md');
    expect(best.passage.title).toContain('议事规则');
    expect(best.passage.location).toContain('第四条');
  });
});
