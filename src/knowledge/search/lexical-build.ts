/**
 * Building the BM25 index from passages: the unit rules (whole passage, and each paragraph of
 * a multi-paragraph one), shared by the main thread and the build worker, and the background
 * build that tokenizes passages in a worker while an ingest runs. Tokenizing (Intl.Segmenter)
 * is most of an ingest's CPU time; on two cores it belongs beside the file loading, not after.
 */
import { Worker } from 'node:worker_threads';
import { stopWhenLoaded, whenLoaded } from './worker-stop.ts';
import { Bm25Builder, Bm25Index } from './bm25-index.ts';
import type { Tokenizer } from './tokenizer.ts';
import { WorkerBacklog } from './worker-backlog.ts';

/** Paragraphs shorter than this are not indexed as units of their own. */
const MIN_UNIT_CHARS = 8;

/**
 * The build worker's young generation, in MB. Tokenizing makes short-lived arrays at a high
 * rate, and V8 grows a worker's young generation to its default maximum for it: 30–35 MB more
 * RSS at the end of a 100,000-passage feed than with 8 MB, for the same CPU time (measured
 * alternately, 3 pairs). What survives (the vocabulary, the postings) lives in the old space.
 */
const YOUNG_GENERATION_MB = 8;

/** A passage as the lexical index sees it. */
export interface LexicalPassage {
  readonly id: number;
  readonly text: string;
  readonly context: string;
}

/** Adds passages to a Bm25Builder, tokenizing each distinct context once. */
export class LexicalFeeder {
  readonly builder = new Bm25Builder();
  // Passages of one document share a few contexts (title + headings).
  private readonly contexts = new Map<string, string[]>();

  constructor(private readonly tokenizer: Tokenizer) {}

  /** Tokenize and add one passage (and its paragraphs as extra units). */
  add(p: LexicalPassage): void {
    let context = this.contexts.get(p.context);
    if (!context) {
      if (this.contexts.size > 10_000) this.contexts.clear();
      context = p.context ? this.tokenizer.terms(p.context) : [];
      this.contexts.set(p.context, context);
    }
    // One paragraph (most passages): its terms are the passage's, no splitting.
    if (!p.text.includes('\n')) {
      this.builder.add(p.id, this.tokenizer.terms(p.text), context);
      return;
    }
    // The tokenizer never joins terms across lines, so a passage's terms are its lines' terms.
    const lines = p.text.split(/\n+/).map((line) => ({ line, terms: this.tokenizer.terms(line) }));
    this.builder.add(p.id, lines.flatMap((l) => l.terms), context);
    // Each paragraph of a multi-paragraph passage is a unit too (the passage scores its best).
    const paragraphs = lines.filter((l) => l.line.trim().length >= MIN_UNIT_CHARS);
    if (paragraphs.length > 1) for (const { terms } of paragraphs) this.builder.add(p.id, terms, context);
  }
}

/**
 * A BM25 index built in a worker thread from passages sent as they are stored. Only valid
 * when it saw every passage of the store: the caller checks `fed` against SQLite.
 */
export class BackgroundLexicalBuild {
  private readonly worker: Worker;
  private readonly loaded: Promise<void>;
  private failure: Error | undefined;
  /** Passage ids sent so far. */
  readonly fed = new Set<number>();
  /** Passages sent and not yet tokenized. */
  readonly backlog: WorkerBacklog;

  constructor() {
    this.worker = new Worker(new URL('./lexical-build-worker.mjs', import.meta.url), { execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    this.worker.on('error', (error) => {
      this.failure = error;
    });
    this.backlog = new WorkerBacklog(this.worker);
    this.loaded = whenLoaded(this.worker);
    this.worker.unref();
  }

  /** Queue passages for tokenizing. */
  add(passages: readonly LexicalPassage[]): void {
    for (const p of passages) this.fed.add(p.id);
    this.backlog.sent(passages.length);
    this.worker.postMessage({ type: 'add', passages });
  }

  /** Freeze the index at `generation`, write it to `path` and load it here; stops the worker. */
  finish(path: string, generation: number): Promise<Bm25Index> {
    return new Promise<Bm25Index>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      const finished = (message: { type?: string; ok: boolean; message?: string }): void => {
        if (message.type !== 'finished') return;
        this.worker.off('message', finished);
        this.backlog.stop();
        // Loaded here only once the worker is gone: its builder and frozen copy (1.7 GB at a
        // million passages) are not held beside the index this thread reads.
        const loaded = (): void => {
          const index = message.ok ? Bm25Index.load(path) : undefined;
          if (index && index.generation === generation) resolve(index);
          else reject(new Error(`lexical build failed: ${message.message ?? 'unreadable index file'}`));
        };
        this.worker.terminate().then(loaded, loaded);
      };
      // Held while the reply is awaited: the backlog's listener came first, so this one does not ref the worker.
      this.worker.ref();
      this.worker.on('message', finished);
      this.worker.once('error', reject);
      this.worker.postMessage({ type: 'finish', path, generation });
    });
  }

  /** Stop without writing anything. */
  cancel(): void {
    this.backlog.stop();
    stopWhenLoaded(this.worker, this.loaded);
  }
}
