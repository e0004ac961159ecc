/**
 * Pruned BM25 searches of a large index on threads of their own. The hybrid search asks the
 * keyword search and the vector vote together: on one thread the vote waits for BM25, here it
 * runs beside it, so on two cores a question costs the longer of the two rather than their sum.
 * A very large index is split into ranges of passages searched by one thread each, their top k
 * merged. The threads run the same search over the same arrays (shared memory, no copy), and
 * a range's best k hold every passage of the whole top k in that range, so the hits and scores
 * are the index's own. A thread that fails, hangs or is refused leaves its searches to the
 * caller's thread, with one warning, and nothing else changes.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Bm25Index, IndexedTerm } from './bm25-index.ts';
import { type IndexWarning, reason } from './index-files.ts';
import type { Hit } from './top-k.ts';

/**
 * Indexes with fewer units (passages and their paragraphs) are searched on the caller's thread:
 * their searches take a fraction of a millisecond, of the order of the hop to the thread and back.
 */
export const THREAD_FROM_UNITS = 50_000;
/** Indexes with at least this many units are split between two threads, when the machine has two cores. */
export const SPLIT_FROM_UNITS = 500_000;
/** A search the threads have not answered in this long is answered here, and the threads let go. */
const ANSWER_WITHIN_MS = 10_000;

/** A search on its way: each range's hits as they come, how to finish, and how to do it here instead. */
interface Pending {
  readonly parts: Array<Hit[] | undefined>;
  readonly k: number;
  left: number;
  walked: number;
  readonly index: Bm25Index;
  readonly finish: (hits: Hit[]) => void;
  readonly here: () => void;
  readonly timer: NodeJS.Timeout;
}

/** A search thread and the key of the index it holds. */
interface SearchWorker {
  readonly worker: Worker;
  held: number;
}

/** The search threads of one keyword index (started at its first large search). */
export class Bm25SearchThread {
  private workers: SearchWorker[] = [];
  private failed = false;
  private readonly keys = new WeakMap<Bm25Index, number>();
  private nextKey = 0;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly warn: IndexWarning,
    private readonly fromUnits = THREAD_FROM_UNITS,
    private readonly splitFromUnits = availableParallelism() >= 2 ? SPLIT_FROM_UNITS : Infinity,
  ) {}

  /** The k best passages for `terms`: on the threads when the index is large and in shared memory, else here. */
  search(index: Bm25Index, terms: readonly string[], k: number): Hit[] | Promise<Hit[]> {
    const shared = index.shared;
    if (this.failed || !shared || index.size < this.fromUnits || k <= 0) return index.search(terms, k);
    const looked = index.termsOf(terms);
    if (!looked.length) return [];
    let key = this.keys.get(index);
    if (key === undefined) this.keys.set(index, key = this.nextKey++);
    const ranges = passageRanges(index, index.size >= this.splitFromUnits ? 2 : 1);
    while (this.workers.length < ranges.length) this.workers.push(this.start());
    const packed = pack(looked);
    const id = this.nextId++;
    if (this.pending.size === 0) for (const { worker } of this.workers) worker.ref(); // a process waiting for an answer stays up for it
    ranges.forEach(([from, to], part) => {
      const searcher = this.workers[part];
      if (searcher.held !== key) {
        const { generation, offsets, postings, docLengths, passageIds } = shared;
        searcher.worker.postMessage({ type: 'index', key, arrays: { generation, offsets, postings, docLengths, passageIds } });
        searcher.held = key;
      }
      searcher.worker.postMessage({ type: 'search', id, part, key, terms: packed, k, from, to });
    });
    return new Promise<Hit[]>((resolve) => {
      const here = (): void => resolve(index.searchTerms(looked, k));
      const timer = setTimeout(() => this.fail(`no answer in ${ANSWER_WITHIN_MS / 1000} s`), ANSWER_WITHIN_MS).unref();
      this.pending.set(id, { parts: ranges.map(() => undefined), k, left: ranges.length, walked: 0, index, finish: resolve, here, timer });
    });
  }

  /** Stop the threads (searches under way are answered here). */
  close(): void {
    const workers = this.workers;
    this.workers = [];
    this.settleAllHere();
    for (const { worker } of workers) void worker.terminate();
  }

  private start(): SearchWorker {
    const worker = new Worker(new URL('./bm25-search-worker.mjs', import.meta.url), { execArgv: [] });
    worker.unref();
    worker.on('message', (message: { id: number; part: number; ids?: Int32Array; scores?: Float64Array; walked?: number; error?: string }) => {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      if (message.error !== undefined || !message.ids || !message.scores) {
        this.warn(`knowledge: the keyword search thread could not search (${message.error}); searching here`);
        return this.take(message.id)?.here();
      }
      const { ids, scores } = message;
      pending.parts[message.part] = Array.from(ids, (id, i) => ({ id, score: scores[i] }));
      pending.walked += message.walked ?? 0;
      if (--pending.left > 0) return;
      this.take(message.id);
      pending.index.lastWalked = pending.walked;
      pending.finish(merged(pending.parts as Hit[][], pending.k));
    });
    worker.on('error', (error) => this.fail(reason(error)));
    worker.on('exit', (code) => {
      if (this.workers.some((w) => w.worker === worker)) this.fail(`it stopped (exit code ${code})`);
    });
    return { worker, held: -1 };
  }

  /** The threads are no use any more: say so once, answer what they held here, and search here from now on. */
  private fail(why: string): void {
    if (this.failed) return;
    this.failed = true;
    this.warn(`knowledge: the keyword search thread failed (${why}); searching on the main thread`);
    this.close();
  }

  private take(id: number): Pending | undefined {
    const pending = this.pending.get(id);
    if (!pending) return undefined;
    clearTimeout(pending.timer);
    this.pending.delete(id);
    if (this.pending.size === 0) for (const { worker } of this.workers) worker.unref();
    return pending;
  }

  private settleAllHere(): void {
    for (const id of [...this.pending.keys()]) this.take(id)?.here();
  }
}

/** Looked-up terms as sent to a thread: id, start, end and weight of each, in query order. */
function pack(terms: readonly IndexedTerm[]): Float64Array {
  const packed = new Float64Array(terms.length * 4);
  terms.forEach(({ t, start, end, lift }, i) => packed.set([t, start, end, lift], i * 4));
  return packed;
}

const cutsOf = new WeakMap<Bm25Index, Map<number, Array<[number, number]>>>();

/** The index's units in `parts` ranges [from, to) of about equal size, each starting a passage (a passage's units stay together). */
function passageRanges(index: Bm25Index, parts: number): Array<[number, number]> {
  let byParts = cutsOf.get(index);
  if (!byParts) cutsOf.set(index, byParts = new Map());
  let ranges = byParts.get(parts);
  if (!ranges) {
    const starts = [0];
    for (let part = 1; part < parts; part++) {
      let unit = Math.floor((part * index.size) / parts);
      while (unit < index.size && index.head[unit] !== unit) unit++;
      starts.push(unit);
    }
    ranges = starts.map((from, i) => [from, starts[i + 1] ?? index.size]);
    byParts.set(parts, ranges);
  }
  return ranges;
}

/**
 * The best `k` of the ranges' best k lists (in the order of their ranges): by score, a tie to
 * the earlier range, as the search of the whole index gives a tie to the earlier passage.
 */
function merged(parts: readonly Hit[][], k: number): Hit[] {
  if (parts.length === 1) return parts[0];
  const at = parts.map(() => 0);
  const out: Hit[] = [];
  while (out.length < k) {
    let best = -1;
    for (let p = 0; p < parts.length; p++) {
      if (at[p] < parts[p].length && (best < 0 || parts[p][at[p]].score > parts[best][at[best]].score)) best = p;
    }
    if (best < 0) break;
    out.push(parts[best][at[best]++]);
  }
  return out;
}
