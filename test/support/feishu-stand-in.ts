/**
 * A Feishu stand-in on 127.0.0.1 speaking what `@larksuiteoapi/node-sdk` speaks: the
 * long-connection endpoint (`/callback/ws/endpoint`), the WebSocket with protobuf frames
 * (ping/pong, event frames acknowledged by the client, an event sent again when not
 * acknowledged within 3 s), and the open API a bot answers with: tenant token, message reply
 * and create, image and file upload, message resources, contact names. Tests can expire
 * tokens and answer "too frequent".
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { decodeFrame, encodeFrame, headerOf } from './feishu-frames.ts';
import { sendJson } from './http-body.ts';
import { readParams } from './telegram-multipart.ts';

/** A message the bot sent. */
export interface FeishuSent {
  readonly chatId: string;
  readonly msgType: string;
  /** What a person reads: the text, the card's text and buttons, or the file's name. */
  readonly text: string;
  readonly content: Record<string, unknown>;
  /** The message it replied to, if it was a reply. */
  readonly replyTo?: string;
  readonly messageId: string;
}

/** What a person does. */
export interface FeishuUserMessage {
  readonly openId: string;
  readonly text?: string;
  readonly file?: { readonly fileKey: string; readonly fileName: string };
  /** A group chat id; a one-to-one chat (`p2p`) when absent. */
  readonly group?: string;
  readonly fromBot?: boolean;
  readonly messageId?: string;
  readonly eventId?: string;
}

/** Start the stand-in. */
export async function startFeishuStandIn(options: { resendAfterMs?: number; tokenSeconds?: number } = {}) {
  const appId = 'cli_a1b2c3d4e5f60718';
  const appSecret = 'stand-in-app-secret';
  const sent: FeishuSent[] = [];
  const messages = new Map<string, { chatId: string }>();
  const resources = new Map<string, { name: string; data: Buffer }>();
  const uploads = new Map<string, { name: string; data: Buffer }>();
  const users = new Map<string, string>();
  const valid = new Set<string>();
  const unacked = new Map<string, NodeJS.Timeout>();
  const acks: { messageId: string; code: number; data?: unknown }[] = [];
  let socket: WebSocket | undefined;
  let tokenRequests = 0;
  let busyLeft = 0;
  let next = 1;
  let pings = 0;

  const textOf = (msgType: string, content: Record<string, unknown>): string => {
    if (msgType === 'text') return String(content.text ?? '');
    if (msgType === 'interactive') {
      const elements = (content.elements ?? []) as { tag: string; text?: { content?: string }; actions?: { text: { content: string } }[] }[];
      return elements.map((e) => (e.tag === 'action' ? (e.actions ?? []).map((a) => `[${a.text.content}]`).join(' ') : e.text?.content ?? '')).join('\n');
    }
    if (msgType === 'file') return uploads.get(String(content.file_key))?.name ?? '';
    if (msgType === 'image') return uploads.get(String(content.image_key))?.name ?? '';
    return '';
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    void (async () => {
      const path = url.pathname;
      const resource = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/resources\/([^/]+)$/.exec(path);
      if (resource && req.method === 'GET') {
        if (!valid.has(String(req.headers.authorization).replace(/^Bearer /, ''))) return sendJson(res, 400, { code: 99991663, msg: 'Invalid access token' });
        const file = resources.get(decodeURIComponent(resource[2]));
        if (!file) return sendJson(res, 400, { code: 234003, msg: 'File not in msg' });
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.data.length });
        return res.end(file.data);
      }
      const { params, files } = await readParams(req, url);
      if (path === '/callback/ws/endpoint') {
        if (params.AppID !== appId || params.AppSecret !== appSecret) return sendJson(res, 200, { code: 514, msg: 'auth failed', data: {} });
        return sendJson(res, 200, {
          code: 0,
          msg: 'ok',
          data: { URL: `ws://127.0.0.1:${port}/ws?device_id=dev${next++}&service_id=33`, ClientConfig: { PingInterval: 120, ReconnectCount: -1, ReconnectInterval: 1, ReconnectNonce: 0 } },
        });
      }
      if (path === '/open-apis/auth/v3/tenant_access_token/internal') {
        tokenRequests += 1;
        if (params.app_id !== appId || params.app_secret !== appSecret) return sendJson(res, 200, { code: 10014, msg: 'app secret invalid' });
        const token = `t-${tokenRequests}-${randomBytes(4).toString('hex')}`;
        valid.add(token);
        return sendJson(res, 200, { code: 0, msg: 'ok', tenant_access_token: token, expire: options.tokenSeconds ?? 7200 });
      }
      if (!valid.has(String(req.headers.authorization).replace(/^Bearer /, ''))) return sendJson(res, 400, { code: 99991663, msg: 'Invalid access token for authorization.' });
      const reply = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/reply$/.exec(path);
      if ((reply || path === '/open-apis/im/v1/messages') && busyLeft > 0) {
        busyLeft -= 1;
        return sendJson(res, 429, { code: 99991400, msg: 'request trigger frequency limit' });
      }
      if (reply || path === '/open-apis/im/v1/messages') {
        // A message to a person (receive_id_type=open_id) lands in their one-to-one chat with the bot.
        const chatId = reply ? messages.get(reply[1])?.chatId : params.receive_id_type === 'open_id' ? `oc_p2p_${String(params.receive_id)}` : String(params.receive_id);
        if (!chatId) return sendJson(res, 400, { code: 230011, msg: 'message not found' });
        const msgType = String(params.msg_type);
        const content = JSON.parse(String(params.content)) as Record<string, unknown>;
        const messageId = `om_bot${next++}`;
        messages.set(messageId, { chatId });
        sent.push({ chatId, msgType, text: textOf(msgType, content), content, messageId, ...(reply ? { replyTo: reply[1] } : {}) });
        return sendJson(res, 200, { code: 0, msg: 'success', data: { message_id: messageId, chat_id: chatId, msg_type: msgType } });
      }
      if (path === '/open-apis/im/v1/images' || path === '/open-apis/im/v1/files') {
        const file = files.image ?? files.file;
        if (!file) return sendJson(res, 400, { code: 234001, msg: 'missing file' });
        const keyName = path.endsWith('images') ? 'image_key' : 'file_key';
        const fileKey = `${keyName === 'image_key' ? 'img' : 'file'}_v3_${next++}`;
        uploads.set(fileKey, { name: String(params.file_name ?? file.filename), data: file.data });
        return sendJson(res, 200, { code: 0, msg: 'success', data: { [keyName]: fileKey } });
      }
      const user = /^\/open-apis\/contact\/v3\/users\/([^/]+)$/.exec(path);
      if (user) {
        const name = users.get(decodeURIComponent(user[1]));
        return name ? sendJson(res, 200, { code: 0, msg: 'success', data: { user: { name } } }) : sendJson(res, 400, { code: 41050, msg: 'no user authority' });
      }
      sendJson(res, 404, { code: 404, msg: `no such api ${path}` });
    })().catch((error: unknown) => sendJson(res, 500, { code: 1, msg: String(error) }));
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, sock, head) => {
    if (!req.url?.startsWith('/ws?')) return sock.destroy();
    wss.handleUpgrade(req, sock, head, (ws) => {
      socket = ws;
      ws.on('message', (raw: Buffer) => {
        const frame = decodeFrame(raw);
        if (frame.method === 0 && headerOf(frame, 'type') === 'ping') {
          pings += 1;
          const config = Buffer.from(JSON.stringify({ PingInterval: 120, ReconnectCount: -1, ReconnectInterval: 1, ReconnectNonce: 0 }));
          ws.send(encodeFrame({ ...frame, headers: [{ key: 'type', value: 'pong' }], payload: config }));
          return;
        }
        const id = headerOf(frame, 'message_id');
        if (frame.method === 1 && id) {
          clearTimeout(unacked.get(id));
          unacked.delete(id);
          const answer = JSON.parse(String(frame.payload ?? '{}')) as { code: number; data?: string };
          acks.push({ messageId: id, code: answer.code, ...(answer.data ? { data: JSON.parse(Buffer.from(answer.data, 'base64').toString('utf8')) as unknown } : {}) });
        }
      });
      ws.on('close', () => {
        if (socket === ws) socket = undefined;
      });
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;
  const domain = `http://127.0.0.1:${port}`;

  /** Push one event down the connection; sent again until acknowledged. */
  const push = (envelope: Record<string, unknown>): string => {
    if (!socket) throw new Error('no long connection');
    const messageId = `ws-${next++}`;
    const payload = Buffer.from(JSON.stringify(envelope));
    const frame = encodeFrame({
      SeqID: 0, LogID: 0, service: 33, method: 1,
      headers: [{ key: 'type', value: 'event' }, { key: 'message_id', value: messageId }, { key: 'sum', value: '1' }, { key: 'seq', value: '0' }, { key: 'trace_id', value: `tr${next}` }],
      payload,
    });
    const send = () => {
      socket?.send(frame);
      unacked.set(messageId, setTimeout(() => unacked.has(messageId) && send(), options.resendAfterMs ?? 3000));
    };
    send();
    return messageId;
  };
  const header = (eventType: string, eventId?: string) => ({
    event_id: eventId ?? `ev${next++}`, event_type: eventType, create_time: String(Date.now()), token: 'verification', app_id: appId, tenant_key: 'tenant',
  });

  return {
    domain,
    appId,
    appSecret,
    sent,
    acks,
    users,
    uploads,
    get connected() {
      return socket !== undefined;
    },
    get tokenRequests() {
      return tokenRequests;
    },
    get pings() {
      return pings;
    },
    get unacked() {
      return unacked.size;
    },
    expireTokens(): void {
      valid.clear();
    },
    busyFor(count: number): void {
      busyLeft = count;
    },
    /** A file in a message a person is about to send: its file_key. */
    userFile(name: string, data: Buffer): string {
      const key = `file_v3_user${next++}`;
      resources.set(key, { name, data });
      return key;
    },
    /** A person's message as an `im.message.receive_v1` event; returns the message id. */
    say(message: FeishuUserMessage): string {
      const messageId = message.messageId ?? `om_user${next++}`;
      const chatId = message.group ?? `oc_p2p_${message.openId}`;
      messages.set(messageId, { chatId });
      const content = message.file
        ? { file_key: message.file.fileKey, file_name: message.file.fileName }
        : { text: message.group ? `@_user_1 ${message.text ?? ''}` : message.text ?? '' };
      push({
        schema: '2.0',
        header: header('im.message.receive_v1', message.eventId),
        event: {
          sender: { sender_id: { open_id: message.openId, union_id: `on_${message.openId}`, user_id: message.openId }, sender_type: message.fromBot ? 'app' : 'user', tenant_key: 'tenant' },
          message: {
            message_id: messageId,
            create_time: String(Date.now()),
            chat_id: chatId,
            chat_type: message.group ? 'group' : 'p2p',
            message_type: message.file ? 'file' : 'text',
            content: JSON.stringify(content),
            ...(message.group ? { mentions: [{ key: '@_user_1', id: { open_id: 'ou_bot' }, name: '履职助手', tenant_key: 'tenant' }] } : {}),
          },
        },
      });
      return messageId;
    },
    /** A press of a card button: `card.action.trigger`. */
    press(openId: string, value: Record<string, unknown>, cardMessageId: string): string {
      return push({
        schema: '2.0',
        header: header('card.action.trigger'),
        event: {
          operator: { open_id: openId, tenant_key: 'tenant' },
          token: 'c-token',
          action: { tag: 'button', value },
          context: { open_message_id: cardMessageId, open_chat_id: messages.get(cardMessageId)?.chatId },
        },
      });
    },
    /** A tap on a bot menu item of the "推送事件" kind: `application.bot.menu_v6` with its key. */
    menu(openId: string, eventKey: string): string {
      return push({
        schema: '2.0',
        header: header('application.bot.menu_v6'),
        event: {
          operator: { operator_id: { open_id: openId, union_id: `on_${openId}`, user_id: openId }, operator_name: openId },
          event_key: eventKey,
          timestamp: String(Date.now()),
        },
      });
    },
    sentTo(chatId: string): FeishuSent[] {
      return sent.filter((m) => m.chatId === chatId);
    },
    async close(): Promise<void> {
      for (const timer of unacked.values()) clearTimeout(timer);
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A running Feishu stand-in. */
export type FeishuStandIn = Awaited<ReturnType<typeof startFeishuStandIn>>;
