/**
 * A large ingest is searchable as soon as its passages are stored: its HNSW graph is completed
 * afterwards in a worker, and until then the vector search is exact over the stored vectors.
 * The graph's worker is real; the test holds its finish (as a slow graph would) to look at the
 * state in between: answers as with the graph, no half-built graph ever searched or recorded,
 * a process that ends before the graph is complete leaves a store the next process rebuilds,
 * and a graph that cannot be written leaves the exact search until the next sync rebuilds it.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createOfflineEmbedder, openSqliteKnowledgeBase, type SqliteKnowledgeBase } from '../../src/knowledge/index.ts';
import { BackgroundIndexBuild, exactSearch } from '../../src/knowledge/search/vector-index.ts';
import { STAFF_QUESTIONS, writeLibrary } from '../support/kb-fixtures.ts';
import { REPO_ROOT } from '../support/cli-process.ts';
import { tempFolder } from '../support/temp-folders.ts';

/** A real graph build whose finish waits until the test opens the gate (or fails when it is broken). */
class HeldBuild extends BackgroundIndexBuild {
  static made: HeldBuild[] = [];
  private open!: () => void;
  private broken!: (error: Error) => void;
  private readonly gate = new Promise<void>((resolve, reject) => {
    this.open = resolve;
    this.broken = reject;
  });

  constructor(dimensions: number) {
    super(dimensions, 4096);
    HeldBuild.made.push(this);
  }

  release(): void {
    this.open();
  }

  fail(): void {
    this.broken(new Error('disk full'));
  }

  override finish(path: string): Promise<void> {
    return this.gate.then(() => super.finish(path));
  }
}

const embedder = createOfflineEmbedder();

/** Every question's answers (passage texts, best first) from the hybrid search. */
async function answers(kb: SqliteKnowledgeBase): Promise<string[][]> {
  const out: string[][] = [];
  for (const { question } of STAFF_QUESTIONS) out.push((await kb.search(question, 5)).map((s) => s.passage.text));
  return out;
}

function recordedGeneration(kb: SqliteKnowledgeBase): string | undefined {
  return (kb.db.prepare("SELECT value FROM kb_meta WHERE key = 'vector_generation'").get() as { value: string } | undefined)?.value;
}

function storedIds(kb: SqliteKnowledgeBase): number[] {
  return (kb.db.prepare('SELECT id FROM kb_passages ORDER BY id').all() as Array<{ id: number }>).map((r) => r.id);
}

/** A knowledge base that ingested the fixture library with its graph held; `answersWithGraph` from one that waited for its graph. */
async function heldIngest(): Promise<{ kb: SqliteKnowledgeBase; build: HeldBuild; data: string; warnings: string[]; answersWithGraph: string[][] }> {
  const base = tempFolder('lvzhi-graph-after-');
  const library = writeLibrary(join(base, 'library'));
  const reference = await openSqliteKnowledgeBase({ dataDir: join(base, 'reference'), warn: () => undefined });
  await reference.ingest([library]);
  const answersWithGraph = await answers(reference);
  reference.close();
  const warnings: string[] = [];
  const data = join(base, 'data');
  HeldBuild.made = [];
  const kb = await openSqliteKnowledgeBase({
    dataDir: data,
    embedder,
    warn: (line) => warnings.push(line),
    graphBuild: { afterIngestFrom: 1, start: (dimensions) => new HeldBuild(dimensions) },
  });
  await kb.ingest([library]);
  expect(HeldBuild.made).toHaveLength(1);
  return { kb, build: HeldBuild.made[0], data, warnings, answersWithGraph };
}

describe('an ingest searchable before its vector graph is complete', () => {
  it('answers at once, exactly, and records the graph only once it is whole', async () => {
    const { kb, build, answersWithGraph } = await heldIngest();
    try {
      // Searchable now: the same answers as a knowledge base that waited for its graph.
      expect(await answers(kb)).toEqual(answersWithGraph);
      // The vector search is the exact one over every stored vector, scores included.
      const matrix = await kb.indexes.vectorMatrix();
      expect(matrix.ids.length).toBe(storedIds(kb).length);
      for (const { question } of STAFF_QUESTIONS) {
        const [query] = await embedder.embed([question]);
        const found = await kb.indexes.vector.search(query, 10);
        const exact = exactSearch(matrix, query, 10);
        expect(found.map((h) => h.id)).toEqual(exact.map((h) => h.id));
        found.forEach((hit, i) => expect(hit.score).toBeCloseTo(exact[i].score, 5));
      }
      // No graph to read and none recorded while it is being built.
      expect(() => kb.indexes.hnsw()).toThrow(/still being built/);
      expect(recordedGeneration(kb)).not.toBe(String(await kb.store.generation()));
      let complete = false;
      const indexed = kb.indexed().then(() => {
        complete = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(complete).toBe(false);

      build.release();
      await indexed;
      expect(recordedGeneration(kb)).toBe(String(await kb.store.generation()));
      expect(kb.indexes.hnsw().labels().sort((a, b) => a - b)).toEqual(storedIds(kb));
      expect(await answers(kb)).toEqual(answersWithGraph);
    } finally {
      build.release();
      await kb.indexed();
      kb.close();
    }
  });

  it('leaves a store whose next process builds the graph when the first one ends before it is complete', async () => {
    const { kb, build, data, answersWithGraph } = await heldIngest();
    // The first process ends here: its graph never written, its worker gone.
    build.cancel();
    kb.close();
    const reopened = await openSqliteKnowledgeBase({ dataDir: data, warn: () => undefined });
    try {
      expect(await answers(reopened)).toEqual(answersWithGraph);
      expect(reopened.indexes.hnsw().labels().sort((a, b) => a - b)).toEqual(storedIds(reopened));
      expect(recordedGeneration(reopened)).toBe(String(await reopened.store.generation()));
    } finally {
      reopened.close();
    }
    // And a third process finds the rebuilt graph recorded and whole.
    const db = new Database(join(data, 'lvzhi.db'), { readonly: true });
    const file = (db.prepare("SELECT value FROM kb_meta WHERE key = 'vector_file'").get() as { value: string }).value;
    db.close();
    const third = await openSqliteKnowledgeBase({ dataDir: data, warn: () => undefined });
    try {
      expect(await answers(third)).toEqual(answersWithGraph);
      expect(third.db.prepare("SELECT value FROM kb_meta WHERE key = 'vector_file'").get()).toEqual({ value: file });
    } finally {
      third.close();
    }
  });

  it('keeps searching exactly when the graph cannot be written, and rebuilds it at the next question', async () => {
    const { kb, build, warnings, answersWithGraph } = await heldIngest();
    try {
      build.fail();
      await kb.indexed();
      expect(warnings.join('\n')).toMatch(/could not be saved/);
      expect(recordedGeneration(kb)).not.toBe(String(await kb.store.generation()));
      // The next question finds the graph stale and builds it before answering.
      expect(await answers(kb)).toEqual(answersWithGraph);
      expect(kb.indexes.hnsw().labels().sort((a, b) => a - b)).toEqual(storedIds(kb));
      expect(recordedGeneration(kb)).toBe(String(await kb.store.generation()));
    } finally {
      kb.close();
    }
  });

  it('lets a removal wait for the graph, then never finds the removed passages', async () => {
    const { kb, build } = await heldIngest();
    try {
      const [doc] = (await kb.documents()).map((d) => d.doc);
      const removing = kb.remove(doc);
      build.release();
      const removed = await removing;
      expect(removed?.passages).toBeGreaterThan(0);
      const left = new Set(storedIds(kb));
      for (const { question } of STAFF_QUESTIONS) {
        const [query] = await embedder.embed([question]);
        for (const hit of await kb.indexes.vector.search(query, 50)) expect(left.has(hit.id)).toBe(true);
      }
      expect(recordedGeneration(kb)).toBe(String(await kb.store.generation()));
    } finally {
      kb.close();
    }
  });

  it('keeps a process that awaits the graph alive until the last vectors are fed and the graph is written', () => {
    // Far more vectors than are ever in flight to the worker: the rest waits on this thread, and
    // the process has nothing else to do (no store, no timers) while the graph completes.
    const folder = tempFolder('lvzhi-graph-feed-');
    const path = join(folder, 'graph.hnsw');
    const script = join(folder, 'feed.mts');
    const module = (name: string) => JSON.stringify(pathToFileURL(join(REPO_ROOT, 'src/knowledge/search', name)).href);
    writeFileSync(script, `
      import { FedVectors, GraphFeed } from ${module('pending-graph.ts')};
      import { BackgroundIndexBuild, VectorIndex } from ${module('vector-index.ts')};
      const dimensions = 8;
      const feed = new GraphFeed(new BackgroundIndexBuild(dimensions, 4096), new FedVectors(dimensions));
      for (let batch = 0; batch < 40; batch++) {
        const ids = Int32Array.from({ length: 500 }, (_, i) => batch * 500 + i + 1);
        const values = Float32Array.from({ length: 500 * dimensions }, (_, i) => Math.sin(batch * 7919 + i));
        feed.add(ids, values);
      }
      await feed.finish(${JSON.stringify(path)});
      console.log(VectorIndex.load(${JSON.stringify(path)}, dimensions)?.count);
    `);
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('20000');
  });
});
