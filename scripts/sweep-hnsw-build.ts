/**
 * HNSW build parameters (issue 17, item 4): for each M / efConstruction, the CPU seconds of
 * building the graph over the bench's passage vectors on one thread (as the build worker does)
 * and recall@10 against the exact scan at the given search efs, with the query's p50.
 *
 *   npx tsx scripts/sweep-hnsw-build.ts [--passages 100000] [--builds 32/80,24/80] [--efs 380,440,500]
 *
 * The vectors are those an ingest stores (bench corpus → chunker → offline embedder), the 300
 * questions those of the knowledge bench. Builds run one after another in this process, so
 * their CPU seconds compare under the same load; wall times under load do not.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import hnswlib from 'hnswlib-node';
import { createOfflineEmbedder } from '../src/knowledge/index.ts';
import { chunkDocument } from '../src/knowledge/chunking/chunker.ts';
import { loadDocument } from '../src/knowledge/loaders/index.ts';
import { embeddingInput } from '../src/knowledge/search/embed-missing.ts';
import { exactSearch } from '../src/knowledge/search/vector-index.ts';
import { benchQuestions, writeBenchCorpus } from './bench-corpus.ts';
import { quantile } from './bench-quantile.ts';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const passages = Number(option('--passages') ?? 100_000);
const builds = (option('--builds') ?? '32/80,24/80').split(',').map((pair) => pair.split('/').map(Number) as [number, number]);
const efs = (option('--efs') ?? '380,440,500').split(',').map(Number);

const root = mkdtempSync(join(tmpdir(), 'lvzhi-hnsw-build-'));
try {
  const corpus = join(root, 'corpus');
  writeBenchCorpus(corpus, passages);
  const embedder = createOfflineEmbedder();
  const rows: Float32Array[] = [];
  const sample: string[] = [];
  for (const name of readdirSync(corpus).sort()) {
    const drafts = chunkDocument(await loadDocument(join(corpus, name))).filter((p) => p.text.trim());
    for (const [i, vector] of (await embedder.embed(drafts.map(embeddingInput))).entries()) {
      // The bench's sample: every 199th passage (its ids start at 1).
      if ((rows.length + 1) % 199 === 0 && sample.length < 500) sample.push(drafts[i].text);
      rows.push(vector);
    }
  }
  const dimensions = rows[0].length;
  const matrix = { ids: Int32Array.from(rows.keys()), values: new Float32Array(rows.length * dimensions), dimensions };
  rows.forEach((row, i) => matrix.values.set(row, i * dimensions));
  const questions = await embedder.embed(benchQuestions(300, sample));
  const exact = questions.map((q) => new Set(exactSearch(matrix, q, 10).map((hit) => hit.id)));
  console.log(`${rows.length} vectors of ${dimensions} dimensions, ${questions.length} questions`);
  for (const [m, efConstruction] of builds) {
    const index = new hnswlib.HierarchicalNSW('ip', dimensions);
    index.initIndex({ maxElements: rows.length, m, efConstruction, randomSeed: 42 });
    const cpu = process.cpuUsage();
    const point = new Array<number>(dimensions);
    rows.forEach((row, id) => {
      for (let j = 0; j < dimensions; j++) point[j] = row[j];
      index.addPoint(point, id);
    });
    const used = process.cpuUsage(cpu);
    const curve = efs.map((ef) => {
      index.setEf(ef);
      let found = 0;
      const times: number[] = [];
      questions.forEach((q, i) => {
        const t0 = performance.now();
        const { neighbors } = index.searchKnn(Array.from(q), 10);
        times.push(performance.now() - t0);
        found += neighbors.filter((id) => exact[i].has(id)).length;
      });
      return `ef ${ef} recall@10 ${(found / (10 * questions.length)).toFixed(4)} p50 ${quantile(times, 0.5).toFixed(2)} ms`;
    });
    console.log(`M ${m} / efC ${efConstruction}: build ${((used.user + used.system) / 1e6).toFixed(1)} CPU s · ${curve.join(' · ')}`);
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
