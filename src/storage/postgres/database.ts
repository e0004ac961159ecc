/**
 * The PostgreSQL connection of every process that shares one database (`LVZHI_DATABASE_URL`):
 * a `pg` pool, a check at start that the server answers (a Chinese UserError when it does not),
 * and queries whose lost connections are told in plain words (`database_unavailable`), so a
 * server going down mid-conversation costs the person one resend, never a half-stored change.
 */
import type pg from 'pg';
import { EnvironmentError, UserError } from '../../errors.ts';
import { storageMessages as m } from '../messages.ts';

/** A client of the pool, inside a transaction or a single query. */
export type PgClient = pg.PoolClient;

/** What the rest of Lüzhi holds of a PostgreSQL database. */
export interface PostgresDatabase {
  /** Settles once the server answered (rejects with a Chinese UserError when it cannot be reached). */
  readonly ready: Promise<void>;
  /** One statement on any pooled connection. */
  query<R extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
  /** Run `work` in one transaction on one connection: committed when it returns, rolled back when it throws. */
  transaction<T>(work: (client: PgClient) => Promise<T>): Promise<T>;
  /** Run `work` on one connection held for its duration (session advisory locks). */
  withClient<T>(work: (client: PgClient) => Promise<T>): Promise<T>;
  /** Close every connection (later calls wait for the first). */
  close(): Promise<void>;
}

/** How the pool is sized and how long a connection attempt may take. */
export interface PostgresOptions {
  /** Connections per process (default 5: a bot answers a few chats at once). */
  readonly max?: number;
  /** Milliseconds a new connection may take before it is given up (default 5000). */
  readonly connectTimeoutMs?: number;
}

/** SQLSTATE classes and codes meaning "the server is gone or refuses work for now". */
const LOST = /^(08|57P0[1-3]|53300)/;
const NODE_LOST = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/** Whether an error means the connection to the server failed (rather than the statement). */
export function isConnectionLost(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (LOST.test(code) || NODE_LOST.has(code))) return true;
    // pg's own errors for a socket that closed or never opened carry no code, only these words.
    if (e instanceof Error && /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection closed/i.test(e.message)) return true;
  }
  return false;
}

/** A lost connection as the error a person reads; anything else unchanged. */
function explained(error: unknown): unknown {
  return isConnectionLost(error) ? new EnvironmentError('database_unavailable', m.databaseUnavailable, { cause: error }) : error;
}

/** Deadlock detected, serialization failure: the transaction did nothing and may be run again. */
const RETRIED = new Set(['40P01', '40001']);
const RETRIES = 3;

/** `host:port/database` of a URL, never its password. */
export function describeServer(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'LVZHI_DATABASE_URL';
  }
}

function unreachableReason(error: unknown): string {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const r = m.unreachableReasons;
  if (code === 'ECONNREFUSED') return r.refused;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return r.unknownHost;
  if (code === '28P01' || code === '28000') return r.auth;
  if (code === '3D000') return r.noDatabase;
  if (error instanceof Error && /timeout/i.test(error.message)) return r.timeout;
  return r.other;
}

/**
 * Open a pool on `url`. Nothing blocks: `ready` (awaited by every store before its first
 * statement) says whether the server answered.
 */
export function openPostgres(url: string, options: PostgresOptions = {}): PostgresDatabase {
  let pool!: pg.Pool;
  // `pg` is loaded here, not at the top: a command line on SQLite never pays for it.
  const ready = import('pg').then(async ({ default: driver }) => {
    pool = new driver.Pool({
      connectionString: url,
      max: options.max ?? 5,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      idleTimeoutMillis: 30_000,
    });
    // An idle connection the server closed (a restart) must not crash the process: the pool
    // drops it and the next query opens a fresh one.
    pool.on('error', () => undefined);
    try {
      await pool.query('SELECT 1');
    } catch (error) {
      throw new UserError('database_unreachable', m.databaseUnreachable(describeServer(url), unreachableReason(error)), { cause: error });
    }
  });
  ready.catch(() => undefined); // awaited by whoever uses the database; never an unhandled rejection
  let closing: Promise<void> | undefined;

  async function withClient<T>(work: (client: PgClient) => Promise<T>): Promise<T> {
    await ready;
    let client: PgClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw explained(error);
    }
    let broken: Error | undefined;
    // A connection cut while checked out also emits 'error' on the client; unheard, that
    // would end the process. The statement under way fails with it and is explained below.
    const heard = (error: Error) => (broken = error);
    client.on('error', heard);
    try {
      return await work(client);
    } catch (error) {
      if (isConnectionLost(error)) broken = error as Error;
      throw explained(error);
    } finally {
      if (!broken) client.off('error', heard);
      client.release(broken);
    }
  }

  return {
    ready,
    async query<R extends pg.QueryResultRow>(sql: string, params?: unknown[]) {
      await ready;
      try {
        return await pool.query<R>(sql, params);
      } catch (error) {
        throw explained(error);
      }
    },
    withClient,
    async transaction(work) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await withClient(async (client) => {
            await client.query('BEGIN');
            try {
              const result = await work(client);
              await client.query('COMMIT');
              return result;
            } catch (error) {
              // A lost connection has rolled back already; the server discards what it never committed.
              await client.query('ROLLBACK').catch(() => undefined);
              throw error;
            }
          });
        } catch (error) {
          // Two messages storing the same entries in opposite order can deadlock: the server
          // rolls one back, which is then simply run again.
          if (attempt >= RETRIES || !RETRIED.has(String((error as { code?: unknown }).code))) throw error;
        }
      }
    },
    close() {
      closing ??= ready.catch(() => undefined).then(() => pool?.end()).catch(() => undefined);
      return closing;
    },
  };
}

/** `?` placeholders (as the shared SQL builders write them) numbered `$1, $2…` from `first`. */
export function numbered(sql: string, first = 1): string {
  let n = first;
  return sql.replace(/\?/g, () => `$${n++}`);
}
