/**
 * Keeps the index files beside lvzhi.db in step with SQLite, the source of truth.
 * Each file is written under a new name (temporary, then renamed) and only then recorded in
 * kb_meta with the generation and embedder it reflects; a process killed at any point leaves
 * the previous files and records whole, and the next sync finishes the work.
 * The files are only a cache of SQLite: one that will not load (truncated, damaged, of another
 * version) is rebuilt from the database with a warning; one that cannot be saved (a full disk)
 * is kept in memory with a warning; and when an index cannot be built at all, search goes on
 * with the other one alone. Questions never fail because of an index file.
 */
import { join } from 'node:path';
import type { Embedder } from '../../models/index.ts';
import { retryWhenBusy } from '../../storage/index.ts';
import { Bm25Builder, Bm25Index } from './bm25-index.ts';
import { type IndexWarning, reason, removeStaleIndexFiles, saveOrWarn, stderrWarning } from './index-files.ts';
import { BackgroundLexicalBuild, type LexicalPassage, LexicalFeeder } from './lexical-build.ts';
import type { PassageStore } from './passage-store.ts';
import { type Tokenizer, defaultTokenizer } from './tokenizer.ts';
import { BackgroundIndexBuild, VectorIndex, type VectorMatrix, buildIndexFileInWorker } from './vector-index.ts';

/** Below this many vectors a full HNSW build stays on the main thread (a worker costs ~50 ms). */
const WORKER_THRESHOLD = 2_000;
const EMBED_BATCH = 256;
/** Share of deleted vectors above which the HNSW graph is rebuilt rather than patched. */
const REBUILD_DELETED_SHARE = 0.25;

export type { IndexWarning } from './index-files.ts';

/** What goes into a passage's vector: its context (title, headings) and its text. */
export function embeddingInput(passage: { text: string; context: string }): string {
  return passage.context ? `${passage.context}\n${passage.text}` : passage.text;
}

/** The lexical and vector indexes of one data folder, loaded once and kept in sync. */
export class SearchIndexes {
  private lexical?: Bm25Index;
  private vectors?: VectorIndex;
  private vectorGeneration = -1;
  private background?: BackgroundIndexBuild;
  private backgroundLexical?: BackgroundLexicalBuild;

  constructor(
    private readonly dataDir: string,
    private readonly store: PassageStore,
    private readonly tokenizer: Tokenizer,
    private readonly embedder: Embedder,
    private readonly warn: IndexWarning = stderrWarning,
  ) {}

  /** The BM25 index (call `sync` first). */
  bm25(): Bm25Index {
    if (!this.lexical) throw new Error('search indexes not synced');
    return this.lexical;
  }

  /** The HNSW index (call `sync` first). */
  hnsw(): VectorIndex {
    if (!this.vectors) throw new Error('search indexes not synced');
    return this.vectors;
  }

  /**
   * Vector length of the current space: the embedder's own when it knows it, else that of the
   * vectors it stored before (an OpenAI embedder learns its length only from its first reply,
   * and reopening an index must not need the service). 1 for an empty index of unknown length.
   */
  private dimensions(): number {
    return this.embedder.dimensions || this.store.vectorDimensions(this.embedder.id) || 1;
  }

  /**
   * Bring both indexes up to the store's generation, loading or rebuilding as needed. Does not
   * throw for an index: one that cannot be built is replaced by an empty one (the other index
   * answers alone) until the store changes again.
   */
  async sync(): Promise<void> {
    const generation = this.store.generation();
    // In memory, the vectors are always of this embedder: kb_meta is only consulted for files.
    if (this.lexical?.generation === generation && this.vectors && this.vectorGeneration === generation) return;
    let vectorJob: Promise<VectorIndex> | undefined;
    if (!this.vectors || this.vectorGeneration !== generation) {
      vectorJob = this.embedMissing()
        .then(() => this.syncVectors(generation))
        .catch((error: unknown) => {
          this.warn(`knowledge: the vector index could not be built (${reason(error)}); searching with keywords alone`);
          return VectorIndex.create(this.dimensions(), 16);
        });
    }
    // A large HNSW rebuild runs in a worker meanwhile; the lexical index builds here (or in its
    // own worker, fed during the ingest).
    const backgroundLexical = this.backgroundLexical;
    this.backgroundLexical = undefined;
    if (this.lexical?.generation !== generation) {
      try {
        this.lexical = (backgroundLexical && await this.finishBackgroundLexical(backgroundLexical, generation))
          ?? this.syncLexical(generation);
      } catch (error) {
        this.warn(`knowledge: the keyword index could not be built (${reason(error)}); searching with vectors alone`);
        this.lexical = new Bm25Builder().finish(generation);
      }
    } else backgroundLexical?.cancel();
    if (vectorJob) {
      this.vectors = await vectorJob;
      this.vectorGeneration = generation;
    }
    this.removeStaleFiles();
  }

  private syncLexical(generation: number): Bm25Index {
    const file = this.store.getMeta('lexical_file');
    if (file && Number(this.store.getMeta('lexical_generation')) === generation) {
      const loaded = Bm25Index.load(join(this.dataDir, file));
      if (loaded && loaded.generation === generation) return loaded;
      this.warn(`knowledge: keyword index file ${file} is missing, truncated, damaged or of another version; rebuilding it from the database`);
    }
    const feeder = new LexicalFeeder(this.tokenizer);
    for (const p of this.store.iteratePassageTexts()) feeder.add(p);
    const index = feeder.builder.finish(generation);
    const name = `lexical-${generation}.bm25`;
    saveOrWarn('keyword index', () => {
      index.save(join(this.dataDir, name));
      this.recordLexical(name, generation);
    }, this.warn);
    return index;
  }

  private recordLexical(name: string, generation: number): void {
    this.store.db.transaction(() => {
      this.store.setMeta('lexical_file', name);
      this.store.setMeta('lexical_generation', String(generation));
    })();
  }

  /**
   * The index the worker built during the ingest, if it saw exactly the passages SQLite holds
   * (it starts only on an empty store); undefined sends the caller to a build on this thread.
   */
  private async finishBackgroundLexical(build: BackgroundLexicalBuild, generation: number): Promise<Bm25Index | undefined> {
    const ids = this.store.db.prepare('SELECT id FROM kb_passages').raw().all() as Array<[number]>;
    if (ids.length !== build.fed.size || ids.some(([id]) => !build.fed.has(id))) {
      build.cancel();
      return undefined;
    }
    const name = `lexical-${generation}.bm25`;
    // A failed worker (or a full disk under it) costs time, not data: the caller builds here.
    const index = await build.finish(join(this.dataDir, name), generation).catch((error: unknown) => {
      this.warn(`knowledge: the keyword index built during the ingest could not be saved (${reason(error)}); rebuilding it`);
      return undefined;
    });
    if (index) saveOrWarn('keyword index record', () => this.recordLexical(name, generation), this.warn);
    return index;
  }

  /** Give every passage a vector from the current embedder (after a switch of embedder). */
  private async embedMissing(): Promise<void> {
    for (;;) {
      const batch = this.store.passagesWithoutVector(this.embedder.id, EMBED_BATCH);
      if (!batch.length) return;
      const vectors = await this.embedder.embed(batch.map(embeddingInput));
      await retryWhenBusy(() => this.store.putVectors(this.embedder.id, batch.map((p, i) => ({ id: p.id, vector: vectors[i] }))));
    }
  }

  /**
   * Grow a fresh HNSW graph in a worker while an ingest runs, fed by `stored`. Only when the
   * current graph is small: a big one is patched in place at the next sync instead.
   */
  beginIngest(): void {
    // On an empty store the lexical index is built from scratch anyway: tokenize as files come.
    // The worker runs the shipped tokenizer, so only when that is the one in use.
    if (!this.backgroundLexical && this.tokenizer === defaultTokenizer() && this.store.passageCount() === 0) {
      this.backgroundLexical = new BackgroundLexicalBuild();
    }
    if (this.background || (this.vectors?.count ?? 0) >= WORKER_THRESHOLD) return;
    // Length not known yet (no reply from the embedding service so far): build at the next sync.
    const dimensions = this.embedder.dimensions || this.store.vectorDimensions(this.embedder.id);
    if (!dimensions) return;
    this.background = new BackgroundIndexBuild(dimensions, 4096);
  }

  /** Passages just committed to SQLite with their vectors (for the background build). */
  stored(ids: readonly number[], vectors: readonly Float32Array[]): void {
    if (this.backgroundLexical && ids.length) this.backgroundLexical.add(this.passageTexts(ids));
    if (!this.background || !ids.length) return;
    const dimensions = vectors[0].length;
    const values = new Float32Array(ids.length * dimensions);
    vectors.forEach((vector, i) => values.set(vector, i * dimensions));
    this.background.add(Int32Array.from(ids), values);
  }

  /** Drop a background build nobody needed (the ingest changed nothing, or failed). */
  endIngest(): void {
    this.background?.cancel();
    this.background = undefined;
    this.backgroundLexical?.cancel();
    this.backgroundLexical = undefined;
  }

  /** Texts of passages just stored (one document's ids: a narrow range of the primary key). */
  private passageTexts(ids: readonly number[]): LexicalPassage[] {
    let low = ids[0];
    let high = ids[0];
    for (const id of ids) {
      if (id < low) low = id;
      if (id > high) high = id;
    }
    const wanted = new Set(ids);
    const rows = this.store.db.prepare('SELECT id, text, context FROM kb_passages WHERE id BETWEEN ? AND ?')
      .all(low, high) as LexicalPassage[];
    return rows.filter((row) => wanted.has(row.id));
  }

  private async syncVectors(generation: number): Promise<VectorIndex> {
    const id = this.embedder.id;
    const dimensions = this.dimensions();
    const name = `vectors-${generation}-${Date.now().toString(36)}.hnsw`;
    const path = join(this.dataDir, name);
    const wanted = this.store.vectorCount(id);
    const background = this.background;
    this.background = undefined;
    let index: VectorIndex | undefined;
    let complete = false; // built from every stored vector: no patching needed
    // A failed worker (or a full disk under it) costs time, not data: build on this thread.
    const workerFailed = (error: unknown): undefined => {
      this.warn(`knowledge: the vector index built in a worker could not be saved (${reason(error)}); building it here`);
      return undefined;
    };
    if (background) {
      index = await background.finish(path).then(() => VectorIndex.load(path, dimensions), workerFailed);
      if (!index) index = this.loadRecorded(id, dimensions);
    } else {
      index = this.loadRecorded(id, dimensions);
      if (index && Number(this.store.getMeta('vector_generation')) === generation) return index;
      // Mostly new vectors (a first big ingest): a fresh build in a worker beats patching.
      if (index && wanted >= WORKER_THRESHOLD && index.count < wanted / 2) index = undefined;
      if (!index && wanted >= WORKER_THRESHOLD) {
        index = await buildIndexFileInWorker(this.vectorMatrix(wanted), path)
          .then(() => VectorIndex.load(path, dimensions), workerFailed);
        complete = index !== undefined;
      }
    }
    if (index && !complete) {
      // Patch: passage ids are never reused, so labels missing from SQLite are deletions.
      const labels = new Set(index.labels());
      const live = this.store.vectorIds(id);
      const liveSet = new Set(live);
      for (const passageId of live) {
        if (labels.has(passageId)) continue;
        const vector = this.store.vectorOf(passageId, id);
        if (vector) index.add(passageId, vector);
      }
      for (const label of labels) if (!liveSet.has(label)) index.markDeleted(label);
      if (index.count > 0 && (index.count - wanted) / index.count > REBUILD_DELETED_SHARE) index = undefined;
    }
    if (!index) {
      index = VectorIndex.create(dimensions, wanted);
      for (const { id: passageId, vector } of this.store.iterateVectors(id)) index.add(passageId, vector);
    }
    const built = index;
    saveOrWarn('vector index', () => {
      built.save(path);
      this.store.db.transaction(() => {
        this.store.setMeta('vector_file', name);
        this.store.setMeta('vector_generation', String(generation));
        this.store.setMeta('vector_embedder', id);
      })();
    }, this.warn);
    return index;
  }

  /** The HNSW file kb_meta points to, if it is of this embedder's space and readable. */
  private loadRecorded(embedder: string, dimensions: number): VectorIndex | undefined {
    const file = this.store.getMeta('vector_file');
    if (!file || this.store.getMeta('vector_embedder') !== embedder) return undefined;
    const loaded = VectorIndex.load(join(this.dataDir, file), dimensions);
    if (!loaded) this.warn(`knowledge: vector index file ${file} is missing, truncated or damaged; rebuilding it from the database`);
    return loaded;
  }

  /** Every stored vector of the current embedder as one matrix (for a worker build). */
  vectorMatrix(count = this.store.vectorCount(this.embedder.id)): VectorMatrix {
    const dimensions = this.dimensions();
    const ids = new Int32Array(count);
    const values = new Float32Array(count * dimensions);
    let row = 0;
    for (const { id, vector } of this.store.iterateVectors(this.embedder.id)) {
      if (row === count) break;
      ids[row] = id;
      values.set(vector, row * dimensions);
      row++;
    }
    return { ids: ids.subarray(0, row), values: values.subarray(0, row * dimensions), dimensions };
  }

  /** Delete index files no record points to (left by earlier generations or killed runs). */
  private removeStaleFiles(): void {
    removeStaleIndexFiles(this.dataDir, new Set([this.store.getMeta('lexical_file'), this.store.getMeta('vector_file')]));
  }
}
