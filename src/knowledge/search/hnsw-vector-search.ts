/**
 * Vector search as Lüzhi ships it: hnswlib in memory over the passage store's vectors of one
 * embedder, cached in an index file beside the database (recorded in the store's metadata
 * with the change marker and embedder it reflects). Passages lacking a vector of the embedder
 * in use (after a switch) are embedded first. The file is patched when a few passages changed,
 * rebuilt (in a worker when large) when many did; one that will not load is rebuilt with a
 * warning, and an index that cannot be built is an empty one (keywords answer alone).
 * A current file is read only at the first vector query: opening a knowledge base (and an
 * ingest whose graph a worker wrote) does not hold the graph in memory until it is searched.
 * An ingest of many passages into an empty store is searchable before its graph is complete
 * (pending-graph.ts): exact cosine until the worker's file is written and recorded.
 */
import { join } from 'node:path';
import type { Embedder } from '../../models/index.ts';
import type { PassageStore } from '../ports/passage-store.ts';
import type { VectorPurpose, VectorSearch } from '../ports/vector-search.ts';
import { embedMissing } from './embed-missing.ts';
import { hnswFileElements, hnswFileProblem } from './hnsw-file.ts';
import { type IndexWarning, reason, saveOrWarn, stderrWarning } from './index-files.ts';
import type { Hit } from './top-k.ts';
import { patchToStore, storedVectorMatrix } from './stored-vectors.ts';
import { FedVectors, GRAPH_AFTER_INGEST_FROM, GraphFeed, type GraphBuildOptions, PendingGraph } from './pending-graph.ts';
import { BackgroundIndexBuild, VectorIndex, type VectorMatrix, buildIndexFileInWorker } from './vector-index.ts';

/** Below this many vectors a full HNSW build stays on the main thread (a worker costs ~50 ms). */
const WORKER_THRESHOLD = 2_000;
/** A whole, current index file not read yet. */
interface IndexFile {
  readonly path: string;
  readonly dimensions: number;
  readonly count: number;
}

/** HNSW over a passage store's vectors, loaded once and brought up to its change marker by `sync`. */
export class HnswVectorSearch implements VectorSearch {
  private vectors?: VectorIndex;
  /** The current index as a file, read at the first search (then `vectors`). */
  private file?: IndexFile;
  /** A file that looked whole but hnswlib would not read: rebuilt at the next sync, never deferred again. */
  private unreadable?: string;
  private vectorGeneration = -1;
  /** The ingest's graph build and its vectors, kept here to feed it and to be searched until it is complete. */
  private background?: GraphFeed;
  /** Passage ids sent to the background build: when they are every stored vector, its graph is complete. */
  private fed = new Set<number>();
  /** The current vectors while their graph is completed in the worker (searched exactly). */
  private pending?: PendingGraph;

  constructor(
    private readonly dataDir: string,
    private readonly store: PassageStore,
    private readonly embedding: Embedder,
    private readonly warn: IndexWarning = stderrWarning,
    private readonly graphBuild: GraphBuildOptions = {},
  ) {}

  /** The HNSW index in memory (call `sync` first), read from its file on the first call; not while its graph is still being built (`complete`). */
  index(): VectorIndex {
    if (this.pending) throw new Error('the vector graph is still being built: await complete() first');
    if (!this.vectors && this.file) this.vectors = this.readFile(this.file);
    if (!this.vectors) throw new Error('vector index not synced');
    return this.vectors;
  }

  /** Reads a deferred file; one hnswlib refuses leaves an empty index (keywords answer) and a rebuild at the next sync. */
  private readFile(file: IndexFile): VectorIndex {
    this.file = undefined;
    const loaded = VectorIndex.load(file.path, file.dimensions);
    if (loaded) return loaded;
    this.warn(`knowledge: vector index file ${file.path} could not be read; searching with keywords alone until it is rebuilt`);
    this.unreadable = file.path;
    this.vectorGeneration = -1;
    return VectorIndex.create(file.dimensions, 16);
  }

  /** The change marker the index reflects, loaded or not yet read (-1 before the first sync). */
  get generation(): number {
    return this.vectors || this.file || this.pending ? this.vectorGeneration : -1;
  }

  /** Resolves once the graph of the last sync is complete (at once unless an ingest's graph is still being built). */
  complete(): Promise<void> {
    return this.pending?.done ?? Promise.resolve();
  }

  get embedder(): string {
    return this.embedding.id;
  }

  get dimensions(): number {
    return this.pending?.dimensions ?? this.file?.dimensions ?? this.index().dimensions;
  }

  get count(): number {
    return this.pending?.count ?? this.file?.count ?? this.index().count;
  }

  async search(vector: Float32Array, k: number, purpose?: VectorPurpose): Promise<Hit[]> {
    // Exact while the graph is completed: at least as good as any ef of the graph.
    if (this.pending) return this.pending.search(vector, k);
    return this.index().search(vector, k, purpose);
  }

  async sync(generation: number): Promise<void> {
    if (this.generation === generation) return;
    const built = await embedMissing(this.store, this.embedding, this.warn)
      .then(() => this.build(generation))
      .catch(async (error: unknown) => {
        this.warn(`knowledge: the vector index could not be built (${reason(error)}); searching with keywords alone`);
        return VectorIndex.create(await this.dimensionsNow(), 16);
      });
    // The graph held before (if any) is let go here, not kept beside a file read later.
    this.vectors = built instanceof VectorIndex ? built : undefined;
    this.pending = built instanceof PendingGraph ? built : undefined;
    this.file = this.vectors || this.pending ? undefined : built as IndexFile;
    this.vectorGeneration = generation;
  }

  /**
   * Vector length of the current space: the embedder's own when it knows it, else that of the
   * vectors it stored before (an OpenAI embedder learns its length only from its first reply,
   * and reopening an index must not need the service). 1 for an empty index of unknown length.
   */
  private async dimensionsNow(): Promise<number> {
    return this.embedding.dimensions || await this.store.vectorDimensions(this.embedding.id) || 1;
  }

  /** Grow a fresh graph in a worker while an ingest runs, fed by `stored` — only when the current graph is small (a big one is patched). */
  async beginIngest(yieldCores = true): Promise<void> {
    if (this.background || (this.vectors?.count ?? this.file?.count ?? this.pending?.count ?? 0) >= WORKER_THRESHOLD) return;
    // Length not known yet (no reply from the embedding service so far): build at the next sync.
    const dimensions = this.embedding.dimensions || await this.store.vectorDimensions(this.embedding.id);
    if (!dimensions) return;
    // The worker yields the cores to the ingest (and to searches) when its graph may complete after it.
    const build = this.graphBuild.start?.(dimensions) ?? new BackgroundIndexBuild(dimensions, 4096, { yieldCores });
    this.background = new GraphFeed(build, new FedVectors(dimensions));
    this.fed = new Set();
  }

  /** Whether a worker is growing a graph for the ingest under way. */
  get building(): boolean {
    return this.background !== undefined;
  }

  /** Vectors just committed to the store (for the background build). */
  stored(ids: readonly number[], vectors: readonly Float32Array[]): void {
    if (!this.background || !ids.length) return;
    const dimensions = vectors[0].length;
    if (dimensions !== this.background.vectors.dimensions) { // another length: never mixed into this space
      this.endIngest();
      return;
    }
    for (const id of ids) this.fed.add(id);
    this.background.add(Int32Array.from(ids), vectors);
  }

  /** Resolves at once: the graph's worker is fed from the vectors kept here as it takes them in (GraphFeed). */
  caughtUp(): Promise<void> {
    return Promise.resolve();
  }

  /** Drop a background build nobody needed (the ingest changed nothing, or failed). */
  endIngest(): void {
    this.background?.build.cancel();
    this.background = undefined;
    this.fed = new Set();
  }

  /** The index at `generation`: a whole file written or found current (read when first searched), else a graph in memory. */
  private async build(generation: number): Promise<VectorIndex | IndexFile | PendingGraph> {
    // A graph still being completed is recorded first: what follows patches or replaces it.
    await this.pending?.done;
    const id = this.embedding.id;
    const dimensions = await this.dimensionsNow();
    const name = `vectors-${generation}-${Date.now().toString(36)}.hnsw`;
    const path = join(this.dataDir, name);
    const wanted = await this.store.vectorCount(id);
    const background = this.background;
    this.background = undefined;
    let index: VectorIndex | undefined;
    // A failed worker (or a full disk under it) costs time, not data: build on this thread.
    const workerFailed = (error: unknown): undefined => {
      this.warn(`knowledge: the vector index built in a worker could not be saved (${reason(error)}); building it here`);
      return undefined;
    };
    if (background) {
      // The worker saw exactly the stored vectors (an ingest into an empty store): its file,
      // written and checked under `path`, is the index; no patching, no second write.
      const fed = this.fed;
      this.fed = new Set();
      const live = await this.store.vectorIds(id);
      const whole = live.length === fed.size && live.every((passageId) => fed.has(passageId));
      if (whole && live.length >= (this.graphBuild.afterIngestFrom ?? GRAPH_AFTER_INGEST_FROM)) {
        return this.completeLater(background, name, generation);
      }
      const written = await background.finish(path).then(() => true, (error: unknown) => workerFailed(error) ?? false);
      if (written && whole) {
        await saveOrWarn('vector index record', () => this.record(name, generation), this.warn);
        return { path, dimensions, count: live.length };
      }
      if (written) index = VectorIndex.load(path, dimensions);
      if (!index) index = await this.loadRecorded(id, dimensions);
    } else {
      const current = await this.currentFile(id, dimensions, generation);
      if (current) return current;
      index = await this.loadRecorded(id, dimensions);
      // Mostly new vectors (a first big ingest): a fresh build in a worker beats patching.
      if (index && wanted >= WORKER_THRESHOLD && index.count < wanted / 2) index = undefined;
      if (!index && wanted >= WORKER_THRESHOLD) {
        const matrix = await this.matrix(wanted, dimensions);
        const written = await buildIndexFileInWorker(matrix, path).then(() => true, (error: unknown) => workerFailed(error) ?? false);
        if (written) {
          await saveOrWarn('vector index record', () => this.record(name, generation), this.warn);
          return { path, dimensions, count: matrix.ids.length };
        }
      }
    }
    if (index) index = await patchToStore(index, this.store, this.embedding.id, wanted);
    if (!index) {
      index = VectorIndex.create(dimensions, wanted);
      for await (const batch of this.store.vectors(id)) for (const { id: passageId, vector } of batch) index.add(passageId, vector);
    }
    const built = index;
    await saveOrWarn('vector index', async () => {
      built.save(path);
      await this.record(name, generation);
    }, this.warn);
    return index;
  }

  /**
   * The worker's graph of exactly the stored vectors, written, checked and recorded after the
   * ingest; `vectors` are searched until then. A failed build is reported and leaves the index
   * stale, so the next sync builds it again (the exact search serves meanwhile).
   */
  private completeLater(background: GraphFeed, name: string, generation: number): PendingGraph {
    const path = join(this.dataDir, name);
    const { vectors } = background;
    const file: IndexFile = { path, dimensions: vectors.dimensions, count: vectors.count };
    const done = background.finish(path).then(async () => {
      await saveOrWarn('vector index record', () => this.record(name, generation), this.warn);
      if (this.pending === pending) [this.pending, this.file] = [undefined, file];
      if (this.pending !== pending) vectors.release(); // searched no more
    }, (error: unknown) => {
      this.warn(`knowledge: the vector index built in a worker could not be saved (${reason(error)}); searching exactly until it is rebuilt`);
      if (this.pending === pending) this.vectorGeneration = -1;
    });
    const pending = new PendingGraph(vectors, done);
    return pending;
  }

  private record(name: string, generation: number): Promise<void> {
    return this.store.setMeta({ vector_file: name, vector_generation: String(generation), vector_embedder: this.embedding.id });
  }

  /** The recorded file when it reflects `generation` in this embedder's space and its layout is whole (not read). */
  private async currentFile(embedder: string, dimensions: number, generation: number): Promise<IndexFile | undefined> {
    const [file, recordedGeneration, recordedEmbedder] = await Promise.all(
      ['vector_file', 'vector_generation', 'vector_embedder'].map((key) => this.store.getMeta(key)),
    );
    if (!file || recordedEmbedder !== embedder || Number(recordedGeneration) !== generation) return undefined;
    const path = join(this.dataDir, file);
    if (path === this.unreadable || hnswFileProblem(path, dimensions) !== undefined) return undefined;
    return { path, dimensions, count: hnswFileElements(path) };
  }

  /** The HNSW file the store's metadata points to, if it is of this embedder's space and readable. */
  private async loadRecorded(embedder: string, dimensions: number): Promise<VectorIndex | undefined> {
    const file = await this.store.getMeta('vector_file');
    if (!file || await this.store.getMeta('vector_embedder') !== embedder) return undefined;
    const loaded = VectorIndex.load(join(this.dataDir, file), dimensions);
    if (!loaded) this.warn(`knowledge: vector index file ${file} is missing, truncated or damaged; rebuilding it from the database`);
    return loaded;
  }

  /** Every stored vector of the current embedder as one matrix (for a worker build, and the benchmark's exact search). */
  async vectorMatrix(): Promise<VectorMatrix> {
    return this.matrix(await this.store.vectorCount(this.embedding.id), await this.dimensionsNow());
  }

  private matrix(count: number, dimensions: number): Promise<VectorMatrix> {
    return storedVectorMatrix(this.store, this.embedding.id, count, dimensions);
  }
}
