/** 统计: placeholder until its page lands. */
import { Hono } from 'hono';
import type { WebDeps, WebEnv } from './env.ts';
import { messagePage } from './layout.ts';
import { webMessages as m } from './messages.ts';

/** The stats section. */
export function statsRoutes(_deps: WebDeps): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  app.get('/', (c) => c.html(messagePage(m.nav.stats, m.placeholder(m.nav.stats), c.get('viewer'), 'stats')));
  return app;
}
