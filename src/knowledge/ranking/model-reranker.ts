/**
 * The second stage served by a rerank model (a cross-encoder behind LVZHI_RERANK_MODEL): the
 * fused candidates go to the model with their document title and location, and come back in
 * its order with its relevance as their score (scaled to 0..1). Wrapped by the built-in
 * re-ranker as its fallback (fallback-reranker.ts), so a failed call costs ranking, not answers.
 */
import type { RerankModel } from '../../models/index.ts';
import type { Reranker, ScoredPassage } from '../types.ts';

/** Longest passage text sent to the rerank model (cross-encoders read about 512 tokens). */
const MAX_DOCUMENT_CHARS = 1_000;

/** A relevance as a 0..1 score: probabilities stay, raw logits go through the logistic function. */
function unitScore(relevance: number): number {
  return relevance >= 0 && relevance <= 1 ? relevance : 1 / (1 + Math.exp(-relevance));
}

/** Create a re-ranker that asks a rerank model. */
export function createModelReranker(model: RerankModel): Reranker {
  return {
    name: `model:${model.name}`,
    async rerank(question, candidates, options): Promise<ScoredPassage[]> {
      const documents = candidates.map(({ passage }) =>
        `${passage.title}${passage.location ? ' ' + passage.location : ''}\n${passage.text.slice(0, MAX_DOCUMENT_CHARS)}`);
      const scores = await model.rerank(question, documents, { signal: options?.signal });
      const ranked = scores.map(({ index, score }) => ({ passage: candidates[index].passage, score: unitScore(score) }));
      // A service that returned fewer than asked (top_n) leaves the rest in their fused order, last.
      const returned = new Set(scores.map((s) => s.index));
      const rest = candidates.filter((_, i) => !returned.has(i)).map(({ passage }) => ({ passage, score: 0 }));
      return [...ranked, ...rest];
    },
  };
}
