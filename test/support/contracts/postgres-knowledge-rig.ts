/**
 * The knowledge contracts' rig on PostgreSQL (PGlite or a real server): the stores of an emptied
 * database, each handle its own pool, index files in a fresh data folder. The first rig on a
 * `TestPostgres` starts from a database without a schema (the stores migrate it); the others
 * from the migrated tables emptied, which on PGlite costs a tenth of dropping and migrating again.
 */
import { join } from 'node:path';
import { expect } from 'vitest';
import { postgresKnowledgeStores } from '../../../src/knowledge/index.ts';
import { openPostgres, type PostgresDatabase } from '../../../src/storage/index.ts';
import type { TestPostgres } from '../postgres.ts';
import { tempFolder } from '../temp-folders.ts';
import type { KnowledgeStoresRig, OpenKnowledgeStoresRig } from './knowledge-rig.ts';

/**
 * What the knowledge migration left besides empty tables, put back after `TestPostgres.empty`:
 * the change marker's one row, and no pgvector HNSW index (each is made at a search's first
 * sync, one per embedder and length; a test asserting which exist must find only its own).
 */
export const KNOWLEDGE_AS_MIGRATED = `INSERT INTO kb_generation (value) VALUES (0);
  DO $$
  DECLARE name text;
  BEGIN
    FOR name IN SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname LIKE 'kb_vectors_hnsw_%' LOOP
      EXECUTE format('DROP INDEX %I', name);
    END LOOP;
  END $$;`;

/** How the stores of a rig are checked as they open. */
export interface PostgresKnowledgeRigOptions {
  /** The database must (true) or must not (false) have the pgvector copy of vectors; unchecked when absent. */
  readonly pgvector?: boolean;
}

const quiet = () => undefined;

/** Opens the knowledge stores on `postgres`, emptied, for each contract test. */
export function postgresKnowledgeRig(postgres: TestPostgres, options: PostgresKnowledgeRigOptions = {}): OpenKnowledgeStoresRig {
  return async (): Promise<KnowledgeStoresRig> => {
    await postgres.empty(KNOWLEDGE_AS_MIGRATED);
    const dataDir = join(tempFolder('lvzhi-kb-pg-'), 'data');
    const pools: PostgresDatabase[] = [];
    const open = async () => {
      pools.push(openPostgres(postgres.url(), { max: 2 }));
      const stores = postgresKnowledgeStores(pools[pools.length - 1], dataDir, { log: quiet });
      const schema = await stores.schema;
      if (options.pgvector !== undefined) expect(schema.pgvector).toBe(options.pgvector);
      return stores;
    };
    return {
      stores: await open(),
      dataDir,
      reopen: open,
      async close() {
        await Promise.all(pools.map((db) => db.close()));
      },
    };
  };
}
