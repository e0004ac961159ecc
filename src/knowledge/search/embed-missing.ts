/**
 * Gives every stored passage a vector of the embedder in use before a vector index is built
 * over its space, whichever index that is (hnswlib in memory, pgvector in the database): after
 * a switch of embedder, and after the model behind one name changed its vector length — then
 * every old vector is replaced (said once, in Chinese), never mixed with the new ones.
 */
import type { Embedder } from '../../models/index.ts';
import { knowledgeMessages as m } from '../messages.ts';
import type { PassageStore } from '../ports/passage-store.ts';
import type { IndexWarning } from './index-files.ts';

const EMBED_BATCH = 256;

/** What goes into a passage's vector: its context (title, headings) and its text. */
export function embeddingInput(passage: { text: string; context: string }): string {
  return passage.context ? `${passage.context}\n${passage.text}` : passage.text;
}

/** Embed, in batches, every passage lacking a vector of `embedder`'s id and length. */
export async function embedMissing(store: PassageStore, embedder: Embedder, warn: IndexWarning): Promise<void> {
  const dimensions = embedder.dimensions;
  if (dimensions) {
    const stored = await store.vectorDimensions(embedder.id);
    if (stored && stored !== dimensions) warn(m.embeddingLengthChanged(embedder.id, stored, dimensions));
  }
  for (;;) {
    const batch = await store.passagesWithoutVector(embedder.id, EMBED_BATCH, dimensions);
    if (!batch.length) return;
    const vectors = await embedder.embed(batch.map(embeddingInput));
    await store.putVectors(embedder.id, batch.map((p, i) => ({ id: p.id, vector: vectors[i] })));
  }
}
