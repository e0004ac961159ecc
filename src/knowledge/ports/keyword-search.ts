/**
 * The port for keyword search over the stored passages: ranked passage ids for a question,
 * and the term weights the ranking and the found decision read. The shipped implementation is
 * Lüzhi's own tokenizer and BM25 in memory (measured on Chinese), built from the passage store
 * and cached in an index file; another one (a database's full-text search) would implement the
 * same port and pass test/support/contracts/keyword-search-contract.ts. Searches and weights
 * are read from memory: freshness is one `sync` per question with the store's change marker.
 */
import type { Hit } from '../search/top-k.ts';

/** Keyword search over the passages of one store. */
export interface KeywordSearch {
  /** Bring the index up to the store's change marker (load its cached file, or rebuild from the store); cheap when nothing changed. */
  sync(generation: number): Promise<void>;
  /** The best `k` passage ids for a query with their scores, best first. */
  search(query: string, k: number): Promise<Hit[]>;
  /** The best `k` hits among the passage ids `among` only (a search inside one document), scored as in `search`. */
  searchAmong(query: string, k: number, among: ReadonlySet<number>): Promise<Hit[]>;
  /** Inverse document frequency of one term in the index (higher is rarer); `'\u0000'` gives the largest. */
  idf(term: string): number;
  /** Number of passages indexed. */
  readonly size: number;
}
