/**
 * Ingest before and after, in the same conditions (issue 17: "report the before/after in one
 * run"): the code of a base commit (its src/ taken with `git archive`, no git state changed) and
 * this checkout ingest the same generated passages, each in a fresh process, alternated
 * A B B A … so load that comes and goes falls on both. Per run: passages/s until the ingest
 * returns (its passages searchable) and until its index files are complete (`indexed()`: a large
 * ingest's vector graph completes after it; a base without it is complete when it returns), CPU
 * seconds of the whole process (all threads, to completion) and its own peak RSS (VmHWM); then
 * the medians and the ratios.
 *
 *   npx tsx scripts/bench-ingest-pair.ts [--base 31662dc[,main…]] [--passages 100000] [--rounds 2]
 *
 * Several bases (comma-separated) are each compared with this checkout in the same run: per
 * round every side once, the order reversed every other round.
 *
 * The base runs from a temporary folder beside this checkout's node_modules (a symlink), so
 * both sides use the same libraries; only src/ differs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { quantile } from './bench-quantile.ts';
import { ownPeakRssMb } from './own-peak.mjs';

const ROOT = join(import.meta.dirname, '..');

/** One ingest as a child reports it. */
interface IngestRun {
  readonly passages: number;
  /** Until `ingest` returned. */
  readonly seconds: number;
  /** Until the index files were complete. */
  readonly complete_seconds: number;
  readonly cpu_seconds: number;
  readonly peak_rss_mb: number;
}

/** In a child: ingest `corpus` with the knowledge base of the tree at `tree` into a fresh folder. */
async function child(tree: string, corpus: string): Promise<IngestRun> {
  const { createOfflineEmbedder, openSqliteKnowledgeBase } = await import(pathToFileURL(join(tree, 'src/knowledge/index.ts')).href);
  const dataDir = mkdtempSync(join(tmpdir(), 'lvzhi-pair-data-'));
  try {
    const kb = await openSqliteKnowledgeBase({ dataDir, embedder: createOfflineEmbedder() });
    try {
      const cpu = process.cpuUsage();
      const started = performance.now();
      const report = await kb.ingest([corpus]);
      const seconds = (performance.now() - started) / 1000;
      await kb.indexed?.();
      const completeSeconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      return { passages: report.chunks, seconds, complete_seconds: completeSeconds, cpu_seconds: (used.user + used.system) / 1e6, peak_rss_mb: ownPeakRssMb() };
    } finally {
      kb.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function option(args: readonly string[], name: string): string | undefined {
  return args.includes(name) ? args[args.indexOf(name) + 1] : undefined;
}

/** The base commit's src/ and scripts/ in a temporary folder, sharing this checkout's node_modules. */
function baseTree(commit: string, into: string): string {
  const tree = join(into, 'base');
  mkdirSync(tree);
  const archive = execFileSync('git', ['-C', ROOT, 'archive', '--format=tar', commit, 'src', 'package.json', 'tsconfig.json'], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', tree], { input: archive });
  symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
  return tree;
}

const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;

async function main(args: readonly string[]): Promise<void> {
  if (args[0] === '--child') {
    process.stdout.write(JSON.stringify(await child(args[1], args[2])));
    return;
  }
  const bases = (option(args, '--base') ?? '31662dc').split(',');
  const passages = Number(option(args, '--passages') ?? 100_000);
  const rounds = Number(option(args, '--rounds') ?? 2);
  const work = mkdtempSync(join(tmpdir(), 'lvzhi-pair-'));
  try {
    const { writeBenchCorpus } = await import('./bench-corpus.ts');
    const corpus = join(work, 'corpus');
    writeBenchCorpus(corpus, passages);
    const trees: Record<string, string> = { new: ROOT };
    bases.forEach((commit, i) => {
      mkdirSync(join(work, `side-${i}`));
      trees[commit] = baseTree(commit, join(work, `side-${i}`));
    });
    const runs: Record<string, IngestRun[]> = Object.fromEntries(Object.keys(trees).map((side) => [side, []]));
    // A B B A per round: a drift in load falls on every side alike.
    const sides = [bases[0], 'new', ...bases.slice(1)]; // this checkout between the bases
    const order = Array.from({ length: rounds }, (_, i) => (i % 2 === 0 ? sides : [...sides].reverse())).flat();
    for (const side of order) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'bench-ingest-pair.ts'), '--child', trees[side], corpus],
        { encoding: 'utf8', cwd: trees[side], maxBuffer: 1 << 26 });
      if (run.status !== 0) throw new Error(`${side} ingest failed: ${run.stderr}`);
      const figures = JSON.parse(run.stdout) as IngestRun;
      runs[side].push(figures);
      console.error(`${side}: ${figures.passages} passages searchable in ${round(figures.seconds, 1)} s (${Math.round(figures.passages / figures.seconds)}/s), complete in ${round(figures.complete_seconds, 1)} s, ${round(figures.cpu_seconds, 1)} CPU s, peak ${figures.peak_rss_mb} MB, load ${loadavg()[0].toFixed(1)}`);
    }
    const summary = (list: IngestRun[]) => ({
      passages_per_s: list.map((r) => Math.round(r.passages / r.seconds)),
      complete_passages_per_s: list.map((r) => Math.round(r.passages / r.complete_seconds)),
      cpu_seconds: list.map((r) => round(r.cpu_seconds, 1)),
      peak_rss_mb: list.map((r) => r.peak_rss_mb),
      median_passages_per_s: Math.round(quantile(list.map((r) => r.passages / r.seconds), 0.5)),
      median_complete_passages_per_s: Math.round(quantile(list.map((r) => r.passages / r.complete_seconds), 0.5)),
      median_cpu_seconds: round(quantile(list.map((r) => r.cpu_seconds), 0.5), 1),
    });
    const after = summary(runs.new);
    for (const base of bases) {
      const before = summary(runs[base]);
      console.log(JSON.stringify({
        base,
        passages,
        before,
        after,
        rate_ratio: round(after.median_passages_per_s / before.median_passages_per_s),
        complete_rate_ratio: round(after.median_complete_passages_per_s / before.median_complete_passages_per_s),
        cpu_ratio: round(after.median_cpu_seconds / before.median_cpu_seconds),
      }, null, 2));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main(process.argv.slice(2));
