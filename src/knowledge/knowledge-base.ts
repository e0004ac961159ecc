/**
 * The knowledge base facade: SQLite store + BM25 + HNSW + hybrid retriever + answerer,
 * opened once per process (so `ask --batch` loads the indexes once).
 */
import type { Embedder } from '../models/index.ts';
import { boundQuestion, plainText } from '../input/index.ts';
import { UserError } from '../errors.ts';
import { componentLog } from '../runtime/index.ts';
import { type Db, openDatabase, retryWhenBusy } from '../storage/index.ts';
import { documentNames } from './ranking/title-cue.ts';
import { createBuiltinReranker } from './ranking/builtin-reranker.ts';
import { createExtractiveAnswerer } from './answering/extractive-answerer.ts';
import { withFallbackReranker } from './ranking/fallback-reranker.ts';
import { assessPassages, type FoundDecisionOptions } from './answering/found-decision.ts';
import { DocumentCatalog, type DocumentStanding } from './catalog/document-catalog.ts';
import { catalogMessages } from './catalog/messages.ts';
import { inForceFirst, visibleSearch, withSupersededNote } from './catalog/visible-passages.ts';
import { ingestPaths } from './ingest.ts';
import { knowledgeMessages as m } from './messages.ts';
import { createOfflineEmbedder } from './search/offline-embedder.ts';
import { PassageStore } from './search/passage-store.ts';
import { type Retriever, createBm25Retriever, createHybridRetriever, createVectorRetriever } from './search/retrievers.ts';
import { type IndexWarning, SearchIndexes } from './search/search-indexes.ts';
import { type Tokenizer, defaultTokenizer } from './search/tokenizer.ts';
import type { Answer, Answerer, KnowledgeBase, Reranker, ScoredPassage, Visibility } from './types.ts';

/** What `openKnowledgeBase` needs; everything but the data folder has an offline default. */
export interface KnowledgeBaseOptions {
  readonly dataDir: string;
  /** Vector space; a different id from the one that built the index triggers a rebuild. */
  readonly embedder?: Embedder;
  /** Writes answers; the extractive answerer by default. */
  readonly answerer?: Answerer;
  /** An already open database of the data folder (then the caller closes it). */
  readonly db?: Db;
  /** A second stage served by a model (rerank endpoint); the built-in one stands in when it fails. */
  readonly reranker?: Reranker;
  /** Where internal failures are written (default stderr, one line). */
  readonly log?: (line: string) => void;
  /** Lexical terms (the shipped Intl.Segmenter tokenizer by default; scripts compare others). */
  readonly tokenizer?: Tokenizer;
  /** Where index warnings go (a file rebuilt or not saved); stderr by default. */
  readonly warn?: IndexWarning;
}

/** Largest k `ask` accepts. */
export const MAX_K = 50;
/** How many fused hits the second stage re-orders. */
export const RERANK_DEPTH = 30;
/** Weight of the vector ranking in the fusion (BM25 counts 1): the offline vectors are the weaker signal. */
const VECTOR_WEIGHT = 0.1;

/** The knowledge base plus the retrievers it fuses (exposed for tests and the benchmark). */
export interface OpenKnowledgeBase extends KnowledgeBase {
  readonly retrievers: { readonly bm25: Retriever; readonly vector: Retriever; readonly hybrid: Retriever };
  readonly indexes: SearchIndexes;
  readonly store: PassageStore;
  readonly catalog: DocumentCatalog;
  /** What the found decision reads from the live index. */
  readonly foundOptions: FoundDecisionOptions;
  /** The best `k` visible passages, their documents' standings, and whether the search went on without question vectors. */
  searchDetailed(question: string, k: number, visibility?: Visibility): Promise<DetailedSearch>;
}

/** What one search found, with what the answer needs to know of the documents. */
export interface DetailedSearch {
  readonly passages: ScoredPassage[];
  readonly keywordOnly: boolean;
  readonly standings: ReadonlyMap<string, DocumentStanding>;
}

/** A question as searched: its first MAX_QUESTION_CHARS characters, without escapes or control characters. */
function readableQuestion(question: string): string {
  return boundQuestion(plainText(question)).text;
}

/** Open (creating if needed) the knowledge base in a data folder and load its indexes. */
export async function openKnowledgeBase(options: KnowledgeBaseOptions): Promise<OpenKnowledgeBase> {
  const db = options.db ?? openDatabase(options.dataDir);
  const ownsDb = !options.db;
  const store = new PassageStore(db);
  const catalog = new DocumentCatalog(store);
  const embedder = options.embedder ?? createOfflineEmbedder();
  const tokenizer = options.tokenizer ?? defaultTokenizer();
  const indexes = new SearchIndexes(options.dataDir, store, tokenizer, embedder, options.warn);
  await indexes.sync();
  const bm25 = createBm25Retriever(() => indexes.bm25(), tokenizer);
  const log = options.log ?? componentLog('knowledge');
  let warned = false;
  let vectorFailures = 0;
  // Without question vectors the search goes on with BM25 alone; say so once in the log.
  const vector = createVectorRetriever(() => indexes.hnsw(), embedder, (error) => {
    vectorFailures++;
    if (warned) return;
    warned = true;
    log(`knowledge: question embedding failed, searching with BM25 only: ${error instanceof Error ? error.message : String(error)}`);
  });
  const hybrid = createHybridRetriever([
    { retriever: bm25, weight: 1 },
    { retriever: vector, weight: VECTOR_WEIGHT },
  ]);
  const idf = (term: string) => indexes.bm25().idf(term);
  const foundOptions: FoundDecisionOptions = { idf, maxIdf: () => indexes.bm25().idf('\u0000'), passageCount: () => indexes.bm25().size };
  const answerer = options.answerer ?? createExtractiveAnswerer(foundOptions);

  let names = { generation: -1, known: new Set<string>() };
  const documentNamesKnown = (): ReadonlySet<string> => {
    const generation = store.generation();
    if (names.generation !== generation) names = { generation, known: new Set(store.documentTitles().flatMap(documentNames)) };
    return names.known;
  };
  const builtin = createBuiltinReranker({ idf, documentNames: documentNamesKnown });
  const reranker = options.reranker ? withFallbackReranker(options.reranker, builtin, log) : builtin;

  async function searchDetailed(asked: string, k: number, visibility?: Visibility): Promise<DetailedSearch> {
    // Bounded and clean: a 600 KB question would hold the event loop for minutes.
    const question = readableQuestion(asked);
    if (!question.trim()) throw new UserError('empty_question', m.emptyQuestion);
    if (!Number.isInteger(k) || k < 1 || k > MAX_K) throw new UserError('bad_k', m.badK(String(k)));
    await indexes.sync(); // cheap when nothing changed; picks up another process's ingest
    const failuresBefore = vectorFailures;
    // Read deeper than k (and deeper still while other departments' passages fill the list),
    // then let the second stage re-order the head of what this person may see.
    const want = Math.max(k, RERANK_DEPTH);
    const found = await visibleSearch(async (depth) => {
      const hits = await hybrid.search(question, depth);
      const scores = new Map(hits.map((h) => [h.id, h.score]));
      const passages = store.passagesByIds(hits.map((h) => h.id)).map((passage) => ({ passage, score: scores.get(passage.id) ?? 0 }));
      return { passages, standings: catalog.standings(passages.map((hit) => hit.passage.doc)), exhausted: hits.length < depth };
    }, want, visibility?.scopes);
    const reranked = await reranker.rerank(question, found.passages.slice(0, want));
    const passages = inForceFirst(reranked, found.standings).slice(0, k);
    return { passages, keywordOnly: vectorFailures > failuresBefore, standings: found.standings };
  }

  async function search(question: string, k: number, visibility?: Visibility): Promise<ScoredPassage[]> {
    return (await searchDetailed(question, k, visibility)).passages;
  }

  return {
    retrievers: { bm25, vector, hybrid },
    indexes,
    store,
    catalog,
    foundOptions,
    searchDetailed,
    async ingest(paths, ingestOptions) {
      indexes.beginIngest();
      try {
        const counts = await ingestPaths(store, catalog, embedder, paths, ingestOptions,
          (ids, vectors) => indexes.stored(ids, vectors));
        await indexes.sync();
        return { ...counts, chunks: store.passageCount() };
      } finally {
        indexes.endIngest();
      }
    },
    async remove(doc, change) {
      const removed = await retryWhenBusy(() => catalog.remove(doc, change));
      // The index files follow at once: a removed passage is never searched again.
      if (removed) await indexes.sync();
      return removed;
    },
    async documents(visibility) {
      return catalog.documents(visibility?.scopes);
    },
    async document(doc, visibility) {
      return catalog.document(doc, visibility?.scopes);
    },
    async setStatus(doc, status, { supersededBy, change } = {}) {
      if (!catalog.document(doc)) throw new UserError('unknown_document', catalogMessages.unknownDocument(doc));
      if (supersededBy !== undefined && !catalog.document(supersededBy)) {
        throw new UserError('unknown_document', catalogMessages.unknownDocument(supersededBy));
      }
      await retryWhenBusy(() => catalog.setStatus(doc, status, supersededBy, change));
      return catalog.document(doc)!;
    },
    search,
    async ask(asked, askOptions) {
      const question = readableQuestion(asked);
      const { passages, keywordOnly, standings } = await searchDetailed(question, askOptions?.k ?? 5, askOptions);
      const assessment = assessPassages(question, passages, foundOptions);
      const answered = await answerer.answer(question.trim(), passages, { onPartial: askOptions?.onPartial, assessment });
      const answer = withSupersededNote(answered, passages[0], standings);
      return keywordOnly ? withKeywordOnlyNote(answer) : answer;
    },
    size() {
      return store.passageCount();
    },
    close() {
      if (ownsDb && db.open) db.close();
    },
  };
}

/** The answer with a note that it was found by keyword search alone (the embedding service failed). */
function withKeywordOnlyNote(answer: Answer): Answer {
  return { ...answer, answer: `${answer.answer}\n\n${m.keywordOnly}` };
}
