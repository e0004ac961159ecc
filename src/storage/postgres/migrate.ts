/**
 * Schema steps in PostgreSQL, append-only like the SQLite ones: each applied once, in order,
 * in its own transaction. The steps run under a session advisory lock, so two processes
 * starting together migrate once (the second waits, then finds nothing left to do).
 */
import type { PostgresDatabase } from './database.ts';

/** The advisory lock key every Lüzhi process takes to migrate ("lvzh" in ASCII). */
export const MIGRATION_LOCK = 0x6c767a68;

/** Apply a module's missing steps, holding the migration lock meanwhile. */
export async function migratePostgres(db: PostgresDatabase, module: string, steps: readonly string[]): Promise<void> {
  await db.withClient(async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        module TEXT NOT NULL, version INTEGER NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (module, version))`);
      const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations WHERE module = $1', [module]);
      for (let version = (rows[0]?.v ?? 0) + 1; version <= steps.length; version++) {
        await client.query('BEGIN');
        try {
          await client.query(steps[version - 1]);
          await client.query('INSERT INTO schema_migrations VALUES ($1, $2, $3)', [module, version, new Date().toISOString()]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    }
  });
}
