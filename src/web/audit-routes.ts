/** 审计: placeholder until its page lands. */
import { Hono } from 'hono';
import type { WebDeps, WebEnv } from './env.ts';
import { messagePage } from './layout.ts';
import { webMessages as m } from './messages.ts';

/** The audit section. */
export function auditRoutes(_deps: WebDeps): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  app.get('/', (c) => c.html(messagePage(m.nav.audit, m.placeholder(m.nav.audit), c.get('viewer'), 'audit')));
  return app;
}
