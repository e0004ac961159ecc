/** The 活动记录 page's parts: the filter form, the table with each entry's number, the pager. */
import { html } from 'hono/html';
import type { Activity } from '../log/index.ts';
import type { Taxonomy } from '../reader/index.ts';
import type { Html } from './layout.ts';
import { filterQuery, PAGE_SIZE, type LogFilterFields } from './log-filter.ts';
import { webMessages } from './messages.ts';
import type { Viewer } from './viewer.ts';

const m = webMessages.log;

/** Whether this person may correct or delete the entry: its recorder, or an admin. */
export function mayChange(viewer: Viewer, activity: Pick<Activity, 'by'>): boolean {
  return viewer.isAdmin || activity.by === viewer.personId;
}

/** The kind choices of a select, with the current one selected. */
export function kindOptions(taxonomy: Taxonomy, current: string, withAll: boolean): Html {
  const options = taxonomy.kinds.map((k) => html`<option value="${k.id}"${k.id === current ? html` selected` : ''}>${k.label}</option>`);
  return html`${withAll ? html`<option value="">${m.allKinds}</option>` : ''}${options}`;
}

/** The filter form (GET, so a filtered view is a link one can keep). */
export function filterForm(fields: LogFilterFields, taxonomy: Taxonomy): Html {
  return html`<form class="filters panel" method="get" action="/log" aria-label="${m.filtersLabel}">
<label>${m.period}<input name="period" value="${fields.period}" placeholder="${m.periodHint}" size="22"></label>
<label>${m.kind}<select name="kind">${kindOptions(taxonomy, fields.kind, true)}</select></label>
<label>${m.person}<input name="by" value="${fields.by}" placeholder="${m.personHint}" size="14"></label>
<label>${m.text}<input name="q" value="${fields.q}" size="16"></label>
<button type="submit">${m.filter}</button><a href="/log">${m.clear}</a></form>`;
}

/** The table of one page of entries. */
export function entryTable(activities: readonly Activity[], taxonomy: Taxonomy, viewer: Viewer): Html {
  const rows = activities.map((a) => html`<tr>
<td class="num">${a.id}</td><td>${a.date}${a.to ? html`至${a.to}` : ''}</td><td>${taxonomy.label(a.kind)}</td><td>${a.title}</td>
<td>${a.by_name && a.by_name !== a.by ? html`${a.by_name}<br><span class="muted">${a.by}</span>` : a.by}</td>
<td>${mayChange(viewer, a) ? html`<a href="/log/${a.id}/edit" aria-label="${m.edit}第${a.id}条">${m.edit}</a> <a href="/log/${a.id}/delete" aria-label="${m.delete}第${a.id}条">${m.delete}</a>` : ''}</td></tr>`);
  const c = m.columns;
  return html`<div class="table-wrap"><table><caption class="muted">${m.tableCaption}</caption>
<thead><tr><th scope="col">${c.id}</th><th scope="col">${c.date}</th><th scope="col">${c.kind}</th><th scope="col">${c.title}</th><th scope="col">${c.by}</th><th scope="col">${c.actions}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

/** Previous / next links that keep the filters. */
export function pager(base: string, fields: Readonly<Record<string, string>>, page: number, total: number): Html {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const link = (n: number) => `${base}${filterQuery(fields, { page: String(n) })}`;
  return html`<nav class="pager" aria-label="${m.pageOf(page, pages)}">
${page > 1 ? html`<a href="${link(page - 1)}" rel="prev">${m.previous}</a>` : ''}<span>${m.pageOf(page, pages)}</span>
${page < pages ? html`<a href="${link(page + 1)}" rel="next">${m.next}</a>` : ''}</nav>`;
}

/** The line that says how many entries match and which are shown. */
export function summaryLine(total: number, page: number, shown: number): string {
  const first = (page - 1) * PAGE_SIZE + 1;
  return m.summary(total, first, first + shown - 1);
}
