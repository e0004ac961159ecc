/**
 * The document catalog in PostgreSQL: departments (scopes), versions in force or superseded,
 * version families and the audit trail — the same rules as SQLite's (sqlite/document-catalog.ts),
 * each change in one transaction with the passages it describes. Two processes settling the
 * same family at once take turns on a transaction-scoped advisory lock, so one version in
 * force is never two.
 */
import { UserError } from '../../errors.ts';
import type { PostgresDatabase } from '../../storage/index.ts';
import { editionOf } from '../catalog/editions.ts';
import { catalogMessages } from '../catalog/messages.ts';
import type { DocumentAuditEntry, DocumentRow as Row, DocumentStanding, DocumentStore } from '../ports/document-store.ts';
import { type DocumentChange, type DocumentInfo, type DocumentStatus, PUBLIC_SCOPE } from '../types.ts';
import type { KnowledgeSchema } from './schema.ts';
import { type Run, lockWriters, onClient, onPool, removeDocumentIn, replaceDocumentIn } from './rows.ts';


// Ordered by code point ("C"), as SQLite orders text, whatever the server's collation.
const COLUMNS = `d.doc, d.title, (SELECT COUNT(*)::int FROM kb_passages p WHERE p.document_id = d.id) AS passages,
                     d.ingested_at AS added_at, d.scope, d.status`;
const LIST = `SELECT ${COLUMNS} FROM kb_documents d`;
const ORDER = 'ORDER BY d.doc COLLATE "C"';

async function row(run: Run, doc: string, lock = false): Promise<Row | undefined> {
  return (await run<Row>(`SELECT * FROM kb_documents WHERE doc = $1${lock ? ' FOR UPDATE' : ''}`, [doc]))[0];
}

async function info(run: Run, doc: string): Promise<DocumentInfo | undefined> {
  return (await run<DocumentInfo>(`${LIST} WHERE d.doc = $1`, [doc]))[0];
}

/**
 * Versions of one title in one department: the newest edition (latest stored among equals) is
 * in force, the others superseded; statuses set by hand stay, and a document set superseded by
 * hand is no candidate.
 */
async function settleFamily(run: Run, scope: string, family: string): Promise<void> {
  await run('SELECT pg_advisory_xact_lock(hashtext($1))', [`kb-family:${scope}:${family}`]);
  const members = await run<Row>(
    'SELECT * FROM kb_documents WHERE scope = $1 AND family = $2 ORDER BY edition DESC, ingested_at DESC, id DESC', [scope, family]);
  const newest = members.find((m) => !(m.status_by_hand && m.status === 'superseded'));
  for (const member of members) {
    const status = member === newest ? 'in_force' : 'superseded';
    if (!member.status_by_hand && member.status !== status) await run('UPDATE kb_documents SET status = $1 WHERE doc = $2', [status, member.doc]);
  }
}

async function audit(run: Run, action: string, doc: string, detail: unknown, change: DocumentChange): Promise<void> {
  await run('INSERT INTO kb_audit (at, action, doc, detail, by, by_name, channel) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [new Date().toISOString(), action, doc, JSON.stringify(detail), change.by, change.byName ?? null, change.channel]);
}

/** A `DocumentStore` over a database whose knowledge schema is migrated once `ready` settles. */
export function createPostgresDocumentStore(db: PostgresDatabase, ready: Promise<KnowledgeSchema>): DocumentStore {
  const pool = onPool(db);
  const read: Run = async (sql, params) => {
    await ready;
    return pool(sql, params);
  };
  const write = async <T>(work: (run: Run) => Promise<T>): Promise<T> => {
    await ready;
    return db.transaction((client) => work(onClient(client)));
  };

  return {
    commit: (record, passages, embedder) => write(async (run) => {
      await lockWriters(run); // before reading what is stored: another process may be storing it now
      const before = await row(run, record.doc, true);
      const ids = await replaceDocumentIn(run, record, passages, embedder, (await ready).pgvector);
      const { family, year } = editionOf(record.title);
      const scope = record.scope ?? before?.scope ?? PUBLIC_SCOPE;
      const byHand = before?.status_by_hand ? before : undefined;
      await run(`UPDATE kb_documents SET scope = $1, family = $2, edition = $3, status = $4, status_by_hand = $5, superseded_by = $6
                  WHERE doc = $7`, [scope, family, year, byHand?.status ?? 'in_force', byHand ? 1 : 0, byHand?.superseded_by ?? null, record.doc]);
      await settleFamily(run, scope, family);
      if (before?.family && (before.family !== family || before.scope !== scope)) await settleFamily(run, before.scope, before.family);
      return ids;
    }),
    moveToScope: (doc, scope, change) => write(async (run) => {
      const before = await row(run, doc, true);
      if (!before || before.scope === scope) return false;
      await run('UPDATE kb_documents SET scope = $1 WHERE doc = $2', [scope, doc]);
      if (change) await audit(run, 'scope', doc, { from: before.scope, to: scope }, change);
      if (before.family) {
        await settleFamily(run, before.scope, before.family);
        await settleFamily(run, scope, before.family);
      }
      return true;
    }),
    async adoptLegacy(bareName, contentHash, doc) {
      // Read first: most ingests find no old row, and need no transaction for nothing.
      const [legacy] = await read<{ hash: string }>('SELECT content_hash AS hash FROM kb_documents WHERE doc = $1 AND legacy_key = 1', [bareName]);
      if (!legacy) return false;
      if (bareName === doc) {
        await read('UPDATE kb_documents SET legacy_key = 0 WHERE doc = $1', [doc]);
        return false;
      }
      if (legacy.hash !== contentHash) return false;
      // The update itself checks the target is free: a concurrent ingest of `doc` makes it adopt nothing.
      const moved = await read(`UPDATE kb_documents SET doc = $1, legacy_key = 0 WHERE doc = $2 AND legacy_key = 1
                                  AND NOT EXISTS (SELECT 1 FROM kb_documents WHERE doc = $1) RETURNING id`, [doc, bareName]);
      return moved.length > 0;
    },
    remove: (doc, change) => write(async (run) => {
      await lockWriters(run);
      const before = await row(run, doc, true);
      const described = before && await info(run, doc);
      if (!before || !described || !await removeDocumentIn(run, doc)) return undefined;
      if (before.family) await settleFamily(run, before.scope, before.family);
      if (change) await audit(run, 'remove', doc, { title: described.title, passages: described.passages, scope: described.scope }, change);
      return { doc, passages: described.passages };
    }),
    async documents(scopes) {
      if (!scopes) return read<DocumentInfo>(`${LIST} ${ORDER}`);
      return read<DocumentInfo>(`${LIST} WHERE d.scope = ANY($1::text[]) ${ORDER}`, [[...scopes]]);
    },
    async documentPage(scopes, page) {
      // The count rides along on every row (a window over the filtered documents): one read per page.
      const where = scopes ? 'WHERE d.scope = ANY($1::text[])' : '';
      const params: unknown[] = scopes ? [[...scopes]] : [];
      const n = params.length;
      const rows = await read<DocumentInfo & { total: string }>(
        `SELECT ${COLUMNS}, COUNT(*) OVER () AS total FROM kb_documents d ${where} ${ORDER} LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...params, page.limit, page.offset]);
      const total = rows.length ? Number(rows[0].total)
        : Number((await read<{ n: string }>(`SELECT COUNT(*) AS n FROM kb_documents d ${where}`, params))[0].n);
      return { total, items: rows.map(({ total: _total, ...info }) => info) };
    },
    async document(doc, scopes) {
      const found = await info(read, doc);
      return found && (!scopes || scopes.includes(found.scope)) ? found : undefined;
    },
    setStatus: (doc, status, supersededBy, change) => write(async (run) => {
      const current = await row(run, doc, true);
      if (!current) throw new UserError('unknown_document', catalogMessages.unknownDocument(doc));
      if (supersededBy !== undefined && !await row(run, supersededBy)) throw new UserError('unknown_document', catalogMessages.unknownDocument(supersededBy));
      if (change) await audit(run, 'status', doc, { from: current.status, to: status, supersededBy: supersededBy ?? null }, change);
      await run('UPDATE kb_documents SET status = $1, status_by_hand = 1, superseded_by = $2 WHERE doc = $3',
        [status, status === 'superseded' ? supersededBy ?? null : null, doc]);
      if (current.family) await settleFamily(run, current.scope, current.family);
      return (await info(run, doc))!;
    }),
    async standings(docs) {
      const rows = await read<{ doc: string; scope: string; status: DocumentStatus; replacedBy: string | null }>(
        `SELECT d.doc, d.scope, d.status,
                COALESCE((SELECT n.title FROM kb_documents n WHERE n.doc = d.superseded_by),
                         (SELECT n.title FROM kb_documents n WHERE n.scope = d.scope AND n.family = d.family AND n.status = 'in_force'
                           ORDER BY n.edition DESC, n.ingested_at DESC LIMIT 1)) AS "replacedBy"
           FROM kb_documents d WHERE d.doc = ANY($1::text[])`, [[...new Set(docs)]]);
      return new Map<string, DocumentStanding>(rows.map((r) => [r.doc, r.status === 'superseded' && r.replacedBy
        ? { scope: r.scope, status: r.status, replacedBy: r.replacedBy }
        : { scope: r.scope, status: r.status }]));
    },
    auditTrail: () => read<DocumentAuditEntry>('SELECT at, action, doc, detail, by, by_name, channel FROM kb_audit ORDER BY id'),
  };
}
