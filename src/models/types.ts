/** Model interfaces: a chat model and an embedder, each with an offline implementation. */

/** One message to a chat model. */
export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

/** A chat model (OpenAI-compatible service, or a fake in tests). */
export interface ChatModel {
  /** Model name, for the record. */
  readonly name: string;
  /** The whole reply. Throws a ModelError on failure or timeout. */
  complete(messages: readonly ChatMessage[], options?: { signal?: AbortSignal }): Promise<string>;
  /** The reply as it is written, piece by piece. */
  stream(messages: readonly ChatMessage[], options?: { signal?: AbortSignal }): AsyncIterable<string>;
}

/** Turns texts into vectors. `id` names the vector space: a change of id means a rebuild. */
export interface Embedder {
  /** e.g. `offline-hash-v1`, or `openai:text-embedding-3-small`. */
  readonly id: string;
  readonly dimensions: number;
  /** One unit-length vector per text, in order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** One document's relevance from a rerank model. */
export interface RerankScore {
  /** Index into the documents given. */
  readonly index: number;
  /** Relevance as the model reports it (higher is more relevant). */
  readonly score: number;
}

/** A rerank model (cross-encoder): scores documents against a query. */
export interface RerankModel {
  readonly name: string;
  /** Scores for the documents, best first; may hold fewer than given (top_n). */
  rerank(query: string, documents: readonly string[], options?: { signal?: AbortSignal }): Promise<RerankScore[]>;
}
