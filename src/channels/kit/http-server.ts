/** Stopping a channel's own HTTP server (a webhook, an app's callback). */
import type { Server } from 'node:http';

/** Close the server: no new connections, idle keep-alive ones dropped, resolved once it is closed. */
export function closeHttpServer(server: Server): Promise<void> {
  const closing = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  return closing;
}
