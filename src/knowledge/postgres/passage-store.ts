/**
 * The passage store in PostgreSQL, shared by every process on the database: documents,
 * passages and their vectors (bytea), each document replaced in one transaction with the
 * change marker, so an index in any process sees a change at its next sync. The records of
 * which index files reflect which marker are kept per owner (one data folder on one host):
 * every process keeps its own index files beside it and never takes another's for its own.
 */
import type { PostgresDatabase } from '../../storage/index.ts';
import { type DocumentRecord, type PassageRow, type PassageStore, type PassageText, type PassageVector, passageOf } from '../ports/passage-store.ts';
import type { Passage } from '../types.ts';
import type { KnowledgeSchema } from './schema.ts';
import { floats, onClient, onPool, putVectorsIn, removeDocumentIn, replaceDocumentIn } from './rows.ts';

/** Rows read per batch when passages or vectors are streamed. */
const BATCH = 2_000;

/** A `PassageStore` over a database whose knowledge schema is migrated once `ready` settles. */
export function createPostgresPassageStore(db: PostgresDatabase, ready: Promise<KnowledgeSchema>, owner: string): PassageStore {
  const pool = onPool(db);
  const run: typeof pool = async (sql, params) => {
    await ready;
    return pool(sql, params);
  };
  const ids = async (sql: string, params: unknown[] = []) => Int32Array.from(await run<{ id: number }>(sql, params), (row) => row.id);
  const count = async (sql: string, params: unknown[] = []) => Number((await run<{ n: string }>(sql, params))[0].n);

  return {
    async findDocument(doc) {
      const [row] = await run<DocumentRecord>(
        'SELECT id, doc, title, format, content_hash AS "contentHash" FROM kb_documents WHERE doc = $1', [doc]);
      return row;
    },
    async replaceDocument(record, passages, embedder) {
      const { pgvector } = await ready;
      return db.transaction((client) => replaceDocumentIn(onClient(client), record, passages, embedder, pgvector));
    },
    async removeDocument(doc) {
      await ready;
      return db.transaction((client) => removeDocumentIn(onClient(client), doc));
    },
    async passagesByIds(wanted) {
      if (!wanted.length) return [];
      const rows = await run<PassageRow>(
        `SELECT p.id, p.text, p.location, p.context, p.page, d.doc, d.title
           FROM kb_passages p JOIN kb_documents d ON d.id = p.document_id WHERE p.id = ANY($1::int[])`, [[...wanted]]);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return wanted.flatMap((id) => {
        const row = byId.get(id);
        return row ? [passageOf(row)] : [];
      });
    },
    async documentPassages(doc, page) {
      // The count rides along on every row (a window over the document's passages): one read per page.
      const rows = await run<PassageRow & { total: string }>(
        `SELECT p.id, p.text, p.location, p.context, p.page, d.doc, d.title, COUNT(*) OVER () AS total
           FROM kb_passages p JOIN kb_documents d ON d.id = p.document_id
          WHERE d.doc = $1 ORDER BY p.ordinal LIMIT $2 OFFSET $3`, [doc, page.limit, page.offset]);
      const total = rows.length ? Number(rows[0].total)
        : await count('SELECT COUNT(*) AS n FROM kb_passages p JOIN kb_documents d ON d.id = p.document_id WHERE d.doc = $1', [doc]);
      return { total, items: rows.map(({ total: _total, ...row }) => passageOf(row)) };
    },
    documentPassageIds: (doc) => ids('SELECT p.id FROM kb_passages p JOIN kb_documents d ON d.id = p.document_id WHERE d.doc = $1 ORDER BY p.id', [doc]),
    async *passageTexts() {
      const next = (after: number) => run<PassageText>('SELECT id, text, context FROM kb_passages WHERE id > $1 ORDER BY id LIMIT $2', [after, BATCH]);
      for (let batch = await next(0); batch.length; batch = await next(batch[batch.length - 1].id)) yield batch;
    },
    passageIds: () => ids('SELECT id FROM kb_passages ORDER BY id'),
    passageCount: () => count('SELECT COUNT(*) AS n FROM kb_passages'),
    async documentTitles() {
      return (await run<{ title: string }>('SELECT title FROM kb_documents ORDER BY id')).map((row) => row.title);
    },
    async generation() {
      return Number((await run<{ value: string }>('SELECT value FROM kb_generation'))[0].value);
    },
    async *vectors(embedder) {
      const next = async (after: number): Promise<PassageVector[]> => (await run<{ id: number; vector: Buffer }>(
        'SELECT passage_id AS id, vector FROM kb_vectors WHERE embedder = $1 AND passage_id > $2 ORDER BY passage_id LIMIT $3', [embedder, after, BATCH]))
        .map((row) => ({ id: row.id, vector: floats(row.vector) }));
      for (let batch = await next(0); batch.length; batch = await next(batch[batch.length - 1].id)) yield batch;
    },
    vectorIds: (embedder) => ids('SELECT passage_id AS id FROM kb_vectors WHERE embedder = $1 ORDER BY passage_id', [embedder]),
    async vectorOf(passageId, embedder) {
      const [row] = await run<{ vector: Buffer }>('SELECT vector FROM kb_vectors WHERE passage_id = $1 AND embedder = $2', [passageId, embedder]);
      return row && floats(row.vector);
    },
    passagesWithoutVector: (embedder, limit, dimensions = 0) => run<PassageText>(
      `SELECT p.id, p.text, p.context FROM kb_passages p LEFT JOIN kb_vectors v ON v.passage_id = p.id
        WHERE v.embedder IS NULL OR v.embedder <> $1 OR ($3 > 0 AND octet_length(v.vector) <> $3 * 4) ORDER BY p.id LIMIT $2`,
      [embedder, limit, dimensions]),
    async putVectors(embedder, items) {
      const { pgvector } = await ready;
      await db.transaction((client) => putVectorsIn(onClient(client), embedder, items, pgvector));
    },
    async vectorDimensions(embedder) {
      const [row] = await run<{ bytes: number }>('SELECT octet_length(vector) AS bytes FROM kb_vectors WHERE embedder = $1 LIMIT 1', [embedder]);
      return row ? row.bytes / 4 : 0;
    },
    vectorCount: (embedder) => count('SELECT COUNT(*) AS n FROM kb_vectors WHERE embedder = $1', [embedder]),
    async getMeta(key) {
      const [row] = await run<{ value: string }>('SELECT value FROM kb_index_records WHERE owner = $1 AND key = $2', [owner, key]);
      return row?.value;
    },
    async setMeta(values) {
      const entries = Object.entries(values);
      if (!entries.length) return;
      await run(
        `INSERT INTO kb_index_records (owner, key, value) SELECT $1, t.key, t.value FROM unnest($2::text[], $3::text[]) AS t(key, value)
         ON CONFLICT (owner, key) DO UPDATE SET value = excluded.value, seen_at = now()`,
        [owner, entries.map(([key]) => key), entries.map(([, value]) => value)]);
    },
  };
}
