/**
 * 统计: counts per kind and per month for a period — the same store queries and the same
 * sentence as `/stats` in chat — with the charts as images (src/log/chart.ts) beside tables of
 * the same figures, so the numbers can be read without the picture.
 */
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import {
  chartTitle, renderChart, renderChartSvg, statsReply, type ActivityQuery, type ChartOptions, type MonthlyStats, type Stats,
} from '../log/index.ts';
import { today } from '../time/index.ts';
import type { WebDeps, WebEnv } from './env.ts';
import { renderPage } from './layout.ts';
import { filterQuery, readPeriod } from './log-filter.ts';
import { kindOptions } from './log-view.ts';
import { webMessages } from './messages.ts';

const m = webMessages.stats;

/** The 统计 section (`/stats`; its charts at `/stats/chart.svg?by=kind|month`, and as PNG for Word at `/stats/chart.png`). */
export function statsRoutes(deps: WebDeps): Hono<WebEnv> {
  const { activities, taxonomy } = deps.services;
  const app = new Hono<WebEnv>();

  /** The query in the address, or the Chinese reason it cannot be read. */
  function readQuery(query: Record<string, string | undefined>): { fields: { period: string; kind: string }; query?: ActivityQuery; error?: string } {
    const fields = { period: query.period?.trim() ?? '', kind: query.kind?.trim() ?? '' };
    const period = fields.period ? readPeriod(fields.period, today(new Date(deps.now()), deps.settings.LVZHI_TIME_ZONE)) : undefined;
    if (fields.period && !period) return { fields, error: webMessages.log.badPeriod(fields.period) };
    return { fields, query: { from: period?.from ?? null, to: period?.to ?? null, kinds: fields.kind ? [fields.kind] : [] } };
  }

  app.get('/', async (c) => {
    const viewer = c.get('viewer');
    const read = readQuery(c.req.query());
    const form = html`<form class="filters panel" method="get" action="/stats" aria-label="${m.formLabel}">
<label>${webMessages.log.period}<input name="period" value="${read.fields.period}" placeholder="${webMessages.log.periodHint}" size="22"></label>
<label>${webMessages.log.kind}<select name="kind">${kindOptions(taxonomy, read.fields.kind, true)}</select></label>
<button type="submit">${m.show}</button></form>`;
    if (!read.query) return c.html(renderPage({ title: webMessages.nav.stats, viewer, section: 'stats', body: html`${form}<p class="notice error" role="alert">${read.error}</p>` }), 400);
    const [stats, monthly] = await Promise.all([activities.stats(read.query), activities.statsByMonth(read.query)]);
    const kinds = read.query.kinds ?? [];
    const q = filterQuery(read.fields);
    const kindRows = stats.counts.map((k) => html`<tr><td>${k.label}</td><td class="num">${k.count}</td></tr>`);
    const monthRows = monthly.months.map((month) => html`<tr><td>${month.month}</td><td class="num">${month.total}</td>
<td>${month.counts.map((k) => `${k.label} ${k.count}`).join('、')}</td></tr>`);
    const chart = (by: 'kind' | 'month', alt: string) => stats.total > 0
      ? html`<img src="/stats/chart.svg${filterQuery(read.fields, { by })}" alt="${alt}" width="640">
<p><a href="/stats/chart.png${filterQuery(read.fields, { by })}" download>${m.chartPng}</a></p>` : '';
    return c.html(renderPage({
      title: webMessages.nav.stats, viewer, section: 'stats',
      body: html`${form}<p role="status"><strong>${statsReply(stats)}</strong></p>
<p><a href="/log${q}">${m.listLink}</a></p>
<h2>${m.byKind}</h2><div class="side"><div>${chart('kind', m.chartAlt(chartTitle(stats, { by: 'kind', kinds, taxonomy })))}</div>
<div class="table-wrap"><table><thead><tr><th scope="col">${m.kindColumn}</th><th scope="col">${m.countColumn}</th></tr></thead>
<tbody>${kindRows}<tr><th scope="row">${m.total}</th><td class="num">${stats.total}</td></tr></tbody></table></div></div>
<h2>${m.byMonth}</h2><div class="side"><div>${chart('month', m.chartByMonthAlt(chartTitle(monthly, { by: 'month', kinds, taxonomy })))}</div>
<div class="table-wrap"><table><thead><tr><th scope="col">${m.monthColumn}</th><th scope="col">${m.totalColumn}</th><th scope="col">${m.detailColumn}</th></tr></thead>
<tbody>${monthRows}</tbody></table></div></div>`,
    }));
  });

  /** The counts a chart request asks for and how to draw them (by kind, or by month with `by=month`). */
  async function chartOf(c: Context<WebEnv>, query: ActivityQuery): Promise<[Stats | MonthlyStats, ChartOptions]> {
    const kinds = query.kinds ?? [];
    return c.req.query('by') === 'month'
      ? [await activities.statsByMonth(query), { by: 'month', kinds, taxonomy }]
      : [await activities.stats(query), { by: 'kind', kinds, taxonomy }];
  }

  app.get('/chart.png', async (c) => {
    const read = readQuery(c.req.query());
    if (!read.query) return c.text(read.error ?? '', 400);
    const png = await renderChart(...await chartOf(c, read.query));
    return c.body(Buffer.from(png), 200, { 'Content-Type': 'image/png' });
  });

  app.get('/chart.svg', async (c) => {
    const read = readQuery(c.req.query());
    if (!read.query) return c.text(read.error ?? '', 400);
    const svg = await renderChartSvg(...await chartOf(c, read.query));
    // Drawn from the log's labels; nothing in it may run, even if opened on its own.
    return c.body(svg, 200, { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" });
  });

  return app;
}
