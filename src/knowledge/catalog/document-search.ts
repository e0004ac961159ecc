/**
 * Search inside one document: the same keyword search as every question, over the whole
 * index, read deeper until enough of the document's own passages are among the hits — so a
 * passage ranks within its document exactly as it would in an answer.
 */
import type { Retriever } from '../search/retrievers.ts';
import type { Hit } from '../search/top-k.ts';

/** How much deeper each further round reads when the document's passages fall short. */
const DEEPER = 4;
/** The first round's depth: a document's passages are usually among the first hits. */
const FIRST_DEPTH = 64;

/** The best `k` hits among the passage ids `within`, best first (fewer when the index holds no more). */
export async function searchWithin(retriever: Retriever, within: ReadonlySet<number>, query: string, k: number): Promise<Hit[]> {
  if (within.size === 0) return [];
  for (let depth = Math.max(k, FIRST_DEPTH); ; depth *= DEEPER) {
    const hits = await retriever.search(query, depth);
    const mine = hits.filter((hit) => within.has(hit.id));
    if (mine.length >= k || mine.length === within.size || hits.length < depth) return mine.slice(0, k);
  }
}
