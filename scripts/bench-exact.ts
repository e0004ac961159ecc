/**
 * The knowledge bench's exact reference: the true top 10 of each question vector by a
 * brute-force scan of the store's vectors, and the time of each scan. Over SQLite it runs in a
 * process of its own (scripts/bench-exact-child.ts): reading 100,000 vectors from the database
 * leaves about 100 MB of buffers to the garbage collector, which at times collected them only
 * after the first searches had loaded the graph (the bench's peak RSS 517 MB against 405 MB
 * when it collected in between). The app never scans every vector to answer, so that garbage
 * was the bench's, not Lüzhi's.
 */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PassageStore } from '../src/knowledge/index.ts';
import { type VectorMatrix, exactSearch } from '../src/knowledge/search/vector-index.ts';
import { TopK } from '../src/knowledge/search/top-k.ts';

/** The exact top 10 of each query (a set of ids), each query's scan time in ms, and the number of vectors scanned. */
export interface ExactReference {
  readonly answers: Array<Set<number>>;
  readonly times: number[];
  readonly vectors: number;
}

/**
 * The exact reference over `store`'s vectors of `embedder`, scanned a batch at a time (each
 * query's time is the sum of its scans of the batches), never held as one matrix.
 */
export async function exactReference(store: PassageStore, embedder: string, dimensions: number, queries: readonly Float32Array[]): Promise<ExactReference> {
  const tops = queries.map(() => new TopK(10));
  const times = queries.map(() => 0);
  let vectors = 0;
  for await (const batch of store.vectors(embedder)) {
    const rows = batch.filter((row) => row.vector.length === dimensions); // as the index reads them
    const values = new Float32Array(rows.length * dimensions);
    rows.forEach((row, i) => values.set(row.vector, i * dimensions));
    const matrix: VectorMatrix = { ids: Int32Array.from(rows, (row) => row.id), values, dimensions };
    vectors += rows.length;
    queries.forEach((query, i) => {
      const t0 = performance.now();
      for (const hit of exactSearch(matrix, query, 10)) tops[i].push(hit.id, hit.score);
      times[i] += performance.now() - t0;
    });
  }
  return { answers: tops.map((top) => new Set(top.result().map((hit) => hit.id))), times, vectors };
}

/** What scripts/bench-exact-child.ts prints: the reference with plain arrays, and its process's peak. */
export interface ExactReferenceJson {
  readonly answers: number[][];
  readonly times: number[];
  readonly vectors: number;
  readonly peak_rss_mb: number;
}

/**
 * The exact reference over the SQLite database in `dataDir`, computed by a child process (under tsx
 * with the compiled app, as `npm run bench` runs); the queries go through a
 * file in `folder`. The child only reads: the bench's own connection may stay open.
 */
export function exactReferenceApart(dataDir: string, embedder: string, dimensions: number, queries: readonly Float32Array[], folder: string): ExactReference {
  const file = join(folder, 'exact-queries.f32');
  const all = new Float32Array(queries.length * dimensions);
  queries.forEach((query, i) => all.set(query.subarray(0, dimensions), i * dimensions));
  writeFileSync(file, new Uint8Array(all.buffer));
  const child = join(import.meta.dirname, 'bench-exact-child.ts');
  // TypeScript, so under tsx with the compiled app (bench-compiled.mjs), also when this module runs bundled in plain node (bench-knowledge-apart.ts).
  const loaders = ['--import', 'tsx', '--import', pathToFileURL(join(import.meta.dirname, 'bench-compiled.mjs')).href];
  const run = spawnSync(process.execPath, [...loaders, child, dataDir, embedder, String(dimensions), file], { encoding: 'utf8', maxBuffer: 1 << 24 });
  rmSync(file, { force: true });
  if (run.status !== 0) throw new Error(`exact reference failed: ${run.stderr}`);
  const result = JSON.parse(run.stdout) as ExactReferenceJson;
  return { answers: result.answers.map((ids) => new Set(ids)), times: result.times, vectors: result.vectors };
}
