/**
 * A model re-ranker (a rerank endpoint) with the built-in one standing in whenever it fails:
 * down, slow, refusing, or answering with something that is not an order of the candidates.
 * A failed second stage costs ranking quality, never the answer.
 */
import type { Reranker, ScoredPassage } from '../types.ts';

/** Use `primary`; on any failure use `fallback` for that question, and say so in the log. */
export function withFallbackReranker(primary: Reranker, fallback: Reranker, log: (line: string) => void): Reranker {
  return {
    name: `${primary.name}+${fallback.name}`,
    async rerank(question, candidates, options): Promise<ScoredPassage[]> {
      if (candidates.length < 2) return fallback.rerank(question, candidates, options);
      try {
        const ranked = await primary.rerank(question, candidates, options);
        // Every candidate exactly once, or the reply is not a ranking of these passages.
        const ids = new Set(ranked.map((r) => r.passage.id));
        if (ranked.length !== candidates.length || ids.size !== candidates.length ||
          candidates.some((c) => !ids.has(c.passage.id))) {
          throw new Error(`rerank returned ${ranked.length} of ${candidates.length} candidates`);
        }
        return ranked;
      } catch (error) {
        log(`knowledge: rerank model failed, using the built-in re-ranker: ${error instanceof Error ? error.message : String(error)}`);
        return fallback.rerank(question, candidates, options);
      }
    },
  };
}
