/**
 * What the office knows about each stored document beyond its passages, in SQLite: the
 * department that sees it (scope), whether it is the version in force, and which family of
 * versions it belongs to — synchronously, under the `DocumentStore` port (document-store.ts).
 * Kept in kb_documents by its own append-only migration list, so the passage table stays as
 * it is; every change runs in the same transaction as the passages it describes, so a
 * document is never visible to a department for even a moment by mistake.
 */
import { UserError } from '../../errors.ts';
import { type Db, migrate } from '../../storage/index.ts';
import { editionOf } from '../catalog/editions.ts';
import { catalogMessages } from '../catalog/messages.ts';
import type { DocumentAuditEntry, DocumentRow as Row, DocumentStanding } from '../ports/document-store.ts';
import { type DocumentChange, type DocumentInfo, type DocumentStatus, type Page, type Paged, PUBLIC_SCOPE } from '../types.ts';
import type { PassageTable } from './passage-table.ts';

const SCHEMA = [
  // Rows stored before documents had identities keep their key (the bare file name) and are
  // marked, so re-ingesting the same file under its new path adopts them instead of doubling.
  `ALTER TABLE kb_documents ADD COLUMN scope TEXT NOT NULL DEFAULT '${PUBLIC_SCOPE}';
   ALTER TABLE kb_documents ADD COLUMN status TEXT NOT NULL DEFAULT 'in_force';
   ALTER TABLE kb_documents ADD COLUMN status_by_hand INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE kb_documents ADD COLUMN superseded_by TEXT;
   ALTER TABLE kb_documents ADD COLUMN family TEXT;
   ALTER TABLE kb_documents ADD COLUMN edition INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE kb_documents ADD COLUMN legacy_key INTEGER NOT NULL DEFAULT 0;
   UPDATE kb_documents SET legacy_key = 1;
   CREATE INDEX kb_documents_family ON kb_documents(scope, family);
   CREATE TABLE kb_audit (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     action TEXT NOT NULL,
     doc TEXT NOT NULL,
     detail TEXT NOT NULL,
     by TEXT NOT NULL,
     by_name TEXT,
     channel TEXT NOT NULL);`,
];


const COLUMNS = `d.doc, d.title, (SELECT COUNT(*) FROM kb_passages p WHERE p.document_id = d.id) AS passages,
                     d.ingested_at AS added_at, d.scope, d.status`;
const LIST = `SELECT ${COLUMNS} FROM kb_documents d`;
type StandingRow = { doc: string; scope: string; status: DocumentStatus; replacedBy: string | null };

const LIST_COUNTED = `SELECT ${COLUMNS}, COUNT(*) OVER () AS total FROM kb_documents d`;

/** Scopes, statuses and version families of the stored documents. */
export class DocumentCatalog {
  private readonly db: Db;
  private readonly statements: ReturnType<DocumentCatalog['prepareStatements']>;
  private readonly cachedStandings = new Map<string, DocumentStanding | undefined>();
  private standingsStamp = '';

  constructor(private readonly store: PassageTable) {
    this.db = store.db;
    migrate(this.db, 'knowledge-catalog', SCHEMA);
    this.backfillFamilies();
    this.statements = this.prepareStatements();
  }

  // Statements every question runs, compiled once.
  private prepareStatements() {
    return {
      dataVersion: this.db.prepare('PRAGMA data_version').pluck(),
      totalChanges: this.db.prepare('SELECT total_changes()').pluck(),
      standings: this.db.prepare(
        `SELECT d.doc, d.scope, d.status,
                COALESCE((SELECT n.title FROM kb_documents n WHERE n.doc = d.superseded_by),
                         (SELECT n.title FROM kb_documents n WHERE n.scope = d.scope AND n.family = d.family AND n.status = 'in_force'
                           ORDER BY n.edition DESC, n.ingested_at DESC LIMIT 1)) AS replacedBy
           FROM kb_documents d WHERE d.doc IN (SELECT value FROM json_each(?))`),
    };
  }

  /** Documents stored before families existed get theirs (once), and their families are settled. */
  private backfillFamilies(): void {
    const rows = this.db.prepare('SELECT doc, title FROM kb_documents WHERE family IS NULL').all() as Array<{ doc: string; title: string }>;
    if (!rows.length) return;
    const set = this.db.prepare('UPDATE kb_documents SET family = ?, edition = ? WHERE doc = ?');
    this.db.transaction(() => {
      for (const { doc, title } of rows) {
        const { family, year } = editionOf(title);
        set.run(family, year, doc);
      }
      for (const row of this.db.prepare('SELECT DISTINCT scope, family FROM kb_documents').all() as Array<{ scope: string; family: string }>) {
        this.settleFamily(row.scope, row.family);
      }
    })();
  }

  private row(doc: string): Row | undefined {
    return this.db.prepare('SELECT * FROM kb_documents WHERE doc = ?').get(doc) as Row | undefined;
  }

  /**
   * Store a document's passages (`write`, the passage store's replace) and describe it, in one
   * transaction. `scope` undefined keeps an existing document's department (a new one is
   * public); a status set by hand survives the update.
   */
  commit(record: { doc: string; title: string; scope?: string }, write: () => number[]): number[] {
    return this.db.transaction(() => {
      const before = this.row(record.doc);
      const ids = write();
      const { family, year } = editionOf(record.title);
      const scope = record.scope ?? before?.scope ?? PUBLIC_SCOPE;
      const byHand = before?.status_by_hand ? before : undefined;
      this.db.prepare(`UPDATE kb_documents SET scope = ?, family = ?, edition = ?, status = ?, status_by_hand = ?, superseded_by = ?
                        WHERE doc = ?`).run(scope, family, year, byHand?.status ?? 'in_force', byHand ? 1 : 0, byHand?.superseded_by ?? null, record.doc);
      this.settleFamily(scope, family);
      if (before?.family && (before.family !== family || before.scope !== scope)) this.settleFamily(before.scope, before.family);
      return ids;
    })();
  }

  /** Move an unchanged document to another department, audited when `change` says who; true when it moved. */
  moveToScope(doc: string, scope: string, change?: DocumentChange): boolean {
    return this.db.transaction(() => {
      const before = this.row(doc);
      if (!before || before.scope === scope) return false;
      this.db.prepare('UPDATE kb_documents SET scope = ? WHERE doc = ?').run(scope, doc);
      if (change) this.audit('scope', doc, { from: before.scope, to: scope }, change);
      if (before.family) {
        this.settleFamily(before.scope, before.family);
        this.settleFamily(scope, before.family);
      }
      return true;
    })();
  }

  /**
   * A document stored before identities under its bare file name, with exactly this content,
   * takes its new `doc` path (the migration's promise: re-ingesting it does not double it).
   */
  adoptLegacy(bareName: string, contentHash: string, doc: string): boolean {
    // Read first: most ingests find no old row, and must not take the write lock for nothing.
    const legacy = this.db.prepare('SELECT content_hash AS hash FROM kb_documents WHERE doc = ? AND legacy_key = 1').get(bareName) as
      { hash: string } | undefined;
    if (!legacy) return false;
    if (bareName === doc) {
      // Stored again under the same key: an identity already, nothing left to adopt.
      this.db.prepare('UPDATE kb_documents SET legacy_key = 0 WHERE doc = ?').run(doc);
      return false;
    }
    if (legacy.hash !== contentHash || this.row(doc)) return false;
    return this.db.prepare('UPDATE kb_documents SET doc = ?, legacy_key = 0 WHERE doc = ? AND legacy_key = 1').run(doc, bareName).changes > 0;
  }

  /** Remove a document and its passages, and settle its family; undefined when there is none. */
  remove(doc: string, change?: DocumentChange): { doc: string; passages: number } | undefined {
    return this.db.transaction(() => {
      const info = this.document(doc);
      const before = this.row(doc);
      if (!info || !before || !this.store.removeDocument(doc)) return undefined;
      if (before.family) this.settleFamily(before.scope, before.family);
      if (change) this.audit('remove', doc, { title: info.title, passages: info.passages, scope: info.scope }, change);
      return { doc, passages: info.passages };
    })();
  }

  /** Documents in `scopes` (every one when undefined), by doc path. */
  documents(scopes?: readonly string[]): DocumentInfo[] {
    if (!scopes) return this.db.prepare(`${LIST} ORDER BY d.doc`).all() as DocumentInfo[];
    return this.db.prepare(`${LIST} WHERE d.scope IN (SELECT value FROM json_each(?)) ORDER BY d.doc`)
      .all(JSON.stringify(scopes)) as DocumentInfo[];
  }

  /** One page of the documents in `scopes` (every one when undefined), by doc path, and how many there are. */
  documentPage(scopes: readonly string[] | undefined, page: Page): Paged<DocumentInfo> {
    // The count rides along on every row (a window over the filtered documents): one read per page.
    const where = scopes ? 'WHERE d.scope IN (SELECT value FROM json_each(?))' : '';
    const params = scopes ? [JSON.stringify(scopes)] : [];
    const rows = this.db.prepare(`${LIST_COUNTED} ${where} ORDER BY d.doc LIMIT ? OFFSET ?`)
      .all(...params, page.limit, page.offset) as Array<DocumentInfo & { total: number }>;
    const total = rows.length ? rows[0].total : this.db.prepare(`SELECT COUNT(*) FROM kb_documents d ${where}`).pluck().get(...params) as number;
    return { total, items: rows.map(({ total: _total, ...info }) => info) };
  }

  /** One document, if it is stored (and in `scopes`, when given). */
  document(doc: string, scopes?: readonly string[]): DocumentInfo | undefined {
    const found = this.db.prepare(`${LIST} WHERE d.doc = ?`).get(doc) as DocumentInfo | undefined;
    return found && (!scopes || scopes.includes(found.scope)) ? found : undefined;
  }

  /** Set a status by hand; `supersededBy` (a stored doc) names the version that replaces it. Unknown documents are a UserError. */
  setStatus(doc: string, status: DocumentStatus, supersededBy?: string, change?: DocumentChange): DocumentInfo {
    return this.db.transaction(() => {
      const row = this.row(doc);
      if (!row) throw new UserError('unknown_document', catalogMessages.unknownDocument(doc));
      if (supersededBy !== undefined && !this.row(supersededBy)) {
        throw new UserError('unknown_document', catalogMessages.unknownDocument(supersededBy));
      }
      if (change) this.audit('status', doc, { from: row.status, to: status, supersededBy: supersededBy ?? null }, change);
      this.db.prepare('UPDATE kb_documents SET status = ?, status_by_hand = 1, superseded_by = ? WHERE doc = ?')
        .run(status, status === 'superseded' ? supersededBy ?? null : null, doc);
      if (row.family) this.settleFamily(row.scope, row.family);
      return this.document(doc)!;
    })();
  }

  /** One line of the audit trail: who changed which document by hand, and what it was before. */
  private audit(action: string, doc: string, detail: unknown, change: DocumentChange): void {
    this.db.prepare('INSERT INTO kb_audit (at, action, doc, detail, by, by_name, channel) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(new Date().toISOString(), action, doc, JSON.stringify(detail), change.by, change.byName ?? null, change.channel);
  }

  /** The audit trail, oldest first. */
  auditTrail(): DocumentAuditEntry[] {
    return this.db.prepare('SELECT at, action, doc, detail, by, by_name, channel FROM kb_audit ORDER BY id').all() as DocumentAuditEntry[];
  }

  /**
   * Versions of one title in one department: the newest edition (latest stored among equals)
   * is in force, the others superseded. Statuses set by hand are left as they are; a document
   * set superseded by hand is no candidate.
   */
  private settleFamily(scope: string, family: string): void {
    const members = this.db.prepare(
      'SELECT * FROM kb_documents WHERE scope = ? AND family = ? ORDER BY edition DESC, ingested_at DESC, id DESC').all(scope, family) as Row[];
    const newest = members.find((m) => !(m.status_by_hand && m.status === 'superseded'));
    const set = this.db.prepare('UPDATE kb_documents SET status = ? WHERE doc = ?');
    for (const member of members) {
      if (member.status_by_hand) continue;
      set.run(member === newest ? 'in_force' : 'superseded', member.doc);
    }
  }

  /** Scope and status of each named document, and for a superseded one the title of what replaces it. */
  standings(docs: readonly string[]): Map<string, DocumentStanding> {
    const cache = this.standingsCache();
    const missing = [...new Set(docs)].filter((doc) => !cache.has(doc));
    if (missing.length) {
      for (const doc of missing) cache.set(doc, undefined);
      for (const r of this.statements.standings.all(JSON.stringify(missing)) as StandingRow[]) {
        cache.set(r.doc, r.status === 'superseded' && r.replacedBy
          ? { scope: r.scope, status: r.status, replacedBy: r.replacedBy }
          : { scope: r.scope, status: r.status });
      }
    }
    const found = new Map<string, DocumentStanding>();
    for (const doc of docs) {
      const standing = cache.get(doc);
      if (standing) found.set(doc, standing);
    }
    return found;
  }

  /**
   * Standings already read, valid while the database is as it was: every question asks for the
   * standings of its 30-50 hits, and they change only when documents do. SQLite's data_version
   * moves when another connection (a second process, the CLI) commits, total_changes() when
   * this one writes; either empties the cache.
   */
  private standingsCache(): Map<string, DocumentStanding | undefined> {
    const stamp = `${this.statements.dataVersion.get() as number}:${this.statements.totalChanges.get() as number}`;
    if (stamp !== this.standingsStamp) {
      this.standingsStamp = stamp;
      this.cachedStandings.clear();
    }
    return this.cachedStandings;
  }

}
