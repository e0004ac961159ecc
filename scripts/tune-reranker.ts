/**
 * Fits the built-in re-ranker's weights (src/knowledge/builtin-reranker.ts) by coordinate
 * ascent on recall@1 (MRR breaking ties) over candidate features dumped by
 * `npx tsx scripts/eval-knowledge.ts --split tune --dump-rerank FILE` (the shared dev sets' rows
 * left out). Prints the weights and
 * the score on the tune rows and, when given a second dump (`--check FILE`), on those rows.
 *
 *   npx tsx scripts/tune-reranker.ts FILE [--check FILE]
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_RERANK_WEIGHTS, RERANK_FEATURES, type RerankWeights, rerankScore } from '../src/knowledge/ranking/builtin-reranker.ts';

interface Row { id: string; split?: string; features: number[][]; gold: boolean[] }

// Rows of the shared dev sets (split "dev") are never fitted on: they stand in for the held-out sets.
const read = (path: string): Row[] => readFileSync(path, 'utf8').split('\n').filter(Boolean)
  .map((line) => JSON.parse(line) as Row).filter((row) => row.gold.some(Boolean) && row.split !== 'dev');

/** recall@1 and MRR@5 of the rows under the weights. */
function evaluate(rows: readonly Row[], weights: RerankWeights): { r1: number; r5: number; mrr: number } {
  let r1 = 0, r5 = 0, mrr = 0;
  for (const row of rows) {
    const order = row.features.map((f, i) => ({ i, s: rerankScore(f, weights) })).sort((a, b) => b.s - a.s || a.i - b.i);
    const rank = order.findIndex(({ i }) => row.gold[i]);
    if (rank === 0) r1++;
    if (rank >= 0 && rank < 5) { r5++; mrr += 1 / (rank + 1); }
  }
  const n = rows.length || 1;
  return { r1: r1 / n, r5: r5 / n, mrr: mrr / n };
}

const objective = (rows: readonly Row[], w: RerankWeights): number => {
  const e = evaluate(rows, w);
  return e.r1 + 0.5 * e.r5 + 0.25 * e.mrr;
};

const args = process.argv.slice(2);
const tune = read(args[0]);
const checkIndex = args.indexOf('--check');
const check = checkIndex >= 0 ? read(args[checkIndex + 1]) : [];
/**
 * Pairwise logistic regression (RankNet): the gold passage should outscore every other
 * candidate; L2-regularised, so no feature is trusted more than the questions warrant.
 * Returns weights scaled so that the fused score's weight is 1.
 */
function pairwise(rows: readonly Row[], lambda = 0.01, epochs = 1500, rate = 2): Record<string, number> {
  // Listwise (softmax over each question's candidates): the loss is the gold passage's
  // negative log-probability of being first, which is what recall@1 rewards.
  const d = RERANK_FEATURES.length;
  const w = new Array<number>(d).fill(0);
  w[0] = 5;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = new Array<number>(d).fill(0);
    for (const row of rows) {
      const z = row.features.map((f) => f.reduce((sum, x, k) => sum + x * w[k], 0));
      const max = Math.max(...z);
      const e = z.map((v) => Math.exp(v - max));
      const total = e.reduce((a, b) => a + b, 0);
      const goldMass = e.reduce((a, v, i) => a + (row.gold[i] ? v : 0), 0);
      row.features.forEach((f, i) => {
        const p = e[i] / total;
        const target = row.gold[i] ? e[i] / goldMass : 0;
        for (let k = 0; k < d; k++) grad[k] += (p - target) * f[k];
      });
    }
    for (let k = 0; k < d; k++) w[k] -= rate * (grad[k] / rows.length + lambda * w[k]);
  }
  const scale = w[0] > 0 ? w[0] : 1;
  return Object.fromEntries(RERANK_FEATURES.map((name, k) => [name, Math.round((w[k] / scale) * 100) / 100]));
}

const lambdaIndex = args.indexOf('--lambda');
const givenIndex = args.indexOf('--weights');
if (givenIndex >= 0) {
  // Evaluate given weights only: npx tsx scripts/tune-reranker.ts FILE --check FILE --weights '{"narrative":-0.6}'
  const given = { ...DEFAULT_RERANK_WEIGHTS, ...JSON.parse(args[givenIndex + 1]) } as RerankWeights;
  const line = (e: { r1: number; r5: number; mrr: number }) => `recall@1 ${(100 * e.r1).toFixed(1)}% recall@5 ${(100 * e.r5).toFixed(1)}% MRR ${e.mrr.toFixed(3)}`;
  console.log(`given on tune (${tune.length}): ${line(evaluate(tune, given))}`);
  if (check.length) console.log(`given on check (${check.length}): ${line(evaluate(check, given))}`);
  process.exit(0);
}
let weights: Record<string, number> = args.includes('--ascent')
  ? { ...DEFAULT_RERANK_WEIGHTS }
  : pairwise(tune, lambdaIndex >= 0 ? Number(args[lambdaIndex + 1]) : 0.01);
let best = args.includes('--ascent') ? objective(tune, weights as RerankWeights) : Infinity;
const steps = [-1, -0.5, -0.3, -0.2, -0.1, -0.05, 0.05, 0.1, 0.2, 0.3, 0.5, 1];
for (let round = 0; round < 6; round++) {
  let improved = false;
  for (const name of RERANK_FEATURES) {
    if (name === 'fused') continue; // the scale: other weights are relative to it
    for (const step of steps) {
      const trial = { ...weights, [name]: Math.round((weights[name] + step) * 100) / 100 };
      const score = objective(tune, trial as RerankWeights);
      if (score > best + 1e-9) {
        best = score;
        weights = trial;
        improved = true;
      }
    }
  }
  if (!improved) break;
}
const show = (e: { r1: number; r5: number; mrr: number }) => `recall@1 ${(100 * e.r1).toFixed(1)}% recall@5 ${(100 * e.r5).toFixed(1)}% MRR ${e.mrr.toFixed(3)}`;
console.log('weights', JSON.stringify(weights));
console.log(`default on tune (${tune.length}): ${show(evaluate(tune, DEFAULT_RERANK_WEIGHTS))}`);
console.log(`fitted on tune (${tune.length}): ${show(evaluate(tune, weights as RerankWeights))}`);
if (check.length) {
  console.log(`default on check (${check.length}): ${show(evaluate(check, DEFAULT_RERANK_WEIGHTS))}`);
  console.log(`fitted on check (${check.length}): ${show(evaluate(check, weights as RerankWeights))}`);
}
