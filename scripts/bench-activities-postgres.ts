/**
 * The activity log on PostgreSQL at scale, beside SQLite's figures:
 * `LVZHI_DATABASE_URL=postgres://… npx tsx scripts/bench-activities-postgres.ts [--entries 100000]`.
 * The same entries and periods as bench-activities.ts, through the PostgreSQL store, in a
 * scratch database created beside the one named (and dropped after): nothing of the office's is touched.
 */
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { createPostgresActivityStore } from '../src/log/index.ts';
import { loadTaxonomy } from '../src/reader/index.ts';
import { openPostgres } from '../src/storage/index.ts';
import { BENCH_PERIODS, benchFigures, benchRows, type ActivityBench } from './bench-activities.ts';

async function timed(runs: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await work(i);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

/** One statement on a fresh connection (CREATE / DROP DATABASE cannot run in the pool's transactions). */
export async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Fill a scratch database with `entries` activities and time the same queries as on SQLite.
 * `inPlace`: use the database named itself (one the caller started for the bench: PGlite
 * serves a single database).
 */
export async function benchActivitiesPostgres(options: { url: string; entries?: number; inPlace?: boolean; log?: (line: string) => void }): Promise<ActivityBench> {
  const entries = options.entries ?? 100_000;
  const say = options.log ?? (() => undefined);
  const name = `lvzhi_bench_${randomBytes(4).toString('hex')}`;
  const scratch = new URL(options.url);
  if (!options.inPlace) {
    await admin(options.url, `CREATE DATABASE ${name}`);
    scratch.pathname = `/${name}`;
  }
  const db = openPostgres(scratch.toString());
  try {
    const taxonomy = loadTaxonomy();
    const store = createPostgresActivityStore(db, taxonomy);
    await store.ready;
    const rows = benchRows(entries, taxonomy.kinds.map((k) => k.id));
    say(`activities (PostgreSQL): inserting ${entries} entries`);
    const t0 = performance.now();
    await store.addMany(rows, { by: 'bench', channel: 'import' });
    const insertSeconds = (performance.now() - t0) / 1000;
    // As autovacuum leaves a table after a bulk load: statistics and the visibility map (index-only counts).
    await db.query('VACUUM ANALYZE');
    say('activities (PostgreSQL): timing stats');
    await store.stats(BENCH_PERIODS[0]);
    const stats = await timed(200, (i) => store.stats(BENCH_PERIODS[i % BENCH_PERIODS.length]));
    const monthly = await timed(50, (i) => store.statsByMonth(BENCH_PERIODS[i % (BENCH_PERIODS.length - 1)]));
    const lists = await timed(50, (i) => store.list({ from: `202${i % 5}-06-01`, to: `202${i % 5}-06-30` }));
    return benchFigures(entries, insertSeconds, { stats, monthly, lists });
  } finally {
    await db.close();
    if (!options.inPlace) await admin(options.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const url = process.env.LVZHI_DATABASE_URL;
  if (!url) throw new Error('LVZHI_DATABASE_URL is not set');
  const i = process.argv.indexOf('--entries');
  const entries = i >= 0 ? Number(process.argv[i + 1]) : 100_000;
  console.log(JSON.stringify(await benchActivitiesPostgres({ url, entries, log: (line) => process.stderr.write(`[bench] ${line}\n`) })));
}
