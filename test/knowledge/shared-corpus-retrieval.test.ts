/**
 * Retrieval over the real laws in ../shared/corpus with the dev questions: a regression
 * guard for ranking changes (the full evaluation is ../shared/eval/qa.mjs). Skips with a
 * notice where ../shared is absent (a user's clone); the fixtures cover the behaviour.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openKnowledgeBase } from '../../src/knowledge/index.ts';
import { tempDir } from './kb-fixtures.ts';

const shared = resolve(import.meta.dirname, '../../../shared');
const corpus = join(shared, 'corpus');
const questions = join(shared, 'eval', 'qa-dev.jsonl');
const present = existsSync(corpus) && existsSync(questions);
if (!present) console.warn(`[skip] ${shared} is absent: the shared-corpus retrieval test is skipped.`);

const root = tempDir('lvzhi-shared-');
afterAll(() => rmSync(root, { recursive: true, force: true }));
const squash = (s: string): string => s.replace(/\s+/g, '');

describe.skipIf(!present)('retrieval over the shared laws', () => {
  it('finds the gold passage of most dev questions in the top 5, short passages', async () => {
    const kb = await openKnowledgeBase({ dataDir: join(root, 'data') });
    try {
      await kb.ingest([corpus]);
      const items = readFileSync(questions, 'utf8').split('\n').filter(Boolean)
        .map((line) => JSON.parse(line) as { question: string; gold: string });
      let hits = 0;
      let chars = 0;
      let passages = 0;
      for (const item of items) {
        const found = await kb.search(item.question, 5);
        if (found.some((s) => squash(s.passage.text).includes(squash(item.gold)))) hits++;
        for (const s of found) {
          chars += squash(s.passage.text).length;
          passages++;
        }
      }
      expect(hits / items.length).toBeGreaterThanOrEqual(0.9);
      expect(chars / passages).toBeLessThanOrEqual(600);
    } finally {
      kb.close();
    }
  }, 120_000);
});
