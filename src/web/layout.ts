/**
 * The frame of every page: a full Chinese HTML document whose `<title>` says where the person
 * is, a skip link, the main navigation (the current section marked for screen readers), the
 * logout form and the body. Pages build their bodies with Hono's `html` template, which escapes
 * every interpolated value.
 */
import { html, raw } from 'hono/html';
import { webMessages as m } from './messages.ts';
import { STYLE } from './style.ts';
import type { Viewer } from './viewer.ts';

/** A piece of escaped HTML (what Hono's `html` template returns). */
export type Html = ReturnType<typeof html>;

/** The console's sections, in the navigation's order, with their paths. */
export const SECTIONS = [
  { id: 'log', path: '/log', label: m.nav.log },
  { id: 'stats', path: '/stats', label: m.nav.stats },
  { id: 'documents', path: '/documents', label: m.nav.documents },
  { id: 'drafts', path: '/drafts', label: m.nav.drafts },
  { id: 'audit', path: '/audit', label: m.nav.audit },
] as const;

/** One of the sections. */
export type SectionId = (typeof SECTIONS)[number]['id'];

/** What a page is made of. */
export interface PageParts {
  /** The page's own title, e.g. “活动记录”; the document title adds the site's name. */
  readonly title: string;
  readonly body: Html | string;
  /** The signed-in person; without one the page has no navigation (login, refusals). */
  readonly viewer?: Viewer;
  /** The section to mark as current in the navigation. */
  readonly section?: SectionId;
}

/** The hidden field that carries the session's CSRF token: put it in every form that is not GET. */
export function csrfField(viewer: Viewer): Html {
  return html`<input type="hidden" name="_csrf" value="${viewer.csrfToken}">`;
}

function navigation(viewer: Viewer, current: SectionId | undefined): Html {
  const items = SECTIONS.map((s) => html`<li><a href="${s.path}"${s.id === current ? raw(' aria-current="page"') : ''}>${s.label}</a></li>`);
  return html`<nav aria-label="${m.navLabel}"><ul>${items}<li><form method="post" action="/logout">${csrfField(viewer)}<button type="submit">${m.nav.logout}</button></form></li></ul></nav>
<span class="who">${m.signedInAs(viewer.personId, viewer.isAdmin)}</span>`;
}

/** A whole page: the frame around a title and a body. */
export function renderPage(parts: PageParts): Html {
  return html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${parts.title} · ${m.siteName}</title><style>${raw(STYLE)}</style></head>
<body><a class="skip" href="#main">${m.skipToContent}</a>
<header><div class="bar"><span class="brand">${m.siteName}</span>${parts.viewer ? navigation(parts.viewer, parts.section) : ''}</div></header>
<main id="main" tabindex="-1"><h1>${parts.title}</h1>${parts.body}</main></body></html>`;
}

/** A short page that says one thing (a refusal, an error, a placeholder), with a way back. */
export function messagePage(title: string, text: string, viewer?: Viewer, section?: SectionId): Html {
  return renderPage({ title, viewer, section, body: html`<div class="panel"><p>${text}</p>${viewer ? html`<p><a href="/log">${m.backHome}</a></p>` : ''}</div>` });
}
