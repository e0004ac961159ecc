/**
 * The peer row of the knowledge bench (issue 17): SQLite FTS5 with its trigram tokenizer on the
 * same passages and questions, so every run shows where Lüzhi's own index stands against the
 * search most Chinese projects reach for first. FTS5 ranks by its built-in bm25(); a question
 * becomes the OR of its character trigrams (the trigram tokenizer cannot match shorter runs).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { quantile } from './bench-quantile.ts';

/** FTS5 trigram figures on the bench's passages and questions. */
export interface Fts5PeerFigures {
  readonly ingest_passages_per_s: number;
  readonly query_ms_p50: number;
  readonly query_ms_p95: number;
  /** Share of questions with at least one hit: a peer that finds nothing is not measured. */
  readonly questions_with_hits: number;
  /** Bytes of the FTS5 tables (text included), in MB. */
  readonly database_mb: number;
}

/** The FTS5 query for a question: its distinct character trigrams, quoted, OR-ed; undefined when it has none. */
export function trigramQuery(question: string): string | undefined {
  const grams = new Set<string>();
  for (const run of question.normalize('NFKC').match(/[\p{Script=Han}a-z0-9]+/giu) ?? []) {
    const chars = [...run.toLowerCase()];
    for (let i = 0; i + 3 <= chars.length; i++) grams.add(chars.slice(i, i + 3).join(''));
  }
  return grams.size ? [...grams].map((g) => `"${g}"`).join(' OR ') : undefined;
}

/**
 * Index `passages` in an FTS5 trigram table (one transaction) and time the top 50 for each
 * question, as Lüzhi's BM25 is timed. Passages may come in batches from an async stream (the
 * store's), so a million are never held in memory at once; only the inserts are timed. The
 * table is in memory unless `file` names a database to create (at a million passages the
 * in-memory table alone would be gigabytes of the bench's RSS).
 */
export async function benchFts5Peer(
  passages: Iterable<string> | AsyncIterable<readonly string[]>,
  questions: readonly string[],
  options: { file?: string } = {},
): Promise<Fts5PeerFigures> {
  const db = new Database(options.file ?? ':memory:');
  try {
    db.exec("CREATE VIRTUAL TABLE peer USING fts5(text, tokenize = 'trigram')");
    const insert = db.prepare('INSERT INTO peer (text) VALUES (?)');
    let count = 0;
    let inserting = 0;
    const timed = (texts: Iterable<string>): void => {
      const t0 = performance.now();
      for (const text of texts) {
        insert.run(text);
        count++;
      }
      inserting += performance.now() - t0;
    };
    db.exec('BEGIN');
    if (Symbol.asyncIterator in passages) for await (const batch of passages) timed(batch);
    else timed(passages);
    const t0 = performance.now();
    db.exec('COMMIT');
    const ingestSeconds = (inserting + performance.now() - t0) / 1000;
    const search = db.prepare('SELECT rowid FROM peer WHERE peer MATCH ? ORDER BY rank LIMIT 50').pluck();
    const queries = questions.map(trigramQuery);
    for (const q of queries.slice(0, 20)) if (q) search.all(q); // warm-up
    const times: number[] = [];
    let withHits = 0;
    for (const q of queries) {
      const t0 = performance.now();
      const hits = q ? search.all(q) : [];
      times.push(performance.now() - t0);
      if (hits.length) withHits++;
    }
    const pages = db.pragma('page_count', { simple: true }) as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    return {
      ingest_passages_per_s: Math.round(count / Math.max(ingestSeconds, 1e-9)),
      query_ms_p50: Math.round(quantile(times, 0.5) * 100) / 100,
      query_ms_p95: Math.round(quantile(times, 0.95) * 100) / 100,
      questions_with_hits: Math.round((withHits / Math.max(queries.length, 1)) * 10000) / 10000,
      database_mb: Math.round((pages * pageSize) / 1e5) / 10,
    };
  } finally {
    db.close();
  }
}

/** The peer's figures measured in a process of its own, with that process's peak. */
export type Fts5PeerApartFigures = Fts5PeerFigures & { readonly peak_rss_mb: number };

/**
 * The peer in a child process fed through a file in `folder`: its in-memory tables (about
 * 100 MB at 100,000 passages) and its copy of the texts then count in its own peak, reported
 * beside its figures, not in Lüzhi's (the bench's `peak_rss_mb`). Passages come batch by batch,
 * so the bench never holds every text at once.
 */
export async function benchFts5PeerApart(
  passages: AsyncIterable<readonly { readonly text: string }[]>, questions: readonly string[], folder: string,
): Promise<Fts5PeerApartFigures> {
  const file = join(folder, 'fts5-peer-input.jsonl');
  const questionFile = join(folder, 'fts5-peer-questions.json');
  writeFileSync(questionFile, JSON.stringify(questions));
  writeFileSync(file, '');
  for await (const batch of passages) appendFileSync(file, batch.map((p) => JSON.stringify(p.text) + '\n').join(''));
  const child = join(import.meta.dirname, 'bench-fts5-child.ts');
  const run = spawnSync(process.execPath, ['--import', 'tsx', child, file, questionFile], { encoding: 'utf8', maxBuffer: 1 << 20 });
  for (const f of [file, questionFile, `${file}.db`]) rmSync(f, { force: true });
  if (run.status !== 0) throw new Error(`FTS5 peer failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Fts5PeerApartFigures;
}
