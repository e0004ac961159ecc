/**
 * The passage store in the data folder's SQLite database: the synchronous `PassageTable`
 * behind the asynchronous port. SQLite answers in microseconds, so nothing is gained by more;
 * streams read in batches, so no statement stays open while a caller awaits between them
 * (another query on the same connection would find it busy). Writes wait out a lock held by
 * another process.
 */
import { type Db, retryWhenBusy } from '../../storage/index.ts';
import type { PassageStore } from '../ports/passage-store.ts';
import { PassageTable } from './passage-table.ts';

/** A `PassageStore` over an open connection (its schema is migrated on first use). */
export function createSqlitePassageStore(db: Db): PassageStore {
  return sqlitePassageStore(new PassageTable(db));
}

/** The port over a passage table already open (the document store shares it). */
export function sqlitePassageStore(table: PassageTable): PassageStore {
  return {
    findDocument: async (doc) => table.findDocument(doc),
    replaceDocument: (record, passages, embedder) => retryWhenBusy(() => table.replaceDocument(record, passages, embedder)),
    removeDocument: (doc) => retryWhenBusy(() => table.removeDocument(doc)),
    passagesByIds: async (ids) => table.passagesByIds(ids),
    documentPassages: async (doc, page) => table.documentPassages(doc, page),
    documentPassageIds: async (doc) => table.documentPassageIds(doc),
    async *passageTexts() {
      for (let batch = table.passageTextsAfter(0); batch.length; batch = table.passageTextsAfter(batch[batch.length - 1].id)) yield batch;
    },
    passageIds: async () => table.passageIds(),
    passageCount: async () => table.passageCount(),
    documentTitles: async () => table.documentTitles(),
    generation: async () => table.generation(),
    async *vectors(embedder) {
      for (let batch = table.vectorsAfter(embedder, 0); batch.length; batch = table.vectorsAfter(embedder, batch[batch.length - 1].id)) yield batch;
    },
    vectorIds: async (embedder) => table.vectorIds(embedder),
    vectorOf: async (passageId, embedder) => table.vectorOf(passageId, embedder),
    passagesWithoutVector: async (embedder, limit, dimensions) => table.passagesWithoutVector(embedder, limit, dimensions),
    putVectors: (embedder, items) => retryWhenBusy(() => table.putVectors(embedder, items)),
    vectorDimensions: async (embedder) => table.vectorDimensions(embedder),
    vectorCount: async (embedder) => table.vectorCount(embedder),
    getMeta: async (key) => table.getMeta(key),
    setMeta: async (values) => table.setMetaValues(values),
  };
}
