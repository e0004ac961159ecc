/**
 * The port for nearest-neighbour search over the passages' vectors. Vectors are added and
 * removed through the passage store (the source of truth) and the index follows it at `sync`,
 * so the two cannot drift apart. The index says which embedder and vector length built it: a
 * switch of embedder is a rebuild, never a silent mix of spaces. The shipped implementation is
 * hnswlib in memory cached in an index file; pgvector would implement the same port and pass
 * test/support/contracts/vector-search-contract.ts.
 */
import type { Hit } from '../search/top-k.ts';

/**
 * What a search is for: `neighbours`, the nearest passages in their own right (held to the
 * recall@10 the bench reports), or `vote`, the hybrid search's fused vote of weight 0.1, which
 * only re-orders the keyword search's candidates and needs less (search/hnsw-ef.ts).
 */
export type VectorPurpose = 'neighbours' | 'vote';

/** k-NN over the passage vectors of one store. */
export interface VectorSearch {
  /** Id of the embedder whose vectors are indexed. */
  readonly embedder: string;
  /** Length of the indexed vectors (a query of another length finds nothing). */
  readonly dimensions: number;
  /** Number of vectors indexed, removed ones included until the next rebuild. */
  readonly count: number;
  /** Embed what lacks a vector of this embedder and bring the index up to the store's change marker. */
  sync(generation: number): Promise<void>;
  /** The `k` passages nearest to a vector, with cosine similarities, best first (`neighbours` unless told). */
  search(vector: Float32Array, k: number, purpose?: VectorPurpose): Promise<Hit[]>;
}
