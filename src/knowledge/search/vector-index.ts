/**
 * Approximate nearest neighbours with hnswlib-node over unit vectors (inner product = cosine),
 * plus the exact brute-force search it is measured against.
 */
import { replaceFileAtomic, replaceFileAtomicAsync } from '../../storage/index.ts';
import { Worker } from 'node:worker_threads';
import hnswlib from 'hnswlib-node';
import type { VectorPurpose } from '../ports/vector-search.ts';
import { efFor } from './hnsw-ef.ts';
import { hnswFileProblem, incompleteIndexError } from './hnsw-file.ts';
import { type Hit, TopK } from './top-k.ts';
import { WorkerBacklog } from './worker-backlog.ts';

// Chosen by a sweep over the bench's 100,000 passages and questions (offline-hash-v3, 96 dims):
// M=32/efConstruction=80/ef=380 gives recall@10 ≈ 0.955 at about a tenth of the exact scan's
// time. M=16-24 need a higher ef for the same recall; efConstruction=100 (ef=300, recall 0.96)
// builds ~20% slower, and the graph build is what an ingest of 100,000 passages waits for.
const M = 32;
const EF_CONSTRUCTION = 80;
const SEED = 42;

/** An HNSW index whose labels are passage ids. */
export class VectorIndex {
  /** A fixed ef set by `useEf` (the sweep), else `efFor` the current count and the search's purpose. */
  private fixedEf?: number;

  private constructor(private readonly index: hnswlib.HierarchicalNSW, readonly dimensions: number) {
    index.setEf(efFor(index.getCurrentCount()));
  }

  /** Search with this ef whatever the size and purpose (scripts/sweep-hnsw-ef.ts); undefined goes back to `efFor`. */
  useEf(ef: number | undefined): void {
    this.fixedEf = ef;
  }

  /** An empty index with room for `capacity` vectors (it grows as needed). */
  static create(dimensions: number, capacity: number): VectorIndex {
    const index = new hnswlib.HierarchicalNSW('ip', dimensions);
    index.initIndex({ maxElements: Math.max(capacity, 16), m: M, efConstruction: EF_CONSTRUCTION, randomSeed: SEED });
    return new VectorIndex(index, dimensions);
  }

  /** Read an index file; undefined if it is missing, truncated, damaged or of other dimensions. */
  static load(path: string, dimensions: number): VectorIndex | undefined {
    // Checked before hnswlib reads it: hnswlib trusts the header and allocates what it says.
    if (hnswFileProblem(path, dimensions) !== undefined) return undefined;
    try {
      const index = new hnswlib.HierarchicalNSW('ip', dimensions);
      index.readIndexSync(path);
      if (index.getNumDimensions() !== dimensions) return undefined;
      return new VectorIndex(index, dimensions);
    } catch {
      return undefined;
    }
  }

  /** Labels held (including ones marked deleted). */
  labels(): number[] {
    return this.index.getIdsList();
  }

  /** Add one vector under a passage id. */
  add(id: number, vector: Float32Array): void {
    if (this.index.getCurrentCount() >= this.index.getMaxElements()) {
      this.index.resizeIndex(Math.ceil(this.index.getMaxElements() * 1.5) + 16);
    }
    this.index.addPoint(Array.from(vector), id);
  }

  /** Hide a passage id from searches; false if it was not there or already hidden. */
  markDeleted(id: number): boolean {
    try {
      this.index.markDelete(id);
      return true;
    } catch {
      return false;
    }
  }

  /** Number of vectors, deleted ones included. */
  get count(): number {
    return this.index.getCurrentCount();
  }

  /** The k nearest passages, searched as `purpose` needs (hnsw-ef.ts); score is the cosine similarity. */
  search(query: Float32Array, k: number, purpose: VectorPurpose = 'neighbours'): Hit[] {
    const n = Math.min(k, this.index.getCurrentCount());
    if (n === 0) return [];
    const ef = Math.max(n, this.fixedEf ?? efFor(this.index.getCurrentCount(), purpose));
    if (this.index.getEf() !== ef) this.index.setEf(ef);
    const { neighbors, distances } = this.index.searchKnn(Array.from(query), n);
    return neighbors.map((id, i) => ({ id, score: 1 - distances[i] }));
  }

  /** Write to `path` through a temporary file and a rename; throws (ENOSPC on a full disk) rather than publish a short file. */
  save(path: string): void {
    const count = this.count;
    replaceFileAtomic(path, (temporary) => this.index.writeIndexSync(temporary), { verify: wholeIndexFile(this.dimensions, count) });
  }
}

/** A check for `replaceFileAtomic`: the written file holds `count` elements, every byte of them. */
function wholeIndexFile(dimensions: number, count?: number): (temporary: string) => void {
  return (temporary) => {
    const problem = hnswFileProblem(temporary, dimensions, count);
    if (problem) throw incompleteIndexError(temporary, problem);
  };
}

/** Vectors laid out row by row, for exact search. */
export interface VectorMatrix {
  readonly ids: Int32Array;
  readonly values: Float32Array;
  readonly dimensions: number;
}

/** Exact top k by cosine over every vector: the reference HNSW is measured against. */
export function exactSearch(matrix: VectorMatrix, query: Float32Array, k: number): Hit[] {
  const { ids, values, dimensions } = matrix;
  const top = new TopK(k);
  for (let row = 0; row < ids.length; row++) {
    let dot = 0;
    const base = row * dimensions;
    for (let j = 0; j < dimensions; j++) dot += values[base + j] * query[j];
    top.push(ids[row], dot);
  }
  return top.result();
}

/**
 * An HNSW index built in a worker thread from vectors sent as they are produced, so the
 * graph grows while the main thread loads files and builds the lexical index.
 */
export class BackgroundIndexBuild {
  private readonly worker: Worker;
  /** Set to stop the worker between two points (it must not be terminated inside hnswlib). */
  private readonly stop = new Int32Array(new SharedArrayBuffer(4));
  private failure: Error | undefined;
  private exited = false;
  /** Vectors sent and not yet in the graph. */
  readonly backlog: WorkerBacklog;
  /** Resolves when the worker fails or ends. */
  readonly gone: Promise<void>;

  /**
   * @param options.yieldCores the worker lowers its thread's priority (Linux: nice 19), so the
   *   ingest and searches go first and the graph takes the CPU time they leave; for a graph that
   *   may complete after the ingest (pending-graph.ts), never for one a caller waits for.
   */
  constructor(readonly dimensions: number, capacity: number, options: { yieldCores?: boolean } = {}) {
    this.worker = new Worker(new URL('./hnsw-build-worker.mjs', import.meta.url), {
      workerData: { dimensions, m: M, efConstruction: EF_CONSTRUCTION, seed: SEED, capacity, yieldCores: options.yieldCores ?? false, stop: this.stop },
      execArgv: [],
    });
    this.worker.on('error', (error) => {
      this.failure = error;
    });
    this.gone = new Promise<void>((resolve) => {
      this.worker.once('error', () => resolve());
      this.worker.once('exit', () => {
        this.exited = true;
        resolve();
      });
    });
    this.backlog = new WorkerBacklog(this.worker);
    this.worker.unref(); // never keeps the process alive on its own
  }

  /** Keep the process alive for this worker from now on (until it ends): someone waits for its graph. */
  keepAlive(): void {
    this.worker.ref();
  }

  /** Calls `listener` each time the worker has taken a batch into the graph. */
  onTaken(listener: () => void): void {
    this.worker.on('message', (message: { type?: string }) => {
      if (message?.type === 'done') listener();
    });
  }

  /** Queue vectors (row by row in `values`) for insertion under their passage ids. */
  add(ids: Int32Array, values: Float32Array): void {
    this.backlog.sent(ids.length);
    this.worker.postMessage({ type: 'add', ids, values }, [ids.buffer as ArrayBuffer, values.buffer as ArrayBuffer]);
  }

  /** Write the index to `path` (temporary name, checked, then renamed) and stop the worker. */
  finish(path: string): Promise<void> {
    return replaceFileAtomicAsync(path, (temporary) => this.writeTo(temporary), { verify: wholeIndexFile(this.dimensions) });
  }

  private writeTo(path: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      if (this.exited) return reject(new Error('HNSW build worker ended before writing its graph'));
      const finished = (message: { type?: string; ok: boolean; message?: string }): void => {
        if (message.type !== 'finished') return;
        this.worker.off('message', finished);
        this.cancel(); // written: the worker ends as a cancelled one does
        if (message.ok) resolve();
        else reject(new Error(`HNSW build failed: ${message.message}`));
      };
      // Held while the reply is awaited: the backlog's listener came first, so this one does not ref the worker.
      this.worker.ref();
      this.worker.on('message', finished);
      this.worker.once('error', reject);
      this.worker.postMessage({ type: 'finish', path });
    });
  }

  /**
   * Stop (without writing anything, unless written already): the worker ends itself at its next point or message (it is
   * held alive until then: a process exiting would terminate it, perhaps inside hnswlib).
   */
  cancel(): void {
    this.backlog.stop();
    Atomics.store(this.stop, 0, 1);
    if (this.exited) return;
    this.worker.ref();
    this.worker.postMessage({ type: 'stop' });
  }
}

/** Build an HNSW index file from a whole vector matrix in a worker thread. */
export async function buildIndexFileInWorker(matrix: VectorMatrix, path: string): Promise<void> {
  const build = new BackgroundIndexBuild(matrix.dimensions, matrix.ids.length);
  build.add(matrix.ids, matrix.values);
  await build.finish(path);
}
