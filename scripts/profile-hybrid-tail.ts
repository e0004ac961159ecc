/**
 * What the slowest 5% of hybrid searches spend their time on (issue 17's p95): each stage of
 * `kb.search` timed inside the real call (its methods wrapped on the live objects, so nothing is
 * run twice) in CPU time, which other processes' load does not inflate (wall time on a shared
 * two-core machine mostly measures preemption), garbage-collection pauses attributed to the
 * search they fell in, and the BM25 postings each search read. The first round is what the
 * bench's hybrid figures see (one pass over the questions after 20 of them warmed up): each
 * term's block-max bounds are computed at its first use; later rounds find them cached. Prints each stage's mean over the
 * 5% of searches that took the most CPU against its mean over all, per round, then each stage's mean
 * over the questions in order, 20 at a time (in round 1 the first 40 questions after the warm-up cost
 * 2–3× the later ones and hold most of the slowest 5%: the p95 is largely theirs), on a data folder
 * the sweep built:
 *   npx tsx --import ./scripts/bench-compiled.mjs scripts/profile-hybrid-tail.ts DIR [--rounds 3]
 * (DIR holds data/, as `sweep-hnsw-ef.ts --data` leaves it; the compiled hooks measure dist/ as the bench does.)
 */
import { loadavg } from 'node:os';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openBenchFolder } from './bench-folder.ts';
import { quantile } from './bench-quantile.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { rounds: { type: 'string', default: '3' } } });
// The keyword search on this thread, as on a small index: each stage is timed in turn (on its
// thread, a large index's BM25 runs beside the vector vote, and their CPU times would overlap).
const { kb, embedder, questions } = await openBenchFolder(positionals[0], { keywordThreadFromUnits: Infinity });
for (const q of questions.slice(0, 20)) await kb.search(q, 5); // loads both indexes and warms up
await kb.warmedUp?.(); // the app's own warm-up, as the bench waits for it

/** CPU milliseconds per stage in the search under way. */
let current: Record<string, number> = {};
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
/**
 * Wraps `owner[name]` so each call adds its CPU time to `stage`: a synchronous method, or an async
 * one awaited alone (the keyword and vector searches run side by side: their inner, synchronous
 * searches are wrapped instead).
 */
function timed<T extends object>(owner: T, name: keyof T & string, stage: string): void {
  const original = (owner[name] as (...args: unknown[]) => unknown).bind(owner);
  (owner as Record<string, unknown>)[name] = (...args: unknown[]) => {
    const t0 = cpuMs();
    const out = original(...args);
    const add = (): void => {
      current[stage] = (current[stage] ?? 0) + cpuMs() - t0;
    };
    if (out instanceof Promise) return out.finally(add);
    add();
    return out;
  };
}
const bm25 = kb.indexes.bm25();
timed(bm25, 'search', 'bm25 (pruned)');
// Within it: each query term's block-max bounds, computed on the term's first use (a walk of its postings).
timed((bm25 as unknown as { bounds: { queryTerm: () => unknown } }).bounds, 'queryTerm', '  of which term bounds');
timed(embedder, 'embed', 'embed question');
timed(kb.indexes.hnsw(), 'search', 'hnsw vote');
timed(kb.store, 'passagesByIds', 'passagesByIds');
timed(kb.catalog, 'standings', 'standings');
timed(kb.indexes, 'sync', 'sync');

const gcPauses: Array<{ start: number; duration: number }> = [];
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcPauses.push({ start: entry.startTime, duration: entry.duration });
});
observer.observe({ entryTypes: ['gc'] });

const mean = (t: readonly number[]): number => t.reduce((a, b) => a + b, 0) / (t.length || 1);
for (let round = 0; round < Number(values.rounds); round++) {
  const searches: Array<{ wall: number; total: number; walked: number; terms: number; stages: Record<string, number>; start: number; end: number }> = [];
  for (const q of questions) {
    current = {};
    const c0 = cpuMs();
    const start = performance.now();
    await kb.search(q, 5);
    const end = performance.now();
    searches.push({ wall: end - start, total: cpuMs() - c0, walked: bm25.lastWalked, terms: q.length, stages: current, start, end });
  }
  await new Promise((resolve) => setTimeout(resolve, 50)); // the observer's last entries
  for (const s of searches) {
    s.stages.gc = gcPauses.filter((p) => p.start >= s.start && p.start < s.end).reduce((sum, p) => sum + p.duration, 0);
    s.stages['rest (tokenize, fusion, cues, rerank)'] = s.total - ['bm25 (pruned)', 'hnsw vote', 'embed question', 'passagesByIds', 'standings', 'sync']
      .reduce((sum, name) => sum + (s.stages[name] ?? 0), 0);
  }
  gcPauses.length = 0;
  const totals = searches.map((s) => s.total);
  const slowest = searches.map((s, i) => ({ t: s.total, i })).sort((a, b) => b.t - a.t).slice(0, Math.ceil(searches.length / 20)).map((x) => searches[x.i]);
  const walls = searches.map((s) => s.wall);
  console.log(`round ${round + 1}: kb.search CPU p50 ${quantile(totals, 0.5).toFixed(2)} p95 ${quantile(totals, 0.95).toFixed(2)} ms; wall p50 ${quantile(walls, 0.5).toFixed(2)} p95 ${quantile(walls, 0.95).toFixed(2)} ms; load ${loadavg()[0].toFixed(1)}`);
  console.log(`  most CPU 5% (${slowest.length}): CPU ${mean(slowest.map((s) => s.total)).toFixed(2)} ms against ${mean(totals).toFixed(2)} over all; mean CPU ms per stage there / over all (gc: main-thread pauses):`);
  const names = [...new Set(searches.flatMap((s) => Object.keys(s.stages)))];
  for (const name of names) console.log(`    ${name.padEnd(30)} ${mean(slowest.map((s) => s.stages[name] ?? 0)).toFixed(3)} / ${mean(searches.map((s) => s.stages[name] ?? 0)).toFixed(3)} ms`);
  console.log(`    ${'bm25 postings read'.padEnd(30)} ${Math.round(mean(slowest.map((s) => s.walked)))} / ${Math.round(mean(searches.map((s) => s.walked)))}; question length ${mean(slowest.map((s) => s.terms)).toFixed(0)} / ${mean(searches.map((s) => s.terms)).toFixed(0)} characters`);
  const early = slowest.filter((s) => searches.indexOf(s) < 40).length;
  const starts = [0, 20, 40, 60, 100, 200].filter((x) => x < searches.length);
  const inOrder = (of: (s: (typeof searches)[number]) => number): string => starts.map((x) => mean(searches.slice(x, x + 20).map(of)).toFixed(2).padStart(6)).join(' ');
  console.log(`  in order, mean CPU ms of questions ${starts.map((x) => `${x + 1}–${x + 20}`).join(', ')} (${early} of the most CPU 5% among the first 40):`);
  console.log(`    ${'kb.search'.padEnd(30)} ${inOrder((s) => s.total)}`);
  for (const name of names) console.log(`    ${name.padEnd(30)} ${inOrder((s) => s.stages[name] ?? 0)}`);
}
observer.disconnect();
kb.close();
