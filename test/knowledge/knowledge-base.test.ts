/**
 * The knowledge base over a real data folder: re-ingest is a no-op, a changed file replaces
 * its passages, remove() deletes, an embedder switch rebuilds every vector, answers cite.
 */
import { appendFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { createOfflineEmbedder, openSqliteKnowledgeBase, type SqliteKnowledgeBase } from '../../src/knowledge/index.ts';
import { RULES, tempDir, writeLibrary } from '../support/kb-fixtures.ts';

const roots: string[] = [];
const open: SqliteKnowledgeBase[] = [];

async function fresh(): Promise<{ root: string; library: string; data: string; kb: SqliteKnowledgeBase }> {
  const root = tempDir();
  roots.push(root);
  const library = writeLibrary(join(root, 'library'));
  const data = join(root, 'data');
  const kb = await openSqliteKnowledgeBase({ dataDir: data });
  open.push(kb);
  return { root, library, data, kb };
}

afterEach(() => {
  for (const kb of open.splice(0)) kb.close();
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('index files', () => {
  it('clears the half-written index files a killed run left, and keeps the ones in use', async () => {
    const { library, data, kb } = await fresh();
    await kb.ingest([library]);
    const inUse = readdirSync(data).filter((n) => /\.(bm25|hnsw)$/.test(n));
    // A process that no longer exists (pid 2^22 is above Linux's pid_max default) left these.
    const debris = ['lexical-9.bm25.tmp-4194304-1700000000000', 'vectors-9.hnsw.tmp-4194304'];
    for (const name of debris) writeFileSync(join(data, name), 'half');
    appendFileSync(join(library, 'rules.md'), '\n第九十九条 新增的一条。\n');
    await kb.ingest([library]);
    const after = readdirSync(data);
    for (const name of debris) expect(after).not.toContain(name);
    expect(after.filter((n) => /\.(bm25|hnsw)$/.test(n)).length).toBe(inUse.length);
  });
});

describe('ingest', () => {
  it('adds every document with its path relative to the ingested folder', async () => {
    const { library, kb } = await fresh();
    const report = await kb.ingest([library]);
    expect(report).toMatchObject({ added: 3, updated: 0, unchanged: 0, skipped: [] });
    expect(report.chunks).toBe(kb.size());
    const docs = kb.db.prepare('SELECT doc FROM kb_documents ORDER BY doc').all().map((r) => (r as { doc: string }).doc);
    expect(docs).toEqual(['reports/report.md', 'rules.md', 'speech.txt']);
  });

  it('leaves unchanged files alone on a second ingest', async () => {
    const { library, kb } = await fresh();
    await kb.ingest([library]);
    const ids = kb.db.prepare('SELECT id FROM kb_passages ORDER BY id').all();
    const generation = (await kb.store.generation());
    const report = await kb.ingest([library]);
    expect(report).toMatchObject({ added: 0, updated: 0, unchanged: 3, skipped: [] });
    expect((await kb.store.generation())).toBe(generation);
    expect(kb.db.prepare('SELECT id FROM kb_passages ORDER BY id').all()).toEqual(ids);
  });

  it('replaces the passages of a changed file, and search sees the change', async () => {
    const { library, kb } = await fresh();
    await kb.ingest([library]);
    appendFileSync(join(library, 'rules.md'), '\n第十一条 常务委员会每年听取一次关于优化营商环境工作情况的报告。\n');
    const report = await kb.ingest([library]);
    expect(report).toMatchObject({ added: 0, updated: 1, unchanged: 2 });
    const [best] = await kb.search('营商环境报告多久听取一次', 1);
    expect(best.passage.text).toContain('营商环境');
    const meetings = kb.db.prepare('SELECT COUNT(*) AS n FROM kb_passages WHERE text LIKE ?').get('%每两个月举行一次%') as { n: number };
    expect(meetings.n).toBe(1);
  });

  it('remove() deletes a document and its passages from search', async () => {
    const { library, kb } = await fresh();
    await kb.ingest([library]);
    const before = kb.size();
    expect(await kb.remove('speech.txt')).toEqual({ doc: 'speech.txt', passages: expect.any(Number) });
    expect(await kb.remove('speech.txt')).toBeUndefined();
    expect(kb.size()).toBeLessThan(before);
    const hits = await kb.search('培训班 代言人', 10);
    expect(hits.every((h) => h.passage.doc !== 'speech.txt')).toBe(true);
  });

  it('keeps the index files beside the database and no stale ones', async () => {
    const { library, data, kb } = await fresh();
    await kb.ingest([library]);
    writeFileSync(join(library, 'extra.md'), '# 补充规定\n\n第一条 本规定自公布之日起施行。\n');
    await kb.ingest([library]);
    const files = readdirSync(data).filter((f) => /\.(bm25|hnsw)$/.test(f));
    expect(files.filter((f) => f.endsWith('.bm25'))).toHaveLength(1);
    expect(files.filter((f) => f.endsWith('.hnsw'))).toHaveLength(1);
  });
});

describe('embedder switch', () => {
  it('rebuilds every vector with the new embedder, never mixing spaces', async () => {
    const { library, data, kb } = await fresh();
    await kb.ingest([library]);
    kb.close();
    const other = createOfflineEmbedder({ dimensions: 128 });
    const switched = await openSqliteKnowledgeBase({ dataDir: data, embedder: other });
    open.push(switched);
    const rows = switched.db.prepare('SELECT DISTINCT embedder FROM kb_vectors').all() as Array<{ embedder: string }>;
    expect(rows.map((r) => r.embedder)).toEqual([other.id]);
    expect((await switched.store.vectorCount(other.id))).toBe(switched.size());
    expect((await switched.store.getMeta('vector_embedder'))).toBe(other.id);
    const hits = await switched.retrievers.vector.search('代表建议答复期限', 3);
    expect(hits.length).toBe(3);
  });
});

describe('ask', () => {
  it('quotes the best passages with [n] citations and returns k sources', async () => {
    const { library, kb } = await fresh();
    await kb.ingest([library]);
    const answer = await kb.ask('区人大常委会多长时间开一次会？', { k: 4 });
    expect(answer.mode).toBe('extractive');
    expect(answer.sources).toHaveLength(4);
    expect(answer.answer).toContain('[1]');
    expect(answer.answer).toContain(RULES.meetings.slice(4));
    expect(answer.sources[0]).toMatchObject({ doc: 'rules.md', location: expect.stringContaining('第三条') });
    const scores = answer.sources.map((s) => s.score);
    for (const [i, score] of scores.entries()) {
      expect(score).toBeGreaterThan(0);
      expect(score).toBeLessThanOrEqual(1);
      if (i > 0) expect(score).toBeLessThanOrEqual(scores[i - 1]);
    }
  });

  it('says plainly when nothing relevant is found, and still shows the nearest passages', async () => {
    const { library, kb } = await fresh();
    await kb.ingest([library]);
    const answer = await kb.ask('明天的足球比赛几点开球？', { k: 3 });
    expect(answer.answer).toMatch(/^知识库中没有找到/);
    expect(answer.sources).toHaveLength(3);
  });

  it('holds fewer sources only when the index holds fewer passages', async () => {
    const { library, kb } = await fresh();
    await kb.ingest([join(library, 'speech.txt')]);
    const answer = await kb.ask('代表履职培训班的目的是什么', { k: 50 });
    expect(answer.sources).toHaveLength(kb.size());
  });

  it('rejects an empty question with a Chinese message', async () => {
    const { kb } = await fresh();
    await expect(kb.ask('   ')).rejects.toThrow(UserError);
    await expect(kb.ask('')).rejects.toMatchObject({ code: 'empty_question', userMessage: expect.stringMatching(/问题/) });
  });
});
