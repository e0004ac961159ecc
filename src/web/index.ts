/**
 * The office web console (issue 18): server-rendered Chinese pages over the same services as
 * the chat channels, signed in through a one-time link from chat (`/web`) or the command line
 * (`web-link`). Page modules are Hono sub-apps over `WebDeps`, drawn in the shared layout.
 */
export { startWebServer, type WebServer, type WebServerOptions } from './server.ts';
export { createWebApp } from './app.ts';
export { createLinkIssuer, type LinkIssuer, type LinkIssuerOptions } from './link-issuer.ts';
export { isWildcardHost, LOGIN_LINK_TTL_MS, webBaseUrl, type LoginGrant, type LoginLink, type WebAddress } from './login-links.ts';
export { SESSION_COOKIE, SESSION_IDLE_MS } from './sessions.ts';
export { renderPage, messagePage, csrfField, SECTIONS, type Html, type PageParts, type SectionId } from './layout.ts';
export { sessionGuard, sameSecret } from './guard.ts';
export { webMessages } from './messages.ts';
export type { Viewer } from './viewer.ts';
export type { PageModule, WebDeps, WebEnv } from './env.ts';
