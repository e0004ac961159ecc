/**
 * Fits the found decision (src/knowledge/answering/found-decision.ts): a class-balanced, L2-regularised
 * logistic regression over the features dumped by
 *   npx tsx scripts/eval-knowledge.ts --split all --dump-found FILE
 * fitted on the rows of the tune split (never the shared dev sets), with the threshold set so
 * that at most `--max-declined` (default 2%) of the answerable tune questions are declined.
 * Prints the figures on the tune rows and on the check and shared dev rows it never saw; `--write` stores the
 * model in src/knowledge/answering/found-weights.json.
 *
 *   npx tsx scripts/calibrate-found.ts FILE [--lambda 0.01] [--max-declined 0.02] [--in-fold] [--write | --shipped]
 *
 * The threshold is set on out-of-fold probabilities (5 folds of the tune rows); --in-fold sets
 * it on the fitted model's own probabilities of its tune rows, as before.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { FOUND_GATES, type FoundModel, FOUND_MODEL, declinedByGate, foundProbability } from '../src/knowledge/answering/found-decision.ts';
import { FOUND_FEATURES } from '../src/knowledge/answering/found-features.ts';

interface Row { id: string; split: string; answerable: boolean; features: number[]; passages?: number }

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const rows = readFileSync(args[0], 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Row);
// The shared dev sets (split "dev") stand in for the held-out sets: never fitted on.
const tune = rows.filter((r) => r.split === 'tune');
const check = rows.filter((r) => r.split === 'check');
const lambda = Number(option('--lambda', '0.01'));
const maxDeclined = Number(option('--max-declined', '0.02'));

function fit(train: readonly Row[]): { intercept: number; coefficients: number[] } {
  const d = FOUND_FEATURES.length;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const positives = train.filter((r) => r.answerable).length;
  const negatives = train.length - positives;
  for (let epoch = 0; epoch < 4000; epoch++) {
    const grad = new Array<number>(d).fill(0);
    let gb = 0;
    for (const row of train) {
      const p = foundProbability(row.features, { intercept: b, coefficients: w });
      // Each class weighs as much as the other, however many questions it has.
      const weight = row.answerable ? train.length / (2 * positives) : train.length / (2 * negatives);
      const g = weight * (p - (row.answerable ? 1 : 0));
      for (let k = 0; k < d; k++) grad[k] += g * row.features[k];
      gb += g;
    }
    for (let k = 0; k < d; k++) w[k] -= 0.5 * (grad[k] / train.length + lambda * w[k]);
    b -= 0.5 * gb / train.length;
  }
  return { intercept: b, coefficients: w };
}

// Questions a gate declines outright (gates in src/knowledge/answering/found-decision.ts) are not fitted:
// the model only decides the questions that pass them.
const gates = { ...FOUND_GATES, absentFromIndex: Number(option('--absent', String(FOUND_GATES.absentFromIndex))) };
const gated = (row: Row) => declinedByGate(row.features, gates, row.passages ?? Infinity);
// --shipped reports the model in found-weights.json on these features instead of fitting one.
const shipped = args.includes('--shipped');
const fitted = shipped ? FOUND_MODEL : fit(tune.filter((r) => !gated(r)));
const probabilities = (set: readonly Row[]) =>
  set.map((r) => ({ r, p: gated(r) ? -1 : foundProbability(r.features, fitted) }));
/**
 * The answerable tune questions' probabilities as a model that never saw them gives them
 * (each of FOLDS folds scored by a model fitted on the others): the threshold is set on these,
 * for a model's probabilities on the questions it was fitted on are kinder than on new ones,
 * and a threshold set on them declines more answerable held-out questions than it promised.
 */
const FOLDS = 5;
function outOfFold(rows: readonly Row[]): number[] {
  const out: number[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const fitted = fit(rows.filter((r, i) => i % FOLDS !== fold && !gated(r)));
    rows.forEach((r, i) => { if (i % FOLDS === fold && r.answerable) out.push(gated(r) ? -1 : foundProbability(r.features, fitted)); });
  }
  return out;
}
const answerableTune = (shipped || args.includes('--in-fold')
  ? probabilities(tune.filter((r) => r.answerable)).map((x) => x.p)
  : outOfFold(tune)).sort((a, b) => a - b);
// The highest threshold that declines at most maxDeclined of the answerable tune questions
// (those a gate declines already count against it).
// (those a gate declines already count against it; when they alone use the allowance up, the
// threshold sits just below the lowest answerable question the gates let through).
const gatedAnswerable = answerableTune.filter((p) => p < 0).length;
const allowed = Math.max(Math.floor(maxDeclined * answerableTune.length), gatedAnswerable);
const threshold = shipped ? FOUND_MODEL.threshold : Math.max(0, Math.floor(((answerableTune[allowed] ?? 0.5) - 1e-6) * 1e4) / 1e4);
const model: FoundModel = {
  gates,
  intercept: Math.round(fitted.intercept * 1e4) / 1e4,
  coefficients: fitted.coefficients.map((c) => Math.round(c * 1e4) / 1e4),
  threshold,
};

function report(name: string, set: readonly Row[]): void {
  const scored = probabilities(set);
  const un = scored.filter((x) => !x.r.answerable);
  const an = scored.filter((x) => x.r.answerable);
  const declined = un.filter((x) => x.p < threshold).length;
  const wrongly = an.filter((x) => x.p < threshold);
  console.log(`${name}: unanswerable declined ${declined}/${un.length} (${(100 * declined / Math.max(un.length, 1)).toFixed(1)}%); ` +
    `answerable declined ${wrongly.length}/${an.length} (${(100 * wrongly.length / Math.max(an.length, 1)).toFixed(1)}%)`);
  if (args.includes('--show')) {
    for (const x of un.filter((x) => x.p >= threshold)) console.log(`   answered ${x.r.id} p=${x.p.toFixed(3)}`);
    for (const x of wrongly) console.log(`   declined ${x.r.id} p=${x.p.toFixed(3)}`);
  }
}

console.log('features', FOUND_FEATURES.join(' '));
console.log('model', JSON.stringify(model));
report('tune', tune);
report('check', check);
report('dev (shared, never fitted)', rows.filter((r) => r.split === 'dev'));
if (args.includes('--write') && !shipped) {
  writeFileSync(new URL('../src/knowledge/answering/found-weights.json', import.meta.url), JSON.stringify(model, null, 2) + '\n');
  console.log('written to src/knowledge/answering/found-weights.json');
}
