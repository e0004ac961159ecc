/**
 * Keyword search as Lüzhi ships it: its own tokenizer and BM25 in memory over the passages of
 * a passage store, cached in an index file beside the database (recorded in the store's
 * metadata with the change marker it reflects). A file that will not load is rebuilt from the
 * store with a warning; one that cannot be saved is kept in memory with a warning; an index
 * that cannot be built at all is an empty one, so the vector search answers alone.
 */
import { join } from 'node:path';
import type { KeywordSearch } from '../ports/keyword-search.ts';
import type { PassageStore } from '../ports/passage-store.ts';
import { Bm25Builder, Bm25Index } from './bm25-index.ts';
import { type IndexWarning, reason, saveOrWarn, stderrWarning } from './index-files.ts';
import { BackgroundLexicalBuild, type LexicalPassage, LexicalFeeder } from './lexical-build.ts';
import { type Tokenizer, defaultTokenizer } from './tokenizer.ts';
import type { Hit } from './top-k.ts';

/** BM25 over a passage store's passages, loaded once and brought up to its change marker by `sync`. */
export class Bm25KeywordSearch implements KeywordSearch {
  private lexical?: Bm25Index;
  private background?: BackgroundLexicalBuild;

  constructor(
    private readonly dataDir: string,
    private readonly store: PassageStore,
    private readonly tokenizer: Tokenizer = defaultTokenizer(),
    private readonly warn: IndexWarning = stderrWarning,
  ) {}

  /** The BM25 index in memory (call `sync` first). */
  index(): Bm25Index {
    if (!this.lexical) throw new Error('keyword index not synced');
    return this.lexical;
  }

  /** The change marker the index in memory reflects (undefined before the first sync). */
  get generation(): number | undefined {
    return this.lexical?.generation;
  }

  get size(): number {
    return this.index().size;
  }

  idf(term: string): number {
    return this.index().idf(term);
  }

  async search(query: string, k: number): Promise<Hit[]> {
    return this.index().search(this.tokenizer.terms(query), k);
  }

  async searchAmong(query: string, k: number, among: ReadonlySet<number>): Promise<Hit[]> {
    return among.size ? this.index().searchExhaustive(this.tokenizer.terms(query), k, among) : [];
  }

  async sync(generation: number): Promise<void> {
    const background = this.background;
    this.background = undefined;
    if (this.lexical?.generation === generation) {
      background?.cancel();
      return;
    }
    try {
      this.lexical = (background && await this.finishBackground(background, generation)) ?? await this.load(generation);
    } catch (error) {
      this.warn(`knowledge: the keyword index could not be built (${reason(error)}); searching with vectors alone`);
      this.lexical = new Bm25Builder().finish(generation);
    }
  }

  /** On an empty store the index is built from scratch anyway: tokenize in a worker as files come (the worker runs the shipped tokenizer). */
  async beginIngest(): Promise<void> {
    if (!this.background && this.tokenizer === defaultTokenizer() && await this.store.passageCount() === 0) {
      this.background = new BackgroundLexicalBuild();
    }
  }

  /** Passages just committed to the store (for the background build). */
  stored(passages: readonly LexicalPassage[]): void {
    if (passages.length) this.background?.add(passages);
  }

  /** Resolves once the background build has at most `limit` passages still to tokenize. */
  caughtUp(limit: number): Promise<void> {
    return this.background?.backlog.below(limit) ?? Promise.resolve();
  }

  /** Drop a background build nobody needed. */
  endIngest(): void {
    this.background?.cancel();
    this.background = undefined;
  }

  private async load(generation: number): Promise<Bm25Index> {
    const file = await this.store.getMeta('lexical_file');
    if (file && Number(await this.store.getMeta('lexical_generation')) === generation) {
      const loaded = Bm25Index.load(join(this.dataDir, file));
      if (loaded && loaded.generation === generation) return loaded;
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
