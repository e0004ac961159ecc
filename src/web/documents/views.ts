/**
 * The 文档 page's HTML: the list of documents, one document with its passages or the hits of a
 * search inside it, the admins' forms (upload, department, status, removal with confirmation)
 * and the upload's progress page. Everything reads with scripts off; forms carry the CSRF token.
 */
import { html, raw } from 'hono/html';
import { MAX_DOCUMENT_BYTES, PUBLIC_SCOPE, SUPPORTED_EXTENSIONS, knowledgeMessages, type DocumentInfo, type Paged, type Passage, type ScoredPassage } from '../../knowledge/index.ts';
import { csrfField, renderPage, type Html } from '../layout.ts';
import type { Viewer } from '../viewer.ts';
import { STATUS_LABELS, documentMessages as m } from './messages.ts';

/** Documents shown on one page of the list, passages on one page of a document. */
export const PAGE_SIZE = 50;

/** Where one document's page is. */
export function documentUrl(doc: string, extra = ''): string {
  return `/documents/view?doc=${encodeURIComponent(doc)}${extra}`;
}

const day = (iso: string) => iso.slice(0, 10);

/** Previous/next links of a paged list (`base` ends with `?…&` or `?`). */
function pager(base: string, page: number, total: number): Html | string {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages === 1) return '';
  return html`<nav class="pager" aria-label="${m.pagination}">
${page > 1 ? html`<a href="${base}page=${page - 1}" rel="prev">${m.previous}</a>` : ''}
<span>${m.pages(page, pages)}</span>
${page < pages ? html`<a href="${base}page=${page + 1}" rel="next">${m.next}</a>` : ''}</nav>`;
}

/** The departments a viewer may put a document in, for the scope boxes' suggestions. */
function scopeChoices(viewer: Viewer, known: readonly string[]): Html {
  const names = [...new Set([PUBLIC_SCOPE, ...(viewer.scopes ?? known)])];
  return html`<datalist id="scopes">${names.map((name) => html`<option value="${name}"></option>`)}</datalist>`;
}

function uploadForm(viewer: Viewer, known: readonly string[]): Html {
  return html`<section class="panel" aria-labelledby="upload-heading"><h2 id="upload-heading">${m.uploadHeading}</h2>
<p>${m.uploadHint(MAX_DOCUMENT_BYTES / 1048576)}</p>
<form method="post" action="/documents/upload" enctype="multipart/form-data">${csrfField(viewer)}
<p><label for="file">${m.fileLabel}</label> <input id="file" name="file" type="file" required accept="${SUPPORTED_EXTENSIONS.join(',')}"></p>
<p><label for="scope">${m.scopeLabel}</label> <input id="scope" name="scope" value="${PUBLIC_SCOPE}" list="scopes">${scopeChoices(viewer, known)}</p>
<p><input id="replace" name="replace" type="checkbox" value="1"> <label for="replace">${m.replaceLabel}</label></p>
<p><button type="submit">${m.uploadButton}</button></p></form></section>`;
}

/** The list of documents the viewer may see, a page at a time (with the upload form for admins). */
export function documentListPage(viewer: Viewer, listed: Paged<DocumentInfo>, page: number, notice?: string): Html {
  const rows = listed.items.map((d) => html`<tr><td><a href="${documentUrl(d.doc)}">${d.title}</a></td><td>${d.doc}</td><td>${d.scope}</td>
<td>${STATUS_LABELS[d.status]}</td><td class="num">${d.passages}</td><td>${day(d.added_at)}</td></tr>`);
  const c = m.columns;
  const body = html`${notice ? html`<p class="notice ok" role="status">${notice}</p>` : ''}
<p>${m.intro(listed.total)}</p>
${listed.items.length ? html`<div class="table-wrap"><table><caption>${m.tableCaption}</caption>
<thead><tr><th scope="col">${c.title}</th><th scope="col">${c.doc}</th><th scope="col">${c.scope}</th><th scope="col">${c.status}</th><th scope="col">${c.passages}</th><th scope="col">${c.added}</th></tr></thead>
<tbody>${rows}</tbody></table></div>${pager('/documents?', page, listed.total)}` : ''}
${viewer.isAdmin ? uploadForm(viewer, listed.items.map((d) => d.scope)) : ''}`;
  return renderPage({ title: m.title, viewer, section: 'documents', body });
}

function passageRows(passages: readonly Passage[]): Html {
  return html`<div class="table-wrap"><table><caption>${m.passagesCaption}</caption>
<thead><tr><th scope="col">${m.location}</th><th scope="col">${m.text}</th></tr></thead>
<tbody>${passages.map((p) => html`<tr><td>${[p.location, p.page ? m.page(p.page) : ''].filter(Boolean).join(' · ')}</td><td class="passage">${p.text}</td></tr>`)}</tbody></table></div>`;
}

function adminForms(viewer: Viewer, info: DocumentInfo): Html {
  return html`<section class="panel" aria-labelledby="manage-heading"><h2 id="manage-heading">${m.manageHeading}</h2>
<form method="post" action="/documents/scope">${csrfField(viewer)}<input type="hidden" name="doc" value="${info.doc}">
<label for="scope">${m.scopeLabel}</label> <input id="scope" name="scope" value="${info.scope}" list="scopes" required>${scopeChoices(viewer, [info.scope])}
<button type="submit">${m.scopeButton}</button></form>
<form method="post" action="/documents/status">${csrfField(viewer)}<input type="hidden" name="doc" value="${info.doc}">
<label for="status">${m.statusLabel}</label> <select id="status" name="status">
${(['in_force', 'superseded'] as const).map((s) => html`<option value="${s}"${s === info.status ? raw(' selected') : ''}>${STATUS_LABELS[s]}</option>`)}</select>
<label for="superseded-by">${m.supersededByLabel}</label> <input id="superseded-by" name="supersededBy">
<button type="submit">${m.statusButton}</button></form>
<p><a class="button secondary" href="${`/documents/remove?doc=${encodeURIComponent(info.doc)}`}">${m.removeButton}</a></p></section>`;
}

/** What one document's page shows below its description: a page of its passages, or a search's hits. */
export type DocumentView =
  | { readonly kind: 'passages'; readonly passages: Paged<Passage>; readonly page: number }
  | { readonly kind: 'search'; readonly query: string; readonly hits: readonly ScoredPassage[] };

/** One document: its description, a search box, its passages (or the hits), and the admins' forms. */
export function documentPage(viewer: Viewer, info: DocumentInfo, view: DocumentView, notice?: string): Html {
  const query = view.kind === 'search' ? view.query : '';
  const shown = view.kind === 'passages'
    ? html`<h2>${m.passagesHeading}</h2>${passageRows(view.passages.items)}${pager(documentUrl(info.doc, '&'), view.page, view.passages.total)}`
    : html`<h2>${m.searchHeading(view.query, view.hits.length)}</h2>
<ul class="hits">${view.hits.map((hit, i) => html`<li><p class="cite">${knowledgeMessages.citation(i + 1, hit.passage.title, hit.passage.location, hit.passage.doc)}</p><blockquote>${hit.passage.text}</blockquote></li>`)}</ul>
<p><a href="${documentUrl(info.doc)}">${m.clearSearch}</a></p>`;
  const body = html`${notice ? html`<p class="notice ok" role="status">${notice}</p>` : ''}
<p>${info.doc}</p><p>${m.facts(info.scope, STATUS_LABELS[info.status], info.passages, day(info.added_at))}</p>
<form method="get" action="/documents/view" role="search"><input type="hidden" name="doc" value="${info.doc}">
<label for="q">${m.searchLabel}</label> <input id="q" name="q" type="search" value="${query}" required> <button type="submit">${m.searchButton}</button></form>
${shown}
${viewer.isAdmin ? adminForms(viewer, info) : ''}
<p><a href="/documents">${m.backToList}</a></p>`;
  return renderPage({ title: `${info.title} · ${m.title}`, viewer, section: 'documents', body });
}

/** The question before a removal: what goes, and the one button that removes it. */
export function removeConfirmPage(viewer: Viewer, info: DocumentInfo): Html {
  const body = html`<div class="panel"><p>${m.removeQuestion(info.doc, info.title, info.passages)}</p>
<form method="post" action="/documents/remove">${csrfField(viewer)}<input type="hidden" name="doc" value="${info.doc}">
<button type="submit" class="danger">${m.removeConfirm}</button> <a href="${documentUrl(info.doc)}">${m.cancel}</a></form></div>`;
  return renderPage({ title: m.removeTitle, viewer, section: 'documents', body });
}

/** A short page after a change or a refusal, with the way back to the list. */
export function documentNoticePage(viewer: Viewer, title: string, text: string): Html {
  return renderPage({ title, viewer, section: 'documents', body: html`<div class="panel"><p role="status">${text}</p><p><a href="/documents">${m.backToList}</a></p></div>` });
}

/** An upload as its progress page shows it. */
export interface UploadState {
  readonly name: string;
  /** The latest progress line while it runs. */
  readonly progress: string;
  /** How it went, once it is done. */
  readonly lines?: readonly string[];
}

/** The upload's progress (the route refreshes it every 2 seconds, no script needed, until the result is there). */
export function uploadStatusPage(viewer: Viewer, state: UploadState): Html {
  const body = state.lines !== undefined
    ? html`<div class="panel"><p>${m.uploadDone}</p><ul role="status">${state.lines.map((line) => html`<li>${line}</li>`)}</ul><p><a href="/documents">${m.backToList}</a></p></div>`
    : html`<div class="panel"><p role="status" aria-live="polite">${m.uploadWorking(state.name)}<br>${state.progress}</p><p>${m.uploadRefresh}</p></div>`;
  return renderPage({ title: m.uploadTitle, viewer, section: 'documents', body });
}
