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

/**
 * While the worker lags more than this many passages behind, the ingest's thread tokenizes the
 * next batch itself and sends the terms: on two cores the worker is the slower of the two.
 */
const HELP_FROM_BACKLOG = 2_000;
/** Separators of a tokenized passage's terms and units (never in a term: terms are letters and digits). */
const TERM_SEPARATOR = '\u0001';
const UNIT_SEPARATOR = '\u0002';

/** A passage as the lexical index sees it. */
export interface LexicalPassage {
  readonly id: number;
  readonly text: string;
  readonly context: string;
}

/** A passage tokenized before it was sent: its units' terms (the whole passage first), joined by the separators. */
export interface TokenizedPassage {
  readonly id: number;
  readonly context: string;
  readonly units: string;
}

/** Adds passages to a Bm25Builder, tokenizing each distinct context once. */
export class LexicalFeeder {
  readonly builder = new Bm25Builder();
  // Passages of one document share a few contexts (title + headings).
  private readonly contexts = new Map<string, string[]>();

  constructor(private readonly tokenizer: Tokenizer) {}

  /** Tokenize and add one passage (and its paragraphs as extra units). */
  add(p: LexicalPassage): void {
    this.addUnits(p.id, p.context, unitTerms(this.tokenizer, p.text));
  }

  /** Add a passage `tokenized` elsewhere with the same tokenizer (the same index as `add`). */
  addTokenized(p: TokenizedPassage): void {
    const units = p.units.split(UNIT_SEPARATOR).map((unit) => (unit ? unit.split(TERM_SEPARATOR) : []));
    this.addUnits(p.id, p.context, units);
  }

  private addUnits(id: number, contextText: string, units: readonly string[][]): void {
    let context = this.contexts.get(contextText);
    if (!context) {
      if (this.contexts.size > 10_000) this.contexts.clear();
      context = contextText ? this.tokenizer.terms(contextText) : [];
      this.contexts.set(contextText, context);
    }
    for (const terms of units) this.builder.add(id, terms, context);
  }
}

/**
 * A passage's units as term lists: the whole passage, then (when it has more than one) each
 * paragraph long enough to be a unit of its own (the passage scores its best unit).
 */
function unitTerms(tokenizer: Tokenizer, text: string): string[][] {
  // One paragraph (most passages): its terms are the passage's, no splitting.
  if (!text.includes('\n')) return [tokenizer.terms(text)];
  // The tokenizer never joins terms across lines, so a passage's terms are its lines' terms.
  const lines = text.split(/\n+/).map((line) => ({ line, terms: tokenizer.terms(line) }));
  const paragraphs = lines.filter((l) => l.line.trim().length >= MIN_UNIT_CHARS);
  return [lines.flatMap((l) => l.terms), ...(paragraphs.length > 1 ? paragraphs.map((l) => l.terms) : [])];
}

/** A passage tokenized here for a worker's `addTokenized`. */
export function tokenized(tokenizer: Tokenizer, p: LexicalPassage): TokenizedPassage {
  const units = unitTerms(tokenizer, p.text).map((terms) => terms.join(TERM_SEPARATOR)).join(UNIT_SEPARATOR);
  return { id: p.id, context: p.context, units };
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

  /** @param helper tokenizes a batch on this thread while the worker lags (the worker's own tokenizer) */
  constructor(private readonly helper?: Tokenizer) {
    this.worker = new Worker(new URL('./lexical-build-worker.mjs', import.meta.url), { execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    this.worker.on('error', (error) => {
      this.failure = error;
    });
    this.backlog = new WorkerBacklog(this.worker);
    this.loaded = whenLoaded(this.worker);
    this.worker.unref();
  }

  /** Queue passages for tokenizing (tokenized here first while the worker lags behind). */
  add(passages: readonly LexicalPassage[]): void {
    for (const p of passages) this.fed.add(p.id);
    const help = this.helper && this.backlog.pending > HELP_FROM_BACKLOG;
    this.backlog.sent(passages.length);
    if (help) this.worker.postMessage({ type: 'add', tokenized: passages.map((p) => tokenized(this.helper!, p)) });
    else this.worker.postMessage({ type: 'add', passages });
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
