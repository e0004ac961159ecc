/**
 * The knowledge bench on PostgreSQL (LVZHI_DATABASE_URL-style storage), beside SQLite's:
 * `npm run --silent bench -- --sections knowledge,postgres --json`. The same generated
 * passages and questions as bench-knowledge.ts, stored in PostgreSQL through the same stores
 * `npm start` uses, plus the activity-stats figures of bench-activities-postgres.ts. It starts
 * its own database: PGlite with pgvector on 127.0.0.1 (the path a server with the extension
 * takes), or, with LVZHI_BENCH_DATABASE_URL=postgres://… (a user who may create databases), a
 * scratch database on that server, dropped after — Debian's stock server takes the in-process
 * HNSW path. Nothing of an office's database is touched.
 */
import { randomBytes } from 'node:crypto';
import { openKnowledgeBase, postgresKnowledgeStores } from '../src/knowledge/index.ts';
import { openPostgres } from '../src/storage/index.ts';
import { createPglite, servePglite } from '../test/support/pglite-server.ts';
import { admin, benchActivitiesPostgres } from './bench-activities-postgres.ts';
import { benchKnowledge, type KnowledgeBench } from './bench-knowledge.ts';

/** The knowledge figures on PostgreSQL, where its vectors were searched, and the log's `stats` on the same server. */
export interface PostgresKnowledgeBench extends KnowledgeBench {
  readonly server: 'pglite' | 'postgresql';
  readonly vector_engine: 'pgvector' | 'hnsw';
  readonly activity_stats_ms_p50: number;
  readonly activity_stats_ms_p95: number;
}

/** A database for the bench and how to be rid of it. */
async function benchDatabase(log: (line: string) => void): Promise<{ url: string; server: 'pglite' | 'postgresql'; stop(): Promise<void> }> {
  const real = process.env.LVZHI_BENCH_DATABASE_URL?.trim();
  if (real) {
    const name = `lvzhi_bench_kb_${randomBytes(4).toString('hex')}`;
    await admin(real, `CREATE DATABASE ${name}`);
    const url = new URL(real);
    url.pathname = `/${name}`;
    log(`postgres: scratch database ${name} on ${url.host}`);
    return { url: url.toString(), server: 'postgresql', stop: () => admin(real, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
  }
  log('postgres: starting PGlite with pgvector on 127.0.0.1');
  const served = await servePglite(await createPglite({ pgvector: true }));
  return { url: served.url, server: 'pglite', stop: () => served.stop() };
}

/** Ingest and query `passages` generated passages stored in PostgreSQL, then time the log's stats there. */
export async function benchKnowledgePostgres(options: { passages: number; log: (line: string) => void }): Promise<PostgresKnowledgeBench> {
  const database = await benchDatabase(options.log);
  try {
    const db = openPostgres(database.url);
    let engine: 'pgvector' | 'hnsw' = 'hnsw';
    const knowledge = await benchKnowledge({
      passages: options.passages,
      log: options.log,
      async open(dataDir, embedder) {
        const stores = postgresKnowledgeStores(db, dataDir, { url: database.url, log: options.log });
        const kb = await openKnowledgeBase({ dataDir, embedder, stores });
        engine = kb.indexes.vectorEngine;
        return kb;
      },
    });
    await db.close();
    // The log's figures in the same database (PGlite serves one): its own tables beside the knowledge base's.
    const activities = await benchActivitiesPostgres({ url: database.url, inPlace: database.server === 'pglite', log: options.log });
    return {
      server: database.server,
      vector_engine: engine,
      ...knowledge,
      activity_stats_ms_p50: activities.activity_stats_ms_p50,
      activity_stats_ms_p95: activities.activity_stats_ms_p95,
    };
  } finally {
    await database.stop();
  }
}
