/**
 * The web console as one Hono app: security headers on every answer, login open to all, then
 * the session guard, then each section's page module mounted at its path. Failures become a
 * Chinese page (a user error's own message; a fault's reference number, logged on stderr).
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_TABLE_BYTES } from '../input/index.ts';
import { AppError, UserError, errorReference } from '../errors.ts';
import { auditRoutes } from './audit-routes.ts';
import { authRoutes, logoutRoute } from './auth-routes.ts';
import { documentRoutes } from './documents/index.ts';
import { draftRoutes } from './drafts/index.ts';
import type { WebDeps, WebEnv } from './env.ts';
import { sessionGuard } from './guard.ts';
import { messagePage } from './layout.ts';
import { logRoutes } from './log-routes.ts';
import { webMessages as m } from './messages.ts';
import { statsRoutes } from './stats-routes.ts';

// No scripts from elsewhere, no framing, and no Referer: a login link's token must not leak.
const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; form-action 'self'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/** Build the console over its deps (no port is opened: see `startWebServer`). */
export function createWebApp(deps: WebDeps): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
  });
  // Before anything reads a body: the largest upload is an import table.
  app.use('*', bodyLimit({
    maxSize: MAX_TABLE_BYTES + 1024 * 1024,
    onError: (c) => c.html(messagePage(m.failedTitle, m.tooLarge(Math.round(MAX_TABLE_BYTES / 1024 / 1024))), 413),
  }));
  app.route('/', authRoutes(deps));
  app.use('*', sessionGuard(deps));
  app.route('/', logoutRoute(deps));
  app.get('/', (c) => c.redirect('/log', 303));
  app.route('/log', logRoutes(deps));
  app.route('/stats', statsRoutes(deps));
  app.route('/documents', documentRoutes(deps));
  app.route('/drafts', draftRoutes(deps));
  app.route('/audit', auditRoutes(deps));
  app.notFound((c) => c.html(messagePage(m.notFoundTitle, m.notFound, c.get('viewer')), 404));
  app.onError((error, c) => {
    const viewer = c.get('viewer');
    if (error instanceof UserError) return c.html(messagePage(m.failedTitle, error.userMessage, viewer), 400);
    const ref = errorReference();
    process.stderr.write(JSON.stringify({
      time: new Date().toISOString(), level: 'error', ref, code: error instanceof AppError ? error.code : 'web_failed',
      path: c.req.path, message: String(error), stack: error instanceof Error ? error.stack : undefined,
    }) + '\n');
    return c.html(messagePage(m.failedTitle, m.failed(ref), viewer), 500);
  });
  return app;
}
