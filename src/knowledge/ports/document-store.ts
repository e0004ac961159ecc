/**
 * The port for the document catalog: what the office knows of each stored document beyond
 * its passages — the department that sees it (scope), whether it is the version in force or
 * superseded, its family of versions — and the audit trail of changes made by hand.
 * Asynchronous, so PostgreSQL (issue 16) can hold it as well as SQLite; every implementation
 * passes test/support/contracts/document-store-contract.ts. A document's passages and its
 * description change in one transaction, so it is never visible to a department by mistake.
 */
import type { DocumentChange, DocumentInfo, DocumentStatus, Page, Paged } from '../types.ts';
import type { DocumentToStore, PassageToStore } from './passage-store.ts';

/** A row of the documents table (`kb_documents`), the same columns in every database that implements the port. */
export interface DocumentRow {
  doc: string;
  title: string;
  scope: string;
  status: DocumentStatus;
  status_by_hand: number;
  superseded_by: string | null;
  family: string | null;
  edition: number;
  ingested_at: string;
}

/** What a search needs to know of a passage's document. */
export interface DocumentStanding {
  readonly scope: string;
  readonly status: DocumentStatus;
  /** Title of the version in force that replaces it (superseded documents only). */
  readonly replacedBy?: string;
}

/** One line of the audit trail. */
export interface DocumentAuditEntry {
  readonly at: string;
  readonly action: string;
  readonly doc: string;
  /** JSON of what it was before (title, passages, scope; or the status from and to). */
  readonly detail: string;
  readonly by: string;
  readonly by_name: string | null;
  readonly channel: string;
}

/** Documents' scopes, versions and audit trail, whatever holds them. */
export interface DocumentStore {
  /**
   * Store a document's passages (replacing its old ones) and describe it, in one transaction;
   * the new passage ids. `scope` undefined keeps a stored document's department (a new one is
   * public); a status set by hand survives; the versions of its family are settled.
   */
  commit(record: DocumentToStore & { readonly scope?: string }, passages: readonly PassageToStore[], embedder: string): Promise<number[]>;
  /** Move an unchanged document to another department, audited when `change` says who; true when it moved. */
  moveToScope(doc: string, scope: string, change?: DocumentChange): Promise<boolean>;
  /** A document stored before identities under its bare file name, with this content, takes its `doc` path; true when adopted. */
  adoptLegacy(bareName: string, contentHash: string, doc: string): Promise<boolean>;
  /** Remove a document and its passages, audited when `change` says who; undefined when there is none. */
  remove(doc: string, change?: DocumentChange): Promise<{ doc: string; passages: number } | undefined>;
  /** Documents in `scopes` (every one when undefined), by doc path. */
  documents(scopes?: readonly string[]): Promise<DocumentInfo[]>;
  /** One page of the documents in `scopes` (every one when undefined), by doc path, and how many there are — one read, whatever the page's length. */
  documentPage(scopes: readonly string[] | undefined, page: Page): Promise<Paged<DocumentInfo>>;
  /** One document, if it is stored (and in `scopes`, when given). */
  document(doc: string, scopes?: readonly string[]): Promise<DocumentInfo | undefined>;
  /** Set a status by hand (it then stays so), audited; an unknown `doc` or `supersededBy` is a Chinese UserError. */
  setStatus(doc: string, status: DocumentStatus, supersededBy?: string, change?: DocumentChange): Promise<DocumentInfo>;
  /** Scope and status of each named document, and for a superseded one the title of what replaces it. */
  standings(docs: readonly string[]): Promise<Map<string, DocumentStanding>>;
  /** The audit trail, oldest first. */
  auditTrail(): Promise<DocumentAuditEntry[]>;
}
