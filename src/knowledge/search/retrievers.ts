/**
 * Retrievers: lexical (BM25), vector (HNSW) and hybrid (reciprocal rank fusion of both).
 * All three share one interface and one test suite.
 */
import type { Embedder } from '../../models/index.ts';
import type { KeywordSearch } from '../ports/keyword-search.ts';
import type { VectorPurpose, VectorSearch } from '../ports/vector-search.ts';
import type { Hit } from './top-k.ts';

/** Finds the passage ids that best answer a query, best first. */
export interface Retriever {
  readonly name: string;
  search(query: string, k: number): Promise<Hit[]>;
}

/** Keyword search (BM25 over the tokenizer's terms, as shipped). */
export function createBm25Retriever(keyword: KeywordSearch): Retriever {
  return { name: 'bm25', search: (query, k) => keyword.search(query, k) };
}

/**
 * Nearest neighbours of the query's embedding. When the embedding service fails (down, slow,
 * circuit open) it finds nothing rather than throwing, so the hybrid search carries on with
 * BM25 alone; `onError` hears why (for a log line). `purpose` says what the neighbours are for:
 * `vote` as an input of the hybrid search (a cheaper search, hnsw-ef.ts), else in their own right.
 */
export function createVectorRetriever(
  vectors: VectorSearch,
  embedder: Embedder,
  onError: (error: unknown) => void = () => {},
  purpose: VectorPurpose = 'neighbours',
): Retriever {
  return {
    name: purpose === 'vote' ? 'vector-vote' : 'vector',
    async search(query, k) {
      let vector: Float32Array | undefined;
      try {
        [vector] = await embedder.embed([query]);
      } catch (error) {
        onError(error);
        return [];
      }
      // An index still empty (or of another length) cannot be searched with this vector.
      if (!vector || vectors.count === 0 || vector.length !== vectors.dimensions) return [];
      return vectors.search(vector, k, purpose);
    },
  };
}

/** One input of the fusion and how much its ranks count. */
export interface FusedRetriever {
  readonly retriever: Retriever;
  readonly weight: number;
}

/** Options of the reciprocal rank fusion. */
export interface FusionOptions {
  /** How deep each retriever is read (at least k). */
  readonly depth?: number;
  /**
   * The RRF constant: larger flattens the difference between ranks. 10, not the usual 60:
   * with 60 the ranks 1 and 5 of the stronger input differ by less than the weaker input's
   * vote, so the weaker input would decide the top of the list.
   */
  readonly k0?: number;
}

/**
 * Reciprocal rank fusion: score = Σ weight / (k0 + rank). Ranks, not raw scores, are fused,
 * so BM25's unbounded scores and cosine similarities need no calibration against each other.
 * Reported scores are scaled so a passage ranked first by every input scores 1.
 */
export function createHybridRetriever(inputs: readonly FusedRetriever[], options: FusionOptions = {}): Retriever {
  const k0 = options.k0 ?? 10;
  const best = inputs.reduce((sum, input) => sum + input.weight / (k0 + 1), 0);
  return {
    name: 'hybrid',
    async search(query, k) {
      const depth = Math.max(options.depth ?? 50, k);
      const lists = await Promise.all(inputs.map((input) => input.retriever.search(query, depth)));
      // Each passage's place in `ids`, and its fused score at the same place of `scores`.
      const places = new Map<number, number>();
      const ids: number[] = [];
      const scores: number[] = [];
      for (let i = 0; i < lists.length; i++) {
        const hits = lists[i];
        for (let rank = 0; rank < hits.length; rank++) {
          const { id } = hits[rank];
          let place = places.get(id);
          if (place === undefined) {
            places.set(id, place = ids.length);
            ids.push(id);
            scores.push(0);
          }
          scores[place] += inputs[i].weight / (k0 + rank + 1);
        }
      }
      return ids.map((_, place) => place)
        .sort((a, b) => scores[b] - scores[a] || ids[a] - ids[b])
        .slice(0, k)
        .map((place) => ({ id: ids[place], score: scores[place] / best }));
    },
  };
}
