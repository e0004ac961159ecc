/**
 * Hybrid search before and after, in the same conditions: issue 17 set its query targets against
 * the code of the day ("hybrid p95 ≤ 5 ms … now 10.7", "as ratios where the machine is noisy"),
 * and this machine's speed moves by half from hour to hour. So both codes run here, in the same
 * hour, on the same passages and questions: a base commit (its src/ taken with `git archive` into a
 * temporary folder, compiled there; no git state changed) and this checkout (its dist/), both as
 * `npm start` runs them (compiled). Each side ingests the bench's generated passages once into its
 * own folder; then each round opens each side's folder in a fresh process, A B B A …, warms it up
 * as the bench does (20 questions, then the app's own warm-up when it has one) and times the 300
 * questions twice. Prints each run, the medians and the ratios after / before.
 *
 *   npx tsx scripts/bench-query-pair.ts [--base 8501d87] [--passages 100000] [--rounds 3]
 *
 * 8501d87 is the code issue 17 measured (the commit before the pruned BM25 search). The base
 * shares this checkout's node_modules (a symlink), so only src/ differs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { benchQuestions, writeBenchCorpus } from './bench-corpus.ts';
import { quantile } from './bench-quantile.ts';
import { ownPeakRssMb } from './own-peak.mjs';

const ROOT = join(import.meta.dirname, '..');

/** One round of one side: wall milliseconds of each pass over the questions. */
interface QueryRun {
  readonly first: { p50: number; p95: number };
  readonly second: { p50: number; p95: number };
  readonly peak_rss_mb: number;
  readonly load: number;
}

/** The knowledge base of the tree at `tree`, compiled, over `dataDir`. */
async function open(tree: string, dataDir: string) {
  const { createOfflineEmbedder, openSqliteKnowledgeBase } = await import(pathToFileURL(join(tree, 'dist/knowledge/index.js')).href);
  return openSqliteKnowledgeBase({ dataDir, embedder: createOfflineEmbedder() });
}

/** In a child: ingest `corpus` into `dataDir` with the tree's code; seconds until searchable and complete. */
async function ingestChild(tree: string, dataDir: string, corpus: string) {
  const kb = await open(tree, dataDir);
  const started = performance.now();
  const report = await kb.ingest([corpus]);
  const seconds = (performance.now() - started) / 1000;
  await kb.indexed?.();
  const complete = (performance.now() - started) / 1000;
  kb.close();
  return { passages: report.chunks, seconds, complete_seconds: complete };
}

const summary = (times: number[]) => ({ p50: round(quantile(times, 0.5)), p95: round(quantile(times, 0.95)) });

/** In a child: open the folder, warm up as the bench does, and time the bench's questions twice. */
async function queryChild(tree: string, dataDir: string, count: number): Promise<QueryRun> {
  const db = new Database(join(dataDir, 'lvzhi.db'), { readonly: true });
  const sample = (db.prepare('SELECT text FROM kb_passages WHERE id % 199 = 0 ORDER BY id LIMIT 500').all() as Array<{ text: string }>).map((row) => row.text);
  db.close();
  const questions = benchQuestions(count, sample);
  const kb = await open(tree, dataDir);
  for (const q of questions.slice(0, 20)) await kb.search(q, 5);
  await kb.warmedUp?.(); // the app's own warm-up, where the tree has one (it waits for no one)
  const pass = async () => {
    const times: number[] = [];
    for (const q of questions) {
      const t0 = performance.now();
      await kb.search(q, 5);
      times.push(performance.now() - t0);
    }
    return summary(times);
  };
  const first = await pass();
  const second = await pass();
  kb.close();
  return { first, second, peak_rss_mb: ownPeakRssMb(), load: round(loadavg()[0], 1) };
}

function option(args: readonly string[], name: string): string | undefined {
  return args.includes(name) ? args[args.indexOf(name) + 1] : undefined;
}

/** The base commit's sources, compiled, in `into`, sharing this checkout's node_modules. */
function baseTree(commit: string, into: string): string {
  const archive = execFileSync('git', ['-C', ROOT, 'archive', '--format=tar', commit, 'src', 'scripts/build.mjs', 'package.json', 'tsconfig.json', 'tsconfig.build.json'], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', into], { input: archive });
  symlinkSync(join(ROOT, 'node_modules'), join(into, 'node_modules'));
  execFileSync(process.execPath, [join(into, 'scripts/build.mjs')], { cwd: into, stdio: 'inherit' });
  return into;
}

const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Run this script as a child in `mode`, its JSON answer parsed. */
function inChild<T>(...args: string[]): T {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'bench-query-pair.ts'), ...args],
    { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`${args[0]} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

async function main(args: readonly string[]): Promise<void> {
  if (args[0] === '--ingest') return void process.stdout.write(JSON.stringify(await ingestChild(args[1], args[2], args[3])));
  if (args[0] === '--query') return void process.stdout.write(JSON.stringify(await queryChild(args[1], args[2], Number(args[3]))));
  const base = option(args, '--base') ?? '8501d87';
  const passages = Number(option(args, '--passages') ?? 100_000);
  const rounds = Number(option(args, '--rounds') ?? 3);
  const questions = Number(option(args, '--queries') ?? 300);
  const { build } = await import('./build.mjs');
  build({ onlyIfStale: true });
  const work = mkdtempSync(join(tmpdir(), 'lvzhi-query-pair-'));
  try {
    const corpus = join(work, 'corpus');
    writeBenchCorpus(corpus, passages);
    mkdirSync(join(work, 'base'));
    const sides = { before: baseTree(base, join(work, 'base')), after: ROOT };
    for (const [side, tree] of Object.entries(sides)) {
      const dataDir = join(work, `data-${side}`);
      mkdirSync(dataDir);
      const ingest = inChild<{ passages: number; seconds: number; complete_seconds: number }>('--ingest', tree, dataDir, corpus);
      console.error(`${side}: ${ingest.passages} passages ingested in ${round(ingest.seconds, 1)} s (complete ${round(ingest.complete_seconds, 1)} s)`);
    }
    const runs: Record<string, QueryRun[]> = { before: [], after: [] };
    const order = Array.from({ length: rounds }, (_, i) => (i % 2 === 0 ? ['before', 'after'] : ['after', 'before'])).flat();
    for (const side of order) {
      const run = inChild<QueryRun>('--query', sides[side as keyof typeof sides], join(work, `data-${side}`), String(questions));
      runs[side].push(run);
      console.error(`${side}: first pass p50 ${run.first.p50} p95 ${run.first.p95} ms, second pass p50 ${run.second.p50} p95 ${run.second.p95} ms, peak ${run.peak_rss_mb} MB, load ${run.load}`);
    }
    const median = (list: QueryRun[], pick: (run: QueryRun) => number) => round(quantile(list.map(pick), 0.5));
    const figures = (list: QueryRun[]) => ({
      first_p50: median(list, (r) => r.first.p50), first_p95: median(list, (r) => r.first.p95),
      second_p50: median(list, (r) => r.second.p50), second_p95: median(list, (r) => r.second.p95),
    });
    const before = figures(runs.before);
    const after = figures(runs.after);
    // Each round's own ratio too: the two sides of a round ran minutes apart.
    const paired = runs.after.map((run, i) => round(run.first.p95 / runs.before[i].first.p95));
    console.log(JSON.stringify({
      base, passages, questions, runs, before, after,
      first_p95_ratio: round(after.first_p95 / before.first_p95),
      second_p95_ratio: round(after.second_p95 / before.second_p95),
      first_p50_ratio: round(after.first_p50 / before.first_p50),
      first_p95_ratio_by_round: paired,
    }, null, 2));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main(process.argv.slice(2));
