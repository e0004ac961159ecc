/**
 * A Slack stand-in on 127.0.0.1 speaking the real protocols, for end-to-end tests of the bolt app:
 * the Web API (`/api/<method>`, form or JSON bodies, Bearer tokens), private file downloads,
 * the files.uploadV2 upload URL, and Socket Mode (apps.connections.open → a WebSocket that says
 * `hello`, sends envelopes and collects acks). It keeps the messages as a user would see them
 * (posts, then edits applied) and records every call.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { readBody } from './http-body.ts';

/** One Web API call as the stand-in received it. */
export interface RecordedCall {
  readonly method: string;
  readonly args: Record<string, unknown>;
  readonly token: string | undefined;
}

/** A message as Slack would show it now (edits applied). */
export interface StandInMessage {
  readonly ts: string;
  readonly channel: string;
  readonly threadTs: string | undefined;
  text: string;
  blocks: Array<Record<string, unknown>> | undefined;
  readonly user: string;
  readonly files: StandInFile[];
  edits: number;
}

/** A file held by the stand-in (shared by a user, or uploaded by the bot). */
export interface StandInFile {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  data: Buffer;
  readonly mimetype: string;
}

/** What a Socket Mode client sent back for an envelope. */
export interface SocketAck {
  readonly envelope_id: string;
  readonly payload?: unknown;
}

const BOT_TOKEN = 'xoxb-stand-in';
const APP_TOKEN = 'xapp-stand-in';

/** The identity of the bot, as auth.test reports it. */
export const STAND_IN_BOT = { userId: 'UBOT0001', botId: 'BBOT0001', teamId: 'T0000001', botToken: BOT_TOKEN, appToken: APP_TOKEN };

/** A running Slack stand-in. */
export class SlackStandIn {
  readonly calls: RecordedCall[] = [];
  readonly messages: StandInMessage[] = [];
  readonly files = new Map<string, StandInFile>();
  readonly users = new Map<string, { name: string; realName: string }>();
  /** Methods made to fail (`{ ok: false, error }`) for tests of failure handling; `url_private` serves the sign-in page. */
  readonly failing = new Map<string, string>();
  private server: Server | undefined;
  private sockets: WebSocketServer | undefined;
  private readonly openSockets = new Set<WebSocket>();
  private readonly pendingAcks = new Map<string, (ack: SocketAck) => void>();
  private nextTs = 1_700_000_000_000_100;
  private nextFile = 1;

  /** Where a slash command's delayed responses go. */
  get responseUrl(): string {
    return `${this.origin}/response-url`;
  }

  /** The Web API base the bolt app is pointed at (SLACK_API_URL). */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  private get origin(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('stand-in not started');
    return `http://127.0.0.1:${address.port}`;
  }

  /** Listen on a free port of 127.0.0.1. */
  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.route(req, res));
    this.sockets = new WebSocketServer({ server: this.server, path: '/link' });
    this.sockets.on('connection', (socket) => this.onSocket(socket));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  /** Close sockets (with a close frame), then the server. */
  async close(): Promise<void> {
    for (const socket of this.openSockets) socket.close(1001, 'stand-in closing');
    await new Promise<void>((resolve) => (this.sockets ? this.sockets.close(() => resolve()) : resolve()));
    if (this.server) {
      this.server.closeAllConnections();
      await new Promise<void>((resolve) => this.server?.close(() => resolve()));
    }
  }

  /** A file a user shares with the bot; returns the file object an event carries. */
  addFile(name: string, data: Buffer | string, mimetype = 'application/octet-stream'): { id: string; name: string; title: string; size: number } {
    const id = `F${String(this.nextFile++).padStart(8, '0')}`;
    const file: StandInFile = { id, name, title: name, data: Buffer.from(data), mimetype };
    this.files.set(id, file);
    return { id, name, title: name, size: file.data.length };
  }

  /** Calls of one method, in order. */
  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Messages the bot shows in a thread (or top-level when threadTs is undefined and channel-wide is wanted). */
  botMessages(channel: string, threadTs?: string): StandInMessage[] {
    return this.messages.filter(
      (m) => m.channel === channel && m.user === STAND_IN_BOT.userId && (threadTs === undefined || m.threadTs === threadTs || m.ts === threadTs),
    );
  }

  /**
   * Resolve once `check` holds, polling the recorded state. `timeoutMs` is only a last guard,
   * below vitest's two-minute test timeout: a turn takes well under a second quiet and has
   * taken over 10 s on this shared machine under load.
   */
  async waitFor<T>(check: () => T | undefined | false, timeoutMs = 60_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error('stand-in: condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  // ---- Socket Mode -------------------------------------------------------------------------

  /** Whether a Socket Mode client is connected. */
  get socketConnected(): boolean {
    return this.openSockets.size > 0;
  }

  /** Drop every Socket Mode connection from the server side, as Slack does now and then. */
  dropSockets(): void {
    for (const socket of this.openSockets) socket.close(1001, 'stand-in dropped the connection');
  }

  /** Send one envelope to the connected client; resolves with its ack. */
  sendEnvelope(type: 'events_api' | 'slash_commands' | 'interactive', payload: unknown): Promise<SocketAck> {
    const [socket] = this.openSockets;
    if (!socket) throw new Error('no Socket Mode client connected');
    const envelopeId = randomUUID();
    const acked = new Promise<SocketAck>((resolve) => this.pendingAcks.set(envelopeId, resolve));
    socket.send(
      JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' }),
    );
    return acked;
  }

  private onSocket(socket: WebSocket): void {
    this.openSockets.add(socket);
    // Slack pings its clients; bolt reconnects when it hears nothing for 30 s.
    const ping = setInterval(() => socket.ping(), 5_000);
    ping.unref();
    socket.on('close', () => {
      clearInterval(ping);
      this.openSockets.delete(socket);
    });
    socket.on('message', (data) => {
      const ack = JSON.parse(String(data)) as SocketAck;
      this.pendingAcks.get(ack.envelope_id)?.(ack);
      this.pendingAcks.delete(ack.envelope_id);
    });
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0000001' }, debug_info: { host: 'stand-in' } }));
  }

  // ---- HTTP ----------------------------------------------------------------------------------

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const body = await readBody(req);
    const token = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '') || undefined;
    if (url.pathname.startsWith('/files-pri/')) return this.download(url.pathname, token, res);
    if (url.pathname.startsWith('/upload/')) return this.receiveUpload(url.pathname, req, body, res);
    if (url.pathname === '/response-url') {
      // A slash command's response_url: JSON in, plain 200 out.
      this.calls.push({ method: 'POST response_url', args: JSON.parse(body.toString('utf8')) as Record<string, unknown>, token: undefined });
      return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    }
    if (!url.pathname.startsWith('/api/')) return void res.writeHead(404).end();
    const method = url.pathname.slice('/api/'.length);
    const args = parseArgs(req.headers['content-type'] ?? '', body);
    const effectiveToken = token ?? (typeof args.token === 'string' ? args.token : undefined);
    this.calls.push({ method, args, token: effectiveToken });
    const expected = method === 'apps.connections.open' ? APP_TOKEN : BOT_TOKEN;
    const result =
      effectiveToken !== expected
        ? { ok: false, error: 'invalid_auth' }
        : this.failing.has(method)
          ? { ok: false, error: this.failing.get(method) }
          : this.answer(method, args);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(result));
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://stand-in.slack.com/', team: 'stand-in', user: 'lvzhi', team_id: STAND_IN_BOT.teamId, user_id: STAND_IN_BOT.userId, bot_id: STAND_IN_BOT.botId };
      case 'apps.connections.open':
        return { ok: true, url: `${this.origin.replace('http:', 'ws:')}/link?ticket=${randomUUID()}` };
      case 'chat.postMessage': {
        const message = this.post(String(args.channel), args.thread_ts ? String(args.thread_ts) : undefined, String(args.text ?? ''), blocksOf(args));
        return { ok: true, channel: message.channel, ts: message.ts, message: { text: message.text, ts: message.ts } };
      }
      case 'chat.update': {
        const message = this.messages.find((m) => m.channel === args.channel && m.ts === args.ts);
        if (!message) return { ok: false, error: 'message_not_found' };
        message.text = String(args.text ?? '');
        if (args.blocks !== undefined) message.blocks = blocksOf(args);
        message.edits += 1;
        return { ok: true, channel: message.channel, ts: message.ts, text: message.text };
      }
      case 'users.info': {
        const user = this.users.get(String(args.user));
        if (!user) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: { id: args.user, name: user.name, real_name: user.realName, profile: { display_name: user.name, real_name: user.realName } } };
      }
      case 'files.info': {
        const file = this.files.get(String(args.file));
        if (!file) return { ok: false, error: 'file_not_found' };
        return { ok: true, file: this.fileObject(file) };
      }
      case 'files.getUploadURLExternal': {
        const id = `F${String(this.nextFile++).padStart(8, '0')}`;
        this.files.set(id, { id, name: String(args.filename), title: String(args.filename), data: Buffer.alloc(0), mimetype: 'application/octet-stream' });
        return { ok: true, upload_url: `${this.origin}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const listed = JSON.parse(String(args.files)) as Array<{ id: string; title?: string }>;
        const found = listed.map((entry) => this.files.get(entry.id));
        if (found.some((file) => !file || file.data.length === 0)) return { ok: false, error: 'file_not_found' };
        const files = found as StandInFile[];
        if (args.channel_id) {
          const message = this.post(String(args.channel_id), args.thread_ts ? String(args.thread_ts) : undefined, String(args.initial_comment ?? ''), undefined);
          message.files.push(...files);
        }
        return { ok: true, files: files.map((file) => ({ id: file.id, name: file.name, title: file.title })) };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private post(channel: string, threadTs: string | undefined, text: string, blocks: StandInMessage['blocks']): StandInMessage {
    const ts = this.newTs();
    const message: StandInMessage = { ts, channel, threadTs, text, blocks, user: STAND_IN_BOT.userId, files: [], edits: 0 };
    this.messages.push(message);
    return message;
  }

  /**
   * A fresh message ts in Slack's `seconds.micros` form: the current second, as Slack's are
   * (the assistant files "今天" by it), with a counter after the point so each one is unique.
   */
  newTs(): string {
    const seconds = Math.max(Math.floor(Date.now() / 1000), Math.floor(this.nextTs / 1_000_000));
    this.nextTs = Math.max(this.nextTs + 1, seconds * 1_000_000);
    const value = String(this.nextTs);
    return `${value.slice(0, 10)}.${value.slice(10)}`;
  }

  private fileObject(file: StandInFile): Record<string, unknown> {
    const url = `${this.origin}/files-pri/${STAND_IN_BOT.teamId}-${file.id}/${encodeURIComponent(file.name)}`;
    return { id: file.id, name: file.name, title: file.title, size: file.data.length, mimetype: file.mimetype, url_private: url, url_private_download: `${url}?download=1` };
  }

  private download(pathname: string, token: string | undefined, res: ServerResponse): void {
    const id = pathname.split('/')[2]?.split('-')[1] ?? '';
    const file = this.files.get(id);
    this.calls.push({ method: 'GET url_private', args: { file: id }, token });
    if (token !== BOT_TOKEN || !file || this.failing.has('url_private')) {
      // What Slack does without a valid token: a sign-in page, status 200.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><html><body>Sign in to Slack</body></html>');
      return;
    }
    res.writeHead(200, { 'content-type': file.mimetype, 'content-length': file.data.length }).end(file.data);
  }

  private async receiveUpload(pathname: string, req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> {
    const file = this.files.get(pathname.split('/')[2] ?? '');
    if (!file) return void res.writeHead(404).end();
    const type = req.headers['content-type'] ?? '';
    let data = body;
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(new Uint8Array(body), { headers: { 'content-type': type } }).formData();
      const part = [...form.values()].find((value) => typeof value !== 'string') as unknown as Blob | undefined;
      data = part ? Buffer.from(await part.arrayBuffer()) : Buffer.alloc(0);
    }
    file.data = data;
    this.calls.push({ method: 'POST upload_url', args: { file: file.id, bytes: data.length }, token: undefined });
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${data.length}`);
  }
}

/** Start a stand-in. */
export async function startSlackStandIn(): Promise<SlackStandIn> {
  const standIn = new SlackStandIn();
  await standIn.start();
  return standIn;
}

/** Headers Slack signs an HTTP request with (v0, HMAC-SHA256 of `v0:{ts}:{body}`). */
export function signSlackRequest(signingSecret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = 'v0=' + createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

function parseArgs(contentType: string, body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8');
  if (contentType.includes('application/json')) return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  return Object.fromEntries(new URLSearchParams(text));
}

function blocksOf(args: Record<string, unknown>): StandInMessage['blocks'] {
  if (args.blocks === undefined) return undefined;
  return (typeof args.blocks === 'string' ? JSON.parse(args.blocks) : args.blocks) as StandInMessage['blocks'];
}
