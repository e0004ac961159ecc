/** The request and response plumbing every stand-in server shares (Bot API, Slack, OpenAI). */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The whole body of a request, as bytes. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Answer with a JSON body and its length (some clients read by length, not to the close). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
