/**
 * Ranking probe: for each question (one per line on stdin), the re-ranked top 5 with their
 * second-stage features, where the fused list held them, and the answer's first line.
 *
 *   npx tsx scripts/probe-rank.ts --data DIR [--features] < questions.txt
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_RERANK_WEIGHTS, RERANK_FEATURES, rerankFeatures, rerankScore } from '../src/knowledge/ranking/builtin-reranker.ts';
import { documentNames } from '../src/knowledge/ranking/title-cue.ts';
import { RERANK_DEPTH, openSqliteKnowledgeBase } from '../src/knowledge/index.ts';

const args = process.argv.slice(2);
const data = args[args.indexOf('--data') + 1];
const showFeatures = args.includes('--features');
const named = (values: readonly number[]): string =>
  RERANK_FEATURES.map((name, i) => (values[i] ? `${name}=${values[i].toFixed(2)}` : '')).filter(Boolean).join(' ');
const kb = await openSqliteKnowledgeBase({ dataDir: data, log: () => undefined });
await kb.indexed();
const names = new Set((await kb.store.documentTitles()).flatMap(documentNames));
for (const question of readFileSync(0, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean)) {
  if (question.startsWith('#')) continue;
  const hits = await kb.retrievers.hybrid.search(question, RERANK_DEPTH);
  const scores = new Map(hits.map((h) => [h.id, h.score]));
  const candidates = (await kb.store.passagesByIds(hits.map((h) => h.id))).map((passage) => ({ passage, score: scores.get(passage.id) ?? 0 }));
  const features = rerankFeatures(question, candidates, { idf: (t) => kb.indexes.bm25().idf(t), documentNames: () => names });
  const order = candidates.map((_, i) => i).sort((a, b) => rerankScore(features[b], DEFAULT_RERANK_WEIGHTS) - rerankScore(features[a], DEFAULT_RERANK_WEIGHTS) || a - b);
  const answer = await kb.ask(question, { k: 5 });
  console.log(`\n## ${question}\n  answer(${answer.found ? 'found' : 'declined'}): ${answer.answer.split('\n')[0].slice(0, 110)}`);
  const { passages } = await kb.searchDetailed(question, 5);
  console.log(`  final top5: ${passages.map((p) => `${p.passage.doc.replace(/\.md$/, '')}:${p.passage.location.split('›').pop()!.trim()}`).join(' | ')}`);
  for (const i of order.slice(0, showFeatures ? 8 : 0)) {
    const p = candidates[i].passage;
    console.log(`  [fused ${i + 1}] ${rerankScore(features[i], DEFAULT_RERANK_WEIGHTS).toFixed(3)} ${p.doc.replace(/\.md$/, '')} ${p.location.split('›').pop()!.trim()}: ${named(features[i])}`);
  }
}
kb.close();
