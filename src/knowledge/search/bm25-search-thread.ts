/**
 * Pruned BM25 searches of a large index on a thread of their own. The hybrid search asks the
 * keyword search and the vector vote together: on one thread the vote waits for BM25, here it
 * runs beside it, so on two cores a question costs the longer of the two rather than their sum.
 * The thread runs the same search over the same arrays (shared memory, no copy), so the hits
 * are the same; one that fails, hangs or is refused leaves its searches to the caller's thread,
 * with one warning, and nothing else changes.
 */
import { Worker } from 'node:worker_threads';
import type { Bm25Index } from './bm25-index.ts';
import { type IndexWarning, reason } from './index-files.ts';
import type { Hit } from './top-k.ts';

/**
 * Indexes with fewer units (passages and their paragraphs) are searched on the caller's thread:
 * their searches take a fraction of a millisecond, of the order of the hop to the thread and back
 * (at 100,000 passages the hop added ≈ 0.15 ms to a keyword search and the vote beside it saved
 * ≈ 0.45 ms of the fused search's p50, 2026-12-03; below that size this threshold is a judgement,
 * not a measurement). Splitting a very large index between two threads was measured and dropped:
 * at a million passages each half pruned so much less that the split search was slower (p50 10.7
 * against 7.8 ms on one thread).
 */
export const THREAD_FROM_UNITS = 50_000;
/** A search the thread has not answered in this long is answered here, and the thread let go. */
const ANSWER_WITHIN_MS = 10_000;

/** A search on its way: how to finish it with the thread's hits, and how to do it here instead. */
interface Pending {
  readonly index: Bm25Index;
  readonly finish: (hits: Hit[]) => void;
  readonly here: () => void;
  readonly timer: NodeJS.Timeout;
}

/** The search thread of one keyword index (started at its first large search). */
export class Bm25SearchThread {
  private worker?: Worker;
  private failed = false;
  private readonly keys = new WeakMap<Bm25Index, number>();
  /** The key of the index the worker holds. */
  private held = -1;
  private nextKey = 0;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly warn: IndexWarning, private readonly fromUnits = THREAD_FROM_UNITS) {}

  /** The k best passages for `terms`: on the thread when the index is large and in shared memory, else here. */
  search(index: Bm25Index, terms: readonly string[], k: number): Hit[] | Promise<Hit[]> {
    const shared = index.shared;
    if (this.failed || !shared || index.size < this.fromUnits || k <= 0) return index.search(terms, k);
    const looked = index.termsOf(terms);
    if (!looked.length) return [];
    const worker = this.worker ??= this.start();
    let key = this.keys.get(index);
    if (key === undefined) this.keys.set(index, key = this.nextKey++);
    if (this.held !== key) {
      const { generation, offsets, postings, docLengths, passageIds } = shared;
      worker.postMessage({ type: 'index', key, arrays: { generation, offsets, postings, docLengths, passageIds } });
      this.held = key;
    }
    const packed = new Float64Array(looked.length * 4);
    looked.forEach(({ t, start, end, lift }, i) => packed.set([t, start, end, lift], i * 4));
    const id = this.nextId++;
    if (this.pending.size === 0) worker.ref(); // a process waiting for an answer stays up for it
    worker.postMessage({ type: 'search', id, key, terms: packed, k }, [packed.buffer]);
    return new Promise<Hit[]>((resolve) => {
      const here = (): void => resolve(index.searchTerms(looked, k));
      const timer = setTimeout(() => this.fail(`no answer in ${ANSWER_WITHIN_MS / 1000} s`), ANSWER_WITHIN_MS).unref();
      this.pending.set(id, { index, finish: resolve, here, timer });
    });
  }

  /** Stop the thread (searches under way are answered here). */
  close(): void {
    this.settleAllHere();
    void this.worker?.terminate();
    this.worker = undefined;
    this.held = -1;
  }

  private start(): Worker {
    const worker = new Worker(new URL('./bm25-search-worker.mjs', import.meta.url), { execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: 4 } });
    worker.unref();
    worker.on('message', (message: { id: number; ids?: Int32Array; scores?: Float64Array; walked?: number; took?: number; error?: string }) => {
      const pending = this.take(message.id);
      if (!pending) return;
      if (message.error !== undefined || !message.ids || !message.scores) {
        this.warn(`knowledge: the keyword search thread could not search (${message.error}); searching here`);
        return pending.here();
      }
      pending.index.lastWalked = message.walked ?? 0;
      pending.index.lastSearchMs = message.took ?? 0;
      const { ids, scores } = message;
      pending.finish(Array.from(ids, (id, i) => ({ id, score: scores[i] })));
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
