/**
 * Whether the app's warm-up of a large library's search path (search-warm-up.ts) makes the first
 * questions after a start cheaper: opens a data folder the sweep built, asks one question (which
 * loads the index and starts the warm-up), waits for it, lets the search thread finish its bounds,
 * searches the bench's 20 warm-up questions, then its 300 questions twice, and prints the first and
 * second pass (CPU of the whole process and wall time, p50/p95) and the mean of their first 60.
 * Run it alternately with and without the warm-up, each in a fresh process:
 *   for m in cold warm cold warm; do npx tsx --import ./scripts/bench-compiled.mjs scripts/profile-warm-up.ts DIR $m; done
 * (DIR holds data/, as `sweep-hnsw-ef.ts --data DIR` leaves it.)
 */
import { join } from 'node:path';
import { createOfflineEmbedder, openSqliteKnowledgeBase } from '../src/knowledge/index.ts';
import { benchQuestions } from './bench-corpus.ts';
import { quantile } from './bench-quantile.ts';

const [root, mode] = process.argv.slice(2);
const cold = mode === 'cold';
const kb = await openSqliteKnowledgeBase({
  dataDir: join(root, 'data'), embedder: createOfflineEmbedder(), ...(cold ? { warmUpFromUnits: Infinity } : {}),
});
await kb.indexes.sync();
const sample = (kb.db.prepare('SELECT text FROM kb_passages WHERE id % 199 = 0 ORDER BY id LIMIT 500').all() as Array<{ text: string }>)
  .map((row) => row.text);
const questions = benchQuestions(300, sample);
await kb.search('常委会会议多久召开一次', 5); // loads the index (and starts the warm-up)
const waited = performance.now();
const searches = await kb.warmedUp();
const waitedMs = performance.now() - waited;
await new Promise((resolve) => setTimeout(resolve, 3000)); // the search thread's bounds of the longest lists
for (const q of questions.slice(0, 20)) await kb.search(q, 5);
const cpu = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const pass = async (): Promise<{ cpu: number[]; wall: number[] }> => {
  const out = { cpu: [] as number[], wall: [] as number[] };
  for (const q of questions) {
    const [c0, t0] = [cpu(), performance.now()];
    await kb.search(q, 5);
    out.cpu.push(cpu() - c0);
    out.wall.push(performance.now() - t0);
  }
  return out;
};
const [first, second] = [await pass(), await pass()];
const spread = (x: number[]): string => `${quantile(x, 0.5).toFixed(2)} / ${quantile(x, 0.95).toFixed(2)}`;
const mean60 = (x: number[]): string => (x.slice(0, 60).reduce((sum, v) => sum + v, 0) / 60).toFixed(2);
console.log(`${cold ? 'cold' : 'warm'} (${searches} warm-up searches, ${waitedMs.toFixed(0)} ms): `
  + `wall p50 / p95 first ${spread(first.wall)}, second ${spread(second.wall)}; first 60 mean ${mean60(first.wall)} vs ${mean60(second.wall)} | `
  + `CPU first ${spread(first.cpu)}, second ${spread(second.cpu)}; first 60 mean ${mean60(first.cpu)} vs ${mean60(second.cpu)}`);
kb.close();
process.exit(0);
