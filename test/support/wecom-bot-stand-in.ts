/**
 * A stand-in for WeCom's AI bot long connection on 127.0.0.1, speaking the JSON frames
 * `@wecom/aibot-node-sdk` speaks: `aibot_subscribe` (bot id and secret checked), `ping`,
 * `aibot_msg_callback` / `aibot_event_callback` pushed to the bot, and the bot's
 * `aibot_respond_msg` (streams, cards, media), `aibot_send_msg` and the three-step media upload,
 * each acknowledged by req_id. Files a person sends are served AES-encrypted, as WeCom does.
 */
import { createCipheriv, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** What the person sees of one bot message: a stream (latest content), a pushed message, a card, a file. */
export interface BotShown {
  readonly chatid: string;
  readonly kind: 'stream' | 'markdown' | 'template_card' | 'file' | 'image';
  text: string;
  finished: boolean;
  updates: number;
  readonly body: Record<string, unknown>;
}

interface Frame {
  cmd?: string;
  headers?: { req_id?: string };
  body?: Record<string, unknown>;
}

/** Start the stand-in. */
export async function startWecomBotStandIn() {
  const botId = 'aibstandin0001';
  const secret = 'stand-in-bot-secret';
  const shown: BotShown[] = [];
  const streams = new Map<string, BotShown>();
  const chatOfReq = new Map<string, string>();
  const uploads = new Map<string, { filename: string; chunks: Buffer[]; type: string }>();
  const media = new Map<string, { filename: string; data: Buffer }>();
  const files = new Map<string, { name: string; data: Buffer }>();
  const frames: Frame[] = [];
  let socket: WebSocket | undefined;
  let authenticated = false;
  let busyLeft = 0;
  let next = 1;

  const server: Server = createServer((req, res) => {
    // Files people send: served encrypted, named in Content-Disposition.
    const file = files.get(decodeURIComponent((req.url ?? '').replace(/^\/files\//, '')));
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-length': file.data.length, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}` }).end(file.data);
  });
  const wss = new WebSocketServer({ server });
  const ack = (ws: WebSocket, reqId: string, extra: Record<string, unknown> = {}) => ws.send(JSON.stringify({ headers: { req_id: reqId }, errcode: 0, errmsg: 'ok', ...extra }));
  wss.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as Frame;
      frames.push(frame);
      const reqId = frame.headers?.req_id ?? '';
      const body = frame.body ?? {};
      if (frame.cmd === 'aibot_subscribe') {
        authenticated = body.bot_id === botId && body.secret === secret;
        return ws.send(JSON.stringify({ headers: { req_id: reqId }, errcode: authenticated ? 0 : 40058, errmsg: authenticated ? 'ok' : 'invalid bot secret' }));
      }
      if (!authenticated) return;
      if (frame.cmd === 'ping') return ack(ws, reqId);
      if ((frame.cmd === 'aibot_respond_msg' || frame.cmd === 'aibot_send_msg') && busyLeft > 0) {
        busyLeft -= 1;
        return ws.send(JSON.stringify({ headers: { req_id: reqId }, errcode: 45009, errmsg: 'api freq out of limit' }));
      }
      if (frame.cmd === 'aibot_respond_msg' || frame.cmd === 'aibot_send_msg') {
        const chatid = frame.cmd === 'aibot_send_msg' ? String(body.chatid) : chatOfReq.get(reqId) ?? '?';
        const msgtype = String(body.msgtype);
        if (msgtype === 'stream') {
          const stream = body.stream as { id: string; content: string; finish: boolean };
          let entry = streams.get(stream.id);
          if (!entry) {
            entry = { chatid, kind: 'stream', text: '', finished: false, updates: 0, body };
            streams.set(stream.id, entry);
            shown.push(entry);
          }
          if (entry.finished) return ws.send(JSON.stringify({ headers: { req_id: reqId }, errcode: 846608, errmsg: 'stream message update expired' }));
          entry.text = stream.content;
          entry.finished = stream.finish;
          entry.updates += 1;
        } else if (msgtype === 'markdown') {
          shown.push({ chatid, kind: 'markdown', text: String((body.markdown as { content: string }).content), finished: true, updates: 1, body });
        } else if (msgtype === 'template_card') {
          const card = body.template_card as { main_title?: { title?: string }; button_list?: { text: string }[] };
          shown.push({ chatid, kind: 'template_card', text: [card.main_title?.title, ...(card.button_list ?? []).map((b) => `[${b.text}]`)].join('\n'), finished: true, updates: 1, body });
        } else if (msgtype === 'file' || msgtype === 'image') {
          const item = media.get(String((body[msgtype] as { media_id: string }).media_id));
          shown.push({ chatid, kind: msgtype, text: item?.filename ?? '?', finished: true, updates: 1, body });
        }
        return ack(ws, reqId);
      }
      if (frame.cmd === 'aibot_upload_media_init') {
        const uploadId = `up${next++}`;
        uploads.set(uploadId, { filename: String(body.filename), chunks: [], type: String(body.type) });
        return ack(ws, reqId, { body: { upload_id: uploadId } });
      }
      if (frame.cmd === 'aibot_upload_media_chunk') {
        uploads.get(String(body.upload_id))!.chunks[Number(body.chunk_index)] = Buffer.from(String(body.base64_data), 'base64');
        return ack(ws, reqId);
      }
      if (frame.cmd === 'aibot_upload_media_finish') {
        const upload = uploads.get(String(body.upload_id))!;
        const mediaId = `mid${next++}`;
        media.set(mediaId, { filename: upload.filename, data: Buffer.concat(upload.chunks) });
        return ack(ws, reqId, { body: { media_id: mediaId, type: upload.type, created_at: String(Date.now()) } });
      }
      ws.send(JSON.stringify({ headers: { req_id: reqId }, errcode: 40000, errmsg: `unknown cmd ${String(frame.cmd)}` }));
    });
    ws.on('close', () => {
      if (socket === ws) {
        socket = undefined;
        authenticated = false;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const push = (cmd: string, chatid: string, body: Record<string, unknown>): string => {
    if (!socket || !authenticated) throw new Error('bot not connected');
    const reqId = `req${next++}`;
    chatOfReq.set(reqId, chatid);
    socket.send(JSON.stringify({ cmd, headers: { req_id: reqId }, body }));
    return reqId;
  };
  const base = (userid: string, group?: string) => ({
    msgid: `msg${next++}`, aibotid: botId, chattype: group ? 'group' : 'single', ...(group ? { chatid: group } : {}), from: { userid }, create_time: Math.floor(Date.now() / 1000),
  });

  return {
    wsUrl: `ws://127.0.0.1:${port}`,
    botId,
    secret,
    shown,
    frames,
    media,
    get connected() {
      return authenticated;
    },
    busyFor(count: number): void {
      busyLeft = count;
    },
    /** A person's text (in a group when `group` is given); returns the req_id. */
    say(userid: string, text: string, options: { group?: string; msgid?: string } = {}): string {
      return push('aibot_msg_callback', options.group ?? userid, { ...base(userid, options.group), ...(options.msgid ? { msgid: options.msgid } : {}), msgtype: 'text', text: { content: options.group ? `@履职助手 ${text}` : text } });
    },
    /** A person's file, served encrypted with a fresh AES key, as WeCom does. */
    sendFile(userid: string, name: string, data: Buffer): string {
      const key = randomBytes(32);
      const pad = 32 - (data.length % 32);
      const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
      cipher.setAutoPadding(false);
      const id = `f${next++}`;
      files.set(id, { name, data: Buffer.concat([cipher.update(Buffer.concat([data, Buffer.alloc(pad, pad)])), cipher.final()]) });
      return push('aibot_msg_callback', userid, { ...base(userid), msgtype: 'file', file: { url: `http://127.0.0.1:${port}/files/${id}`, aeskey: key.toString('base64') } });
    },
    /** A press on a card button. */
    press(userid: string, eventKey: string, taskId: string): string {
      return push('aibot_event_callback', userid, { ...base(userid), msgtype: 'event', event: { eventtype: 'template_card_event', template_card_event: { card_type: 'button_interaction', event_key: eventKey, task_id: taskId }, event_key: eventKey, task_id: taskId } });
    },
    shownIn(chatid: string): BotShown[] {
      return shown.filter((s) => s.chatid === chatid);
    },
    async close(): Promise<void> {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A running AI bot stand-in. */
export type WecomBotStandIn = Awaited<ReturnType<typeof startWecomBotStandIn>>;
