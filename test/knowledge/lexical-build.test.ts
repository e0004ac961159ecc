/**
 * The BM25 index built in a worker during a first ingest must be the one a build on the main
 * thread gives: same answers, same scores, and a later ingest into the filled store still works.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteKnowledgeBase } from '../../src/knowledge/index.ts';
import { STAFF_QUESTIONS, tempDir, writeLibrary } from '../support/kb-fixtures.ts';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('lexical index built beside the ingest', () => {
  it('equals a build on the main thread, and later ingests add to it', async () => {
    const root = tempDir();
    roots.push(root);
    const data = join(root, 'data');
    const library = writeLibrary(join(root, 'library'));
    const first = await openSqliteKnowledgeBase({ dataDir: data });
    await first.ingest([library]); // empty store: the worker tokenizes as files are stored
    const answers = async (kb: typeof first) =>
      Promise.all(STAFF_QUESTIONS.map(({ question }) => kb.retrievers.bm25.search(question, 5)));
    const fromWorker = await answers(first);
    first.close();

    // Drop the index file: reopening rebuilds it on the main thread from SQLite.
    for (const name of readdirSync(data)) if (name.endsWith('.bm25')) rmSync(join(data, name));
    const second = await openSqliteKnowledgeBase({ dataDir: data });
    try {
      expect(await answers(second)).toEqual(fromWorker);
      expect(fromWorker.every((hits) => hits.length > 0)).toBe(true);

      // A second ingest into the filled store takes the main-thread path and sees the new text.
      writeFileSync(join(library, 'extra.md'), '# 补充规定\n\n第一条 代表联络站每月第一个星期三接待群众来访。\n');
      await second.ingest([library]);
      const hits = await second.retrievers.bm25.search('代表联络站什么时候接待群众', 3);
      const passages = (await second.store.passagesByIds(hits.map((h) => h.id)));
      expect(passages[0]?.text).toContain('每月第一个星期三');
    } finally {
      second.close();
    }
  });
});
