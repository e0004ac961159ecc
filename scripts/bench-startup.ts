/**
 * Start-up as a person meets it: whole processes of the compiled app, as `npm run cli` and
 * `npm start` run them (scripts/run-built.mjs, dist/), on a warm data folder holding the
 * sample documents and a few log entries. Figures: wall-clock milliseconds of `cli ask`,
 * `cli stats` and `npm start` (terminal channel) from launch to its first answer; median,
 * min and max of several runs after one warm-up. Targets (issue 11): ask ≤ 1000 ms, stats
 * ≤ 600 ms, start to first answer ≤ 1500 ms, on a quiet 2-core machine.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = resolve(import.meta.dirname, '..');
const RUNNER = join(ROOT, 'scripts', 'run-built.mjs');
const QUESTION = '常委会会议多久召开一次';

/** min, median and max of some milliseconds. */
function spread(ms: number[]): { median_ms: number; min_ms: number; max_ms: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  return { median_ms: Math.round(sorted[Math.floor(sorted.length / 2)]), min_ms: Math.round(sorted[0]), max_ms: Math.round(sorted.at(-1)!) };
}

function cli(args: string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [RUNNER, 'cli', ...args], { cwd: ROOT, env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`cli ${args[0]} failed: ${run.stderr}`);
  return performance.now() - started;
}

/** `npm start` in the terminal channel: launch → the first line of the first answer on stdout. */
function firstAnswer(env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, [RUNNER, 'main'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'ignore'] });
    let elapsed: number | undefined;
    child.stdout.once('data', () => {
      elapsed = performance.now() - started;
      child.stdin.end();
    });
    child.on('exit', () => (elapsed === undefined ? fail(new Error('npm start gave no answer')) : done(elapsed)));
    child.stdin.write(QUESTION + '\n');
  });
}

/** Time the three start-ups `runs` times each (after one warm-up) on a fresh warm data folder. */
export async function benchStartup(options: { runs?: number; log?: (line: string) => void } = {}): Promise<object> {
  const runs = options.runs ?? 5;
  const data = mkdtempSync(join(tmpdir(), 'lvzhi-bench-startup-'));
  // Only the data folder: no model service, no chat platform (the offline terminal start).
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: tmpdir(), LVZHI_DATA_DIR: data };
  try {
    cli(['ingest', join(ROOT, 'knowledge')], env);
    cli(['log', '6月12日组织代表视察了安全生产工作', '--now', '2024-07-01'], env);
    const figures: Record<string, object> = {};
    const measures: Array<[string, () => Promise<number> | number]> = [
      ['cli_ask', () => cli(['ask', QUESTION], env)],
      ['cli_stats', () => cli(['stats'], env)],
      ['start_to_first_answer', () => firstAnswer(env)],
    ];
    for (const [name, measure] of measures) {
      await measure();
      const ms: number[] = [];
      for (let i = 0; i < runs; i++) ms.push(await measure());
      figures[name] = spread(ms);
      options.log?.(`${name}: ${JSON.stringify(figures[name])}`);
    }
    return { runs, ...figures };
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}
