/**
 * A DingTalk stand-in on 127.0.0.1 speaking what `dingtalk-stream` speaks: the gateway
 * (`/v1.0/gateway/connections/open` → endpoint and ticket), the Stream WebSocket (SYSTEM
 * CONNECTED/REGISTERED/ping, CALLBACK frames on the robot topic, redelivery of a callback that
 * was not acknowledged), and the APIs a robot answers with: `oauth2/accessToken`, the session
 * webhook, the robot's one-to-one and group send, message-file download and media upload.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { sendJson } from './http-body.ts';
import { readParams } from './telegram-multipart.ts';

/** The robot topic of the Stream protocol. */
export const TOPIC_ROBOT = '/v1.0/im/bot/messages/get';

/** A message the robot sent, by whichever way. */
export interface DingtalkSent {
  /** The conversation it went to. */
  readonly conversationId: string;
  readonly via: 'session' | 'oto' | 'group';
  /** text, markdown, actionCard, sampleFile, sampleImageMsg, … */
  readonly msgtype: string;
  /** What a person reads (text, or the card's text and its buttons). */
  readonly text: string;
  readonly body: Record<string, unknown>;
}

/** What a person writes to the robot. */
export interface DingtalkUserMessage {
  readonly staffId: string;
  readonly nick?: string;
  readonly text?: string;
  readonly file?: { readonly downloadCode: string; readonly fileName: string };
  /** A group conversation id; a one-to-one chat when absent. */
  readonly group?: string;
  readonly msgId?: string;
  /** The session webhook has already expired (the robot must use the robot API). */
  readonly sessionExpired?: boolean;
}

/** Start the stand-in. */
export async function startDingtalkStandIn(options: { redeliverAfterMs?: number; tokenSeconds?: number } = {}) {
  const clientId = 'dingstandinrobot01';
  const clientSecret = 'stand-in-client-secret';
  const sent: DingtalkSent[] = [];
  const files = new Map<string, { name: string; data: Buffer }>();
  const uploads = new Map<string, { name: string; data: Buffer }>();
  const sessions = new Map<string, string>(); // session key → conversation id
  const valid = new Set<string>();
  const unacked = new Map<string, { frame: string; timer: NodeJS.Timeout }>();
  const acks: string[] = [];
  let socket: WebSocket | undefined;
  let registered = false;
  let tokenRequests = 0;
  let busyLeft = 0;
  let next = 1;

  const textOf = (msgtype: string, body: Record<string, unknown>): string => {
    const part = (body[msgtype] ?? {}) as Record<string, unknown>;
    if (msgtype === 'text') return String(part.content ?? '');
    if (msgtype === 'markdown') return String(part.text ?? '');
    if (msgtype === 'actionCard') return [part.text, ...((part.btns as { title: string }[] | undefined) ?? []).map((b) => `[${b.title}]`)].join('\n');
    return '';
  };
  const paramText = (msgKey: string, param: Record<string, unknown>): string =>
    msgKey === 'sampleText' ? String(param.content ?? '') : msgKey === 'sampleFile' ? String(param.fileName ?? '') : msgKey === 'sampleMarkdown' ? String(param.text ?? '') : String(param.photoURL ?? '');

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/files/')) {
      // Downloads are plain GETs of the URL handed out (no token: DingTalk's are pre-signed).
      const file = files.get(decodeURIComponent(url.pathname.slice('/files/'.length)));
      res.writeHead(file ? 200 : 404, { 'content-length': file?.data.length ?? 0 }).end(file?.data);
      return;
    }
    void (async () => {
      const { params, files: uploaded } = await readParams(req, url);
      const path = url.pathname;
      if (path === '/v1.0/gateway/connections/open') {
        if (params.clientId !== clientId || params.clientSecret !== clientSecret) return sendJson(res, 401, { code: 'InvalidAuthentication', message: 'bad client' });
        return sendJson(res, 200, { endpoint: `ws://127.0.0.1:${port}/connect`, ticket: `ticket-${next++}` });
      }
      if (path === '/v1.0/oauth2/accessToken') {
        tokenRequests += 1;
        if (params.appKey !== clientId || params.appSecret !== clientSecret) return sendJson(res, 400, { code: 'invalidClientIdOrSecret', message: '无效的clientId或者clientSecret' });
        const token = `dt-${tokenRequests}-${randomBytes(4).toString('hex')}`;
        valid.add(token);
        return sendJson(res, 200, { accessToken: token, expireIn: options.tokenSeconds ?? 7200 });
      }
      const token = String(req.headers['x-acs-dingtalk-access-token'] ?? params.access_token ?? '');
      if (!valid.has(token)) {
        if (path.startsWith('/v1.0/')) return sendJson(res, 401, { code: 'InvalidAuthentication', message: '不合法的access_token' });
        return sendJson(res, 200, { errcode: 40014, errmsg: '不合法的access_token' });
      }
      if (busyLeft > 0 && (path === '/robot/sendBySession' || path.startsWith('/v1.0/robot/'))) {
        busyLeft -= 1;
        if (path.startsWith('/v1.0/')) return sendJson(res, 429, { code: 'Throttling', message: '请求被流控' });
        return sendJson(res, 200, { errcode: 130101, errmsg: 'send too fast' });
      }
      if (path === '/robot/sendBySession') {
        const conversationId = sessions.get(String(params.session));
        if (!conversationId) return sendJson(res, 200, { errcode: 300001, errmsg: 'session 不存在' });
        const msgtype = String(params.msgtype);
        sent.push({ conversationId, via: 'session', msgtype, text: textOf(msgtype, params), body: params });
        return sendJson(res, 200, { errcode: 0, errmsg: 'ok' });
      }
      if (path === '/v1.0/robot/oToMessages/batchSend' || path === '/v1.0/robot/groupMessages/send') {
        if (params.robotCode !== clientId) return sendJson(res, 400, { code: 'invalidParameter.robotCode', message: 'robotCode 不正确' });
        const group = path.includes('group');
        const conversationId = group ? String(params.openConversationId) : `cid-oto-${(params.userIds as string[])[0]}`;
        const msgKey = String(params.msgKey);
        const param = JSON.parse(String(params.msgParam)) as Record<string, unknown>;
        sent.push({ conversationId, via: group ? 'group' : 'oto', msgtype: msgKey, text: paramText(msgKey, param), body: params });
        return sendJson(res, 200, { processQueryKey: `q${next++}` });
      }
      if (path === '/v1.0/robot/messageFiles/download') {
        const file = files.get(String(params.downloadCode));
        if (!file) return sendJson(res, 400, { code: 'invalidParameter', message: 'downloadCode 无效' });
        return sendJson(res, 200, { downloadUrl: `http://127.0.0.1:${port}/files/${encodeURIComponent(String(params.downloadCode))}` });
      }
      if (path === '/media/upload') {
        const media = uploaded.media;
        if (!media) return sendJson(res, 200, { errcode: 40004, errmsg: '缺少文件' });
        const id = `@media${next++}`;
        uploads.set(id, { name: media.filename, data: media.data });
        return sendJson(res, 200, { errcode: 0, errmsg: 'ok', media_id: id, type: params.type });
      }
      sendJson(res, 404, { code: 'NotFound', message: path });
    })().catch((error: unknown) => sendJson(res, 500, { code: 'InternalError', message: String(error) }));
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, sock, head) => {
    if (!req.url?.startsWith('/connect?ticket=')) return sock.destroy();
    wss.handleUpgrade(req, sock, head, (ws) => {
      socket = ws;
      registered = true;
      ws.on('message', (raw) => {
        const frame = JSON.parse(String(raw)) as { code?: number; headers?: { messageId?: string } };
        const id = frame.headers?.messageId;
        if (id && unacked.has(id)) {
          clearTimeout(unacked.get(id)!.timer);
          unacked.delete(id);
          acks.push(id);
        }
      });
      ws.on('close', () => {
        if (socket === ws) {
          socket = undefined;
          registered = false;
        }
      });
      const system = (topic: string) => JSON.stringify({ specVersion: '1.0', type: 'SYSTEM', headers: { topic, messageId: `sys-${next++}`, contentType: 'application/json', time: String(Date.now()) }, data: '{}' });
      ws.send(system('CONNECTED'));
      ws.send(system('REGISTERED'));
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;
  const apiBase = `http://127.0.0.1:${port}`;

  const push = (frame: string, messageId: string): void => {
    if (!socket) throw new Error('no Stream connection');
    socket.send(frame);
    // The gateway sends an unacknowledged callback again.
    const timer = setTimeout(() => {
      if (unacked.has(messageId) && socket) push(frame, messageId);
    }, options.redeliverAfterMs ?? 60_000);
    unacked.set(messageId, { frame, timer });
  };

  return {
    apiBase,
    clientId,
    clientSecret,
    sent,
    acks,
    get connected() {
      return registered;
    },
    get tokenRequests() {
      return tokenRequests;
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
    uploads,
    /** A file a person is about to send: its download code. */
    userFile(name: string, data: Buffer): string {
      const code = `dl-${next++}`;
      files.set(code, { name, data });
      return code;
    },
    /** A person's message, pushed down the Stream connection as a robot CALLBACK; returns its ids. */
    say(message: DingtalkUserMessage): { messageId: string; conversationId: string } {
      const conversationId = message.group ?? `cid-oto-${message.staffId}`;
      const session = `s${next++}`;
      sessions.set(session, conversationId);
      const now = Date.now();
      const data = {
        conversationId,
        conversationType: message.group ? '2' : '1',
        ...(message.group ? { conversationTitle: '办公室工作群', isInAtList: true } : {}),
        chatbotCorpId: 'dingcorp',
        chatbotUserId: '$:LWCP_v1:$robot',
        msgId: message.msgId ?? `msg${next++}`,
        senderNick: message.nick ?? message.staffId,
        isAdmin: false,
        senderStaffId: message.staffId,
        senderId: `$:LWCP_v1:$${message.staffId}`,
        senderCorpId: 'dingcorp',
        sessionWebhook: `${apiBase}/robot/sendBySession?session=${session}`,
        sessionWebhookExpiredTime: message.sessionExpired ? now - 1000 : now + 90 * 60_000,
        createAt: now,
        robotCode: clientId,
        ...(message.file
          ? { msgtype: 'file', content: { downloadCode: message.file.downloadCode, fileName: message.file.fileName } }
          : { msgtype: 'text', text: { content: message.group ? ` ${message.text ?? ''}` : message.text ?? '' } }),
      };
      const messageId = `cb-${next++}`;
      const frame = JSON.stringify({
        specVersion: '1.0',
        type: 'CALLBACK',
        headers: { appId: 'app', connectionId: 'conn', contentType: 'application/json', messageId, time: String(now), topic: TOPIC_ROBOT },
        data: JSON.stringify(data),
      });
      push(frame, messageId);
      return { messageId, conversationId };
    },
    /** Messages the robot sent into one conversation (a one-to-one chat is `cid-oto-<staffId>`). */
    sentTo(conversationId: string): DingtalkSent[] {
      return sent.filter((m) => m.conversationId === conversationId);
    },
    async close(): Promise<void> {
      for (const { timer } of unacked.values()) clearTimeout(timer);
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A running DingTalk stand-in. */
export type DingtalkStandIn = Awaited<ReturnType<typeof startDingtalkStandIn>>;
