/**
 * Login and logout. Opening a link shows a button rather than logging in at once: link
 * previewers and the URL scanners of office messengers fetch links by GET, and must not use up a
 * one-time link. The POST takes the link's token out of the store atomically and opens a session.
 */
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import type { WebDeps, WebEnv } from './env.ts';
import { messagePage, renderPage } from './layout.ts';
import { peekLoginLink, redeemLoginLink } from './login-links.ts';
import { webMessages as m } from './messages.ts';
import { endSession, openSession, SESSION_COOKIE } from './sessions.ts';
import { viewerOf } from './viewer.ts';

/** `/login` (GET shows, POST signs in) and `/logout` (POST, behind the session guard). */
export function authRoutes(deps: WebDeps): Hono<WebEnv> {
  const store = deps.services.conversations;
  const app = new Hono<WebEnv>();

  app.get('/login', async (c) => {
    const token = c.req.query('token') ?? '';
    const grant = await peekLoginLink(store, token, deps.now);
    if (!grant) return c.html(messagePage(m.loginTitle, m.linkUsedOrExpired), 410);
    return c.html(renderPage({
      title: m.loginTitle,
      body: html`<div class="panel"><p>${m.loginPrompt(grant.personId)}</p>
<form method="post" action="/login"><input type="hidden" name="token" value="${token}"><button type="submit">${m.loginButton}</button></form></div>`,
    }));
  });

  app.post('/login', async (c) => {
    // No session yet, so no CSRF token: a sign-in posted from another site (to log someone in
    // as the sender of a link) is told apart by what the browser says of the request's origin.
    if (crossSite(c.req.header('sec-fetch-site'))) {
      return c.html(messagePage(m.forbiddenTitle, m.badCsrf), 403);
    }
    const body = await c.req.parseBody();
    const grant = await redeemLoginLink(store, typeof body.token === 'string' ? body.token : '', deps.now);
    if (!grant) return c.html(messagePage(m.loginTitle, m.linkUsedOrExpired), 410);
    const { cookie, session } = await openSession(store, grant, deps.now());
    if (!viewerOf(grant, session.csrfToken, deps.access, deps.departments)) {
      await endSession(store, cookie);
      return c.html(messagePage(m.loginTitle, m.noLongerAllowed), 403);
    }
    // Behind an https address the cookie never travels in clear text (the proxy speaks TLS to browsers).
    const secure = deps.settings.LVZHI_WEB_URL?.startsWith('https://') ?? false;
    setCookie(c, SESSION_COOKIE, cookie, { httpOnly: true, sameSite: 'Strict', path: '/', secure });
    return c.redirect('/log', 303);
  });

  return app;
}

/**
 * Whether a browser says the request came from a page of another site (Sec-Fetch-Site, sent by
 * every current browser). Origin against Host is not used: a reverse proxy in front of the
 * console may rewrite Host and refuse every honest sign-in.
 */
function crossSite(fetchSite: string | undefined): boolean {
  return fetchSite === 'cross-site' || fetchSite === 'same-site';
}

/** `POST /logout`: end the session and forget the cookie (mounted behind the guard, so it needs the CSRF token). */
export function logoutRoute(deps: WebDeps): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  app.post('/logout', async (c) => {
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie) await endSession(deps.services.conversations, cookie);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.html(messagePage(m.signedOutTitle, m.signedOut));
  });
  return app;
}
