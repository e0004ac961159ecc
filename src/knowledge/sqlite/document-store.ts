/**
 * The document store in the data folder's SQLite database: the synchronous `DocumentCatalog`
 * behind the asynchronous port, on the same connection as the passage table so that a
 * document's passages and description commit in one transaction. Writes wait out a lock held
 * by another process.
 */
import { retryWhenBusy } from '../../storage/index.ts';
import type { DocumentStore } from '../ports/document-store.ts';
import { DocumentCatalog } from './document-catalog.ts';
import type { PassageTable } from './passage-table.ts';

/** The port over the catalog of a passage table (its schema is migrated on first use). */
export function createSqliteDocumentStore(table: PassageTable): DocumentStore {
  const catalog = new DocumentCatalog(table);
  return {
    commit: (record, passages, embedder) =>
      retryWhenBusy(() => catalog.commit(record, () => table.replaceDocument(record, passages, embedder))),
    moveToScope: (doc, scope, change) => retryWhenBusy(() => catalog.moveToScope(doc, scope, change)),
    adoptLegacy: (bareName, contentHash, doc) => retryWhenBusy(() => catalog.adoptLegacy(bareName, contentHash, doc)),
    remove: (doc, change) => retryWhenBusy(() => catalog.remove(doc, change)),
    documents: async (scopes) => catalog.documents(scopes),
    documentPage: async (scopes, page) => catalog.documentPage(scopes, page),
    document: async (doc, scopes) => catalog.document(doc, scopes),
    setStatus: (doc, status, supersededBy, change) => retryWhenBusy(() => catalog.setStatus(doc, status, supersededBy, change)),
    standings: async (docs) => catalog.standings(docs),
    auditTrail: async () => catalog.auditTrail(),
  };
}
