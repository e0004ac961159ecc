/**
 * Where a hybrid search's CPU time goes, stage by stage (and each stage's share of the slowest 5%
 * of whole searches: what makes the p95), on a data folder the sweep built, then a
 * paired comparison of the whole search with the vector vote at the neighbours' ef (as before
 * issue 17's vote curve) and at the vote's own ef (as shipped), alternated question by question:
 *   npx tsx scripts/profile-query.ts DIR   (DIR holds data/, as sweep-hnsw-ef.ts --data leaves it)
 */
import { RERANK_DEPTH, createBuiltinReranker } from '../src/knowledge/index.ts';
import { efFor } from '../src/knowledge/search/hnsw-ef.ts';
import { defaultTokenizer } from '../src/knowledge/search/tokenizer.ts';
import { openBenchFolder } from './bench-folder.ts';
import { quantile } from './bench-quantile.ts';

const root = process.argv[2];
const { kb, embedder, questions } = await openBenchFolder(root);
const tokenizer = defaultTokenizer();
const bm25 = kb.indexes.bm25();
const hnsw = kb.indexes.hnsw();
const reranker = createBuiltinReranker({ idf: (t) => bm25.idf(t) });
const stages: Record<string, number[]> = {};
const time = async <T>(name: string, work: () => T | Promise<T>): Promise<T> => {
  const c0 = process.cpuUsage();
  const out = await work();
  const c = process.cpuUsage(c0);
  (stages[name] ??= []).push((c.user + c.system) / 1000);
  return out;
};
for (let pass = 0; pass < 2; pass++) {
  for (const k of Object.keys(stages)) stages[k] = [];
  for (const q of questions) {
    await time('total kb.search', () => kb.search(q, 5));
    await time('sync', () => kb.indexes.sync());
    const terms = await time('tokenize', () => tokenizer.terms(q));
    await time('bm25 search 50', () => bm25.search(terms, 50));
    const [v] = await time('embed', () => embedder.embed([q]));
    await time('hnsw search 50', () => hnsw.search(v, 50));
    const hits = await time('hybrid retriever 50->30', () => kb.retrievers.hybrid.search(q, RERANK_DEPTH));
    const passages = await time('passagesByIds 30', () => kb.store.passagesByIds(hits.map((h) => h.id)));
    await time('standings', () => kb.catalog.standings(passages.map((p) => p.doc)));
    await time('rerank 30', () => reranker.rerank(q, passages.map((passage, i) => ({ passage, score: hits[i].score }))));
  }
}
const mean = (t: readonly number[]) => t.reduce((a, b) => a + b, 0) / (t.length || 1);
for (const [name, t] of Object.entries(stages)) console.log(`${name.padEnd(26)} p50 ${quantile(t, 0.5).toFixed(3)}  p95 ${quantile(t, 0.95).toFixed(3)}  mean ${mean(t).toFixed(3)} ms`);
// Where the p95 comes from: each stage's mean over the slowest 5% of whole searches, against its mean over all.
const totals = stages['total kb.search'];
const slowest = totals.map((t, i) => ({ t, i })).sort((a, b) => b.t - a.t).slice(0, Math.ceil(totals.length / 20)).map((x) => x.i);
console.log(`slowest 5% of kb.search (${slowest.length} questions): mean per stage there / over all`);
for (const [name, t] of Object.entries(stages)) console.log(`  ${name.padEnd(26)} ${mean(slowest.map((i) => t[i])).toFixed(3)} / ${mean(t).toFixed(3)} ms`);
console.log(`  slowest questions: ${slowest.slice(0, 5).map((i) => JSON.stringify(questions[i])).join(' ')}`);
// Paired: the same question searched both ways in turn, order alternated, three rounds.
const full = efFor(hnsw.count);
const paired = { full: [] as number[], vote: [] as number[] };
let same = 0;
for (let round = 0; round < 3; round++) {
  for (const [i, q] of questions.entries()) {
    const ids: Record<string, string> = {};
    for (const way of (i + round) % 2 ? ['full', 'vote'] as const : ['vote', 'full'] as const) {
      hnsw.useEf(way === 'full' ? full : undefined);
      const c0 = process.cpuUsage();
      ids[way] = (await kb.search(q, 5)).map((hit) => hit.passage.id).join();
      const c = process.cpuUsage(c0);
      paired[way].push((c.user + c.system) / 1000);
    }
    if (round === 0 && ids.full === ids.vote) same++;
  }
}
hnsw.useEf(undefined);
const ratio = (q: number) => (quantile(paired.vote, q) / quantile(paired.full, q)).toFixed(3);
console.log(`paired kb.search CPU, vote ef ${full} (neighbours'): p50 ${quantile(paired.full, 0.5).toFixed(3)} p95 ${quantile(paired.full, 0.95).toFixed(3)} ms`);
console.log(`paired kb.search CPU, vote ef ${efFor(hnsw.count, 'vote')} (shipped): p50 ${quantile(paired.vote, 0.5).toFixed(3)} p95 ${quantile(paired.vote, 0.95).toFixed(3)} ms; ratio p50 ${ratio(0.5)} p95 ${ratio(0.95)}`);
console.log(`top 5 the same both ways: ${same}/${questions.length}`);
console.log(`load ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')}`);
kb.close();
