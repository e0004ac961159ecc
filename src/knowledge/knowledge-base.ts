/**
 * The knowledge base facade: passage and document stores (behind their ports) + BM25 + HNSW
 * + hybrid retriever + answerer, opened once per process (so `ask --batch` loads the indexes
 * once). It knows no database: the composition root (services.ts) hands it the stores.
 */
import type { Embedder } from '../models/index.ts';
import { UserError } from '../errors.ts';
import { componentLog } from '../runtime/index.ts';
import { collectGarbage } from '../runtime/collect-garbage.ts';
import { documentNames } from './ranking/title-cue.ts';
import { createBuiltinReranker } from './ranking/builtin-reranker.ts';
import { createExtractiveAnswerer } from './answering/extractive-answerer.ts';
import { withFallbackReranker } from './ranking/fallback-reranker.ts';
import { assessPassages, assessStated } from './answering/found-decision.ts';
import { chosenQuote, looksDeeper } from './answering/quote-choice.ts';
import { predicateSearchWords } from './answering/predicate-search.ts';
import { articleFirst, namedArticle } from './answering/named-article.ts';
import { askedLevelFirst, nationalRuleTitle } from './answering/question-level.ts';
import type { FoundDecisionOptions } from './answering/found-features.ts';
import { otherYearNote } from './answering/period-note.ts';
import { inForceFirst, visibleSearch, withSupersededNote } from './catalog/visible-passages.ts';
import { readScopeName } from './catalog/scope-name.ts';
import { catalogMessages } from './catalog/messages.ts';
import { ingestPaths } from './ingest.ts';
import { knowledgeMessages as m } from './messages.ts';
import { readableQuestion, searchedQuestion } from './searched-question.ts';
import { SearchWarmUp, warmUpQuestions } from './search-warm-up.ts';
import { createOfflineEmbedder } from './search/offline-embedder.ts';
import type { DocumentStanding, DocumentStore } from './ports/document-store.ts';
import type { PassageStore } from './ports/passage-store.ts';
import { type Retriever, createBm25Retriever, createHybridRetriever, createVectorRetriever } from './search/retrievers.ts';
import { type IndexWarning, SearchIndexes } from './search/search-indexes.ts';
import { GRAPH_AFTER_INGEST_FROM, type GraphBuildOptions } from './search/pending-graph.ts';
import { stderrWarning } from './search/index-files.ts';
import type { VectorSearch } from './ports/vector-search.ts';
import { type Tokenizer, defaultTokenizer } from './search/tokenizer.ts';
import type {
  Answer, Answerer, DocumentChange, DocumentInfo, KnowledgeBase, Page, Paged, Passage, Reranker, ScoredPassage, Visibility,
} from './types.ts';

/** The storage the knowledge base works through (the composition root builds it). */
export interface KnowledgeStores {
  readonly passages: PassageStore;
  readonly documents: DocumentStore;
  /** Release what the stores themselves hold (a connection or pool they own); absent when their caller owns it. */
  close?(): void | Promise<void>;
  /** The database's own vector search (pgvector) for this embedder, if it has one; else the in-process HNSW is used. */
  vectorSearch?(embedder: Embedder, warn: IndexWarning): Promise<VectorSearch | undefined>;
}

/** What `openKnowledgeBase` needs; everything but the data folder and the stores has an offline default. */
export interface KnowledgeBaseOptions {
  /** Where the index files (a cache of the stores) are kept. */
  readonly dataDir: string;
  /** The passage and document stores (SQLite's by default in services.ts). */
  readonly stores: KnowledgeStores;
  /** Vector space; a different id from the one that built the index triggers a rebuild. */
  readonly embedder?: Embedder;
  /** Writes answers; the extractive answerer by default. */
  readonly answerer?: Answerer;
  /** A second stage served by a model (rerank endpoint); the built-in one stands in when it fails. */
  readonly reranker?: Reranker;
  /** Where internal failures are written (default stderr, one line). */
  readonly log?: (line: string) => void;
  /** Lexical terms (the shipped Intl.Segmenter tokenizer by default; scripts compare others). */
  readonly tokenizer?: Tokenizer;
  /** Where index warnings go (a file rebuilt or not saved); stderr by default. */
  readonly warn?: IndexWarning;
  /** How an ingest's HNSW graph is built: from 10,000 vectors the ingest returns before it is complete (`indexed`). */
  readonly graphBuild?: GraphBuildOptions;
  /** Keyword indexes of at least this many units are searched on a thread of their own (default THREAD_FROM_UNITS, 50,000). */
  readonly keywordThreadFromUnits?: number;
  /** Keyword indexes of at least this many units have their search path warmed once loaded (search-warm-up.ts; default 50,000). */
  readonly warmUpFromUnits?: number;
  /** An ingest storing at least this many passages ends with a full garbage collection once its index is complete (default 10,000: a smaller one leaves little to find). */
  readonly collectAfterIngestFrom?: number;
}

export { MAX_K } from './searched-question.ts';
/** How many fused hits the second stage re-orders. */
export const RERANK_DEPTH = 30;
/** Weight of the vector ranking in the fusion (BM25 counts 1): the offline vectors are the weaker signal. */
const VECTOR_WEIGHT = 0.1;

/** The knowledge base plus the retrievers it fuses (exposed for tests and the benchmark). */
export interface OpenKnowledgeBase extends KnowledgeBase {
  readonly retrievers: { readonly bm25: Retriever; readonly vector: Retriever; readonly hybrid: Retriever };
  readonly indexes: SearchIndexes;
  readonly store: PassageStore;
  readonly catalog: DocumentStore;
  /** What the found decision reads from the live index. */
  readonly foundOptions: FoundDecisionOptions;
  /** The best `k` visible passages, their documents' standings, and whether the search went on without question vectors. */
  searchDetailed(question: string, k: number, visibility?: Visibility): Promise<DetailedSearch>;
  /** One page of the documents the viewer may see, by doc path, with how many there are (the web page's list). */
  documentPage(page: Page, visibility?: Visibility): Promise<Paged<DocumentInfo>>;
  /** One page of a document's passages with their locations; undefined when it is not stored or the viewer may not see it. */
  documentPassages(doc: string, page: Page, visibility?: Visibility): Promise<Paged<Passage> | undefined>;
  /** The best `k` passages of one document for a query (the keyword search of answers); undefined as for `documentPassages`. */
  searchDocument(doc: string, query: string, k: number, visibility?: Visibility): Promise<ScoredPassage[] | undefined>;
  /** Move a document to another department (`公共`: everyone), audited; an unknown document or a bad name is a Chinese UserError. */
  setScope(doc: string, scope: string, change?: DocumentChange): Promise<DocumentInfo>;
  /** The searches the warm-up of a large index made, once it is over (0 if none started). */
  warmedUp(): Promise<number>;
}

/** What one search found, with what the answer needs to know of the documents. */
export interface DetailedSearch {
  readonly passages: ScoredPassage[];
  readonly keywordOnly: boolean;
  readonly standings: ReadonlyMap<string, DocumentStanding>;
}

/** Open the knowledge base over its stores and load its indexes (files in the data folder). */
export async function openKnowledgeBase(options: KnowledgeBaseOptions): Promise<OpenKnowledgeBase> {
  const { passages: store, documents: catalog } = options.stores;
  const embedder = options.embedder ?? createOfflineEmbedder();
  const tokenizer = options.tokenizer ?? defaultTokenizer();
  const warn = options.warn ?? stderrWarning;
  const indexes = new SearchIndexes(options.dataDir, store, tokenizer, embedder, warn, await options.stores.vectorSearch?.(embedder, warn),
    options.graphBuild, options.keywordThreadFromUnits);
  const bm25 = createBm25Retriever(indexes.keyword);
  const log = options.log ?? componentLog('knowledge');
  let warned = false;
  let vectorFailures = 0;
  // Without question vectors the search goes on with BM25 alone; say so once in the log.
  const embeddingFailed = (error: unknown): void => {
    vectorFailures++;
    if (warned) return;
    warned = true;
    log(`knowledge: question embedding failed, searching with BM25 only: ${error instanceof Error ? error.message : String(error)}`);
  };
  const vector = createVectorRetriever(indexes.vector, embedder, embeddingFailed);
  // Each input read as deep as the second stage reads (deeper when visibility filters): at depth
  // 50 the vote could lift a BM25 rank 31-50 into the 30 re-ranked; at 30 it re-orders the keyword
  // search's 30 (same recall@1/@5 and declines on all seven evaluation sets, 2026-12-03), and the
  // pruned keyword search stops at a higher threshold (p95 -13% alone).
  const hybrid = createHybridRetriever([
    { retriever: bm25, weight: 1 },
    { retriever: createVectorRetriever(indexes.vector, embedder, embeddingFailed, 'vote'), weight: VECTOR_WEIGHT },
  ], { depth: RERANK_DEPTH });
  const idf = (term: string) => indexes.keyword.idf(term);

  // What the ranking and `size()` read synchronously, refreshed when a sync moved the indexes:
  // no read of the store per question beyond the sync's one look at the change marker.
  let seen = { generation: -1, names: new Set<string>() as ReadonlySet<string>, passages: 0 };
  // The found gate weighs absence by the number of passages (the keyword index's size counts
  // its paragraph units too, two or three per passage).
  const foundOptions: FoundDecisionOptions = { idf, maxIdf: () => indexes.keyword.idf('\u0000'), passageCount: () => seen.passages };
  const answerer = options.answerer ?? createExtractiveAnswerer(foundOptions);
  async function sync(): Promise<void> {
    await indexes.sync();
    const generation = indexes.generation;
    if (seen.generation === generation) return;
    const [titles, passages] = await Promise.all([store.documentTitles(), store.passageCount()]);
    seen = { generation, names: new Set(titles.flatMap(documentNames)), passages };
  }
  await sync();
  const builtin = createBuiltinReranker({ idf, documentNames: () => seen.names });
  const reranker = options.reranker ? withFallbackReranker(options.reranker, builtin, log) : builtin;

  const warmUp = new SearchWarmUp({
    search: (question) => searchOnce(question, 5), questions: (count) => warmUpQuestions(store, count), units: () => indexes.keyword.size, log,
  }, options.warmUpFromUnits);
  // Someone's search: the warm-up waits for it, and starts after the first (which loaded the index).
  async function searchDetailed(asked: string, k: number, visibility?: Visibility): Promise<DetailedSearch> {
    const found = await warmUp.asked(() => searchOnce(asked, k, visibility));
    warmUp.start();
    return found;
  }

  async function searchOnce(asked: string, k: number, visibility?: Visibility): Promise<DetailedSearch> {
    // Bounded and clean: a 600 KB question would hold the event loop for minutes.
    const question = searchedQuestion(asked, k);
    await sync(); // cheap when nothing changed; picks up another process's ingest
    const failuresBefore = vectorFailures;
    // Read deeper than k (and deeper still while other departments' passages fill the list), then let the second stage re-order the head of what this person may see.
    const want = Math.max(k, RERANK_DEPTH);
    const searched = `${question}${predicateSearchWords(question)}`; // read once, not at each deeper read
    const found = await visibleSearch(async (depth) => {
      const hits = await hybrid.search(searched, depth);
      const scores = new Map(hits.map((h) => [h.id, h.score]));
      const passages = (await store.passagesByIds(hits.map((h) => h.id))).map((passage) => ({ passage, score: scores.get(passage.id) ?? 0 }));
      return { passages, standings: await catalog.standings(passages.map((hit) => hit.passage.doc)), exhausted: hits.length < depth };
    }, want, visibility?.scopes);
    const reranked = await reranker.rerank(question, found.passages.slice(0, want));
    const passages = askedLevelFirst(question, inForceFirst(reranked, found.standings)).slice(0, k);
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
      await indexes.beginIngest({ yieldCores: !ingestOptions?.wholeIndex });
      let stored = 0;
      try {
        const counts = await ingestPaths(store, catalog, embedder, paths, ingestOptions,
          (passages, vectors) => {
            stored += passages.length;
            indexes.stored(passages, vectors);
            return indexes.caughtUp();
          });
        await sync();
        if (ingestOptions?.wholeIndex) await indexes.complete();
        // Then the batches, kept vectors and warm-up let go, the heap's limit is sized from what the index holds (collect-garbage.ts).
        void indexes.complete().then(() => warmUp.start(stored >= (options.collectAfterIngestFrom ?? GRAPH_AFTER_INGEST_FROM) ? collectGarbage : undefined), () => {});
        return { ...counts, chunks: seen.passages };
      } finally {
        indexes.endIngest();
      }
    },
    indexed: () => indexes.complete(),
    warmedUp: () => warmUp.done(),
    async remove(doc, change) {
      const removed = await catalog.remove(doc, change);
      // The index files follow at once: a removed passage is never searched again.
      if (removed) await sync();
      return removed;
    },
    async documents(visibility) {
      return catalog.documents(visibility?.scopes);
    },
    async document(doc, visibility) {
      return catalog.document(doc, visibility?.scopes);
    },
    setStatus(doc, status, { supersededBy, change } = {}) {
      // The store checks both documents exist (a Chinese UserError) in the same transaction.
      return catalog.setStatus(doc, status, supersededBy, change);
    },
    search,
    documentPage: (page, visibility) => catalog.documentPage(visibility?.scopes, page),
    async documentPassages(doc, page, visibility) {
      if (!await catalog.document(doc, visibility?.scopes)) return undefined;
      return store.documentPassages(doc, page);
    },
    async searchDocument(doc, asked, k, visibility) {
      if (!await catalog.document(doc, visibility?.scopes)) return undefined;
      const query = searchedQuestion(asked, k);
      await sync();
      const hits = await indexes.keyword.searchAmong(query, k, new Set(await store.documentPassageIds(doc)));
      const scores = new Map(hits.map((h) => [h.id, h.score]));
      return (await store.passagesByIds(hits.map((h) => h.id))).map((passage) => ({ passage, score: scores.get(passage.id) ?? 0 }));
    },
    async setScope(doc, scope, change) {
      const name = readScopeName(scope);
      await catalog.moveToScope(doc, name, change);
      const moved = await catalog.document(doc);
      if (!moved) throw new UserError('unknown_document', catalogMessages.unknownDocument(doc));
      return moved;
    },
    async ask(asked, askOptions) {
      const question = readableQuestion(asked);
      const k = askOptions?.k ?? 5;
      // 第二十四条怎么规定的: the article named is looked for among all the candidates, then put first.
      const named = namedArticle(question);
      const found = await searchDetailed(question, named || looksDeeper(question) ? Math.max(k, RERANK_DEPTH) : k, askOptions);
      const article = named ? articleFirst(question, found.passages) : undefined;
      // 多少人次 answered by a passage stating that figure of that thing, 可以兼任…吗 by the article on
      // that act — or by none (quote-choice.ts).
      const chosen = article ? undefined : chosenQuote(question, found.passages, k, foundOptions);
      const passages = chosen?.passages ?? (article?.passages ?? found.passages).slice(0, k);
      const assessment = article ? { found: true, confidence: 1 }
        : chosen?.declined ? { found: false, confidence: 0 } : chosen?.stated ? assessStated(question, passages, foundOptions) : assessPassages(question, passages, foundOptions);
      const answered = await answerer.answer(question.trim(), passages, { onPartial: askOptions?.onPartial, assessment });
      let answer = withSupersededNote(answered, passages[0], found.standings);
      if (chosen?.unstated && !answer.found) answer = { ...answer, answer: `${answer.answer}\n${m.figureUnstated(chosen.unstated.unit, chosen.unstated.otherwise)}` };
      if (chosen?.doerUnstated && !answer.found) answer = { ...answer, answer: `${answer.answer}\n${m.doerUnstated(chosen.doerUnstated)}` };
      // 今年参训代表多少人次, answered from a 2024 report: whose year it is comes first.
      const otherYear = answer.found && passages[0] ? otherYearNote(question, passages[0].passage.title, askOptions?.today) : undefined;
      if (otherYear) answer = { ...answer, answer: `${otherYear}\n${answer.answer}` };
      const national = answer.found && passages[0] ? nationalRuleTitle(question, passages[0].passage.title) : undefined;
      if (national) answer = { ...answer, answer: `${answer.answer}\n\n${m.nationalRule(national)}` };
      if (article?.others.length) answer = { ...answer, answer: `${answer.answer}\n\n${m.sameArticleElsewhere(article.label, article.others)}` };
      return found.keywordOnly ? withKeywordOnlyNote(answer) : answer;
    },
    size() {
      return seen.passages;
    },
    close() {
      warmUp.stop();
      indexes.close();
      // A server's pool closes asynchronously; a failure then is only worth a log line.
      void Promise.resolve(options.stores.close?.()).catch((error: unknown) => log(`knowledge: closing the stores failed: ${String(error)}`));
    },
  };
}

/** The answer with a note that it was found by keyword search alone (the embedding service failed). */
function withKeywordOnlyNote(answer: Answer): Answer {
  return { ...answer, answer: `${answer.answer}\n\n${m.keywordOnly}` };
}
