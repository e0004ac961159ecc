/**
 * Documents, passages and their vectors in SQLite (lvzhi.db), synchronously: the tables under
 * the `PassageStore` port (passage-store.ts). Each document is replaced in one transaction, so
 * a killed ingest leaves every document either wholly old or wholly new. `generation` counts
 * committed changes; index files record the generation they reflect.
 */
import { type Db, migrate } from '../../storage/index.ts';
import { type DocumentRecord, type DocumentToStore, type PassageRow, type PassageText, type PassageToStore, type PassageVector, passageOf } from '../ports/passage-store.ts';
import type { Page, Paged, Passage } from '../types.ts';

/** Rows read per batch when passages or vectors are streamed: no statement stays open between batches. */
const BATCH = 2_000;
/** Sizes of id list whose passagesByIds statement is kept compiled. */
const MAX_ID_STATEMENTS = 16;
/** Longer id lists go as one JSON array (SQLite bounds the number of parameters). */
const MAX_ID_PARAMETERS = 200;
const PASSAGE_COLUMNS = `SELECT p.id, p.text, p.location, p.context, p.page, d.doc, d.title
           FROM kb_passages p JOIN kb_documents d ON d.id = p.document_id`;

type Statement = ReturnType<Db['prepare']>;

const SCHEMA = [
  `CREATE TABLE kb_documents (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     doc TEXT NOT NULL UNIQUE,
     title TEXT NOT NULL,
     format TEXT NOT NULL,
     content_hash TEXT NOT NULL,
     ingested_at TEXT NOT NULL);
   CREATE TABLE kb_passages (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     document_id INTEGER NOT NULL REFERENCES kb_documents(id) ON DELETE CASCADE,
     ordinal INTEGER NOT NULL,
     text TEXT NOT NULL,
     location TEXT NOT NULL,
     context TEXT NOT NULL,
     page INTEGER);
   CREATE INDEX kb_passages_document ON kb_passages(document_id);
   CREATE TABLE kb_vectors (
     passage_id INTEGER PRIMARY KEY REFERENCES kb_passages(id) ON DELETE CASCADE,
     embedder TEXT NOT NULL,
     vector BLOB NOT NULL);
   CREATE TABLE kb_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
];

/** SQLite access for the knowledge base's documents, passages and vectors. */
export class PassageTable {
  /**
   * The change marker as last read, with SQLite's data_version at that moment: data_version
   * moves when another connection commits, and this connection's own writes drop the cache,
   * so a question costs one pragma instead of a table read when nothing changed.
   */
  private cachedGeneration?: { dataVersion: number; value: number };
  private readonly statements: ReturnType<PassageTable['prepareStatements']>;
  /** passagesByIds' statements by number of ids. */
  private readonly byIdsStatements = new Map<number, Statement>();

  constructor(readonly db: Db) {
    migrate(db, 'knowledge', SCHEMA);
    this.statements = this.prepareStatements();
  }

  // Statements every question runs, compiled once.
  private prepareStatements() {
    return {
      dataVersion: this.db.prepare('PRAGMA data_version').pluck(),
      getMeta: this.db.prepare('SELECT value FROM kb_meta WHERE key = ?').pluck(),
      passagesByJson: this.db.prepare(`${PASSAGE_COLUMNS} WHERE p.id IN (SELECT value FROM json_each(?))`),
      // An ingest stores thousands of documents: its statements are compiled once too.
      deleteDocument: this.db.prepare('DELETE FROM kb_documents WHERE doc = ?'),
      insertDocument: this.db.prepare('INSERT INTO kb_documents (doc, title, format, content_hash, ingested_at) VALUES (?, ?, ?, ?, ?)'),
      insertPassage: this.db.prepare('INSERT INTO kb_passages (document_id, ordinal, text, location, context, page) VALUES (?, ?, ?, ?, ?, ?)'),
      insertVector: this.db.prepare('INSERT INTO kb_vectors (passage_id, embedder, vector) VALUES (?, ?, ?)'),
    };
  }

  /** The document stored under a `doc` path, if any. */
  findDocument(doc: string): DocumentRecord | undefined {
    const row = this.db
      .prepare('SELECT id, doc, title, format, content_hash AS contentHash FROM kb_documents WHERE doc = ?')
      .get(doc) as DocumentRecord | undefined;
    return row;
  }

  /** Replace (or add) a document and all its passages in one transaction; returns the new passage ids. */
  replaceDocument(
    record: DocumentToStore,
    passages: readonly PassageToStore[],
    embedder: string,
  ): number[] {
    const { deleteDocument, insertDocument, insertPassage, insertVector } = this.statements;
    return this.db.transaction(() => {
      deleteDocument.run(record.doc);
      const documentId = Number(insertDocument.run(record.doc, record.title, record.format, record.contentHash,
        new Date().toISOString()).lastInsertRowid);
      const ids = passages.map((p, ordinal) => {
        const id = Number(insertPassage.run(documentId, ordinal, p.text, p.location, p.context, p.page ?? null).lastInsertRowid);
        insertVector.run(id, embedder, Buffer.from(p.vector.buffer, p.vector.byteOffset, p.vector.byteLength));
        return id;
      });
      this.bumpGeneration();
      return ids;
    })();
  }

  /** Delete a document and its passages; true if it was there. */
  removeDocument(doc: string): boolean {
    return this.db.transaction(() => {
      const changes = this.db.prepare('DELETE FROM kb_documents WHERE doc = ?').run(doc).changes;
      if (changes) this.bumpGeneration();
      return changes > 0;
    })();
  }

  /** Number of stored passages. */
  passageCount(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM kb_passages').get() as { n: number }).n;
  }

  /** Counter of committed changes to documents and passages. */
  generation(): number {
    const dataVersion = this.statements.dataVersion.get() as number;
    if (this.cachedGeneration?.dataVersion === dataVersion && !this.db.inTransaction) return this.cachedGeneration.value;
    const value = Number(this.getMeta('generation') ?? 0);
    // Inside a transaction the value may yet be rolled back: read it, do not keep it.
    this.cachedGeneration = this.db.inTransaction ? undefined : { dataVersion, value };
    return value;
  }

  private bumpGeneration(): void {
    this.setMeta('generation', String(this.generation() + 1));
  }

  /** A value of the knowledge base's key-value metadata. */
  getMeta(key: string): string | undefined {
    return this.statements.getMeta.get(key) as string | undefined;
  }

  /** Set a metadata value. */
  setMeta(key: string, value: string): void {
    this.cachedGeneration = undefined;
    this.db.prepare('INSERT INTO kb_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }

  /** Set several metadata values in one transaction. */
  setMetaValues(values: Readonly<Record<string, string>>): void {
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(values)) this.setMeta(key, value);
    })();
  }

  /**
   * Passages by id, in the order asked (missing ids left out). One statement per number of ids
   * (a search asks for 30 or 50), compiled once: ids bound as parameters cost ~20% less CPU than
   * a JSON array unpacked by json_each (paired, 300 lists of 30 random ids: 0.57 → 0.45 ms at
   * 100,000 passages, 0.55 → 0.44 ms at 300,000; 2026-12-02).
   */
  passagesByIds(ids: readonly number[]): Passage[] {
    if (!ids.length) return [];
    const rows = (ids.length > MAX_ID_PARAMETERS
      ? this.statements.passagesByJson.all(JSON.stringify(ids))
      : this.passagesByIdsStatement(ids.length).all(ids)) as PassageRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [passageOf(row)] : [];
    });
  }

  private passagesByIdsStatement(count: number): Statement {
    let statement = this.byIdsStatements.get(count);
    if (!statement) {
      statement = this.db.prepare(`${PASSAGE_COLUMNS} WHERE p.id IN (${'?,'.repeat(count - 1)}?)`);
      // Bounded: a few sizes recur; an odd one (a whole document's ids) is compiled and let go.
      if (this.byIdsStatements.size < MAX_ID_STATEMENTS) this.byIdsStatements.set(count, statement);
    }
    return statement;
  }

  /** One page of a document's passages in the document's order, and how many it has. */
  documentPassages(doc: string, page: Page): Paged<Passage> {
    const total = this.db.prepare(
      'SELECT COUNT(*) FROM kb_passages p JOIN kb_documents d ON d.id = p.document_id WHERE d.doc = ?').pluck().get(doc) as number;
    const rows = this.db.prepare(
      `SELECT p.id, p.text, p.location, p.context, p.page, d.doc, d.title
         FROM kb_passages p JOIN kb_documents d ON d.id = p.document_id
        WHERE d.doc = ? ORDER BY p.ordinal LIMIT ? OFFSET ?`).all(doc, page.limit, page.offset) as PassageRow[];
    return { total, items: rows.map(passageOf) };
  }

  /** Ids of one document's passages, ascending. */
  documentPassageIds(doc: string): Int32Array {
    const rows = this.db.prepare(
      'SELECT p.id FROM kb_passages p JOIN kb_documents d ON d.id = p.document_id WHERE d.doc = ? ORDER BY p.id').raw().all(doc) as Array<[number]>;
    return Int32Array.from(rows, (row) => row[0]);
  }

  /** Up to BATCH passages' id, text and context after `afterId`, in id order (for building the lexical index). */
  passageTextsAfter(afterId: number): PassageText[] {
    return this.db.prepare('SELECT id, text, context FROM kb_passages WHERE id > ? ORDER BY id LIMIT ?').all(afterId, BATCH) as PassageText[];
  }

  /**
   * Up to BATCH vectors of one embedder after passage `afterId`, in passage id order. The
   * batch's floats share one array (each vector a view of it): a copy per row was one more
   * small native allocation per vector (in one bench run a scan of 100,000 vectors left the main
   * thread's malloc heap 45 MB larger for good: freed, but not given back to the system).
   */
  vectorsAfter(embedder: string, afterId: number): PassageVector[] {
    const rows = this.db.prepare(
      'SELECT passage_id AS id, vector FROM kb_vectors WHERE embedder = ? AND passage_id > ? ORDER BY passage_id LIMIT ?')
      .raw().all(embedder, afterId, BATCH) as Array<[number, Buffer]>;
    const all = new Float32Array(rows.reduce((sum, row) => sum + (row[1].byteLength >>> 2), 0));
    const bytes = new Uint8Array(all.buffer);
    let at = 0;
    return rows.map(([id, blob]) => {
      const length = blob.byteLength >>> 2;
      bytes.set(blob.subarray(0, length * 4), at * 4);
      at += length;
      return { id, vector: all.subarray(at - length, at) };
    });
  }

  /** Ids of every stored passage, ascending. */
  passageIds(): Int32Array {
    const rows = this.db.prepare('SELECT id FROM kb_passages ORDER BY id').raw().all() as Array<[number]>;
    return Int32Array.from(rows, (row) => row[0]);
  }

  /** Ids of the passages holding a vector of this embedder, ascending. */
  vectorIds(embedder: string): Int32Array {
    const rows = this.db.prepare('SELECT passage_id AS id FROM kb_vectors WHERE embedder = ? ORDER BY passage_id')
      .raw().all(embedder) as Array<[number]>;
    return Int32Array.from(rows, (row) => row[0]);
  }

  /** The vector of one passage under one embedder. */
  vectorOf(passageId: number, embedder: string): Float32Array | undefined {
    const row = this.db.prepare('SELECT vector FROM kb_vectors WHERE passage_id = ? AND embedder = ?').get(passageId, embedder) as
      { vector: Buffer } | undefined;
    return row && floats(row.vector);
  }

  /** Passages whose vector is missing, from another embedder (after a switch) or not `dimensions` long (when given). */
  passagesWithoutVector(embedder: string, limit: number, dimensions = 0): PassageText[] {
    return this.db.prepare(
      `SELECT p.id, p.text, p.context FROM kb_passages p LEFT JOIN kb_vectors v ON v.passage_id = p.id
        WHERE v.embedder IS NULL OR v.embedder <> ? OR (? > 0 AND length(v.vector) <> ? * 4) ORDER BY p.id LIMIT ?`)
      .all(embedder, dimensions, dimensions, limit) as PassageText[];
  }

  /** Store vectors for existing passages (one transaction). */
  putVectors(embedder: string, items: readonly PassageVector[]): void {
    const upsert = this.db.prepare(
      `INSERT INTO kb_vectors (passage_id, embedder, vector) VALUES (?, ?, ?)
       ON CONFLICT(passage_id) DO UPDATE SET embedder = excluded.embedder, vector = excluded.vector`);
    this.db.transaction(() => {
      for (const { id, vector } of items) upsert.run(id, embedder, Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength));
    })();
  }

  /** Titles of every stored document (for the document cue of the ranking). */
  documentTitles(): string[] {
    return (this.db.prepare('SELECT title FROM kb_documents ORDER BY id').all() as Array<{ title: string }>).map((r) => r.title);
  }

  /** Length of the vectors stored for this embedder; 0 when it has none. */
  vectorDimensions(embedder: string): number {
    const row = this.db.prepare('SELECT length(vector) AS bytes FROM kb_vectors WHERE embedder = ? LIMIT 1').get(embedder) as
      { bytes: number } | undefined;
    return row ? row.bytes / 4 : 0;
  }

  /** Number of passages with a vector of this embedder. */
  vectorCount(embedder: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM kb_vectors WHERE embedder = ?').get(embedder) as { n: number }).n;
  }
}

/** A stored vector blob as floats (copied: the blob's buffer may be shared and unaligned). */
function floats(blob: Buffer): Float32Array {
  const copy = new Float32Array(blob.byteLength / 4);
  new Uint8Array(copy.buffer).set(blob);
  return copy;
}
