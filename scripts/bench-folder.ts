/** A data folder the sweep built (`sweep-hnsw-ef.ts --data DIR`), opened with the bench's questions over it. */
import { join } from 'node:path';
import { createOfflineEmbedder, openSqliteKnowledgeBase } from '../src/knowledge/index.ts';
import { benchQuestions } from './bench-corpus.ts';

/**
 * The knowledge base in `root`/data (indexes synced), its embedder, and the bench's 300 questions
 * drawn from its passages. `keywordThreadFromUnits: Infinity` keeps the keyword search on this
 * thread (a profile timing each stage of one search in turn).
 */
export async function openBenchFolder(root: string, options: { keywordThreadFromUnits?: number } = {}) {
  const embedder = createOfflineEmbedder();
  const kb = await openSqliteKnowledgeBase({ dataDir: join(root, 'data'), embedder, ...options });
  await kb.indexes.sync();
  const sample = (kb.db.prepare('SELECT text FROM kb_passages WHERE id % 199 = 0 ORDER BY id LIMIT 500').all() as Array<{ text: string }>)
    .map((row) => row.text);
  return { kb, embedder, questions: benchQuestions(300, sample) };
}
