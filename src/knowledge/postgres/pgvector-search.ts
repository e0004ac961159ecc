/**
 * Vector search in the database itself, where PostgreSQL has the pgvector extension: one HNSW
 * index every process shares (no index file, no rebuild per process), a partial index over
 * `embedding::vector(d)` for the embedder in use, queried `ORDER BY … <=> $1 LIMIT k`. Its
 * parameters are hnswlib's (vector-index.ts: M 32, ef_construction 80; ef_search by size and
 * purpose from hnsw-ef.ts), so the recall matches the in-process path. A new embedder or a new vector length gets its own index
 * (the old one is dropped once every passage has a vector of the new space): never a mix.
 */
import { createHash } from 'node:crypto';
import type { Embedder } from '../../models/index.ts';
import type { PgClient, PostgresDatabase } from '../../storage/index.ts';
import type { PassageStore } from '../ports/passage-store.ts';
import type { VectorPurpose, VectorSearch } from '../ports/vector-search.ts';
import { efFor } from '../search/hnsw-ef.ts';
import { embedMissing } from '../search/embed-missing.ts';
import type { IndexWarning } from '../search/index-files.ts';
import type { Hit } from '../search/top-k.ts';
import { floats, vectorLiteral } from './rows.ts';

// The same graph as the in-process index (vector-index.ts), measured there at recall@10 ≈ 0.955.
const M = 32;
const EF_CONSTRUCTION = 80;
/** pgvector's ceiling for hnsw.ef_search. */
const MAX_EF_SEARCH = 1000;
const BACKFILL_BATCH = 2_000;
/**
 * Below this many vectors there is no index (an exact scan is a few milliseconds): a first big
 * import then loads its rows unindexed and the graph is built once, in bulk, at the sync after
 * it — in PGlite's WebAssembly about 1 ms a vector, where inserting into a built graph costs 4.
 */
const INDEX_FROM = 2_000;
const INDEX_PREFIX = 'kb_vectors_hnsw_';

/** A string as an SQL literal (the partial index's predicate must be written out, not bound). */
function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** The start of every index name of one embedder. */
function indexPrefix(embedder: string): string {
  return `${INDEX_PREFIX}${createHash('sha256').update(embedder).digest('hex').slice(0, 16)}_`;
}

/** The index of one embedder's vectors of one length. */
export function pgvectorIndexName(embedder: string, dimensions: number): string {
  return `${indexPrefix(embedder)}${dimensions}`;
}

/** k-NN by pgvector's HNSW over the passage store's vectors, in the database. */
export class PgvectorSearch implements VectorSearch {
  private length = 0;
  private total = 0;
  /** hnsw.ef_search last set on each pooled connection (a session setting). */
  private readonly efOf = new WeakMap<PgClient, number>();

  constructor(
    private readonly db: PostgresDatabase,
    private readonly store: PassageStore,
    private readonly embedding: Embedder,
    private readonly warn: IndexWarning,
    /** Fewest vectors that get an HNSW index (tests lower it). */
    private readonly indexFrom = INDEX_FROM,
  ) {}

  get embedder(): string {
    return this.embedding.id;
  }

  get dimensions(): number {
    return this.length;
  }

  get count(): number {
    return this.total;
  }

  /**
   * Embed what lacks a vector of this space, fill in missing pgvector copies, build the index.
   * A failure leaves the index in the database as it was and is thrown: the caller (SearchIndexes)
   * warns once and tries again at the next question.
   */
  async sync(): Promise<void> {
    const id = this.embedding.id;
    // An index of this name at another length would refuse the new vectors: it goes first.
    const known = this.embedding.dimensions;
    if (known) await this.settleIndexes((name) => !name.startsWith(indexPrefix(id)) || name === pgvectorIndexName(id, known));
    await embedMissing(this.store, this.embedding, this.warn);
    this.length = this.embedding.dimensions || await this.store.vectorDimensions(id);
    this.total = await this.store.vectorCount(id);
    if (this.length) {
      await this.fillEmbeddings();
      await this.ensureIndex();
    }
  }

  async search(vector: Float32Array, k: number, purpose?: VectorPurpose): Promise<Hit[]> {
    if (!this.length || vector.length !== this.length || k < 1) return [];
    return this.onClient(k, purpose, async (client) => {
      const { rows } = await client.query<{ id: number; distance: number }>(this.nearest(k), [vectorLiteral(vector)]);
      return rows.map((row) => ({ id: row.id, score: 1 - Number(row.distance) }));
    });
  }

  /** The server's plan for a search (tests check that the HNSW index serves it). */
  async plan(vector: Float32Array, k: number): Promise<string> {
    return this.onClient(k, 'neighbours', async (client) =>
      (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${this.nearest(k)}`, [vectorLiteral(vector)])).rows.map((row) => row['QUERY PLAN']).join('\n'));
  }

  /** The nearest `k` of this embedder's vectors to `$1`, written as the partial index is (so the planner can use it). */
  private nearest(k: number): string {
    const distance = `(embedding::vector(${this.length}) <=> $1::vector)`;
    return `SELECT passage_id AS id, ${distance} AS distance FROM kb_vectors
             WHERE embedder = ${literal(this.embedding.id)} ORDER BY ${distance} LIMIT ${Math.floor(k)}`;
  }

  /**
   * Run `work` on a pooled connection whose hnsw.ef_search suits `k`, the index's size and the
   * search's purpose, as the in-process index chooses it (a session setting, set when it changes).
   */
  private onClient<T>(k: number, purpose: VectorPurpose | undefined, work: (client: PgClient) => Promise<T>): Promise<T> {
    const ef = Math.min(MAX_EF_SEARCH, Math.max(efFor(this.total, purpose), k));
    return this.db.withClient(async (client) => {
      if (this.efOf.get(client) !== ef) {
        await client.query(`SET hnsw.ef_search = ${ef}`);
        this.efOf.set(client, ef);
      }
      return work(client);
    });
  }

  /** Give vectors whose pgvector copy is missing (copied in by `migrate-data`, written by an older process) one. */
  private async fillEmbeddings(): Promise<void> {
    const id = this.embedding.id;
    for (;;) {
      const { rows } = await this.db.query<{ id: number; vector: Buffer }>(
        `SELECT passage_id AS id, vector FROM kb_vectors WHERE embedder = $1 AND embedding IS NULL AND octet_length(vector) = $2 * 4
          ORDER BY passage_id LIMIT $3`, [id, this.length, BACKFILL_BATCH]);
      if (!rows.length) return;
      await this.db.query(
        `UPDATE kb_vectors v SET embedding = t.embedding::vector FROM unnest($1::int[], $2::text[]) AS t(id, embedding)
          WHERE v.passage_id = t.id AND v.embedder = $3`,
        [rows.map((row) => row.id), rows.map((row) => vectorLiteral(floats(row.vector))), id]);
    }
  }

  /**
   * Create this embedder's index if it is missing (and there are enough vectors to need one),
   * and drop every other one (every passage now has a vector of this space).
   */
  private async ensureIndex(): Promise<void> {
    const wanted = pgvectorIndexName(this.embedding.id, this.length);
    await this.settleIndexes((name) => name === wanted, async (client, names) => {
      if (names.includes(wanted) || this.total < this.indexFrom) return;
      // A big graph built in memory is several times faster than one spilling to disk.
      await client.query("SET LOCAL maintenance_work_mem = '512MB'");
      await client.query(
        `CREATE INDEX IF NOT EXISTS ${wanted} ON kb_vectors USING hnsw ((embedding::vector(${this.length})) vector_cosine_ops)
           WITH (m = ${M}, ef_construction = ${EF_CONSTRUCTION}) WHERE embedder = ${literal(this.embedding.id)}`);
    });
  }

  /**
   * Drop the HNSW indexes `keep` refuses, then run `then`, in one transaction under a lock: two
   * processes starting together build an index once.
   */
  private async settleIndexes(keep: (name: string) => boolean, then?: (client: PgClient, names: string[]) => Promise<void>): Promise<void> {
    await this.db.transaction(async (client) => {
      await client.query("SELECT pg_advisory_xact_lock(hashtext('lvzhi-pgvector-index'))");
      const { rows } = await client.query<{ name: string }>(
        `SELECT indexname AS name FROM pg_indexes WHERE tablename = 'kb_vectors' AND indexname LIKE '${INDEX_PREFIX}%'`);
      const kept: string[] = [];
      for (const { name } of rows) {
        if (keep(name)) kept.push(name);
        else await client.query(`DROP INDEX IF EXISTS ${name}`);
      }
      await then?.(client, kept);
    });
  }
}
