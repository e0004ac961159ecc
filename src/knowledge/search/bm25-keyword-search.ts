/**
 * Keyword search as Lüzhi ships it: its own tokenizer and BM25 in memory over the passages of
 * a passage store, cached in an index file beside the database (recorded in the store's
 * metadata with the change marker it reflects). A file that will not load is rebuilt from the
 * store with a warning; one that cannot be saved is kept in memory with a warning; an index
 * that cannot be built at all is an empty one, so the vector search answers alone.
 * A current file found at a sync is checked whole and let go, then read again at the first
 * question: opening a knowledge base does not hold the index until it is searched.
 */
import { join } from 'node:path';
import type { KeywordSearch } from '../ports/keyword-search.ts';
import type { PassageStore } from '../ports/passage-store.ts';
import { Bm25Builder, Bm25Index } from './bm25-index.ts';
import { type IndexWarning, reason, saveOrWarn, stderrWarning } from './index-files.ts';
import { BackgroundLexicalBuild, type LexicalPassage, LexicalFeeder } from './lexical-build.ts';
import { Bm25SearchThread } from './bm25-search-thread.ts';
import { type Tokenizer, defaultTokenizer } from './tokenizer.ts';
import type { Hit } from './top-k.ts';

/** What `load` returns for a current file it left on disk. */
const DEFERRED = Symbol('deferred');

/**
 * Passages an ingest into an empty store stores before the build worker starts. Starting one
 * (a thread, its modules, the word lists) costs about 0.2 CPU-seconds, what tokenizing 1,000
 * short passages here costs at the sync: a smaller ingest (one document, a chat upload) is
 * tokenized here, and a larger one hands the passages it held back to the worker once it starts.
 */
const WORKER_FROM_PASSAGES = 500;

/** BM25 over a passage store's passages, loaded once and brought up to its change marker by `sync`. */
export class Bm25KeywordSearch implements KeywordSearch {
  private lexical?: Bm25Index;
  /** A current, whole index file not held yet: read at the first question (then `lexical`). */
  private file?: { readonly path: string; readonly generation: number };
  private background?: BackgroundLexicalBuild;
  /** Passages of an ingest into an empty store while it is still too small for the worker. */
  private heldBack?: LexicalPassage[];

  /** Where the searches of a large index run (bm25-search-thread.ts). */
  private readonly thread: Bm25SearchThread;

  constructor(
    private readonly dataDir: string,
    private readonly store: PassageStore,
    private readonly tokenizer: Tokenizer = defaultTokenizer(),
    private readonly warn: IndexWarning = stderrWarning,
    /** Indexes of at least this many units are searched on a thread of their own (THREAD_FROM_UNITS). */
    threadFromUnits?: number,
  ) {
    this.thread = new Bm25SearchThread(warn, threadFromUnits);
  }

  /** Stop the search thread, if one was started. */
  close(): void {
    this.thread.close();
  }

  /** The BM25 index in memory (call `sync` first). */
  index(): Bm25Index {
    if (!this.lexical && this.file) this.lexical = this.readFile(this.file);
    if (!this.lexical) throw new Error('keyword index not synced');
    return this.lexical;
  }

  /** Reads the deferred file; one damaged since the sync checked it leaves an empty index (vectors answer) and a rebuild at the next sync. */
  private readFile(file: { path: string; generation: number }): Bm25Index {
    this.file = undefined;
    const loaded = Bm25Index.load(file.path);
    if (loaded && loaded.generation === file.generation) return loaded;
    this.warn(`knowledge: keyword index file ${file.path} could not be read; searching with vectors alone until it is rebuilt`);
    return new Bm25Builder().finish(-1);
  }

  /** The change marker the index reflects, loaded or not yet read (undefined before the first sync). */
  get generation(): number | undefined {
    return this.lexical?.generation ?? this.file?.generation;
  }

  get size(): number {
    return this.index().size;
  }

  idf(term: string): number {
    return this.index().idf(term);
  }

  async search(query: string, k: number): Promise<Hit[]> {
    return this.thread.search(this.index(), this.tokenizer.terms(query), k);
  }

  async searchAmong(query: string, k: number, among: ReadonlySet<number>): Promise<Hit[]> {
    return among.size ? this.index().searchExhaustive(this.tokenizer.terms(query), k, among) : [];
  }

  async sync(generation: number): Promise<void> {
    const background = this.background;
    this.background = undefined;
    this.heldBack = undefined; // too few for the worker: built here from the store, as below
    if (this.generation === generation) {
      background?.cancel();
      return;
    }
    this.file = undefined;
    try {
      const index = (background && await this.finishBackground(background, generation)) ?? await this.load(generation);
      this.lexical = index === DEFERRED ? undefined : index;
      // Built now, so in memory anyway (a current file is read at the first question instead).
      if (this.lexical) this.thread.prepare(this.lexical);
    } catch (error) {
      this.warn(`knowledge: the keyword index could not be built (${reason(error)}); searching with vectors alone`);
      this.lexical = new Bm25Builder().finish(generation);
    }
  }

  /** On an empty store the index is built from scratch anyway: tokenize in a worker as files come, once there are enough (the worker runs the shipped tokenizer). */
  async beginIngest(): Promise<void> {
    if (!this.background && !this.heldBack && this.tokenizer === defaultTokenizer() && await this.store.passageCount() === 0) {
      this.heldBack = []; // the worker starts once WORKER_FROM_PASSAGES are stored
    }
  }

  /** Passages just committed to the store (for the background build). */
  stored(passages: readonly LexicalPassage[]): void {
    if (!passages.length) return;
    if (this.background) return this.background.add(passages);
    if (!this.heldBack) return;
    this.heldBack = this.heldBack.concat(passages);
    if (this.heldBack.length < WORKER_FROM_PASSAGES) return;
    // This thread helps with the tokenizing while the worker lags (the same shipped tokenizer).
    this.background = new BackgroundLexicalBuild(this.tokenizer);
    this.background.add(this.heldBack);
    this.heldBack = undefined;
  }

  /** Resolves once the background build has at most `limit` passages still to tokenize. */
  caughtUp(limit: number): Promise<void> {
    return this.background?.backlog.below(limit) ?? Promise.resolve();
  }

  /** Drop a background build nobody needed. */
  endIngest(): void {
    this.background?.cancel();
    this.background = undefined;
    this.heldBack = undefined;
  }

  /** The recorded file when current (checked whole, then deferred: DEFERRED), else an index built from the store. */
  private async load(generation: number): Promise<Bm25Index | typeof DEFERRED> {
    const file = await this.store.getMeta('lexical_file');
    if (file && Number(await this.store.getMeta('lexical_generation')) === generation) {
      const path = join(this.dataDir, file);
      // Every length and cross-reference checked now (a damaged file is rebuilt at this sync,
      // not found out at a question); the bytes are let go and read again when first searched.
      const loaded = Bm25Index.load(path);
      if (loaded && loaded.generation === generation) {
        this.file = { path, generation };
        return DEFERRED;
      }
      this.warn(`knowledge: keyword index file ${file} is missing, truncated, damaged or of another version; rebuilding it from the database`);
    }
    const feeder = new LexicalFeeder(this.tokenizer);
    for await (const batch of this.store.passageTexts()) for (const p of batch) feeder.add(p);
    const index = feeder.builder.finish(generation);
    const name = `lexical-${generation}.bm25`;
    await saveOrWarn('keyword index', async () => {
      index.save(join(this.dataDir, name));
      await this.record(name, generation);
    }, this.warn);
    return index;
  }

  private record(name: string, generation: number): Promise<void> {
    return this.store.setMeta({ lexical_file: name, lexical_generation: String(generation) });
  }

  /**
   * The index the worker built during the ingest, if it saw exactly the passages the store
   * holds (it starts only on an empty store); undefined sends the caller to a build here.
   */
  private async finishBackground(build: BackgroundLexicalBuild, generation: number): Promise<Bm25Index | undefined> {
    const ids = await this.store.passageIds();
    if (ids.length !== build.fed.size || ids.some((id) => !build.fed.has(id))) {
      build.cancel();
      return undefined;
    }
    const name = `lexical-${generation}.bm25`;
    // A failed worker (or a full disk under it) costs time, not data: the caller builds here.
    const index = await build.finish(join(this.dataDir, name), generation).catch((error: unknown) => {
      this.warn(`knowledge: the keyword index built during the ingest could not be saved (${reason(error)}); rebuilding it`);
      return undefined;
    });
    if (index) await saveOrWarn('keyword index record', () => this.record(name, generation), this.warn);
    return index;
  }
}
