/**
 * The port for the knowledge base's passages: each document's passages and their vectors,
 * stored and replaced whole, read by id for answers and streamed in batches to build the
 * search indexes. Asynchronous, so a database server (PostgreSQL, issue 16) can hold them as
 * well as SQLite; every implementation passes the shared contract suite in
 * test/support/contracts/passage-store-contract.ts. The store is the source of truth: the
 * keyword and vector indexes are caches of it, kept fresh by its change marker (`generation`).
 */
import type { DocumentFormat, Page, Paged, Passage, PassageDraft } from '../types.ts';

/** A document's own record as the passage store keeps it. */
export interface DocumentRecord {
  readonly id: number;
  readonly doc: string;
  readonly title: string;
  readonly format: DocumentFormat;
  readonly contentHash: string;
}

/** What identifies a document being stored: its `doc` path, title, format and content hash. */
export type DocumentToStore = Omit<DocumentRecord, 'id'>;

/** A passage ready to store, with its vector from the current embedder. */
export interface PassageToStore extends PassageDraft {
  readonly vector: Float32Array;
}

/** A passage as the keyword index reads it. */
export interface PassageText {
  readonly id: number;
  readonly text: string;
  readonly context: string;
}

/** One passage's vector. */
export interface PassageVector {
  readonly id: number;
  readonly vector: Float32Array;
}

/** A passage as a database returns it: SQL's null page where a passage has none. */
export type PassageRow = Omit<Passage, 'page'> & { page: number | null };

/** A passage row as the port gives it (no `page` key where it has none), the same from every database. */
export function passageOf({ page, ...rest }: PassageRow): Passage {
  return page === null ? rest : { ...rest, page };
}

/** Documents' passages and vectors, whatever holds them. */
export interface PassageStore {
  /** The document stored under a `doc` path, if any. */
  findDocument(doc: string): Promise<DocumentRecord | undefined>;
  /** Replace (or add) a document with all its passages and vectors in one transaction; the new passage ids. */
  replaceDocument(record: DocumentToStore, passages: readonly PassageToStore[], embedder: string): Promise<number[]>;
  /** Delete a document with its passages and vectors; true if it was there. */
  removeDocument(doc: string): Promise<boolean>;
  /** Passages by id, in the order asked; ids no longer stored are left out. */
  passagesByIds(ids: readonly number[]): Promise<Passage[]>;
  /** One page of a document's passages in the document's own order, and how many it has (0 and none for an unknown `doc`). */
  documentPassages(doc: string, page: Page): Promise<Paged<Passage>>;
  /** Ids of one document's passages, ascending (empty for an unknown `doc`). */
  documentPassageIds(doc: string): Promise<Int32Array>;
  /** Every passage's id, text and context in ascending id order, in batches (to build the keyword index). */
  passageTexts(): AsyncIterable<readonly PassageText[]>;
  /** Ids of every stored passage, ascending. */
  passageIds(): Promise<Int32Array>;
  /** Number of stored passages. */
  passageCount(): Promise<number>;
  /** Titles of every stored document, in the order they were stored. */
  documentTitles(): Promise<string[]>;
  /** The change marker: it moves with every committed change to documents or passages, so an index built at another value is stale. */
  generation(): Promise<number>;
  /** Every vector of one embedder in ascending passage id order, in batches (to build the vector index). */
  vectors(embedder: string): AsyncIterable<readonly PassageVector[]>;
  /** Ids of the passages holding a vector of this embedder, ascending. */
  vectorIds(embedder: string): Promise<Int32Array>;
  /** The vector of one passage under one embedder, if it has one. */
  vectorOf(passageId: number, embedder: string): Promise<Float32Array | undefined>;
  /**
   * Up to `limit` passages whose vector is missing, from another embedder (after an embedder
   * switch) or, when `dimensions` is given, of another length (the model behind a name changed).
   */
  passagesWithoutVector(embedder: string, limit: number, dimensions?: number): Promise<PassageText[]>;
  /** Store vectors for existing passages, in one transaction. */
  putVectors(embedder: string, items: readonly PassageVector[]): Promise<void>;
  /** Length of the vectors stored for this embedder; 0 when it has none. */
  vectorDimensions(embedder: string): Promise<number>;
  /** Number of passages with a vector of this embedder. */
  vectorCount(embedder: string): Promise<number>;
  /** One value of the store's metadata (which index files reflect which marker and embedder). */
  getMeta(key: string): Promise<string | undefined>;
  /** Set several metadata values together, in one transaction. */
  setMeta(values: Readonly<Record<string, string>>): Promise<void>;
}
