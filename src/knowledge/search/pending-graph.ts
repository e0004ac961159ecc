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

/** Vectors sent to a background graph build, kept on this thread in the batches they came in. */
export class FedVectors {
  private readonly batches: Array<{ ids: Int32Array; values: Float32Array }> = [];
  private total = 0;

  constructor(readonly dimensions: number) {}

  /** Keep one batch (row by row in `values`); the caller's arrays are copied, so it may transfer them. */
  add(ids: Int32Array, values: Float32Array): void {
    this.batches.push({ ids: ids.slice(), values: values.slice() });
    this.total += ids.length;
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
