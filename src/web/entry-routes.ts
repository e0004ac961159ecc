/**
 * Correcting and deleting one entry (`/log/:id/edit`, `/log/:id/delete`): its recorder or an
 * admin only — checked here on the server, whatever the page showed — each change confirmed on
 * a page of its own, stored through the log's audited `correct`/`remove` with the person's id.
 */
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import { UserError } from '../errors.ts';
import type { Activity, ActivityEntry } from '../log/index.ts';
import { today } from '../time/index.ts';
import type { WebDeps, WebEnv } from './env.ts';
import { csrfField, messagePage, renderPage } from './layout.ts';
import { kindOptions, mayChange } from './log-view.ts';
import { webMessages } from './messages.ts';
import { doneQuery } from './notices.ts';

const m = webMessages.log;

/** What the edit form sends. */
type EditFields = { date: string; kind: string; title: string };

/** The entries' correction and deletion pages, mounted under `/log`. */
export function entryRoutes(deps: WebDeps): Hono<WebEnv> {
  const { activities, taxonomy } = deps.services;
  const app = new Hono<WebEnv>();
  const source = (c: Context<WebEnv>, what: string) => ({ channel: 'web', byName: c.get('viewer').personId, message: what });

  /** The entry if this person may change it, else the page that says why not. */
  async function changeable(c: Context<WebEnv>): Promise<Activity | Response> {
    const viewer = c.get('viewer');
    const id = Number(c.req.param('id'));
    const entry = Number.isSafeInteger(id) && id > 0 ? await activities.get(id) : undefined;
    if (!entry) return c.html(messagePage(webMessages.notFoundTitle, m.noSuchEntry(id), viewer, 'log'), 404);
    if (!mayChange(viewer, entry)) return c.html(messagePage(webMessages.notAdminTitle, m.notYours(id), viewer, 'log'), 403);
    return entry;
  }

  function editPage(c: Context<WebEnv>, entry: Activity, fields: EditFields, problem?: string, futureQuestion?: string) {
    const viewer = c.get('viewer');
    return renderPage({
      title: m.editTitle(entry.id), viewer, section: 'log',
      body: html`${problem ? html`<p class="notice error" role="alert">${problem}</p>` : ''}
${futureQuestion ? html`<p class="notice error" role="alert">${futureQuestion}</p>` : ''}
<form class="panel" method="post" action="/log/${entry.id}/edit">${csrfField(viewer)}
${futureQuestion ? html`<input type="hidden" name="future" value="yes">` : ''}
<p><label>${m.dateField}<input type="date" name="date" value="${fields.date}" required></label></p>
<p><label>${m.kind}<select name="kind">${kindOptions(taxonomy, fields.kind, false)}</select></label></p>
<p><label>${m.titleField}<input name="title" value="${fields.title}" size="60" required></label></p>
<p><button type="submit">${futureQuestion ? m.saveFuture : m.save}</button> <a href="/log">${m.cancel}</a></p></form>`,
    });
  }

  app.get('/:id{[0-9]+}/edit', async (c) => {
    const entry = await changeable(c);
    if (entry instanceof Response) return entry;
    return c.html(editPage(c, entry, { date: entry.date, kind: entry.kind, title: entry.title }));
  });

  app.post('/:id{[0-9]+}/edit', async (c) => {
    const entry = await changeable(c);
    if (entry instanceof Response) return entry;
    const body = await c.req.parseBody();
    const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');
    const fields: EditFields = { date: text('date'), kind: text('kind'), title: text('title') };
    const changes: Partial<ActivityEntry> = {
      ...(fields.date !== entry.date ? { date: fields.date } : {}),
      ...(fields.kind !== entry.kind ? { kind: fields.kind } : {}),
      ...(fields.title !== entry.title ? { title: fields.title } : {}),
    };
    if (Object.keys(changes).length === 0) return c.html(editPage(c, entry, fields, m.nothingChanged), 400);
    // A day still to come is asked about, as in chat: never stored without a yes.
    const officeToday = today(new Date(deps.now()), deps.settings.LVZHI_TIME_ZONE);
    if (changes.date && changes.date > officeToday && text('future') !== 'yes') {
      return c.html(editPage(c, entry, fields, undefined, m.futureQuestion(changes.date)), 409);
    }
    try {
      await activities.correct(entry.id, changes, c.get('viewer').personId, source(c, `网页更正第${entry.id}条`));
    } catch (error) {
      if (error instanceof UserError) return c.html(editPage(c, entry, fields, error.userMessage), 400);
      throw error;
    }
    return c.redirect(`/log${doneQuery('edited', { id: entry.id })}`, 303);
  });

  app.get('/:id{[0-9]+}/delete', async (c) => {
    const entry = await changeable(c);
    if (entry instanceof Response) return entry;
    const viewer = c.get('viewer');
    return c.html(renderPage({
      title: m.deleteTitle(entry.id), viewer, section: 'log',
      body: html`<div class="panel"><p>${m.deleteQuestion}</p>
<dl><dt>${m.columns.date}</dt><dd>${entry.date}</dd><dt>${m.columns.kind}</dt><dd>${taxonomy.label(entry.kind)}</dd><dt>${m.columns.title}</dt><dd>${entry.title}</dd><dt>${m.columns.by}</dt><dd>${entry.by_name ?? entry.by}</dd></dl>
<form method="post" action="/log/${entry.id}/delete">${csrfField(viewer)}<button type="submit" class="danger">${m.confirmDelete}</button> <a href="/log">${m.cancel}</a></form></div>`,
    }));
  });

  app.post('/:id{[0-9]+}/delete', async (c) => {
    const entry = await changeable(c);
    if (entry instanceof Response) return entry;
    await activities.remove(entry.id, c.get('viewer').personId, source(c, `网页删除第${entry.id}条`));
    return c.redirect(`/log${doneQuery('deleted', { id: entry.id })}`, 303);
  });

  return app;
}
