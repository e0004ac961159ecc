/** A URL on 127.0.0.1 where nothing listens: a model service that is down. */
import { createServer } from 'node:net';

/** Find a free port, release it, and return the base URL it would have had. */
export async function deadServiceURL(): Promise<string> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return `http://127.0.0.1:${port}/v1`;
}
