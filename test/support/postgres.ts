/**
 * PostgreSQL for tests, spoken to by the real `pg` client over a socket on 127.0.0.1:
 * PGlite (PostgreSQL compiled to WebAssembly, in this process) in every run, and a real
 * server when LVZHI_TEST_DATABASE_URL names one (`.ci/run` starts one). Each test file gets a
 * database of its own on the real server; each store under test starts from an empty schema, or
 * from emptied tables (`empty`).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openAsBlob, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { type PgliteServer, createPglite, servePglite } from './pglite-server.ts';

/** The real server's URL for tests, when there is one. */
export const REAL_SERVER_URL = process.env.LVZHI_TEST_DATABASE_URL?.trim() || undefined;

let noticeGiven = false;
/** Say once, visibly, that the real-server tests are skipped (and why). */
export function noticeWithoutServer(): void {
  if (REAL_SERVER_URL || noticeGiven) return;
  noticeGiven = true;
  process.stderr.write('\n[注意] 没有设置 LVZHI_TEST_DATABASE_URL：真实 PostgreSQL 服务器上的测试已跳过（PGlite 上的照常运行；.ci/run 会启动一个服务器）。\n'
    + '[notice] LVZHI_TEST_DATABASE_URL is not set: tests on a real PostgreSQL server are skipped (the PGlite runs still run; .ci/run starts a server).\n\n');
}

/** A PostgreSQL the tests of one `describe` share. */
export interface TestPostgres {
  /** Where the `pg` client connects (valid from `beforeAll` on). */
  url(): string;
  /** Drop everything stored, so the next store starts from an empty database (and migrates it). */
  reset(): Promise<void>;
  /**
   * Empty every table but the migration record (identities restarted), keeping the schema the
   * stores migrated, then run `after` (the rows a migration seeded, say): on PGlite about a
   * tenth of `reset` and the migration after it. The first call, and the first after a `reset`,
   * resets instead, so a describe's first store still starts from a database without a schema.
   */
  empty(after?: string): Promise<void>;
  /** Stop answering (the server goes down); `start` brings the same data back (PGlite only). */
  stop?(): Promise<void>;
  start?(): Promise<void>;
}

async function run(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Every table of the schema but the migration record, emptied in one statement. */
const EMPTY_TABLES = `DO $$
  DECLARE tables text;
  BEGIN
    SELECT string_agg(format('%I', tablename), ', ') INTO tables FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations';
    IF tables IS NOT NULL THEN EXECUTE 'TRUNCATE ' || tables || ' RESTART IDENTITY CASCADE'; END IF;
  END $$;`;

/** `reset` and `empty` over the database at `url()`. */
function clearing(url: () => string): Pick<TestPostgres, 'reset' | 'empty'> {
  let schemaKept = false;
  const reset = async () => {
    schemaKept = false;
    await run(url(), 'DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
  };
  return {
    reset,
    async empty(after = '') {
      if (!schemaKept) {
        await reset();
        schemaKept = true; // the store opened next migrates it
        return;
      }
      await run(url(), `${EMPTY_TABLES}\n${after}`);
    },
  };
}

/**
 * One PGlite per test process and kind: test files share a worker's modules (`isolate: false`), so
 * they share it, each resetting the schema first. It is never closed: it holds no handle that keeps the process
 * alive. The plain one is stock PostgreSQL (no pgvector, as Debian ships it); the other has the
 * `vector` extension PGlite ships, so `CREATE EXTENSION vector` succeeds there.
 */
const sharedPglite: { plain?: Promise<PGlite>; pgvector?: Promise<PGlite> } = {};

/** What a test PGlite offers. */
export interface PgliteOptions {
  /** Load pgvector (the `vector` extension) into it. */
  readonly pgvector?: boolean;
}

/** The PGlite version, naming its initdb result kept between runs (in node_modules, like vitest's own cache). */
const PGLITE_VERSION = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }).version;

/**
 * initdb's result, an empty cluster: the same for both kinds (the `vector` extension is loaded
 * when PGlite starts and created by `CREATE EXTENSION`, not by initdb), so one file serves both.
 */
const CLUSTER_CACHE = resolve(import.meta.dirname, `../../node_modules/.cache/lvzhi-tests/pglite-${PGLITE_VERSION}.tar`);
/** Held by the worker running initdb; the other worker waits for its result instead of repeating it. */
const CLUSTER_LOCK = `${CLUSTER_CACHE}.lock`;
/** A lock older than this was left by a killed run. */
const STALE_LOCK_MS = 120_000;

/** The cached cluster, once no other worker is still making it (undefined: make it here). */
async function cachedCluster(): Promise<Blob | undefined> {
  mkdirSync(join(CLUSTER_CACHE, '..'), { recursive: true });
  for (;;) {
    // A Blob over the file, not a 40 MB copy of it in memory: PGlite reads it once.
    if (existsSync(CLUSTER_CACHE)) return openAsBlob(CLUSTER_CACHE);
    try {
      closeSync(openSync(CLUSTER_LOCK, 'wx'));
      return undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const lock = statSync(CLUSTER_LOCK, { throwIfNoEntry: false });
    if (lock && Date.now() - lock.mtimeMs > STALE_LOCK_MS) rmSync(CLUSTER_LOCK, { force: true });
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The tests' PGlites' shared_buffers: ample for their data, and zeroed at start in a tenth of the default's time. */
const SHARED_BUFFERS = '16MB';

/**
 * A fresh PGlite. initdb in WebAssembly is about 8 s of CPU; its result is kept as a tarball
 * after the first run (and made once per run: a worker that finds another making it waits), and
 * a cluster started from it costs about 3 s.
 */
async function freshPglite(options: PgliteOptions): Promise<PGlite> {
  const cached = await cachedCluster();
  if (cached) {
    try {
      return await createPglite({ ...options, sharedBuffers: SHARED_BUFFERS, loadDataDir: cached });
    } catch {
      // A damaged cache is made again.
      rmSync(CLUSTER_CACHE, { force: true });
      return freshPglite(options);
    }
  }
  try {
    const db = await createPglite({ ...options, sharedBuffers: SHARED_BUFFERS });
    const dump = Buffer.from(await (await db.dumpDataDir('none')).arrayBuffer());
    const part = `${CLUSTER_CACHE}.${process.pid}`;
    writeFileSync(part, dump);
    renameSync(part, CLUSTER_CACHE); // whole or absent
    return db;
  } finally {
    rmSync(CLUSTER_LOCK, { force: true });
  }
}

/** PGlite behind a socket server of this `describe`'s own on a free port of 127.0.0.1. */
export function usePglite(options: PgliteOptions = {}): TestPostgres {
  const kind = options.pgvector ? 'pgvector' : 'plain';
  let server: PgliteServer | undefined;
  let port = 0;
  const listen = async () => {
    server = await servePglite(await sharedPglite[kind]!, port);
    port = server.port;
  };
  beforeAll(async () => {
    sharedPglite[kind] ??= freshPglite(options);
    await listen();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });
  const url = () => `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    ...clearing(url),
    async stop() {
      await server?.stop();
      server = undefined;
    },
    start: listen,
  };
}

/**
 * A database of its own on the real server (LVZHI_TEST_DATABASE_URL), created before the
 * `describe`'s tests and dropped after; call only when REAL_SERVER_URL is set.
 */
export function useRealPostgres(): TestPostgres {
  const name = `lvzhi_test_${randomBytes(6).toString('hex')}`;
  let url = '';
  const admin = (sql: string) => run(REAL_SERVER_URL!, sql);
  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name}`);
    const parsed = new URL(REAL_SERVER_URL!);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
  }, 60_000);
  afterAll(async () => {
    if (url) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
  return { url: () => url, ...clearing(() => url) };
}
