/**
 * The 起草 page's HTML: the request form; a draft with every counted figure either linked to
 * the fact (and so the log entries) it states, or marked as matching none; the facts with their
 * entries beside it; the editor, and the Word download. Everything reads with scripts off.
 */
import { html } from 'hono/html';
import { checkFigures, KindWords, type DraftDocument, type Fact } from '../../drafting/index.ts';
import type { Taxonomy } from '../../reader/index.ts';
import { csrfField, renderPage, type Html } from '../layout.ts';
import type { Viewer } from '../viewer.ts';
import { draftMessages as m } from './messages.ts';

/** A draft kept for its person while they edit it. */
export interface KeptDraft {
  readonly request: string;
  readonly from: string;
  readonly to: string;
  /** The facts, each with its first entries (a half-year may count tens of thousands). */
  readonly facts: readonly Fact[];
  /** The text as last saved (the draft's own at first). */
  readonly text: string;
  /** The drafted layout (title, paragraph styles, basis) the Word export starts from. */
  readonly document: DraftDocument;
  readonly fileName: string;
  /** What the draft rests on and any note, as chat shows them. */
  readonly basis: string;
  readonly note?: string;
}

/** The request form (also at the top of a draft's page, to start again). */
export function requestForm(viewer: Viewer, request = '', period = ''): Html {
  return html`<form method="post" action="/drafts" class="panel wide">${csrfField(viewer)}
<p><label for="request">${m.requestLabel}</label><br><textarea id="request" name="request" rows="3" required>${request}</textarea></p>
<p><label for="period">${m.periodLabel}</label><br><input id="period" name="period" value="${period}" aria-describedby="period-hint">
<br><small id="period-hint" class="muted">${m.periodHint}</small></p>
<p><button type="submit">${m.draftButton}</button></p></form>`;
}

/** The page with the request form alone. */
export function draftRequestPage(viewer: Viewer): Html {
  return renderPage({ title: m.title, viewer, section: 'drafts', body: html`<p>${m.intro}</p>${requestForm(viewer)}` });
}

const kindsOf = (fact: Fact, taxonomy: Taxonomy) => fact.kinds.map((k) => taxonomy.label(k)).join('、');

/** One line of the draft with its figures linked to their facts or marked. */
function checkedLine(line: string, facts: readonly Fact[], taxonomy: Taxonomy, words: KindWords): Html {
  const pieces: Array<Html | string> = [];
  let at = 0;
  for (const figure of checkFigures(line, facts, words)) {
    pieces.push(line.slice(at, figure.index));
    at = figure.index + figure.text.length;
    if (figure.facts.length === 0) {
      pieces.push(html`<mark class="ungrounded" title="${m.ungroundedTitle}">${figure.text}<span class="visually-hidden">${m.ungroundedHidden}</span></mark>`);
    } else {
      const what = figure.facts.map((i) => m.fact(kindsOf(facts[i], taxonomy), facts[i].count)).join('；');
      pieces.push(html`<a class="figure" href="#fact-${figure.facts[0]}" title="${m.groundedTitle(what)}">${figure.text}</a>`);
    }
  }
  pieces.push(line.slice(at));
  return html`${pieces}`;
}

/** The facts beside the draft, each with the first entries it counts (their numbers and titles) and how many more. */
function factList(draft: KeptDraft, taxonomy: Taxonomy): Html {
  const shown = draft.facts.map((fact, i) => ({ fact, i })).filter(({ fact }) => fact.count > 0);
  if (!shown.length) return html`<p>${m.noFacts}</p>`;
  return html`<ol class="facts">${shown.map(({ fact, i }) => {
    // The drafter lists the first titles in the same (date) order as the ids.
    const listed = fact.titles.slice(0, fact.ids.length).map((title, n) => html`<li>${m.entry(fact.ids[n], title)}</li>`);
    const more = fact.count - listed.length;
    // Every entry it counts, on the log page: one link per kind (the log filters one kind at a time).
    const inLog = fact.kinds.map((kind) => html`<a href="/log?${new URLSearchParams({ period: `${draft.from}至${draft.to}`, kind })}">${taxonomy.label(kind)}</a>`);
    return html`<li id="fact-${i}"><strong>${m.fact(kindsOf(fact, taxonomy), fact.count)}</strong>
<details><summary>${m.factEntries(fact.count)}</summary><ol>${listed}</ol>${more > 0 ? html`<p class="muted">${m.moreEntries(more)}</p>` : ''}</details>
<p class="muted">${m.inLog}${inLog.flatMap((link, n) => (n ? ['、', link] : [link]))}</p></li>`;
  })}</ol>`;
}

/** Most characters an edited draft may hold. */
export const MAX_DRAFT_CHARS = 20_000;

/** A draft: the checked text, the facts with their entries, the editor and the download. */
export function draftPage(viewer: Viewer, id: string, draft: KeptDraft, taxonomy: Taxonomy): Html {
  const lines = draft.text.split('\n');
  // A figure must count the kind its sentence names, as the drafter checks it.
  const words = new KindWords(taxonomy.kinds);
  const figures = checkFigures(draft.text, draft.facts, words);
  const stray = figures.filter((f) => f.facts.length === 0);
  const summary = stray.length
    ? html`<p class="notice error" role="alert">${m.ungrounded(stray.map((f) => f.text).join('、'))}</p>`
    : html`<p class="notice ok" role="status">${m.allGrounded(figures.length)}</p>`;
  const [title = '', ...rest] = lines;
  const body = html`<div class="side">
<article class="panel draft" aria-labelledby="draft-heading"><h2 id="draft-heading">${m.draftHeading}</h2>${summary}
<h3 class="draft-title">${checkedLine(title, draft.facts, taxonomy, words)}</h3>
${rest.filter((line) => line.trim()).map((line) => html`<p>${checkedLine(line, draft.facts, taxonomy, words)}</p>`)}
<p><a href="/drafts/${id}/docx" download>${m.download}</a>${stray.length ? html` <span class="muted">${m.downloadWarning}</span>` : ''}</p>
</article>
<aside class="panel" aria-labelledby="facts-heading"><h2 id="facts-heading">${m.factsHeading}</h2><p>${m.period(draft.from, draft.to)}</p>
${factList(draft, taxonomy)}<p class="basis">${draft.basis}</p>${draft.note ? html`<p class="note">${draft.note}</p>` : ''}</aside></div>
<section class="panel wide" aria-labelledby="edit-heading"><h2 id="edit-heading">${m.editHeading}</h2>
<form method="post" action="/drafts/${id}">${csrfField(viewer)}
<p><label for="text">${m.editLabel}</label><br><textarea id="text" name="text" rows="16" maxlength="${MAX_DRAFT_CHARS}">${draft.text}</textarea></p>
<p><button type="submit">${m.editButton}</button></p></form></section>
<details><summary>${m.newDraft}</summary>${requestForm(viewer, draft.request)}</details>`;
  return renderPage({ title: m.draftTitle(title), viewer, section: 'drafts', body });
}
