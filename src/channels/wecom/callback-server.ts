/**
 * The HTTP endpoint WeCom calls (`/wecom/callback`): GET verifies the URL (the decrypted
 * `echostr` goes back), POST carries an encrypted message. Forged, stale and replayed requests
 * get 401; a good one is acknowledged at once (WeCom retries after 5 s) and handed on.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { BoundedMap, type ChannelLogger } from '../kit/index.ts';
import { CallbackRefused, type CallbackCrypto } from './callback-crypto.ts';
import { readCallbackMessage, xmlFields, type CallbackMessage } from './callback-xml.ts';

/** The path WeCom is told to call. */
export const CALLBACK_PATH = '/wecom/callback';
/** Requests signed longer ago (or further ahead) than this are refused as replays. */
export const REPLAY_WINDOW_SECONDS = 300;
/** A callback body is a few kilobytes; anything past this is refused unread. */
const MAX_BODY_BYTES = 256 * 1024;

async function readLimited(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new CallbackRefused('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Build the callback server (not listening yet); `onMessage` runs after the acknowledgement. */
export function callbackServer(crypto: CallbackCrypto, logger: ChannelLogger, onMessage: (message: CallbackMessage) => void, now = () => Date.now()): Server {
  // A signature is used once: the same signed request again is a replay.
  const usedSignatures = new BoundedMap<string, true>(50_000, REPLAY_WINDOW_SECONDS * 2000);
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== CALLBACK_PATH || (req.method !== 'GET' && req.method !== 'POST')) {
      res.writeHead(404).end();
      return;
    }
    const q = (name: string) => url.searchParams.get(name) ?? '';
    void (async () => {
      const timestamp = q('timestamp');
      if (Math.abs(now() / 1000 - Number(timestamp)) > REPLAY_WINDOW_SECONDS || !Number.isFinite(Number(timestamp))) {
        throw new CallbackRefused('timestamp outside the replay window');
      }
      if (req.method === 'GET') {
        crypto.verify(q('msg_signature'), timestamp, q('nonce'), q('echostr'));
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(crypto.decrypt(q('echostr')));
        return;
      }
      const encrypted = xmlFields(await readLimited(req)).Encrypt ?? '';
      crypto.verify(q('msg_signature'), timestamp, q('nonce'), encrypted);
      if (!usedSignatures.firstSight(`${q('msg_signature')}:${q('nonce')}`, true)) throw new CallbackRefused('replayed request');
      const message = readCallbackMessage(crypto.decrypt(encrypted));
      // Acknowledge first: the answer goes through the message API, whenever it is ready.
      res.writeHead(200, { 'content-type': 'text/plain' }).end('');
      onMessage(message);
    })().catch((error: unknown) => {
      if (error instanceof CallbackRefused) {
        logger.warn('callback refused', { reason: error.message, remote: req.socket.remoteAddress });
        if (!res.headersSent) res.writeHead(401).end();
        return;
      }
      logger.error('callback failed', { error });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
}
