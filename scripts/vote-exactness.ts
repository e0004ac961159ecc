/**
 * Can the hybrid's vector vote be had without the HNSW search (issue 17)? On a data folder the
 * sweep built, for the bench's 300 questions, each way of voting is compared with the vote of
 * the exact vector search (every passage scored): the fused top 30 (its order and its set) and
 * the top 5 after the second stage. Ways: the HNSW search at each ef (ef 240 is the shipped vote
 * at 100,000); the same with the keyword search's top 50 added at their exact cosines (they are
 * then never missed); and an exact cosine vote over the keyword search's top 50 alone, ranked
 * among themselves (no search of the whole index at all).
 *
 *   npx tsx scripts/vote-exactness.ts DIR [--efs 50,120,240]   (DIR holds data/, as sweep-hnsw-ef.ts --data leaves it)
 */
import { RERANK_DEPTH, createBuiltinReranker } from '../src/knowledge/index.ts';
import { exactSearch } from '../src/knowledge/search/vector-index.ts';
import type { Hit } from '../src/knowledge/search/top-k.ts';
import { defaultTokenizer } from '../src/knowledge/search/tokenizer.ts';
import { openBenchFolder } from './bench-folder.ts';
import { quantile } from './bench-quantile.ts';

const args = process.argv.slice(2);
const root = args[0];
const efs = (args.includes('--efs') ? args[args.indexOf('--efs') + 1] : '50,120,240').split(',').map(Number);
const { kb, embedder, questions } = await openBenchFolder(root);
const tokenizer = defaultTokenizer();
const bm25 = kb.indexes.bm25();
const hnsw = kb.indexes.hnsw();
const matrix = await kb.indexes.vectorMatrix();
const rowOf = new Map(Array.from(matrix.ids, (id, row) => [id, row]));
const reranker = createBuiltinReranker({ idf: (term) => bm25.idf(term) });
// As the hybrid retriever fuses (knowledge-base.ts, retrievers.ts): k0 10, vote weight 0.1, depth 50.
const K0 = 10;
const VOTE = 0.1;
const DEPTH = 50;

function fuse(lexical: readonly Hit[], vector: readonly Hit[]): Hit[] {
  const fused = new Map<number, number>();
  lexical.forEach((hit, rank) => fused.set(hit.id, (fused.get(hit.id) ?? 0) + 1 / (K0 + rank + 1)));
  vector.forEach((hit, rank) => fused.set(hit.id, (fused.get(hit.id) ?? 0) + VOTE / (K0 + rank + 1)));
  return [...fused].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, RERANK_DEPTH).map(([id, score]) => ({ id, score: score / ((1 + VOTE) / (K0 + 1)) }));
}

async function top5(question: string, hits: readonly Hit[]): Promise<string> {
  const scores = new Map(hits.map((hit) => [hit.id, hit.score]));
  const passages = await kb.store.passagesByIds(hits.map((hit) => hit.id));
  const reranked = await reranker.rerank(question, passages.map((passage) => ({ passage, score: scores.get(passage.id) ?? 0 })));
  return reranked.slice(0, 5).map((hit) => hit.passage.id).join();
}

function cosine(id: number, vector: Float32Array): number {
  const base = rowOf.get(id)! * matrix.dimensions;
  let dot = 0;
  for (let j = 0; j < matrix.dimensions; j++) dot += matrix.values[base + j] * vector[j];
  return dot;
}

const cpu = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const ways = new Map<string, { order: number; set: number; top5: number; ms: number[] }>();
const overlap: number[] = [];
let fewHits = 0;
for (const question of questions) {
  const lexical = bm25.search(tokenizer.terms(question), DEPTH);
  if (lexical.length < RERANK_DEPTH) fewHits++;
  const [vector] = await embedder.embed([question]);
  const exact = exactSearch(matrix, vector, DEPTH);
  const exactIds = new Set(exact.map((hit) => hit.id));
  overlap.push(lexical.filter((hit) => exactIds.has(hit.id)).length);
  const reference = fuse(lexical, exact);
  const referenceIds = reference.map((hit) => hit.id).join();
  const referenceSet = new Set(reference.map((hit) => hit.id));
  const referenceTop5 = await top5(question, reference);
  const candidates = lexical.map((hit) => ({ id: hit.id, score: cosine(hit.id, vector) }));
  const votes: Array<[string, () => Hit[]]> = [
    ['exact cosine over the keyword top 50', () => [...candidates].sort((a, b) => b.score - a.score || a.id - b.id)],
  ];
  for (const ef of efs) {
    const search = () => {
      hnsw.useEf(ef);
      return hnsw.search(vector, DEPTH, 'vote');
    };
    votes.push([`HNSW ef ${ef}`, search]);
    votes.push([`HNSW ef ${ef} + keyword top 50`, () => {
      const found = search();
      const seen = new Set(found.map((hit) => hit.id));
      return [...found, ...candidates.filter((hit) => !seen.has(hit.id))].sort((a, b) => b.score - a.score || a.id - b.id).slice(0, DEPTH);
    }]);
  }
  for (const [name, vote] of votes) {
    const way = ways.get(name) ?? { order: 0, set: 0, top5: 0, ms: [] };
    ways.set(name, way);
    const c0 = cpu();
    const fused = fuse(lexical, vote());
    way.ms.push(cpu() - c0);
    if (fused.map((hit) => hit.id).join() === referenceIds) way.order++;
    if (fused.every((hit) => referenceSet.has(hit.id))) way.set++;
    if (await top5(question, fused) === referenceTop5) way.top5++;
  }
}
hnsw.useEf(undefined);
const n = questions.length;
console.log(`${matrix.ids.length} passages, ${n} questions; keyword search under ${RERANK_DEPTH} hits: ${fewHits}`);
console.log(`keyword top ${DEPTH} among the exact vector top ${DEPTH}: p50 ${quantile(overlap, 0.5)}, p95 ${quantile(overlap, 0.95)}, none for ${overlap.filter((x) => x === 0).length} questions`);
console.log('same as with the exact vector vote — fused top 30 order / set, top 5 after the second stage; CPU of the vote and fusion');
for (const [name, way] of ways) {
  console.log(`  ${name.padEnd(36)} ${way.order}/${n}  ${way.set}/${n}  ${way.top5}/${n}   p50 ${quantile(way.ms, 0.5).toFixed(3)} ms, p95 ${quantile(way.ms, 0.95).toFixed(3)} ms`);
}
console.log('(the exact cosine votes read vectors from memory here; the shipped process holds them only inside hnswlib)');
console.log(`load ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')}`);
kb.close();
