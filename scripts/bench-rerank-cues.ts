/**
 * What the article cues (ranking/article-cues.ts: topic position, cross-references) and the doer
 * and own-rule cues (verb-object.ts, scope-cue.ts) add to the built-in re-ranker's time, paired in
 * one process so the share holds on a busy machine: for every question of the shared dev set and
 * scripts/eval-sets/, the fused top 30 over the shared corpus is re-ranked whole, then each group
 * of cues alone is run on the same candidates.
 *
 *   npx tsx scripts/bench-rerank-cues.ts [--data DIR] [--rounds 5]
 *
 * --data reuses (or creates) an ingested data folder; otherwise a temporary one is used.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RERANK_DEPTH, openSqliteKnowledgeBase } from '../src/knowledge/index.ts';
import { createBuiltinReranker } from '../src/knowledge/ranking/builtin-reranker.ts';
import { CLAUSE, crossReference, topicPosition } from '../src/knowledge/ranking/article-cues.ts';
import { ownRule } from '../src/knowledge/ranking/scope-cue.ts';
import { actorInPassage, questionActor } from '../src/knowledge/ranking/verb-object.ts';
import { comparableParts, questionTerms } from '../src/knowledge/ranking/question-terms.ts';
import { quantile } from './bench-quantile.ts';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const rounds = Number(option('--rounds') ?? 5);
const data = option('--data') ?? mkdtempSync(join(tmpdir(), 'lvzhi-cues-'));
const dir = join(data, 'corpus');
const fresh = !existsSync(join(dir, 'lvzhi.db'));
const kb = await openSqliteKnowledgeBase({ dataDir: dir, log: () => undefined });
try {
  if (fresh) await kb.ingest([resolve(root, '../shared/corpus')]);
  const files = [resolve(root, '../shared/eval/qa-dev.jsonl'), ...['answerable', 'law-exam', 'unanswerable'].map((name) => join(root, `scripts/eval-sets/${name}.jsonl`))];
  const questions = files.flatMap((file) => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { question: string }).question));
  const idf = (term: string) => kb.indexes.bm25().idf(term);
  const reranker = createBuiltinReranker({ idf });
  const sets = [];
  for (const question of questions) {
    const hits = await kb.retrievers.hybrid.search(question, RERANK_DEPTH);
    const scores = new Map(hits.map((h) => [h.id, h.score]));
    const candidates = (await kb.store.passagesByIds(hits.map((h) => h.id))).map((passage) => ({ passage, score: scores.get(passage.id) ?? 0 }));
    sets.push({ question, candidates, words: questionTerms(question).words, bodies: candidates.map(({ passage }) => comparableParts(passage).body) });
  }
  const whole: number[] = [];
  const cues: number[] = [];
  const doer: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const { question, candidates, words, bodies } of sets) {
      let t0 = performance.now();
      await reranker.rerank(question, candidates);
      whole.push(performance.now() - t0);
      t0 = performance.now();
      crossReference(words, candidates);
      for (const body of bodies) topicPosition(words, body, idf);
      cues.push(performance.now() - t0);
      // The doer and own-rule cues (session 26), as the re-ranker runs them.
      t0 = performance.now();
      const asked = questionActor(question);
      for (let i = 0; i < candidates.length; i++) {
        actorInPassage(asked, bodies[i].match(CLAUSE) ?? [], words);
        ownRule(undefined, true, candidates[i].passage.title);
      }
      doer.push(performance.now() - t0);
    }
  }
  const ms = (values: number[], q: number) => quantile(values, q).toFixed(3);
  console.log(`${sets.length} questions x ${rounds}, top ${RERANK_DEPTH}: whole re-ranker p50 ${ms(whole, 0.5)} / p95 ${ms(whole, 0.95)} ms; ` +
    `article cues alone p50 ${ms(cues, 0.5)} / p95 ${ms(cues, 0.95)} ms; doer and own-rule cues alone p50 ${ms(doer, 0.5)} / p95 ${ms(doer, 0.95)} ms`);
} finally {
  kb.close();
  if (!option('--data')) rmSync(data, { recursive: true, force: true });
}
