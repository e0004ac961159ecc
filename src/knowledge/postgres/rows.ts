/**
 * Statements on the knowledge tables in PostgreSQL, over whatever runs them: the pool for a
 * single read, or one client inside a transaction (so the document store can replace a
 * document's passages and describe it in the same transaction, as on SQLite).
 */
import type { PgClient, PostgresDatabase } from '../../storage/index.ts';
import type { DocumentToStore, PassageToStore, PassageVector } from '../ports/passage-store.ts';

/** Runs one statement and gives its rows. */
export type Run = <R>(sql: string, params?: unknown[]) => Promise<R[]>;

/** A runner on a transaction's client. */
export function onClient(client: PgClient): Run {
  return async <R>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as R[];
}

/** A runner on the pool (each statement on any connection). */
export function onPool(db: PostgresDatabase): Run {
  return async <R>(sql: string, params?: unknown[]) => (await db.query(sql, params)).rows as R[];
}

/** A vector as the bytes SQLite keeps too (little-endian float32). */
export function vectorBytes(vector: Float32Array): Buffer {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
}

/** Stored bytes as floats (copied: the buffer may be shared and unaligned). */
export function floats(bytes: Buffer): Float32Array {
  const copy = new Float32Array(bytes.byteLength / 4);
  new Uint8Array(copy.buffer).set(bytes);
  return copy;
}

/**
 * Take the change marker's row lock, first thing in every writing transaction: writers then
 * queue, and each statement after the lock sees what the writer before committed (two
 * processes storing the same document at once replace it in turn instead of colliding on it).
 * Readers never wait for it.
 */
export async function lockWriters(run: Run): Promise<void> {
  await run('SELECT value FROM kb_generation FOR UPDATE');
}

/** Move the change marker (inside the writing transaction: it commits with the change, or not at all). */
export async function bumpGeneration(run: Run): Promise<void> {
  await run('UPDATE kb_generation SET value = value + 1');
}

/** Replace (or add) a document with its passages and vectors; the new passage ids, in the passages' order. Run inside a transaction. */
export async function replaceDocumentIn(
  run: Run, record: DocumentToStore, passages: readonly PassageToStore[], embedder: string, pgvector: boolean,
): Promise<number[]> {
  await lockWriters(run);
  await run('DELETE FROM kb_documents WHERE doc = $1', [record.doc]);
  const [{ id: documentId }] = await run<{ id: number }>(
    'INSERT INTO kb_documents (doc, title, format, content_hash, ingested_at) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [record.doc, record.title, record.format, record.contentHash, new Date().toISOString()]);
  let ids: number[] = [];
  if (passages.length) {
    // One statement for all passages: a long law is thousands of them, and each round trip counts.
    const rows = await run<{ id: number; ordinal: number }>(
      `INSERT INTO kb_passages (document_id, ordinal, text, location, context, page)
       SELECT $1, t.ordinal, t.text, t.location, t.context, t.page
         FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::int[]) AS t(ordinal, text, location, context, page)
        ORDER BY t.ordinal
       RETURNING id, ordinal`,
      [documentId, passages.map((_, i) => i), passages.map((p) => p.text), passages.map((p) => p.location),
        passages.map((p) => p.context), passages.map((p) => p.page ?? null)]);
    ids = rows.sort((a, b) => a.ordinal - b.ordinal).map((row) => row.id);
    await putVectorsIn(run, embedder, ids.map((id, i) => ({ id, vector: passages[i].vector })), pgvector);
  }
  await bumpGeneration(run);
  return ids;
}

/** Delete a document (its passages and vectors go with it); true if it was there. Run inside a transaction. */
export async function removeDocumentIn(run: Run, doc: string): Promise<boolean> {
  await lockWriters(run);
  const removed = await run('DELETE FROM kb_documents WHERE doc = $1 RETURNING id', [doc]);
  if (removed.length) await bumpGeneration(run);
  return removed.length > 0;
}

/** A vector as pgvector's text form, `[0.1,-0.2,…]`. */
export function vectorLiteral(vector: Float32Array): string {
  return `[${vector.join(',')}]`;
}

/**
 * Store vectors for existing passages (one vector per passage: a new embedder's replaces the
 * old); with `pgvector`, their pgvector copy in the same statement.
 */
export async function putVectorsIn(run: Run, embedder: string, items: readonly PassageVector[], pgvector: boolean): Promise<void> {
  if (!items.length) return;
  if (pgvector) {
    await run(
      `INSERT INTO kb_vectors (passage_id, embedder, vector, embedding)
       SELECT t.id, $1, t.vector, t.embedding::vector FROM unnest($2::int[], $3::bytea[], $4::text[]) AS t(id, vector, embedding)
       ON CONFLICT (passage_id) DO UPDATE SET embedder = excluded.embedder, vector = excluded.vector, embedding = excluded.embedding`,
      [embedder, items.map((item) => item.id), items.map((item) => vectorBytes(item.vector)), items.map((item) => vectorLiteral(item.vector))]);
    return;
  }
  await run(
    `INSERT INTO kb_vectors (passage_id, embedder, vector) SELECT t.id, $1, t.vector FROM unnest($2::int[], $3::bytea[]) AS t(id, vector)
     ON CONFLICT (passage_id) DO UPDATE SET embedder = excluded.embedder, vector = excluded.vector`,
    [embedder, items.map((item) => item.id), items.map((item) => vectorBytes(item.vector))]);
}
