/**
 * 审计 (admins): the audit trail of the log, newest first, filterable by the person who made
 * the change and by entry number, a page at a time from the database.
 */
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { Activity, AuditEntry } from '../log/index.ts';
import type { WebDeps, WebEnv } from './env.ts';
import { messagePage, renderPage } from './layout.ts';
import { PAGE_SIZE, pageNumber } from './log-filter.ts';
import { pager } from './log-view.ts';
import { webMessages } from './messages.ts';

const m = webMessages.audit;

/** The 审计 section (`/audit?by=…&entry=…&page=…`). */
export function auditRoutes(deps: WebDeps): Hono<WebEnv> {
  const { activities, taxonomy } = deps.services;
  const app = new Hono<WebEnv>();
  const when = new Intl.DateTimeFormat('zh-CN', {
    timeZone: deps.settings.LVZHI_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });
  const entryText = (a: Omit<Activity, 'id'> | null) => (a ? `${a.date}${a.to ? `至${a.to}` : ''} ${taxonomy.label(a.kind)} ${a.title}` : '');

  app.get('/', async (c) => {
    const viewer = c.get('viewer');
    if (!viewer.isAdmin) return c.html(messagePage(webMessages.notAdminTitle, m.adminOnly, viewer, 'audit'), 403);
    const fields = { by: c.req.query('by')?.trim() ?? '', entry: c.req.query('entry')?.trim() ?? '' };
    const form = html`<form class="filters panel" method="get" action="/audit" aria-label="${m.formLabel}">
<label>${m.person}<input name="by" value="${fields.by}" placeholder="${webMessages.log.personHint}" size="16"></label>
<label>${m.entry}<input name="entry" value="${fields.entry}" inputmode="numeric" size="8"></label>
<button type="submit">${webMessages.log.filter}</button><a href="/audit">${webMessages.log.clear}</a></form>`;
    const activityId = fields.entry ? Number(fields.entry.replace(/^[#第]|条$/g, '')) : undefined;
    if (activityId !== undefined && !(Number.isSafeInteger(activityId) && activityId > 0)) {
      return c.html(renderPage({ title: webMessages.nav.audit, viewer, section: 'audit', body: html`${form}<p class="notice error" role="alert">${m.badEntry(fields.entry)}</p>` }), 400);
    }
    const page = pageNumber(c.req.query('page'));
    const found = await activities.auditPage({ by: fields.by || undefined, activityId }, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    const col = m.columns;
    const rows = found.items.map((h: AuditEntry) => html`<tr><td>${when.format(new Date(h.at))}</td>
<td class="num"><a href="/audit?entry=${h.activityId}">${h.activityId}</a></td><td>${m.actions[h.action]}</td>
<td>${h.byName !== h.by ? html`${h.byName}<br><span class="muted">${h.by}</span>` : h.by}</td><td>${h.channel}</td>
<td>${entryText(h.before)}</td><td>${entryText(h.after)}</td></tr>`);
    return c.html(renderPage({
      title: webMessages.nav.audit, viewer, section: 'audit',
      body: html`${form}<p role="status">${m.summary(found.total)}</p>
${found.items.length > 0 ? html`<div class="table-wrap"><table><caption class="muted">${m.caption}</caption><thead><tr><th scope="col">${col.at}</th><th scope="col">${col.entry}</th>
<th scope="col">${col.action}</th><th scope="col">${col.by}</th><th scope="col">${col.channel}</th><th scope="col">${col.before}</th><th scope="col">${col.after}</th></tr></thead>
<tbody>${rows}</tbody></table></div>` : ''}${pager('/audit', fields, page, found.total)}`,
    }));
  });

  return app;
}
