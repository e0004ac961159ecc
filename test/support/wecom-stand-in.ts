/**
 * A WeCom stand-in on 127.0.0.1: the server API of a self-built app (`gettoken`,
 * `message/send`, `appchat/send`, `media/upload`, `media/get`, `user/get`) and WeCom's side of
 * the callback — it encrypts and signs messages the way WeCom does (WXBizMsgCrypt, written
 * here independently of the channel's code) and posts them to the app's callback URL. Tests
 * can expire tokens, answer "too frequent" and inspect everything the app sent.
 */
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendJson } from './http-body.ts';
import { readParams } from './telegram-multipart.ts';

/** A message the app sent through the API. */
export interface WecomSent {
  /** `user:<userid>` or `chat:<chatid>`. */
  readonly to: string;
  readonly msgtype: string;
  /** The text shown (text, markdown, or the card's titles and buttons). */
  readonly text: string;
  readonly body: Record<string, unknown>;
  readonly at: number;
}

/** What a user "sends": the plain XML WeCom would encrypt. */
export interface WecomUserMessage {
  readonly from: string;
  readonly text?: string;
  readonly file?: { readonly mediaId: string; readonly name: string };
  readonly click?: { readonly key: string; readonly taskId: string };
  /** A press on an item of the app's menu (a `click` button): its key. */
  readonly menu?: string;
  readonly chat?: string;
  readonly msgId?: string;
  readonly createTime?: number;
}

const cdata = (value: string) => `<![CDATA[${value}]]>`;

/** A button of the app's menu as `menu/create` takes it. */
export interface MenuButton {
  readonly type?: string;
  readonly name: string;
  readonly key?: string;
  readonly sub_button?: readonly MenuButton[];
}

/**
 * WeCom's checks of a menu (developer documentation, 创建菜单): 1–3 top-level buttons, 1–5 under
 * each, titles ≤ 16 bytes and items ≤ 40, a click's key ≤ 128 bytes; the refusal it answers, or undefined.
 */
function menuRefusal(button: unknown): { errcode: number; errmsg: string } | undefined {
  const bytes = (text: string) => Buffer.byteLength(text);
  if (!Array.isArray(button) || button.length < 1 || button.length > 3) return { errcode: 40016, errmsg: 'invalid button size' };
  for (const top of button as MenuButton[]) {
    const subs = top.sub_button;
    if (!top.name || bytes(top.name) > 16) return { errcode: 40018, errmsg: 'invalid button name size' };
    for (const item of subs ?? [top]) {
      if (subs && (subs.length < 1 || subs.length > 5)) return { errcode: 40023, errmsg: 'invalid sub button size' };
      if (item !== top && (!item.name || bytes(item.name) > 40)) return { errcode: 40018, errmsg: 'invalid button name size' };
      if (item.type !== 'click') return { errcode: 40017, errmsg: 'invalid button type' };
      if (!item.key || bytes(item.key) > 128) return { errcode: 40019, errmsg: 'invalid button key size' };
    }
  }
  return undefined;
}

/** Start the stand-in. */
export async function startWecomStandIn(options: { corpId?: string; token?: string; aesKey?: string; tokenSeconds?: number } = {}) {
  const corpId = options.corpId ?? 'wwstandin0000001';
  const secret = 'stand-in-app-secret';
  const agentId = 1000002;
  const token = options.token ?? 'standInToken';
  const aesKey = options.aesKey ?? randomBytes(32).toString('base64').slice(0, 43);
  const key = Buffer.from(`${aesKey}=`, 'base64');
  const sent: WecomSent[] = [];
  const media = new Map<string, { name: string; data: Buffer }>();
  const users = new Map<string, string>();
  const valid = new Set<string>();
  /** Every menu the app set (`menu/create`), in order. */
  const menus: MenuButton[][] = [];
  let tokenRequests = 0;
  let busyLeft = 0;
  let dropLeft = 0;
  let nextMedia = 1;
  let nextMsg = 1_000;

  const encrypt = (plain: string): string => {
    const message = Buffer.from(plain, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(message.length);
    const raw = Buffer.concat([randomBytes(16), length, message, Buffer.from(corpId)]);
    const pad = 32 - (raw.length % 32);
    const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
    cipher.setAutoPadding(false);
    return Buffer.concat([cipher.update(Buffer.concat([raw, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
  };
  const sign = (timestamp: string, nonce: string, encrypted: string) =>
    createHash('sha1').update([token, timestamp, nonce, encrypted].sort().join('')).digest('hex');

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    void (async () => {
      const { params, files } = await readParams(req, url);
      const path = url.pathname.replace('/cgi-bin/', '');
      if (path === 'gettoken') {
        tokenRequests += 1;
        if (params.corpid !== corpId || params.corpsecret !== secret) return sendJson(res, 200, { errcode: 40001, errmsg: 'invalid credential' });
        const issued = `tok-${tokenRequests}-${randomBytes(4).toString('hex')}`;
        valid.add(issued);
        return sendJson(res, 200, { errcode: 0, errmsg: 'ok', access_token: issued, expires_in: options.tokenSeconds ?? 7200 });
      }
      if (!valid.has(String(params.access_token))) return sendJson(res, 200, { errcode: 42001, errmsg: 'access_token expired' });
      if ((path === 'message/send' || path === 'appchat/send') && dropLeft > 0) {
        // A server closing an idle keep-alive connection as it is reused: no answer at all.
        dropLeft -= 1;
        return req.socket.destroy();
      }
      if ((path === 'message/send' || path === 'appchat/send') && busyLeft > 0) {
        busyLeft -= 1;
        return sendJson(res, 200, { errcode: 45009, errmsg: 'api freq out of limit' });
      }
      if (path === 'message/send' || path === 'appchat/send') {
        const msgtype = String(params.msgtype);
        const content = (params[msgtype] ?? {}) as Record<string, unknown>;
        const card = content as { main_title?: { title?: string }; sub_title_text?: string; button_list?: { text: string }[] };
        const text =
          msgtype === 'template_card'
            ? [card.main_title?.title, card.sub_title_text, ...(card.button_list ?? []).map((b) => `[${b.text}]`)].filter(Boolean).join('\n')
            : String(content.content ?? media.get(String(content.media_id))?.name ?? '');
        sent.push({ to: path === 'appchat/send' ? `chat:${String(params.chatid)}` : `user:${String(params.touser)}`, msgtype, text, body: params, at: Date.now() });
        return sendJson(res, 200, { errcode: 0, errmsg: 'ok', msgid: `msg${nextMsg++}` });
      }
      if (path === 'menu/create') {
        if (Number(params.agentid) !== agentId) return sendJson(res, 200, { errcode: 301002, errmsg: 'not allow operate another agent with this accesstoken' });
        const refusal = menuRefusal(params.button);
        if (refusal) return sendJson(res, 200, refusal);
        menus.push(params.button as MenuButton[]);
        return sendJson(res, 200, { errcode: 0, errmsg: 'ok' });
      }
      if (path === 'media/upload') {
        const file = files.media;
        if (!file) return sendJson(res, 200, { errcode: 41001, errmsg: 'missing media' });
        const id = `media-${nextMedia++}`;
        media.set(id, { name: file.filename, data: file.data });
        return sendJson(res, 200, { errcode: 0, errmsg: 'ok', type: params.type, media_id: id, created_at: String(Math.floor(Date.now() / 1000)) });
      }
      if (path === 'media/get') {
        const file = media.get(String(params.media_id));
        if (!file) return sendJson(res, 200, { errcode: 40007, errmsg: 'invalid media_id' });
        res.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': file.data.length,
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        });
        return res.end(file.data);
      }
      if (path === 'user/get') return sendJson(res, 200, { errcode: 0, errmsg: 'ok', userid: params.userid, name: users.get(String(params.userid)) ?? '' });
      sendJson(res, 404, { errcode: 404, errmsg: `no such api ${path}` });
    })().catch((error: unknown) => sendJson(res, 500, { errcode: -1, errmsg: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** The plain XML of a user's message, as WeCom would write it before encrypting. */
  const xmlOf = (message: WecomUserMessage): string => {
    const time = message.createTime ?? Math.floor(Date.now() / 1000);
    const head = `<ToUserName>${cdata(corpId)}</ToUserName><FromUserName>${cdata(message.from)}</FromUserName><CreateTime>${time}</CreateTime>`;
    const chat = message.chat ? `<ChatId>${cdata(message.chat)}</ChatId>` : '';
    const id = message.msgId ?? String(nextMsg++);
    if (message.menu) {
      return `<xml>${head}<MsgType>${cdata('event')}</MsgType><Event>${cdata('click')}</Event><EventKey>${cdata(message.menu)}</EventKey><AgentID>${agentId}</AgentID></xml>`;
    }
    if (message.click) {
      return `<xml>${head}<MsgType>${cdata('event')}</MsgType><Event>${cdata('template_card_event')}</Event><EventKey>${cdata(message.click.key)}</EventKey><TaskId>${cdata(message.click.taskId)}</TaskId><AgentID>${agentId}</AgentID></xml>`;
    }
    if (message.file) {
      return `<xml>${head}<MsgType>${cdata('file')}</MsgType><MediaId>${cdata(message.file.mediaId)}</MediaId><FileName>${cdata(message.file.name)}</FileName>${chat}<MsgId>${id}</MsgId><AgentID>${agentId}</AgentID></xml>`;
    }
    return `<xml>${head}<MsgType>${cdata('text')}</MsgType><Content>${cdata(message.text ?? '')}</Content>${chat}<MsgId>${id}</MsgId><AgentID>${agentId}</AgentID></xml>`;
  };

  return {
    apiBase,
    corpId,
    secret,
    agentId,
    token,
    aesKey,
    sent,
    menus,
    media,
    users,
    get tokenRequests() {
      return tokenRequests;
    },
    /** Every token issued so far stops working (WeCom answers 42001 until a new one is fetched). */
    expireTokens(): void {
      valid.clear();
    },
    /** The next `count` sends get their connection closed with no answer ("other side closed"). */
    dropSends(count: number): void {
      dropLeft = count;
    },
    /** The next `count` sends answer errcode 45009 (api freq out of limit). */
    busyFor(count: number): void {
      busyLeft = count;
    },
    /** A file a user is about to send: stored as media, its media_id returned. */
    userFile(name: string, data: Buffer): string {
      const id = `user-media-${nextMedia++}`;
      media.set(id, { name, data });
      return id;
    },
    xmlOf,
    /** The signed envelope WeCom posts: query string and XML body. */
    envelope(plainXml: string, at: { timestamp?: string; nonce?: string } = {}) {
      const timestamp = at.timestamp ?? String(Math.floor(Date.now() / 1000));
      const nonce = at.nonce ?? String(randomBytes(5).readUIntBE(0, 5));
      const encrypted = encrypt(plainXml);
      const query = new URLSearchParams({ msg_signature: sign(timestamp, nonce, encrypted), timestamp, nonce });
      return { query, body: `<xml><ToUserName>${cdata(corpId)}</ToUserName><Encrypt>${cdata(encrypted)}</Encrypt><AgentID>${cdata(String(agentId))}</AgentID></xml>` };
    },
    /** Post a signed envelope to the callback URL; the HTTP status and body come back. */
    async post(callbackUrl: string, envelope: { query: URLSearchParams; body: string }) {
      const response = await fetch(`${callbackUrl}?${envelope.query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: envelope.body });
      return { status: response.status, body: await response.text() };
    },
    /** A user's message, encrypted, signed and posted as WeCom does. */
    async deliver(callbackUrl: string, message: WecomUserMessage) {
      return this.post(callbackUrl, this.envelope(xmlOf(message)));
    },
    /** WeCom's URL check: GET with an encrypted echostr; the app must answer the plain text. */
    async verifyUrl(callbackUrl: string, echo = String(Date.now())) {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const nonce = '12345';
      const echostr = encrypt(echo);
      const query = new URLSearchParams({ msg_signature: sign(timestamp, nonce, echostr), timestamp, nonce, echostr });
      const response = await fetch(`${callbackUrl}?${query}`);
      return { status: response.status, body: await response.text(), echo };
    },
    /** Messages the app sent to one user or chat (`user:<id>` / `chat:<id>`). */
    sentTo(to: string): WecomSent[] {
      return sent.filter((m) => m.to === to);
    },
    async close(): Promise<void> {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A running WeCom stand-in. */
export type WecomStandIn = Awaited<ReturnType<typeof startWecomStandIn>>;
