/**
 * The knowledge base facade: SQLite store + BM25 + HNSW + hybrid retriever + answerer,
 * opened once per process (so `ask --batch` loads the indexes once).
 */
import type { Embedder } from '../models/types.ts';
import { boundQuestion, plainText } from '../input/index.ts';
import { UserError } from '../errors.ts';
import { type Db, openDatabase, retryWhenBusy } from '../storage/index.ts';
import { answerTypeMatch, expectedAnswerTypes } from './answer-types.ts';
import { questionScope, scopeMatch } from './scope-cue.ts';
import { documentNames, namesInQuestion, titleMatch } from './title-cue.ts';
import { createExtractiveAnswerer } from './extractive-answerer.ts';
import { ingestPaths } from './ingest.ts';
import { knowledgeMessages as m } from './messages.ts';
import { createOfflineEmbedder } from './offline-embedder.ts';
import { PassageStore } from './passage-store.ts';
import { type Retriever, createBm25Retriever, createHybridRetriever, createVectorRetriever } from './retrievers.ts';
import { type IndexWarning, SearchIndexes } from './search-indexes.ts';
import { defaultTokenizer } from './tokenizer.ts';
import type { Answerer, KnowledgeBase, ScoredPassage } from './types.ts';

/** What `openKnowledgeBase` needs; everything but the data folder has an offline default. */
export interface KnowledgeBaseOptions {
  readonly dataDir: string;
  /** Vector space; a different id from the one that built the index triggers a rebuild. */
  readonly embedder?: Embedder;
  /** Writes answers; the extractive answerer by default. */
  readonly answerer?: Answerer;
  /** An already open database of the data folder (then the caller closes it). */
  readonly db?: Db;
  /** Where index warnings go (a file rebuilt or not saved); stderr by default. */
  readonly warn?: IndexWarning;
}

/** Largest k `ask` accepts. */
export const MAX_K = 50;
/** How many fused hits the answer-type cue may re-order. */
const RERANK_DEPTH = 20;
/** Bonus for a passage of the expected answer type (fused scores run 0..1). */
const ANSWER_TYPE_BONUS = 0.3;
/** Bonus for a passage not of the other level than the one asked about (national / local). */
const SCOPE_BONUS = 0.15;
/** Bonus for a passage of a document the question names (选举法, 北京, 24年). */
const TITLE_BONUS = 0.15;
/** Weight of the vector ranking in the fusion (BM25 counts 1): the offline vectors are the weaker signal. */
const VECTOR_WEIGHT = 0.1;

/** The knowledge base plus the retrievers it fuses (exposed for tests and the benchmark). */
export interface OpenKnowledgeBase extends KnowledgeBase {
  readonly retrievers: { readonly bm25: Retriever; readonly vector: Retriever; readonly hybrid: Retriever };
  readonly indexes: SearchIndexes;
  readonly store: PassageStore;
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
  const embedder = options.embedder ?? createOfflineEmbedder();
  const tokenizer = defaultTokenizer();
  const indexes = new SearchIndexes(options.dataDir, store, tokenizer, embedder, options.warn);
  await indexes.sync();
  const bm25 = createBm25Retriever(() => indexes.bm25(), tokenizer);
  let warned = false;
  // Without question vectors the search goes on with BM25 alone; say so once in the log.
  const vector = createVectorRetriever(() => indexes.hnsw(), embedder, (error) => {
    if (warned) return;
    warned = true;
    process.stderr.write(`knowledge: question embedding failed, searching with BM25 only: ${error instanceof Error ? error.message : String(error)}\n`);
  });
  const hybrid = createHybridRetriever([
    { retriever: bm25, weight: 1 },
    { retriever: vector, weight: VECTOR_WEIGHT },
  ]);
  const answerer = options.answerer ?? createExtractiveAnswerer({ idf: (term) => indexes.bm25().idf(term) });

  let names = { generation: -1, known: new Set<string>() };

  async function search(asked: string, k: number): Promise<ScoredPassage[]> {
    // Bounded and clean: a 600 KB question would hold the event loop for minutes.
    const question = readableQuestion(asked);
    if (!question.trim()) throw new UserError('empty_question', m.emptyQuestion);
    if (!Number.isInteger(k) || k < 1 || k > MAX_K) throw new UserError('bad_k', m.badK(String(k)));
    await indexes.sync(); // cheap when nothing changed; picks up another process's ingest
    // Read deeper than k, then let the expected answer type re-order the head of the list.
    const hits = await hybrid.search(question, Math.max(k, RERANK_DEPTH));
    const passages = store.passagesByIds(hits.map((h) => h.id));
    const scores = new Map(hits.map((h) => [h.id, h.score]));
    const types = expectedAnswerTypes(question);
    const scope = questionScope(question);
    const generation = store.generation();
    if (names.generation !== generation) names = { generation, known: new Set(store.documentTitles().flatMap(documentNames)) };
    const mentioned = namesInQuestion(question, names.known);
    return passages
      // Scaled back to 0..1: a passage ranked first everywhere, of the expected type and level scores 1.
      .map((passage) => ({
        passage,
        score: ((scores.get(passage.id) ?? 0) + ANSWER_TYPE_BONUS * answerTypeMatch(types, passage.text) +
          SCOPE_BONUS * scopeMatch(scope, passage.title, passage.text) + TITLE_BONUS * titleMatch(mentioned, passage.title)) /
          (1 + ANSWER_TYPE_BONUS + SCOPE_BONUS + TITLE_BONUS),
      }))
      .sort((a, b) => b.score - a.score)
      .slice(0, k);
  }

  return {
    retrievers: { bm25, vector, hybrid },
    indexes,
    store,
    async ingest(paths, ingestOptions) {
      indexes.beginIngest();
      try {
        const counts = await ingestPaths(store, embedder, paths, ingestOptions?.onProgress,
          (ids, vectors) => indexes.stored(ids, vectors));
        await indexes.sync();
        return { ...counts, chunks: store.passageCount() };
      } finally {
        indexes.endIngest();
      }
    },
    async remove(doc) {
      const removed = await retryWhenBusy(() => store.removeDocument(doc));
      if (removed) await indexes.sync();
      return removed;
    },
    search,
    async ask(asked, askOptions) {
      const question = readableQuestion(asked);
      const passages = await search(question, askOptions?.k ?? 5);
      return answerer.answer(question.trim(), passages, { onPartial: askOptions?.onPartial });
    },
    size() {
      return store.passageCount();
    },
    close() {
      if (ownsDb && db.open) db.close();
    },
  };
}
