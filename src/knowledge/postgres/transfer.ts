/**
 * What `migrate-data` copies of the knowledge base: documents (with their departments and
 * versions), passages, vectors and the audit trail, row for row, between a data folder's
 * SQLite and PostgreSQL — the same columns on both sides, vectors as the same float32 bytes.
 * Index files and their records stay behind: each process rebuilds its own from the copy.
 */
import { type Endpoint, type TableSpec, migratePostgres } from '../../storage/index.ts';
import { sqliteKnowledgeStores } from '../sqlite/knowledge-stores.ts';
import { POSTGRES_KNOWLEDGE_SCHEMA } from './schema.ts';

/** The knowledge tables in the order their rows may be inserted (documents before their passages). */
export const KNOWLEDGE_TABLES: readonly TableSpec[] = [
  {
    name: 'kb_documents', orderBy: 'id', identity: 'id',
    columns: ['id', 'doc', 'title', 'format', 'content_hash', 'ingested_at', 'scope', 'status', 'status_by_hand', 'superseded_by', 'family', 'edition', 'legacy_key'],
  },
  { name: 'kb_passages', orderBy: 'id', identity: 'id', columns: ['id', 'document_id', 'ordinal', 'text', 'location', 'context', 'page'] },
  { name: 'kb_vectors', orderBy: 'passage_id', unique: true, columns: ['passage_id', 'embedder', 'vector'] },
  { name: 'kb_audit', orderBy: 'id', identity: 'id', columns: ['id', 'at', 'action', 'doc', 'detail', 'by', 'by_name', 'channel'] },
];

/** Create the knowledge tables on one side (as its stores would at first use). */
export async function prepareKnowledgeTables(end: Endpoint): Promise<void> {
  if (end.kind === 'postgres') await migratePostgres(end.db, 'knowledge', POSTGRES_KNOWLEDGE_SCHEMA);
  else sqliteKnowledgeStores(end.db);
}

/**
 * Move the target's change marker after a copy, so no index file recorded there before (an
 * empty knowledge base's) is taken for an index of the copied passages.
 */
export async function markKnowledgeCopied(end: Endpoint): Promise<void> {
  if (end.kind === 'postgres') {
    await end.db.query('UPDATE kb_generation SET value = value + 1');
    return;
  }
  end.db.prepare(`INSERT INTO kb_meta (key, value) VALUES ('generation', '1')
                  ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)`).run();
}
