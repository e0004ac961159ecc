/**
 * The gate in front of every page: no session, no office data (a plain page says how to get a
 * link); a request that changes anything must carry the session's CSRF token, in the form field
 * `_csrf` or the `X-CSRF-Token` header, or it is refused with 403 and nothing changes.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { WebDeps, WebEnv } from './env.ts';
import { messagePage } from './layout.ts';
import { webMessages as m } from './messages.ts';
import { endSession, resumeSession, SESSION_COOKIE } from './sessions.ts';
import { viewerOf } from './viewer.ts';

/** Whether two secrets are equal, in time that does not depend on where they differ. */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The CSRF token a request sent: the header, else the form field. */
async function sentToken(c: Context): Promise<string | undefined> {
  const header = c.req.header('x-csrf-token');
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return undefined;
  // Hono keeps the parsed body, so the handler reads it again for free.
  const field = (await c.req.parseBody())._csrf;
  return typeof field === 'string' ? field : undefined;
}

/** Require a live session (and a CSRF token on anything but GET/HEAD); sets `viewer` and `services`. */
export function sessionGuard(deps: WebDeps): MiddlewareHandler<WebEnv> {
  const store = deps.services.conversations;
  return async (c, next) => {
    const cookie = getCookie(c, SESSION_COOKIE);
    const session = await resumeSession(store, cookie, deps.now());
    if (!session) return c.html(messagePage(m.notSignedInTitle, m.notSignedIn), 401);
    const viewer = viewerOf(session, session.csrfToken, deps.access, deps.departments);
    if (!viewer) {
      await endSession(store, cookie!);
      return c.html(messagePage(m.notSignedInTitle, m.noLongerAllowed), 403);
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && !sameSecret(await sentToken(c), viewer.csrfToken)) {
      return c.html(messagePage(m.forbiddenTitle, m.badCsrf, viewer), 403);
    }
    c.set('viewer', viewer);
    c.set('services', deps.services);
    await next();
  };
}
