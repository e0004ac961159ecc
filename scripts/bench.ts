/**
 * `npm run --silent bench -- [--passages 100000] [--sections knowledge,models] [--no-warm-up] [--json]`
 *
 * Runs the benchmark sections and prints one JSON object. The knowledge section's figures
 * sit at the top level (CONTRACTS.md, "Benchmark"); every other section's figures go under
 * its own name. To add figures, add a section to `benchSections`.
 */
import { pathToFileURL } from 'node:url';
import { benchKnowledge } from './bench-knowledge.ts';
import { BENCH_ROOT_PREFIX, useTemporaryRootNamed } from '../test/support/temp-root.ts';

/** Options every section receives, parsed from the command line. */
export interface BenchOptions {
  readonly passages: number;
  /** `--no-warm-up`: the knowledge figures without the app's warm-up of the search path (cold). */
  readonly noWarmUp?: boolean;
  /** Progress lines go to stderr; stdout is the JSON. */
  readonly log: (line: string) => void;
}

/** One part of the benchmark. */
export interface BenchSection {
  readonly name: string;
  /** Run when no `--sections` is given. */
  readonly byDefault: boolean;
  /** Figures at the top level of the output rather than under `name`. */
  readonly topLevel?: boolean;
  run(options: BenchOptions): Promise<object>;
}

/** The sections, in the order they run. */
export const benchSections: BenchSection[] = [
  {
    name: 'knowledge',
    byDefault: true,
    topLevel: true,
    // In a process with no TypeScript loader, as `npm start` runs (bench-knowledge-apart.ts); its peak is the bench's.
    run: async (options) => process.env.LVZHI_BENCH_IN_PROCESS === '1'
      ? benchKnowledge({ passages: options.passages, log: options.log, noWarmUp: options.noWarmUp })
      : (await import('./bench-knowledge-apart.ts')).benchKnowledgeApart({ passages: options.passages, noWarmUp: options.noWarmUp }),
  },
  {
    // Whole processes of the compiled app: `cli ask`, `cli stats`, `npm start` to its first answer.
    name: 'startup',
    byDefault: true,
    run: async (options) => (await import('./bench-startup.ts')).benchStartup({ log: options.log }),
  },
  {
    // With LVZHI_DATABASE_URL, the same figures on PostgreSQL under `postgres` (a scratch database beside it).
    name: 'activities',
    byDefault: true,
    run: async (options) => {
      const sqlite = await (await import('./bench-activities.ts')).benchActivities({ log: options.log });
      const url = process.env.LVZHI_DATABASE_URL;
      if (!url) return sqlite;
      return { ...sqlite, postgres: await (await import('./bench-activities-postgres.ts')).benchActivitiesPostgres({ url, log: options.log }) };
    },
  },
  {
    // The knowledge bench and the log's stats on PostgreSQL, in a database it starts itself
    // (PGlite with pgvector, or a scratch one on LVZHI_BENCH_DATABASE_URL): `--sections knowledge,postgres` prints both.
    name: 'postgres',
    byDefault: false,
    run: async (options) => (await import('./bench-knowledge-postgres.ts')).benchKnowledgePostgres(options),
  },
  {
    name: 'reader',
    byDefault: true,
    run: async () => (await import('./reader-benchmark.ts')).benchmarkReader(20_000),
  },
  {
    name: 'drafting',
    byDefault: true,
    run: async () => (await import('./bench-drafting.ts')).benchDrafting(),
  },
  {
    name: 'models',
    byDefault: true,
    run: async () => (await import('./bench-models.ts')).benchModels(),
  },
  {
    name: 'ocr',
    byDefault: true,
    run: async (options) => (await import('./bench-ocr.ts')).benchOcr({ log: options.log }),
  },
  {
    name: 'telegram',
    byDefault: true,
    run: async () => (await import('./bench-telegram.ts')).benchTelegram(),
  },
  {
    name: 'messengers',
    byDefault: true,
    run: async () => (await import('./bench-messengers.ts')).benchMessengers(),
  },
  {
    // The web console's pages over HTTP at 100k log entries (target ≤ 200 ms each).
    name: 'web',
    byDefault: true,
    run: async (options) => (await import('./bench-web.ts')).benchWeb({ log: options.log }),
  },
  {
    // Minutes of child processes on hostile files: run on request (`--sections bad-input`).
    name: 'bad-input',
    byDefault: false,
    run: async (options) => (await import('./bench-bad-input.ts')).benchBadInput({ log: options.log }),
  },
  {
    // The web console's 文档 and 起草 pages over HTTP, at `--passages` passages and 100k log entries (target ≤ 200 ms a page).
    name: 'web-documents',
    byDefault: true,
    run: async (options) => (await import('./bench-web-documents.ts')).benchWebDocuments({ passages: options.passages, log: options.log }),
  },
];

function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

/** Run the chosen sections and merge their figures into one object. */
export async function runBench(argv: readonly string[]): Promise<Record<string, unknown>> {
  const passages = Number(option(argv, 'passages') ?? 100_000);
  if (!Number.isInteger(passages) || passages < 1) throw new Error(`--passages must be a positive integer`);
  const chosen = option(argv, 'sections')?.split(',');
  const log = (line: string): void => void process.stderr.write(`[bench] ${line}\n`);
  const result: Record<string, unknown> = {};
  for (const section of benchSections) {
    if (chosen ? !chosen.includes(section.name) : !section.byDefault) continue;
    log(`section ${section.name}`);
    const figures = await section.run({ passages, log, noWarmUp: argv.includes('--no-warm-up') });
    if (section.topLevel) Object.assign(result, figures);
    else result[section.name] = figures;
  }
  // This process's peak, or a section's own process's when higher (the knowledge section runs apart).
  result.peak_rss_mb = Math.max(Math.round(process.resourceUsage().maxRSS / 1024), Number(result.peak_rss_mb ?? 0));
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // stdout is the JSON alone: library chatter (dingtalk-stream's console.info) goes to stderr.
  console.log = console.info = console.debug = (...parts: unknown[]) => console.error(...parts);
  const argv = process.argv.slice(2);
  // Every section's corpus and data folders under one root, removed at the end — or, when the bench
  // was stopped midway, at the next bench's start.
  const removeRoot = useTemporaryRootNamed(BENCH_ROOT_PREFIX);
  try {
    const result = await runBench(argv);
    process.stdout.write((argv.includes('--json') ? JSON.stringify(result) : JSON.stringify(result, null, 2)) + '\n');
  } finally {
    removeRoot();
  }
}
