/**
 * 活动记录: the log as a filtered, paged table (each entry's number, a link to correct or delete
 * it for its recorder or an admin), an Excel export of the filtered view, and — mounted here —
 * the correction, deletion and import pages.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { today } from '../time/index.ts';
import { entryRoutes } from './entry-routes.ts';
import type { WebDeps, WebEnv } from './env.ts';
import { importRoutes } from './import-routes.ts';
import { renderPage } from './layout.ts';
import { filterQuery, PAGE_SIZE, readLogFilter } from './log-filter.ts';
import { entryTable, filterForm, pager, summaryLine } from './log-view.ts';
import { webMessages } from './messages.ts';
import { doneNotice } from './notices.ts';

const m = webMessages.log;

/** The 活动记录 section (`/log`). */
export function logRoutes(deps: WebDeps): Hono<WebEnv> {
  const { activities, taxonomy } = deps.services;
  const app = new Hono<WebEnv>();
  const officeToday = () => today(new Date(deps.now()), deps.settings.LVZHI_TIME_ZONE);

  app.get('/', async (c) => {
    const viewer = c.get('viewer');
    const read = readLogFilter(c.req.query(), taxonomy, officeToday());
    const form = filterForm(read.fields, taxonomy);
    const notice = doneNotice(c.req.query());
    if (!read.filter) {
      return c.html(renderPage({ title: webMessages.nav.log, viewer, section: 'log', body: html`${form}<p class="notice error" role="alert">${read.error}</p>` }), 400);
    }
    const found = await activities.page(read.filter, { limit: PAGE_SIZE, offset: (read.page - 1) * PAGE_SIZE });
    const period = read.filter.from || read.filter.to ? html`<p class="muted">${m.periodShown(read.filter.from ?? null, read.filter.to ?? null)}</p>` : '';
    const tools = html`<p><a class="button secondary" href="/log/export.xlsx${filterQuery(read.fields)}">${m.exportXlsx}</a>
${viewer.isAdmin ? html` <a class="button secondary" href="/log/import">${m.importLink}</a>` : ''}</p>`;
    return c.html(renderPage({
      title: webMessages.nav.log, viewer, section: 'log',
      body: html`${notice}${form}${period}<p role="status">${summaryLine(found.total, read.page, found.items.length)}</p>${tools}
${found.items.length > 0 ? entryTable(found.items, taxonomy, viewer) : ''}${pager('/log', read.fields, read.page, found.total)}`,
    }));
  });

  app.get('/export.xlsx', async (c) => {
    const read = readLogFilter(c.req.query(), taxonomy, officeToday());
    if (!read.filter) return c.html(renderPage({ title: webMessages.nav.log, viewer: c.get('viewer'), section: 'log', body: html`<p class="notice error" role="alert">${read.error}</p>` }), 400);
    // The export module writes files atomically; a private temporary folder keeps requests apart.
    const folder = mkdtempSync(join(tmpdir(), 'lvzhi-web-export-'));
    try {
      const path = join(folder, 'export.xlsx');
      await activities.exportFile(path, read.filter, { timeZone: deps.settings.LVZHI_TIME_ZONE });
      const name = encodeURIComponent(`活动记录${read.fields.period ? `-${read.fields.period}` : ''}.xlsx`);
      return c.body(readFileSync(path), 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename="export.xlsx"; filename*=UTF-8''${name}`,
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  app.route('/import', importRoutes(deps));
  app.route('/', entryRoutes(deps));
  return app;
}
