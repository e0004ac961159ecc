/** 文档: the knowledge base's documents (issue 18, built on this foundation by its own branch). */
import { Hono } from 'hono';
import type { WebDeps, WebEnv } from './env.ts';
import { messagePage } from './layout.ts';
import { webMessages as m } from './messages.ts';

/** The documents section; a placeholder until its page lands. */
export function documentRoutes(_deps: WebDeps): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  app.get('/', (c) => c.html(messagePage(m.nav.documents, m.placeholder(m.nav.documents), c.get('viewer'), 'documents')));
  return app;
}
