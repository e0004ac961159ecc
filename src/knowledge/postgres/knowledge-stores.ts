/**
 * The knowledge base's stores over PostgreSQL (LVZHI_DATABASE_URL): passages and documents
 * shared by every process on the database, their schema migrated once under the migration
 * lock. Vectors are searched by pgvector in the database when the server has the extension
 * (chosen at start, said once in the log); otherwise each process keeps an HNSW index file in
 * its own data folder, its records kept under an owner naming that folder on this host, so
 * processes never rebuild each other's files.
 */
import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { componentLog } from '../../runtime/index.ts';
import { describeServer, isConnectionLost, migratePostgres, type PostgresDatabase } from '../../storage/index.ts';
import type { KnowledgeStores } from '../knowledge-base.ts';
import { knowledgeMessages as m } from '../messages.ts';
import { createPostgresDocumentStore } from './document-store.ts';
import { createPostgresPassageStore } from './passage-store.ts';
import { PgvectorSearch } from './pgvector-search.ts';
import { type KnowledgeSchema, POSTGRES_KNOWLEDGE_SCHEMA, POSTGRES_PGVECTOR_SCHEMA, RECORDS_KEPT_DAYS } from './schema.ts';

/** Who keeps index files: this host's data folder. */
export function indexOwner(dataDir: string): string {
  return `${hostname()}:${resolve(dataDir)}`;
}

/** What else the PostgreSQL knowledge stores may be told. */
export interface PostgresKnowledgeOptions {
  /** The server as the start-up line names it (host:port/database, never a password). */
  readonly url?: string;
  /** Where the start-up line on the vector search goes (the process log by default). */
  readonly log?: (line: string) => void;
  /** Fewest vectors that get pgvector's HNSW index (below it an exact scan); tests lower it. */
  readonly pgvectorIndexFrom?: number;
}

/** SQLSTATE 42501: the role may not create the extension (pgvector is installed but not enabled here). */
const INSUFFICIENT_PRIVILEGE = '42501';

/**
 * Migrate the knowledge tables, mark this owner's index records seen and drop those of folders
 * not seen for a month (a host retired, a folder moved: nothing will ever read them), then
 * enable pgvector where the server offers it.
 */
async function migrateKnowledge(db: PostgresDatabase, owner: string): Promise<KnowledgeSchema> {
  await migratePostgres(db, 'knowledge', POSTGRES_KNOWLEDGE_SCHEMA);
  await db.query('UPDATE kb_index_records SET seen_at = now() WHERE owner = $1', [owner]);
  await db.query(`DELETE FROM kb_index_records WHERE seen_at < now() - make_interval(days => $1)`, [RECORDS_KEPT_DAYS]);
  const { rows } = await db.query("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'");
  if (!rows.length) return { pgvector: false, without: m.pgvectorNotInstalled };
  try {
    await migratePostgres(db, 'knowledge-pgvector', POSTGRES_PGVECTOR_SCHEMA);
    return { pgvector: true };
  } catch (error) {
    if (isConnectionLost(error) || (error as { code?: unknown }).code !== INSUFFICIENT_PRIVILEGE) throw error;
    return { pgvector: false, without: m.pgvectorNoPrivilege };
  }
}

/** The passage and document stores on a shared pool; `ready` settles once the schema is migrated. Closing them leaves the pool to its owner. */
export function postgresKnowledgeStores(
  db: PostgresDatabase, dataDir: string, options: PostgresKnowledgeOptions = {},
): KnowledgeStores & { readonly ready: Promise<void>; readonly schema: Promise<KnowledgeSchema> } {
  // The index files go in the data folder, which SQLite would have created with its database.
  mkdirSync(dataDir, { recursive: true });
  const owner = indexOwner(dataDir);
  const schema = migrateKnowledge(db, owner);
  schema.catch(() => undefined); // each method awaits it and reports its failure
  const passages = createPostgresPassageStore(db, schema, owner);
  let told = false;
  return {
    ready: schema.then(() => undefined),
    schema,
    passages,
    documents: createPostgresDocumentStore(db, schema),
    async vectorSearch(embedder, warn) {
      const { pgvector, without } = await schema;
      if (!told) {
        told = true;
        (options.log ?? componentLog('knowledge', 'info'))(pgvector
          ? m.vectorSearchInDatabase(options.url ? describeServer(options.url) : 'PostgreSQL')
          : m.vectorSearchInProcess(without ?? ''));
      }
      return pgvector ? new PgvectorSearch(db, passages, embedder, warn, options.pgvectorIndexFrom) : undefined;
    },
  };
}
