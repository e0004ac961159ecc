/**
 * Activity log at scale: `npx tsx scripts/bench-activities.ts [--entries 100000]` prints one
 * JSON object. Entries go in through the import path (checks, duplicate look-up, audit),
 * then `stats`, `statsByMonth` and `list` run over typical periods.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { quantile } from './bench-quantile.ts';
import { openActivityLog, type ActivityQuery, type RecordedEntry } from '../src/log/index.ts';

/** Figures of one activity-log benchmark run. */
export interface ActivityBench {
  activity_entries: number;
  activity_insert_per_s: number;
  activity_stats_ms_p50: number;
  activity_stats_ms_p95: number;
  activity_stats_month_ms_p50: number;
  activity_list_month_ms_p50: number;
}

/** `entries` activities spread over five years (2020–2024), the same every run. */
export function benchRows(entries: number, kinds: readonly string[]): RecordedEntry[] {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const rows: RecordedEntry[] = [];
  for (let i = 0; i < entries; i++) {
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 1826) * 86_400_000).toISOString().slice(0, 10);
    rows.push({ date: day, kind: kinds[Math.floor(random() * kinds.length)], title: `第${i}项履职活动`, by: `员工${i % 20}` });
  }
  return rows;
}

/** The periods `stats` is timed over: half-years, years of two kinds, quarters, and all time last. */
export const BENCH_PERIODS: readonly ActivityQuery[] = [
  ...[2020, 2021, 2022, 2023, 2024].flatMap((year): ActivityQuery[] => [
    { from: `${year}-01-01`, to: `${year}-06-30` },
    { from: `${year}-01-01`, to: `${year}-12-31`, kinds: ['inspection', 'research'] },
    { from: `${year}-07-01`, to: `${year}-09-30` },
  ]),
  {},
];

/** The figures of a run from its insert time and sorted query times. */
export function benchFigures(entries: number, insertSeconds: number, times: { stats: number[]; monthly: number[]; lists: number[] }): ActivityBench {
  return {
    activity_entries: entries,
    activity_insert_per_s: Math.round(entries / insertSeconds),
    activity_stats_ms_p50: round(quantile(times.stats, 0.5)),
    activity_stats_ms_p95: round(quantile(times.stats, 0.95)),
    activity_stats_month_ms_p50: round(quantile(times.monthly, 0.5)),
    activity_list_month_ms_p50: round(quantile(times.lists, 0.5)),
  };
}


function timed(runs: number, work: (i: number) => void): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    work(i);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** Fill a temporary log with `entries` activities over five years and time the queries. */
export async function benchActivities(options: { entries?: number; log?: (line: string) => void } = {}): Promise<ActivityBench> {
  const entries = options.entries ?? 100_000;
  const say = options.log ?? (() => undefined);
  const dataDir = mkdtempSync(join(tmpdir(), 'lvzhi-bench-activities-'));
  const log = openActivityLog({ dataDir });
  try {
    const rows = benchRows(entries, log.taxonomy.kinds.map((k) => k.id));
    say(`activities: inserting ${entries} entries`);
    const t0 = performance.now();
    log.addMany(rows, { by: 'bench', channel: 'import' });
    const insertSeconds = (performance.now() - t0) / 1000;

    const periods = BENCH_PERIODS;
    say('activities: timing stats');
    log.stats(periods[0]); // warm the page cache and statement cache
    const stats = timed(200, (i) => log.stats(periods[i % periods.length]));
    const monthly = timed(50, (i) => log.statsByMonth(periods[i % (periods.length - 1)]));
    const lists = timed(50, (i) => log.list({ from: `202${i % 5}-06-01`, to: `202${i % 5}-06-30` }));
    return benchFigures(entries, insertSeconds, { stats, monthly, lists });
  } finally {
    log.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--entries');
  const entries = i >= 0 ? Number(process.argv[i + 1]) : 100_000;
  console.log(JSON.stringify(await benchActivities({ entries, log: (line) => process.stderr.write(`[bench] ${line}\n`) })));
}
