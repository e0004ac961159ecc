/**
 * 起草: a request and a period (the chat's period words) give a draft grounded in the log, shown
 * with the facts it rests on; the person edits it in place and every save runs the grounding
 * check again, marking a figure that no longer matches a fact; the edited text downloads as a
 * Word file in the office layout. A draft is kept for its person alone, for 8 hours.
 */
import { Hono, type Context } from 'hono';
import { createDrafter, describeBasis, documentText, draftToDocx, editedDocument } from '../../drafting/index.ts';
import { UserError } from '../../errors.ts';
import { today } from '../../time/index.ts';
import type { WebDeps, WebEnv } from '../env.ts';
import { messagePage } from '../layout.ts';
import { formText } from '../form-fields.ts';
import { KeptValues } from '../kept-values.ts';
import { readPeriod } from '../log-filter.ts';
import { draftMessages as m } from './messages.ts';
import { type KeptDraft, MAX_DRAFT_CHARS, draftPage, draftRequestPage } from './views.ts';

/** How long a draft is kept for editing, and how many at most. */
const DRAFT_KEPT_MS = 8 * 60 * 60_000;
const DRAFTS_KEPT = 500;
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';


/** `attachment` with the Chinese file name (RFC 6266 / 5987) and a plain fallback. */
function attachment(fileName: string): string {
  return `attachment; filename="draft.docx"; filename*=UTF-8''${encodeURIComponent(`${fileName}.docx`)}`;
}

/** The drafts section over the deps' log, knowledge base and model. */
export function draftRoutes(deps: WebDeps): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  const drafts = new KeptValues<KeptDraft>(DRAFT_KEPT_MS, DRAFTS_KEPT, deps.now);
  const { services } = deps;

  const gone = (c: Context<WebEnv>) => c.html(messagePage(m.goneTitle, m.gone, c.get('viewer'), 'drafts'), 404);

  app.get('/', (c) => c.html(draftRequestPage(c.get('viewer'))));

  app.post('/', async (c) => {
    const viewer = c.get('viewer');
    const body = await c.req.parseBody();
    const request = formText(body, 'request');
    const periodWords = formText(body, 'period');
    // Today is the office's calendar day, as in chat.
    const now = today(new Date(deps.now()), deps.settings.LVZHI_TIME_ZONE);
    let from: string | undefined;
    let to: string | undefined;
    if (periodWords) {
      // The whole box must be one period, read as the log page and chat read it.
      const period = readPeriod(periodWords, now);
      if (!period) throw new UserError('bad_period', m.badPeriod(periodWords));
      ({ from, to } = period);
    }
    // Models of style only from what the person may see: their departments and 公共.
    const drafter = createDrafter({
      log: services.activities,
      knowledge: { search: (question, k) => services.knowledge.search(question, k, { scopes: viewer.scopes }) },
      taxonomy: services.taxonomy,
      model: services.parts.models().chat,
    });
    const draft = await drafter.draft({ request, from, to, now });
    const id = drafts.add(viewer.personId, {
      // The editor holds the draft alone (it is what the Word file exports); advice stands beside it with the note.
      request, from: draft.from, to: draft.to, text: documentText(draft.document), document: draft.document, facts: draft.facts,
      fileName: draft.fileName, basis: describeBasis(draft, services.taxonomy), note: [draft.advice, draft.note].filter(Boolean).join('\n') || undefined,
    });
    return c.redirect(`/drafts/${id}`, 303);
  });

  app.get('/:id', (c) => {
    const viewer = c.get('viewer');
    const id = c.req.param('id');
    const draft = drafts.get(id, viewer.personId);
    if (!draft) return gone(c);
    return c.html(draftPage(viewer, id, draft, services.taxonomy));
  });

  app.post('/:id', async (c) => {
    const viewer = c.get('viewer');
    const id = c.req.param('id');
    const draft = drafts.get(id, viewer.personId);
    if (!draft) return gone(c);
    const text = formText(await c.req.parseBody(), 'text').replace(/\r\n?/g, '\n').trim();
    if (text.length > MAX_DRAFT_CHARS) throw new UserError('draft_too_long', m.tooLong(MAX_DRAFT_CHARS));
    drafts.set(id, viewer.personId, { ...draft, text: text || draft.text });
    return c.redirect(`/drafts/${id}`, 303);
  });

  app.get('/:id/docx', async (c) => {
    const viewer = c.get('viewer');
    const draft = drafts.get(c.req.param('id'), viewer.personId);
    if (!draft) return gone(c);
    const bytes = await draftToDocx(editedDocument(draft.document, draft.text), { leadIn: deps.settings.LVZHI_DRAFT_LEAD_IN });
    return c.body(Buffer.from(bytes), 200, { 'Content-Type': DOCX_TYPE, 'Content-Disposition': attachment(draft.fileName) });
  });

  return app;
}
