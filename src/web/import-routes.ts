/**
 * Importing a CSV/XLSX table from the browser (admins): the upload is checked with the same
 * reader, rules and Chinese reasons as the command line and chat (src/log), shown as a preview,
 * and stored — all or nothing, audited with the person's id — only when they confirm it. Until
 * then it waits in the data folder under an unguessable name, and is removed once used or stale.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import { UserError } from '../errors.ts';
import { readImportPlan, describeInferred } from '../log/index.ts';
import type { WebDeps, WebEnv } from './env.ts';
import { csrfField, messagePage, renderPage } from './layout.ts';
import { newSecret } from './login-links.ts';
import { webMessages } from './messages.ts';
import { doneQuery } from './notices.ts';

const m = webMessages.log;
const UPLOADS = 'web-uploads';
const STALE_MS = 60 * 60_000;
const PREVIEW_ROWS = 20;

/** `/log/import`: the form, the preview (POST) and the confirmation (POST `/confirm`). */
export function importRoutes(deps: WebDeps): Hono<WebEnv> {
  const { activities, taxonomy } = deps.services;
  const root = join(deps.services.dataDir, UPLOADS);
  const app = new Hono<WebEnv>();

  const page = (c: Context<WebEnv>, body: ReturnType<typeof html>, status: 200 | 400 | 403 = 200, title: string = m.importTitle) =>
    c.html(renderPage({ title, viewer: c.get('viewer'), section: 'log', body }), status);
  const form = (c: Context<WebEnv>) => html`<form class="panel" method="post" action="/log/import" enctype="multipart/form-data">${csrfField(c.get('viewer'))}
<p>${m.importHelp}</p><p><label>${m.fileField}<input type="file" name="file" accept=".csv,.xlsx" required></label></p>
<p><button type="submit">${m.preview}</button> <a href="/log">${m.cancel}</a></p></form>`;

  /** Remove uploads nobody confirmed within the hour. */
  function sweep(): void {
    if (!existsSync(root)) return;
    for (const name of readdirSync(root)) {
      const path = join(root, name);
      if (deps.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
    }
  }

  app.use('*', async (c, next) => {
    if (!c.get('viewer').isAdmin) return c.html(messagePage(webMessages.notAdminTitle, m.adminOnly, c.get('viewer'), 'log'), 403);
    await next();
  });

  app.get('/', (c) => page(c, form(c)));

  app.post('/', async (c) => {
    const file = (await c.req.parseBody()).file;
    if (!(file instanceof File) || file.size === 0) return page(c, html`<p class="notice error" role="alert">${m.noFile}</p>${form(c)}`, 400);
    const ext = extname(file.name).toLowerCase();
    if (ext !== '.csv' && ext !== '.xlsx') return page(c, html`<p class="notice error" role="alert">${m.badType(file.name)}</p>${form(c)}`, 400);
    sweep();
    const id = newSecret();
    const folder = join(root, id);
    mkdirSync(folder, { recursive: true });
    const path = join(folder, `table${ext}`);
    writeFileSync(path, Buffer.from(await file.arrayBuffer()));
    try {
      const plan = await readImportPlan(path, taxonomy);
      const rows = plan.entries.slice(0, PREVIEW_ROWS).map((e, i) => html`<tr><td class="num">${i + 2}</td><td>${e.date}${e.to ? html`至${e.to}` : ''}</td>
<td>${taxonomy.label(taxonomy.resolve(e.kind)?.id ?? e.kind)}</td><td>${e.title}</td><td>${e.by ?? c.get('viewer').personId}</td></tr>`);
      const c2 = m.columns;
      return page(c, html`<p>${m.previewSummary(plan.entries.length, PREVIEW_ROWS)}</p>
${plan.inferred.length > 0 ? html`<pre class="panel">${describeInferred(plan, taxonomy)}</pre>` : ''}
<div class="table-wrap"><table><thead><tr><th scope="col">行</th><th scope="col">${c2.date}</th><th scope="col">${c2.kind}</th><th scope="col">${c2.title}</th><th scope="col">${c2.by}</th></tr></thead><tbody>${rows}</tbody></table></div>
<form class="panel" method="post" action="/log/import/confirm">${csrfField(c.get('viewer'))}<input type="hidden" name="upload" value="${id}">
<button type="submit">${m.confirmImport}</button> <a href="/log">${m.cancel}</a></form>`, 200, m.previewTitle);
    } catch (error) {
      rmSync(folder, { recursive: true, force: true });
      if (!(error instanceof UserError)) throw error;
      return page(c, html`<div class="notice error" role="alert"><pre>${error.userMessage}</pre></div>${form(c)}`, 400, m.rejectedTitle);
    }
  });

  app.post('/confirm', async (c) => {
    const upload = (await c.req.parseBody()).upload;
    const folder = typeof upload === 'string' && /^[A-Za-z0-9_-]{43}$/.test(upload) ? join(root, upload) : undefined;
    const name = folder && existsSync(folder) ? readdirSync(folder)[0] : undefined;
    if (!folder || !name) return page(c, html`<p class="notice error" role="alert">${m.uploadGone}</p>${form(c)}`, 400);
    const viewer = c.get('viewer');
    try {
      // The person saw the kinds read from the content in the preview: that is the confirmation.
      const result = await activities.importFile(join(folder, name), { by: viewer.personId, byName: viewer.personId, channel: 'web', message: '网页导入' }, { acceptInferred: true });
      return c.redirect(`/log${doneQuery('imported', { n: result.imported, dup: result.duplicates })}`, 303);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      return page(c, html`<div class="notice error" role="alert"><pre>${error.userMessage}</pre></div>${form(c)}`, 400, m.rejectedTitle);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  return app;
}
