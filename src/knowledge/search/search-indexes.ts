/**
 * Keeps the keyword and vector indexes in step with the passage store, the source of truth.
 * One read of the store's change marker per question tells both whether they are stale; when
 * they are, the vector index is brought up (a large HNSW rebuild in a worker) while the keyword
 * index builds here. Each index file is written under a new name (temporary, then renamed) and
 * only then recorded in the store's metadata with the marker and embedder it reflects; a
 * process killed at any point leaves the previous files and records whole, and the next sync
 * finishes the work. Questions never fail because of an index file (see the two indexes).
 * Where the database searches vectors itself (pgvector), it stands in for the HNSW file.
 */
import type { Embedder } from '../../models/index.ts';
import type { KeywordSearch } from '../ports/keyword-search.ts';
import type { PassageStore } from '../ports/passage-store.ts';
import type { VectorSearch } from '../ports/vector-search.ts';
import type { Bm25Index } from './bm25-index.ts';
import { Bm25KeywordSearch } from './bm25-keyword-search.ts';
import { HnswVectorSearch } from './hnsw-vector-search.ts';
import type { GraphBuildOptions } from './pending-graph.ts';
import { storedVectorMatrix } from './stored-vectors.ts';
import { type IndexWarning, reason, removeStaleIndexFiles, stderrWarning } from './index-files.ts';
import type { LexicalPassage } from './lexical-build.ts';
import type { Tokenizer } from './tokenizer.ts';
import type { VectorIndex, VectorMatrix } from './vector-index.ts';

export type { IndexWarning } from './index-files.ts';
export { embeddingInput } from './embed-missing.ts';

/**
 * Passages an ingest may run ahead of the keyword index's worker: without a bound a million
 * passages' texts queued for it (the bench at 1M). 20,000 keeps the worker busy (the main
 * thread needs a few seconds to store that many).
 */
const MAX_BACKLOG = 20_000;

/** The keyword and vector indexes of one data folder, loaded once and kept in sync with the store. */
export class SearchIndexes {
  private readonly lexical: Bm25KeywordSearch;
  /** The in-process HNSW, unless the database searches vectors itself. */
  private readonly hnswSearch?: HnswVectorSearch;
  private readonly vectors: VectorSearch;
  private vectorGeneration = -1;
  private lastVectorFailure = '';
  /** Syncs run one after another: two questions arriving on a stale index build it once. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataDir: string,
    private readonly store: PassageStore,
    tokenizer: Tokenizer,
    embedder: Embedder,
    private readonly warn: IndexWarning = stderrWarning,
    /** The database's own vector search (pgvector), used in place of the in-process HNSW. */
    databaseVectors?: VectorSearch,
    /** How an ingest's HNSW graph is built (when it may complete after the ingest). */
    graphBuild?: GraphBuildOptions,
    /** Keyword indexes of at least this many units are searched on a thread of their own. */
    keywordThreadFromUnits?: number,
  ) {
    this.lexical = new Bm25KeywordSearch(dataDir, store, tokenizer, warn, keywordThreadFromUnits);
    if (!databaseVectors) this.hnswSearch = new HnswVectorSearch(dataDir, store, embedder, warn, graphBuild);
    this.vectors = databaseVectors ?? this.hnswSearch!;
  }

  /** Stop the threads the indexes search on (the keyword search thread). */
  close(): void {
    this.lexical.close();
  }

  /** Keyword search behind its port. */
  get keyword(): KeywordSearch {
    return this.lexical;
  }

  /** Vector search behind its port. */
  get vector(): VectorSearch {
    return this.vectors;
  }

  /** Where vectors are searched: `pgvector` in the database, or `hnsw` in this process. */
  get vectorEngine(): 'pgvector' | 'hnsw' {
    return this.hnswSearch ? 'hnsw' : 'pgvector';
  }

  /** The change marker both indexes were last brought up to (-1 before the first sync). */
  get generation(): number {
    return this.lexical.generation ?? -1;
  }

  /** The BM25 index in memory (call `sync` first). */
  bm25(): Bm25Index {
    return this.lexical.index();
  }

  /** The HNSW index in memory (call `sync` first; none when the database searches vectors). */
  hnsw(): VectorIndex {
    if (!this.hnswSearch) throw new Error('vectors are searched by pgvector in the database: there is no in-process HNSW index');
    return this.hnswSearch.index();
  }

  /**
   * Bring both indexes up to the store's change marker, loading or rebuilding as needed: one
   * read of the marker when nothing changed. Does not throw for an index: one that cannot be
   * built is replaced by an empty one (the other answers alone) until the store changes again.
   */
  async sync(): Promise<void> {
    const generation = await this.store.generation();
    if (this.fresh(generation)) return;
    const run = this.queue.then(() => this.syncTo(generation));
    this.queue = run.catch(() => undefined);
    await run;
  }

  private fresh(generation: number): boolean {
    // The HNSW's own marker too: a file it could not read at the first search is rebuilt here.
    return this.lexical.generation === generation && this.vectorGeneration === generation
      && (!this.hnswSearch || this.hnswSearch.generation === generation);
  }

  private async syncTo(generation: number): Promise<void> {
    if (this.fresh(generation)) return;
    const building = this.hnswSearch?.building ?? false;
    // The in-process index never throws; the database's may (then the next question tries again).
    const vectorJob = this.vectors.sync(generation).then(() => {
      this.vectorGeneration = generation;
    }, (error: unknown) => {
      const line = `knowledge: the vector index is not up to date (${reason(error)}); searching it as it is`;
      if (line !== this.lastVectorFailure) this.warn(line);
      this.lastVectorFailure = line;
    });
    // After an ingest both workers hold a whole build: the graph is written and freed before
    // the keyword index freezes (its postings held twice for a moment), so the two peaks do not
    // add up (at a million passages 0.7 GB of graph beside 1.7 GB of freezing postings).
    if (building) await vectorJob;
    await this.lexical.sync(generation);
    await vectorJob;
    const [lexicalFile, vectorFile] = await Promise.all([this.store.getMeta('lexical_file'), this.store.getMeta('vector_file')]);
    removeStaleIndexFiles(this.dataDir, new Set([lexicalFile, vectorFile]));
  }

  /**
   * Resolves once every index of the last sync is complete: a large ingest is searchable when
   * it returns, its HNSW graph being completed in a worker (exact vector search meanwhile).
   */
  complete(): Promise<void> {
    return this.hnswSearch?.complete() ?? Promise.resolve();
  }

  /** An ingest starts: the indexes may build in workers as passages are stored (the graph's yielding the cores unless told). */
  async beginIngest(options: { yieldCores?: boolean } = {}): Promise<void> {
    await Promise.all([this.lexical.beginIngest(), this.hnswSearch?.beginIngest(options.yieldCores ?? true)]);
  }

  /** Passages just committed to the store with their vectors (for the background builds). */
  stored(passages: readonly LexicalPassage[], vectors: readonly Float32Array[]): void {
    this.lexical.stored(passages);
    this.hnswSearch?.stored(passages.map((p) => p.id), vectors);
  }

  /**
   * Resolves once the keyword index's worker has caught up to within MAX_BACKLOG passages: the
   * ingest waits here between files, so what is queued for it stays bounded. The graph's worker
   * never holds the ingest back: it is fed as it goes (pending-graph.ts, GraphFeed).
   */
  async caughtUp(): Promise<void> {
    await Promise.all([this.lexical.caughtUp(MAX_BACKLOG), this.hnswSearch?.caughtUp()]);
  }

  /** Drop background builds nobody needed (the ingest changed nothing, or failed). */
  endIngest(): void {
    this.lexical.endIngest();
    this.hnswSearch?.endIngest();
  }

  /** Every stored vector of the current embedder as one matrix (the benchmark's exact search). */
  async vectorMatrix(): Promise<VectorMatrix> {
    if (this.hnswSearch) return this.hnswSearch.vectorMatrix();
    const id = this.vectors.embedder;
    return storedVectorMatrix(this.store, id, await this.store.vectorCount(id), this.vectors.dimensions);
  }
}
