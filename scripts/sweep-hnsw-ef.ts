/**
 * The HNSW `ef` curves behind hnsw-ef.ts (issue 17): for each ef, how often the
 * whole search's top 5 (the vector vote fused with BM25, then re-ranked) is the one a near-exact
 * ef gives, HNSW recall@50 against the exact scan, and the vector query's latency (min of 3).
 *
 *   npx tsx scripts/sweep-hnsw-ef.ts [--passages 100000] [--data DIR] [--efs 50,160,380] [--no-top5]
 *
 * --data keeps the built index in DIR for the next run (it is built there when missing).
 * Recall@10 is the bench's figure (k = 10 against the exact scan); --no-top5 skips the whole
 * searches (slow at a million passages) and measures the vector index alone.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createOfflineEmbedder, openSqliteKnowledgeBase } from '../src/knowledge/index.ts';
import { exactSearch, type VectorIndex } from '../src/knowledge/search/vector-index.ts';
import { benchQuestions, writeBenchCorpus } from './bench-corpus.ts';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const passages = Number(option('--passages') ?? 100_000);
const root = option('--data') ?? mkdtempSync(join(tmpdir(), 'lvzhi-ef-'));
const embedder = createOfflineEmbedder();
const fresh = !existsSync(join(root, 'data'));
if (fresh) writeBenchCorpus(join(root, 'corpus'), passages);
const kb = await openSqliteKnowledgeBase({ dataDir: join(root, 'data'), embedder });
try {
  if (fresh) await kb.ingest([join(root, 'corpus')]);
  await kb.indexed(); // the graph a large ingest completes after it returns
  await kb.indexes.sync();
  const sample = (kb.db.prepare('SELECT text FROM kb_passages WHERE id % 199 = 0 ORDER BY id LIMIT 500').all() as Array<{ text: string }>)
    .map((row) => row.text);
  const questions = benchQuestions(300, sample);
  const hnsw: VectorIndex = kb.indexes.hnsw();
  const handle = { setEf: (ef: number) => hnsw.useEf(ef) };
  const vectors = await embedder.embed(questions);
  const matrix = await kb.indexes.vectorMatrix();
  const exact = vectors.map((v) => new Set(exactSearch(matrix, v, 50).map((hit) => hit.id)));
  const exact10 = vectors.map((v) => new Set(exactSearch(matrix, v, 10).map((hit) => hit.id)));
  const wholeSearch = !args.includes('--no-top5');
  const efs = (option('--efs') ?? '50,80,120,160,220,300,380,500').split(',').map(Number);
  const topFive = async (): Promise<string[]> => {
    const out: string[] = [];
    for (const q of questions) out.push((await kb.search(q, 5)).map((hit) => hit.passage.id).join());
    return out;
  };
  handle.setEf(3000);
  const reference = wholeSearch ? await topFive() : [];
  for (const ef of efs) {
    handle.setEf(ef);
    const got = wholeSearch ? await topFive() : [];
    const same = got.filter((ids, i) => ids === reference[i]).length;
    const times: number[] = [];
    let recall = 0;
    let recall10 = 0;
    vectors.forEach((v, i) => {
      let best = Infinity;
      let hits: Array<{ id: number }> = [];
      for (let r = 0; r < 3; r++) {
        const t0 = performance.now();
        hits = hnsw.search(v, 50);
        best = Math.min(best, performance.now() - t0);
      }
      times.push(best);
      recall += hits.filter((hit) => exact[i].has(hit.id)).length / Math.max(exact[i].size, 1);
      const ten = hnsw.search(v, 10);
      recall10 += ten.filter((hit) => exact10[i].has(hit.id)).length / Math.max(exact10[i].size, 1);
    });
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)].toFixed(2);
    const top5 = wholeSearch ? `top 5 as at ef 3000 ${(100 * same / questions.length).toFixed(1)}%, ` : '';
    console.log(`ef ${ef}: ${top5}recall@10 ${(recall10 / questions.length).toFixed(3)}, recall@50 ${(recall / questions.length).toFixed(3)}, vector query (k 50) p50 ${at(0.5)} / p95 ${at(0.95)} ms`);
  }
} finally {
  kb.close();
  if (!option('--data')) rmSync(root, { recursive: true, force: true });
}
