/**
 * The knowledge base's stores over PostgreSQL (LVZHI_DATABASE_URL): passages and documents
 * shared by every process on the database, their schema migrated once under the migration
 * lock. Index files stay in each process's data folder, and their records are kept under an
 * owner naming that folder on this host, so processes never rebuild each other's files.
 */
import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { migratePostgres, type PostgresDatabase } from '../../storage/index.ts';
import type { KnowledgeStores } from '../knowledge-base.ts';
import { createPostgresDocumentStore } from './document-store.ts';
import { createPostgresPassageStore } from './passage-store.ts';
import { POSTGRES_KNOWLEDGE_SCHEMA } from './schema.ts';

/** Who keeps index files: this host's data folder. */
export function indexOwner(dataDir: string): string {
  return `${hostname()}:${resolve(dataDir)}`;
}

/** The passage and document stores on a shared pool; `ready` settles once the schema is migrated. Closing them leaves the pool to its owner. */
export function postgresKnowledgeStores(db: PostgresDatabase, dataDir: string): KnowledgeStores & { readonly ready: Promise<void> } {
  // The index files go in the data folder, which SQLite would have created with its database.
  mkdirSync(dataDir, { recursive: true });
  const ready = migratePostgres(db, 'knowledge', POSTGRES_KNOWLEDGE_SCHEMA);
  ready.catch(() => undefined); // each method awaits it and reports its failure
  return {
    ready,
    passages: createPostgresPassageStore(db, ready, indexOwner(dataDir)),
    documents: createPostgresDocumentStore(db, ready),
  };
}
