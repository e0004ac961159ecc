/**
 * The knowledge base: ingest documents (loaders → chunker → passage and document stores +
 * BM25 + HNSW) and answer questions from them with cited passages (hybrid retrieval,
 * extractive answers). Storage sits behind ports (ports/); SQLite's are in sqlite/.
 */
export type * from './types.ts';
export { PUBLIC_SCOPE } from './types.ts';
export {
  openKnowledgeBase, MAX_K, RERANK_DEPTH, type KnowledgeBaseOptions, type KnowledgeStores, type OpenKnowledgeBase,
} from './knowledge-base.ts';
export type { PassageStore, DocumentRecord, DocumentToStore, PassageToStore, PassageText, PassageVector } from './ports/passage-store.ts';
export type { DocumentStore, DocumentStanding, DocumentAuditEntry } from './ports/document-store.ts';
export type { KeywordSearch } from './ports/keyword-search.ts';
export type { VectorSearch } from './ports/vector-search.ts';
export { Bm25KeywordSearch } from './search/bm25-keyword-search.ts';
export { HnswVectorSearch } from './search/hnsw-vector-search.ts';
export { sqliteKnowledgeStores, openSqliteKnowledgeBase, type SqliteKnowledgeBase } from './sqlite/knowledge-stores.ts';
export { createSqlitePassageStore } from './sqlite/passage-store.ts';
export { postgresKnowledgeStores, indexOwner } from './postgres/knowledge-stores.ts';
export { KNOWLEDGE_TABLES, prepareKnowledgeTables, markKnowledgeCopied } from './postgres/transfer.ts';
export { createExtractiveAnswerer, toSource, queryCoverage, notFoundText, WEAK_MATCH_COVERAGE } from './answering/extractive-answerer.ts';
export { createBuiltinReranker } from './ranking/builtin-reranker.ts';
export { assessPassages } from './answering/found-decision.ts';
export { type FoundDecisionOptions } from './answering/found-features.ts';
export { hasInstruction } from './ranking/instruction-cue.ts';
export { citedSources } from './answering/cited-sources.ts';
export { createModelReranker } from './ranking/model-reranker.ts';
export { createOfflineEmbedder, OFFLINE_EMBEDDER_ID } from './search/offline-embedder.ts';
export { createModelAnswerer, openKnowledgeBaseWithModel, type ModelAnswererOptions } from './answering/model-answerer.ts';
export { knowledgeMessages } from './messages.ts';
export { catalogMessages, STATUS_WORDS } from './catalog/messages.ts';
export { editionOf } from './catalog/editions.ts';
export { readScopeName } from './catalog/scope-name.ts';
export { loadDocument, MAX_DOCUMENT_BYTES, SUPPORTED_EXTENSIONS } from './loaders/index.ts';
export { chunkDocument } from './chunking/chunker.ts';
export type { Retriever } from './search/retrievers.ts';
