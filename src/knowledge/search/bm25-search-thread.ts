/**
 * Pruned BM25 searches of a large index shared with a thread of its own. The hybrid search asks
 * the keyword search and the vector vote together: the thread starts on the keyword search at
 * once, this thread joins it when the vote is done, and the two take the index's ranges in turn
 * (bm25-share.ts), so on two cores a long question's search is split between them and the
 * thread's wake-up is no longer waited for (a thread idle for seconds takes ~1 ms to wake on a
 * virtual machine; if it has not begun when this thread is done, its answer is not awaited).
 * Both search the same arrays (shared memory, no copy) and their merged hits are the
 * one-thread hits. A thread that fails, hangs or is refused leaves its searches to the
 * caller's thread, with one warning, and nothing else changes.
 */
import { Worker } from 'node:worker_threads';
import type { SharedTermBounds } from './bm25-bounds-cache.ts';
import type { Bm25Index, IndexedTerm } from './bm25-index.ts';
import { UNITS_PER_RANGE, ascending, finishedAlone, mergeHits, newShareState, rangesOf, searchShare } from './bm25-share.ts';
import { type IndexWarning, reason } from './index-files.ts';
import type { Hit } from './top-k.ts';

/**
 * Indexes with fewer units (passages and their paragraphs) are searched on the caller's thread
 * alone: their searches take a fraction of a millisecond, of the order of the hop to the thread
 * and back (below 100,000 passages this threshold is a judgement, not a measurement).
 */
export const THREAD_FROM_UNITS = 50_000;
/** A search the thread has not answered in this long is answered here, and the thread let go. */
const ANSWER_WITHIN_MS = 10_000;

/** The thread's answer to a search: its share's hits, or that it never began, or why it failed. */
interface Reply {
  readonly id: number;
  readonly ids?: Int32Array;
  readonly scores?: Float64Array;
  readonly walked?: number;
  readonly skipped?: boolean;
  readonly error?: string;
}

/** A search on its way: this thread's share once searched, the thread's once answered, how to finish it, and how to do it all here instead. */
interface Pending {
  readonly index: Bm25Index;
  readonly k: number;
  /** When it was asked (`performance.now()`): the whole shared search's time is reported from it. */
  readonly started: number;
  mine?: { hits: Hit[]; walked: number };
  theirs?: { hits: Hit[]; walked: number };
  readonly finish: (hits: Hit[]) => void;
  readonly here: () => void;
  readonly timer: NodeJS.Timeout;
}

/** The search thread of one keyword index (started at its first large search, or when an ingest has built one). */
export class Bm25SearchThread {
  private worker?: Worker;
  private failed = false;
  private readonly keys = new WeakMap<Bm25Index, number>();
  /** The key of the index the worker holds, and that index. */
  private held = -1;
  private heldIndex?: Bm25Index;
  private nextKey = 0;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly warn: IndexWarning,
    private readonly fromUnits = THREAD_FROM_UNITS,
    private readonly unitsPerRange = UNITS_PER_RANGE,
  ) {}

  /**
   * Hand a large index to the thread before its first question (an index an ingest just built,
   * in memory anyway): the thread computes its longest lists' bounds meanwhile (about 6 s of its
   * CPU at a million passages, that the first questions would otherwise wait on).
   */
  prepare(index: Bm25Index): void {
    if (this.searchable(index)) this.hand(index);
  }

  /** The k best passages for `terms`: on the thread when the index is large and in shared memory, else here. */
  search(index: Bm25Index, terms: readonly string[], k: number): Hit[] | Promise<Hit[]> {
    if (!this.searchable(index) || k <= 0) return index.search(terms, k);
    const looked = index.termsOf(terms);
    if (!looked.length) return [];
    const { worker, key } = this.hand(index);
    const packed = new Float64Array(looked.length * 4);
    looked.forEach(({ t, start, end, lift }, i) => packed.set([t, start, end, lift], i * 4));
    const started = performance.now();
    const id = this.nextId++;
    const state = newShareState();
    if (this.pending.size === 0) worker.ref(); // a process waiting for an answer stays up for it
    worker.postMessage({ type: 'search', id, key, terms: packed, k, state, unitsPerRange: this.unitsPerRange }, [packed.buffer]);
    return new Promise<Hit[]>((resolve) => {
      const here = (): void => resolve(index.searchTerms(looked, k));
      const timer = setTimeout(() => this.fail(`no answer in ${ANSWER_WITHIN_MS / 1000} s`), ANSWER_WITHIN_MS).unref();
      this.pending.set(id, { index, k, started, finish: resolve, here, timer });
      // After what runs now (the vector vote): this thread's share.
      setImmediate(() => this.join(id, looked, state));
    });
  }

  /** Whether the thread can share `index`'s searches: large, in shared memory, its passage ids ascending. */
  private searchable(index: Bm25Index): boolean {
    const shared = index.shared;
    return !this.failed && !!shared && index.size >= this.fromUnits && ascending(shared.passageIds);
  }

  /** The thread, holding `index` (given it now if it holds another) under `key`. */
  private hand(index: Bm25Index): { worker: Worker; key: number } {
    const worker = this.worker ??= this.start();
    let key = this.keys.get(index);
    if (key === undefined) this.keys.set(index, key = this.nextKey++);
    if (this.held !== key) {
      const { generation, offsets, postings, docLengths, passageIds } = index.shared!;
      worker.postMessage({ type: 'index', key, arrays: { generation, offsets, postings, docLengths, passageIds } });
      this.held = key;
      this.heldIndex = index; // adopts the bounds the thread computes ahead (it searches the index too)
    }
    return { worker, key };
  }

  /** This thread's share of search `id`; its answer when the thread never began, else the merge once the thread's is in. */
  private join(id: number, looked: readonly IndexedTerm[], state: Int32Array): void {
    const pending = this.pending.get(id);
    if (!pending) return; // answered here already (the thread failed)
    const { index, k } = pending;
    const hits = index.searchTerms(looked, k, searchShare(state, rangesOf(index.head, this.unitsPerRange)));
    pending.mine = { hits, walked: index.lastWalked };
    if (finishedAlone(state)) return this.settle(id, { hits: [], walked: 0 });
    if (pending.theirs) this.settle(id, pending.theirs);
  }

  /** Finish search `id` with the thread's part: merged with this thread's. */
  private settle(id: number, theirs: { hits: Hit[]; walked: number }): void {
    const pending = this.take(id);
    if (!pending?.mine) return;
    // What the benchmark reads: both threads' postings, and the time from the asking to the merge.
    pending.index.lastWalked = pending.mine.walked + theirs.walked;
    pending.index.lastSearchMs = performance.now() - pending.started;
    pending.finish(mergeHits(pending.mine.hits, theirs.hits, pending.k));
  }

  /** Stop the thread (searches under way are answered here). */
  close(): void {
    this.settleAllHere();
    void this.worker?.terminate();
    this.worker = undefined;
    this.held = -1;
    this.heldIndex = undefined;
  }

  private start(): Worker {
    const worker = new Worker(new URL('./bm25-search-worker.mjs', import.meta.url), { execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: 4 } });
    worker.unref();
    worker.on('message', (message: Reply | { type: 'bounds'; key: number; terms: SharedTermBounds[] }) => {
      if ('type' in message) {
        if (message.key === this.held) for (const term of message.terms) this.heldIndex?.bounds.adopt(term);
        return;
      }
      const pending = this.pending.get(message.id);
      if (!pending || message.skipped) return; // settled already: this thread searched it alone
      if (message.error !== undefined || !message.ids || !message.scores) {
        this.warn(`knowledge: the keyword search thread could not search (${message.error}); searching here`);
        return this.take(message.id)?.here();
      }
      const { ids, scores } = message;
      pending.theirs = { hits: Array.from(ids, (id, i) => ({ id, score: scores[i] })), walked: message.walked ?? 0 };
      if (pending.mine) this.settle(message.id, pending.theirs);
    });
    worker.on('error', (error) => this.fail(reason(error)));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.fail(`it stopped (exit code ${code})`);
    });
    return worker;
  }

  /** The thread is no use any more: say so once, answer what it held here, and search here from now on. */
  private fail(why: string): void {
    if (this.failed) return;
    this.failed = true;
    this.warn(`knowledge: the keyword search thread failed (${why}); searching on the main thread`);
    const worker = this.worker;
    this.worker = undefined;
    this.settleAllHere();
    void worker?.terminate();
  }

  private take(id: number): Pending | undefined {
    const pending = this.pending.get(id);
    if (!pending) return undefined;
    clearTimeout(pending.timer);
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker?.unref();
    return pending;
  }

  private settleAllHere(): void {
    for (const id of [...this.pending.keys()]) this.take(id)?.here();
  }
}
