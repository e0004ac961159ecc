/**
 * 文档: the knowledge base's documents as the signed-in person may see them (`公共` and their
 * departments; a document of another department is "not found", by list or by direct URL).
 * Admins upload (the chat's ingest: same loaders, limits and Chinese outcome, progress on a
 * page that refreshes itself), remove with a confirmation, and change a document's department
 * or status — each change audited under their id, as the command line and chat audit theirs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { Hono, type Context } from 'hono';
import { ingestUpload, safeFileName } from '../../assistant/index.ts';
import { UserError, errorReference } from '../../errors.ts';
import {
  MAX_DOCUMENT_BYTES, PUBLIC_SCOPE, STATUS_WORDS, SUPPORTED_EXTENSIONS, catalogMessages, readScopeName,
  type DocumentChange, type OpenKnowledgeBase, type Visibility,
} from '../../knowledge/index.ts';
import type { WebDeps, WebEnv } from '../env.ts';
import { formText } from '../form-fields.ts';
import { KeptValues } from '../kept-values.ts';
import { pageNumber } from '../log-filter.ts';
import type { Viewer } from '../viewer.ts';
import { STATUS_LABELS, documentMessages as m } from './messages.ts';
import {
  PAGE_SIZE, type UploadState, documentListPage, documentNoticePage, documentPage, documentUrl, removeConfirmPage, uploadStatusPage,
} from './views.ts';

/** How long an upload's progress page is kept, and how many are kept at most. */
const UPLOAD_KEPT_MS = 60 * 60_000;
const UPLOADS_KEPT = 200;
/** Hits a search inside one document shows. */
const SEARCH_HITS = 20;

type Ctx = Context<WebEnv>;

const visibilityOf = (viewer: Viewer): Visibility => ({ scopes: viewer.scopes });
const changeBy = (viewer: Viewer): DocumentChange => ({ by: viewer.personId, channel: 'web' });


/** The documents section over the deps' knowledge base. */
export function documentRoutes(deps: WebDeps): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  const uploads = new KeptValues<UploadState>(UPLOAD_KEPT_MS, UPLOADS_KEPT, deps.now);
  // The full knowledge base (paging, one document's passages, search inside it, scope changes).
  const knowledge = (): Promise<OpenKnowledgeBase> => deps.services.parts.knowledge();

  const notice = (c: Ctx, status: 200 | 400 | 403 | 404 | 409 | 413, title: string, text: string) =>
    c.html(documentNoticePage(c.get('viewer'), title, text), status);
  const notVisible = (c: Ctx) => notice(c, 404, m.notVisibleTitle, m.notVisible);
  const adminOnly = (c: Ctx) => notice(c, 403, m.title, m.adminOnly);

  /** A department the viewer may put documents in: `公共` or one of theirs (any, for the office machine's own user). */
  function allowedScope(viewer: Viewer, typed: string): string {
    const scope = readScopeName(typed || PUBLIC_SCOPE);
    if (viewer.scopes && !viewer.scopes.includes(scope)) throw new UserError('scope_not_yours', m.scopeNotYours(scope));
    return scope;
  }

  app.get('/', async (c) => {
    const viewer = c.get('viewer');
    const page = pageNumber(c.req.query('page'));
    const listed = await (await knowledge()).documentPage({ offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }, visibilityOf(viewer));
    return c.html(documentListPage(viewer, listed, page));
  });

  app.get('/view', async (c) => {
    const viewer = c.get('viewer');
    const kb = await knowledge();
    const doc = c.req.query('doc') ?? '';
    const info = await kb.document(doc, visibilityOf(viewer));
    if (!info) return notVisible(c);
    const changed = c.req.query('changed');
    const said = changed === 'scope' ? m.scopeChanged(info.doc, info.scope)
      : changed === 'status' ? m.statusChanged(info.doc, STATUS_LABELS[info.status]) : undefined;
    const query = c.req.query('q')?.trim();
    if (query) {
      const hits = await kb.searchDocument(doc, query, SEARCH_HITS, visibilityOf(viewer)) ?? [];
      return c.html(documentPage(viewer, info, { kind: 'search', query, hits }, said));
    }
    const page = pageNumber(c.req.query('page'));
    const passages = await kb.documentPassages(doc, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }, visibilityOf(viewer));
    if (!passages) return notVisible(c);
    return c.html(documentPage(viewer, info, { kind: 'passages', passages, page }, said));
  });

  app.post('/upload', async (c) => {
    const viewer = c.get('viewer');
    if (!viewer.isAdmin) return adminOnly(c);
    const limitMb = MAX_DOCUMENT_BYTES / 1048576;
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || !file.name) return notice(c, 400, m.uploadHeading, m.noFile);
    if (file.size > MAX_DOCUMENT_BYTES) return notice(c, 413, m.uploadHeading, m.tooLarge(limitMb));
    const name = safeFileName(file.name);
    if (!SUPPORTED_EXTENSIONS.includes(extname(name).toLowerCase())) return notice(c, 400, m.uploadHeading, m.unsupported(name));
    const scope = allowedScope(viewer, formText(body, 'scope'));
    const doc = `${scope}/${name}`;
    const kb = await knowledge();
    const stored = await kb.document(doc);
    // Replacing is asked for, never assumed; and never of a document the admin may not see.
    const mayReplace = formText(body, 'replace') === '1' && stored !== undefined && (!viewer.scopes || viewer.scopes.includes(stored.scope));
    if (stored && !mayReplace) return notice(c, 409, m.uploadHeading, m.exists(doc));

    // Named like the chat's upload folders, so one a killed process leaves is cleaned up at the next start.
    const folder = mkdtempSync(join(tmpdir(), `lvzhi-upload-${process.pid}-`));
    const path = join(folder, name);
    try {
      writeFileSync(path, Buffer.from(await file.arrayBuffer()));
    } catch (error) {
      rmSync(folder, { recursive: true, force: true }); // a full disk must not keep half a file
      throw error;
    }
    const id = uploads.add(viewer.personId, { name, progress: m.uploadStarted });
    const update = (state: UploadState) => void uploads.set(id, viewer.personId, state);
    void ingestUpload(kb, { name, path, target: { doc, scope } }, { progress: async (text) => update({ name, progress: text }) })
      .then((lines) => update({ name, progress: '', lines }))
      .catch((error: unknown) => {
        const ref = errorReference();
        process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'error', ref, code: 'web_upload_failed', file: name, message: String(error) })}\n`);
        update({ name, progress: '', lines: [m.uploadFailed(name, ref)] });
      })
      .finally(() => rmSync(folder, { recursive: true, force: true }));
    return c.redirect(`/documents/uploads/${id}`, 303);
  });

  app.get('/uploads/:id', (c) => {
    const viewer = c.get('viewer');
    const state = uploads.get(c.req.param('id'), viewer.personId);
    if (!state) return notice(c, 404, m.uploadTitle, m.uploadGone);
    if (state.lines === undefined) c.header('Refresh', '2');
    return c.html(uploadStatusPage(viewer, state));
  });

  /** The document named by a form (visible to the admin), or the answer to give instead. */
  async function formDocument(c: Ctx) {
    const viewer = c.get('viewer');
    if (!viewer.isAdmin) return { refused: adminOnly(c) };
    const body = c.req.method === 'GET' ? { doc: c.req.query('doc') ?? '' } : await c.req.parseBody();
    const kb = await knowledge();
    const info = await kb.document(formText(body, 'doc'), visibilityOf(viewer));
    return info ? { viewer, kb, info, body } : { refused: notVisible(c) };
  }

  app.post('/scope', async (c) => {
    const found = await formDocument(c);
    if ('refused' in found) return found.refused;
    const { viewer, kb, info, body } = found;
    await kb.setScope(info.doc, allowedScope(viewer, formText(body, 'scope')), changeBy(viewer));
    return c.redirect(documentUrl(info.doc, '&changed=scope'), 303);
  });

  app.post('/status', async (c) => {
    const found = await formDocument(c);
    if ('refused' in found) return found.refused;
    const { viewer, kb, info, body } = found;
    const word = formText(body, 'status');
    const status = STATUS_WORDS[word];
    if (!status) throw new UserError('bad_status', catalogMessages.badStatus(word));
    const replacedBy = formText(body, 'supersededBy') || undefined;
    // Another department's document is as unknown to this admin as one never stored.
    if (replacedBy !== undefined && !await kb.document(replacedBy, visibilityOf(viewer))) {
      throw new UserError('unknown_document', catalogMessages.unknownDocument(replacedBy));
    }
    await kb.setStatus(info.doc, status, { supersededBy: status === 'superseded' ? replacedBy : undefined, change: changeBy(viewer) });
    return c.redirect(documentUrl(info.doc, '&changed=status'), 303);
  });

  app.get('/remove', async (c) => {
    const found = await formDocument(c);
    if ('refused' in found) return found.refused;
    return c.html(removeConfirmPage(found.viewer, found.info));
  });

  app.post('/remove', async (c) => {
    const found = await formDocument(c);
    if ('refused' in found) return found.refused;
    const removed = await found.kb.remove(found.info.doc, changeBy(found.viewer));
    if (!removed) return notVisible(c);
    return notice(c, 200, m.changedTitle, m.removed(removed.doc, removed.passages));
  });

  return app;
}
