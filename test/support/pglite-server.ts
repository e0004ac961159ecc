/**
 * PGlite (PostgreSQL compiled to WebAssembly, in this process) served over the PostgreSQL wire
 * protocol on 127.0.0.1, so the real `pg` client speaks to it as to a server: the tests'
 * databases (postgres.ts) and the benchmark's (scripts/bench-knowledge-postgres.ts) alike.
 */
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** How to make a PGlite. */
export interface CreatePgliteOptions {
  /** Load the `vector` extension PGlite ships (pgvector). */
  readonly pgvector?: boolean;
  /** A saved data folder (`dumpDataDir`) to start from instead of running initdb. */
  readonly loadDataDir?: Blob;
  /**
   * PostgreSQL's shared_buffers (its default is 128MB). Every start zeroes them, byte by byte in
   * WebAssembly: 16MB instead of 128MB saves about 0.6 s of CPU per start and 125 MB of memory.
   */
  readonly sharedBuffers?: string;
}

/** A fresh PGlite: stock PostgreSQL, or with pgvector; from initdb or a saved data folder. */
export function createPglite(options: CreatePgliteOptions = {}): Promise<PGlite> {
  return PGlite.create({
    ...(options.pgvector ? { extensions: { vector } } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    ...(options.sharedBuffers ? { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${options.sharedBuffers}`] } : {}),
  });
}

/** One PGlite listening on 127.0.0.1. */
export interface PgliteServer {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** Serve `db` on `port` of 127.0.0.1 (0: a free one). */
export async function servePglite(db: PGlite, port = 0): Promise<PgliteServer> {
  // PGlite is one session: the server queues the connections' statements, a transaction's together.
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 8 });
  await server.start();
  const bound = (server as unknown as { server: { address(): { port: number } } }).server.address().port;
  return { url: `postgres://postgres@127.0.0.1:${bound}/postgres`, port: bound, stop: () => server.stop() };
}
