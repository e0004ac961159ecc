/** 起草: drafts grounded in the log (issue 18, built on this foundation by its own branch). */
import { Hono } from 'hono';
import type { WebDeps, WebEnv } from './env.ts';
import { messagePage } from './layout.ts';
import { webMessages as m } from './messages.ts';

/** The drafts section; a placeholder until its page lands. */
export function draftRoutes(_deps: WebDeps): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  app.get('/', (c) => c.html(messagePage(m.nav.drafts, m.placeholder(m.nav.drafts), c.get('viewer'), 'drafts')));
  return app;
}
