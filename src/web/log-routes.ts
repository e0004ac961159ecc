/** 活动记录: placeholder until its page lands. */
import { Hono } from 'hono';
import type { WebDeps, WebEnv } from './env.ts';
import { messagePage } from './layout.ts';
import { webMessages as m } from './messages.ts';

/** The log section. */
export function logRoutes(_deps: WebDeps): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  app.get('/', (c) => c.html(messagePage(m.nav.log, m.placeholder(m.nav.log), c.get('viewer'), 'log')));
  return app;
}
