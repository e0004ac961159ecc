/**
 * The console on a port (`LVZHI_WEB_PORT`, host `LVZHI_WEB_HOST`): started by `npm start` beside
 * the chat channels or alone, and by tests on a free port (0).
 */
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDepartments } from '../assistant/index.ts';
import type { Services } from '../app.ts';
import { UserError } from '../errors.ts';
import { createWebApp } from './app.ts';
import { webBaseUrl } from './login-links.ts';
import { webMessages as m } from './messages.ts';

/** A running console. */
export interface WebServer {
  /** Where it answers, e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  readonly port: number;
  /** Stop listening and drop idle connections. */
  close(): Promise<void>;
}

/** What the server needs: the services, and where to listen (defaults: the settings). */
export interface WebServerOptions {
  readonly services: Services;
  readonly port?: number;
  readonly host?: string;
  /** The clock of links and sessions (tests move it). */
  readonly now?: () => number;
}

/** Listen for the console; a port in use is a UserError naming it. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { services } = options;
  const settings = services.parts.settings;
  const host = options.host ?? settings.LVZHI_WEB_HOST;
  const wanted = options.port ?? settings.LVZHI_WEB_PORT ?? 0;
  const app = createWebApp({
    services, settings, access: services.access, departments: createDepartments(settings.LVZHI_SCOPES, services.access), now: options.now ?? Date.now,
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: wanted, hostname: host }) as Server;
    started.once('listening', () => resolve(started));
    started.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new UserError('web_port_busy', m.portBusy(wanted), { cause: error }) : error));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: webBaseUrl({ LVZHI_WEB_HOST: host }, port),
    port,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
