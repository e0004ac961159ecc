/**
 * A large ingest is searchable before its HNSW graph is complete (like Qdrant's indexing
 * threshold): once its passages are stored and the keyword index is written, the vector search
 * is an exact cosine scan over the vectors the ingest fed to the graph worker, and the graph
 * takes over only when its file is written whole, checked and recorded. The graph lives in the
 * worker until then, so no search can ever read a half-built one; a process that ends before it
 * is complete leaves the store's record at the previous graph, and the next sync rebuilds it.
 */
import { type Hit, TopK } from './top-k.ts';
import type { BackgroundIndexBuild } from './vector-index.ts';

/**
 * From this many vectors an ingest's graph completes after the ingest (searched exactly until
 * then): an exact scan of 10,000 vectors is under a millisecond, and below it the graph takes
 * only seconds, so small ingests (the evaluations, the tests) still end with their graph.
 */
export const GRAPH_AFTER_INGEST_FROM = 10_000;

/** How an ingest's HNSW graph is built. */
export interface GraphBuildOptions {
  /** Vectors from which an ingest returns before its graph is complete (GRAPH_AFTER_INGEST_FROM by default). */
  readonly afterIngestFrom?: number;
  /** Starts the worker that grows an ingest's graph (a test holds its finish to see the state before it). */
  readonly start?: (dimensions: number) => BackgroundIndexBuild;
}

/** Vectors in flight to the graph's worker: enough to keep it busy, few enough to cost no memory. */
const IN_FLIGHT = 4_096;

/**
 * Floats per block of kept vectors (32 MB). A block is a resizable ArrayBuffer: V8 maps it
 * itself (outside the malloc heap), it is resident only as it fills, and `release` shrinks it to
 * nothing, giving the pages back at once. An array per ingested file (~100 KB) lay in the main
 * thread's malloc heap instead: let go only at a later collection (in some runs none came
 * before the bench's end), and then holes the heap kept resident, tens of MB after a
 * 100,000-passage ingest.
 */
const BLOCK_FLOATS = 8 << 20;

/** An ArrayBuffer that can shrink (ES2024; Node 20 has it, this project's TypeScript lib does not name it). */
type ResizableBuffer = ArrayBuffer & { resize(byteLength: number): void };
const ResizableArrayBuffer = ArrayBuffer as unknown as new (byteLength: number, options: { maxByteLength: number }) => ResizableBuffer;

/** Vectors for a background graph build, kept on this thread in the batches they came in (each batch's floats copied into large blocks). */
export class FedVectors {
  /** The batches, in order (`values` views a block). */
  readonly batches: Array<{ ids: Int32Array; values: Float32Array }> = [];
  private readonly blocks: ResizableBuffer[] = [];
  private block = new Float32Array(0);
  private used = 0;
  private total = 0;

  constructor(readonly dimensions: number) {}

  /** Keep one batch (row by row in `values`, or one array per row): `ids` is kept as given, the floats are copied. */
  add(ids: Int32Array, values: Float32Array | readonly Float32Array[]): void {
    const rows = values instanceof Float32Array ? [values] : values;
    const length = rows.reduce((sum, row) => sum + row.length, 0);
    if (length > this.block.length - this.used) {
      const bytes = Math.max(BLOCK_FLOATS, length) * Float32Array.BYTES_PER_ELEMENT;
      const buffer = new ResizableArrayBuffer(bytes, { maxByteLength: bytes });
      this.blocks.push(buffer);
      this.block = new Float32Array(buffer, 0, bytes / Float32Array.BYTES_PER_ELEMENT);
      this.used = 0;
    }
    const start = this.used;
    for (const row of rows) {
      this.block.set(row, this.used);
      this.used += row.length;
    }
    this.batches.push({ ids, values: this.block.subarray(start, this.used) });
    this.total += ids.length;
  }

  /** Let go of every batch (the graph has taken over): 38 MB at 100,000 vectors, given back now, not at a later collection. */
  release(): void {
    this.batches.length = 0;
    for (const buffer of this.blocks) buffer.resize(0);
    this.blocks.length = 0;
    this.block = new Float32Array(0);
    this.used = 0;
    this.total = 0;
  }

  /** Number of vectors kept. */
  get count(): number {
    return this.total;
  }

  /** The exact top k by inner product (cosine for the unit vectors stored), as the graph's `search` scores them. */
  search(query: Float32Array, k: number): Hit[] {
    const top = new TopK(Math.min(k, this.total));
    if (this.total === 0 || k <= 0) return [];
    const dimensions = this.dimensions;
    for (const { ids, values } of this.batches) {
      for (let row = 0; row < ids.length; row++) {
        const base = row * dimensions;
        let dot = 0;
        for (let j = 0; j < dimensions; j++) dot += values[base + j] * query[j];
        top.push(ids[row], dot);
      }
    }
    return top.result();
  }
}

/**
 * Feeds a background graph build from the vectors kept here, a few thousand at a time as the
 * worker takes them in: the ingest never waits for the graph, and no second copy of the
 * vectors queues in the worker's messages (the vectors are kept here anyway, for `PendingGraph`).
 */
export class GraphFeed {
  private sent = 0;
  private drained?: () => void;

  constructor(readonly build: BackgroundIndexBuild, readonly vectors: FedVectors) {
    build.onTaken(() => this.pump());
  }

  /** Keep one batch (`FedVectors.add`) and send what the worker has room for. */
  add(ids: Int32Array, values: Float32Array | readonly Float32Array[]): void {
    this.vectors.add(ids, values);
    this.pump();
  }

  private pump(): void {
    const { batches } = this.vectors;
    while (this.sent < batches.length && this.build.backlog.pending < IN_FLIGHT) {
      const { ids, values } = batches[this.sent++];
      this.build.add(ids.slice(), values.slice()); // copies: the worker's are transferred
    }
    if (this.sent === batches.length && this.drained) {
      this.drained();
      this.drained = undefined;
    }
  }

  /** Once every kept vector is sent (or the worker is gone), the build writes its graph to `path` (BackgroundIndexBuild.finish). */
  finish(path: string): Promise<void> {
    // The worker is unref'd; while the rest is fed to it, its graph is awaited, and a process with
    // nothing else to do must wait for it rather than end (or tear the worker down mid-insert).
    this.build.keepAlive();
    const drained = new Promise<void>((resolve) => {
      this.drained = resolve;
      this.pump();
    });
    return Promise.race([drained, this.build.gone]).then(() => this.build.finish(path));
  }
}

/** A graph being completed in a worker for the store's current vectors, searched exactly until `done`. */
export class PendingGraph {
  /**
   * @param vectors every vector the graph will hold (the store's vectors at the change marker it was built for)
   * @param done settles (never rejects) once the graph is recorded, or its build failed and was reported
   */
  constructor(readonly vectors: FedVectors, readonly done: Promise<void>) {}

  get count(): number {
    return this.vectors.count;
  }

  get dimensions(): number {
    return this.vectors.dimensions;
  }

  /** The k nearest by exact cosine (what the graph approximates). */
  search(query: Float32Array, k: number): Hit[] {
    return this.vectors.search(query, k);
  }
}
