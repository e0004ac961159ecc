/**
 * The web console on a temporary data folder, for HTTP-level and browser tests: the real
 * services (SQLite, the activity log, the knowledge base) behind the real server on a free port
 * of 127.0.0.1, a clock the test moves, and logins through real one-time links.
 */
import { openServices, type Services } from '../../src/app.ts';
import { loadSettings } from '../../src/config.ts';
import { createLinkIssuer, startWebServer, type WebServer } from '../../src/web/index.ts';
import { tempFolder } from './temp-folders.ts';

/** A signed-in session as a browser would hold it. */
export interface WebSession {
  /** `lvzhi_session=…`, for a Cookie header. */
  readonly cookie: string;
  /** The token the session's forms carry. */
  readonly csrf: string;
  /** `fetch` against the console with this session's cookie (no redirects followed). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** POST a form (the CSRF token added unless the fields give `_csrf`). */
  post(path: string, fields: Record<string, string>): Promise<Response>;
}

/** A running console and what it runs on. */
export interface WebRig {
  readonly url: string;
  readonly dataDir: string;
  readonly services: Services;
  readonly server: WebServer;
  /** The console's clock in milliseconds; tests move it forward. */
  now: number;
  /** A fresh one-time login link for a person (as `web-link --as` makes it). */
  link(personId: string): Promise<string>;
  /** Sign in through a link and read the session's CSRF token from a page. */
  login(personId: string): Promise<WebSession>;
  close(): Promise<void>;
}

/** What a rig is set up with. */
export interface WebRigOptions {
  /** Extra settings (LVZHI_ALLOW, LVZHI_ADMINS, LVZHI_SCOPES…). */
  readonly env?: Record<string, string>;
  /** An existing data folder (default: a fresh temporary one). */
  readonly dataDir?: string;
}

/** The `_csrf` field of a page's forms. */
export function csrfOf(page: string): string {
  const found = /name="_csrf" value="([^"]+)"/.exec(page);
  if (!found) throw new Error('no CSRF field on the page');
  return found[1];
}

/** Start the console over a data folder; `close()` stops the server and closes the stores. */
export async function startWebRig(options: WebRigOptions = {}): Promise<WebRig> {
  const dataDir = options.dataDir ?? tempFolder('lvzhi-web-');
  const settings = loadSettings({ LVZHI_DATA_DIR: dataDir, LVZHI_WEB_PORT: '0', ...options.env });
  const services = await openServices({ dataDir, settings });
  const rig: WebRig = {
    url: '', dataDir, services, server: undefined as unknown as WebServer, now: Date.now(),
    async link(personId) {
      const issuer = createLinkIssuer({
        settings: { LVZHI_WEB_HOST: '127.0.0.1', LVZHI_WEB_PORT: rig.server.port }, store: services.conversations, access: services.access, now: () => rig.now,
      });
      return (await issuer.issue({ personId })).url;
    },
    async login(personId) {
      const url = await rig.link(personId);
      const token = new URL(url).searchParams.get('token')!;
      const signIn = await fetch(`${rig.url}/login`, { method: 'POST', body: new URLSearchParams({ token }), redirect: 'manual' });
      const set = signIn.headers.get('set-cookie');
      if (signIn.status !== 303 || !set) throw new Error(`login failed: ${signIn.status}`);
      const cookie = set.split(';')[0];
      const fetchWith = (path: string, init: RequestInit = {}) =>
        fetch(`${rig.url}${path}`, { redirect: 'manual', ...init, headers: { cookie, ...(init.headers as Record<string, string> | undefined) } });
      const csrf = csrfOf(await (await fetchWith('/log')).text());
      return {
        cookie, csrf, fetch: fetchWith,
        post: (path, fields) => fetchWith(path, { method: 'POST', body: new URLSearchParams({ _csrf: csrf, ...fields }) }),
      };
    },
    async close() {
      await rig.server.close();
      await services.close();
    },
  };
  const server = await startWebServer({ services, port: 0, host: '127.0.0.1', now: () => rig.now });
  Object.assign(rig, { server, url: server.url });
  return rig;
}
