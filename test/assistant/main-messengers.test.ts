/**
 * `npm start` with only one messenger's settings — the WeCom app, the WeCom AI bot, DingTalk,
 * Feishu — as a child process against that platform's stand-in: it starts that channel alone,
 * answers an allowed person from the sample documents, logs their activity under
 * `<platform>:<id>`, refuses a stranger showing the stranger's id, ingests a document the admin
 * sends, returns a draft as a Word file, and stops cleanly on SIGTERM.
 * One data folder serves the four runs in turn (the samples are ingested on the first).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDingtalkStandIn } from '../support/dingtalk-stand-in.ts';
import { startFeishuStandIn } from '../support/feishu-stand-in.ts';
import { startWecomBotStandIn } from '../support/wecom-bot-stand-in.ts';
import { startWecomStandIn } from '../support/wecom-stand-in.ts';
import { startMain, type MainRun } from '../support/run-main.ts';

async function waitFor<T>(probe: () => T | undefined | false, what: string, run: MainRun, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; stderr: ${run.stderr().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** What one platform's run needs: start, a person's message or file, what they were shown. */
interface Platform {
  env: Record<string, string>;
  say(user: string, text: string): Promise<void>;
  sendFile(user: string, name: string, data: Buffer): Promise<void>;
  shown(user: string): string[];
  /** Names of the files the bot sent (uploaded). */
  files(): string[];
  close(): Promise<void>;
}

/** A document an admin drops in: a rule the sample documents do not have. */
const RULE = Buffer.from('# 联络站值班制度\n\n第一条 代表联络站每周三上午安排代表值班，接待群众来访。\n');

/** One activity per run, on its own day (the same entry twice would be a duplicate to confirm). */
const logOn = (day: number) => `6月${day}日组织代表视察了安全生产工作`;

describe('npm start with one messenger configured', () => {
  let dataDir: string;
  const cwds: string[] = [];

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'lvzhi-main-messengers-'));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    for (const cwd of cwds) rmSync(cwd, { recursive: true, force: true });
  });

  async function serve(name: string, platform: Platform, member: string, stranger: string, channelName: string, day: number): Promise<void> {
    const run = startMain(dataDir, { ...platform.env, LVZHI_ALLOW: `${name}:${member}`, LVZHI_ADMINS: `${name}:${member}` });
    cwds.push(run.cwd);
    try {
      await waitFor(() => run.stderr().includes('履职助手已启动'), 'the start', run, 90_000);
      expect(run.stderr()).toContain(`履职助手已启动：${channelName}。`);
      await platform.say(member, '常委会会议多久开一次');
      await waitFor(() => platform.shown(member).some((t) => t.includes('每两个月')), 'the answer from the samples', run);
      await platform.say(stranger, logOn(day));
      await waitFor(() => platform.shown(stranger).some((t) => t.includes(`${name}:${stranger}`)), 'the refusal naming the id', run);
      await platform.say(member, logOn(day));
      await waitFor(() => platform.shown(member).some((t) => t.includes('已记录')), 'the logged activity', run);
      await platform.sendFile(member, `值班制度${day}.md`, RULE);
      await waitFor(() => platform.shown(member).some((t) => t.includes(`已收录《值班制度${day}》`)), 'the ingested document', run);
      await platform.say(member, '/draft 上半年代表工作');
      await waitFor(() => platform.files().some((f) => f.endsWith('.docx')), 'the draft as a Word file', run);
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exit).toBe(0);
    expect(run.stdout()).toBe('');
    await platform.close();
    const db = new Database(join(dataDir, 'lvzhi.db'), { readonly: true });
    const rows = db.prepare('SELECT by FROM activities WHERE by IN (?, ?)').all(`${name}:${member}`, `${name}:${stranger}`);
    db.close();
    expect(rows).toEqual([{ by: `${name}:${member}` }]); // the stranger's identical message stored nothing
  }

  it('WeCom self-built app (callback on PORT)', async () => {
    const standIn = await startWecomStandIn();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/wecom/callback`;
    await serve('wecom', {
      env: {
        WECOM_CORP_ID: standIn.corpId, WECOM_AGENT_ID: String(standIn.agentId), WECOM_SECRET: standIn.secret,
        WECOM_TOKEN: standIn.token, WECOM_AES_KEY: standIn.aesKey, WECOM_API_BASE: standIn.apiBase, PORT: String(port),
      },
      say: async (user, text) => void (await standIn.deliver(url, { from: user, text })),
      sendFile: async (user, name, data) => void (await standIn.deliver(url, { from: user, file: { mediaId: standIn.userFile(name, data), name } })),
      shown: (user) => standIn.sentTo(`user:${user}`).map((m) => m.text),
      files: () => [...standIn.media.values()].map((m) => m.name),
      close: () => standIn.close(),
    }, 'zhangsan', 'stranger1', 'wecom', 11);
  }, 150_000);

  it('WeCom AI bot (long connection)', async () => {
    const standIn = await startWecomBotStandIn();
    await serve('wecom', {
      env: { WECOM_BOT_ID: standIn.botId, WECOM_BOT_SECRET: standIn.secret, WECOM_BOT_WS_URL: standIn.wsUrl },
      say: async (user, text) => void standIn.say(user, text),
      sendFile: async (user, name, data) => void standIn.sendFile(user, name, data),
      shown: (user) => standIn.shownIn(user).map((m) => m.text),
      files: () => [...standIn.media.values()].map((m) => m.filename),
      close: () => standIn.close(),
    }, 'lisi', 'stranger2', 'wecom-bot', 12);
  }, 150_000);

  it('DingTalk (Stream mode)', async () => {
    const standIn = await startDingtalkStandIn();
    await serve('dingtalk', {
      env: { DINGTALK_CLIENT_ID: standIn.clientId, DINGTALK_CLIENT_SECRET: standIn.clientSecret, DINGTALK_API_BASE: standIn.apiBase, DINGTALK_OAPI_BASE: standIn.apiBase },
      say: async (user, text) => void standIn.say({ staffId: user, text }),
      sendFile: async (user, name, data) => void standIn.say({ staffId: user, file: { downloadCode: standIn.userFile(name, data), fileName: name } }),
      shown: (user) => standIn.sentTo(`cid-oto-${user}`).map((m) => m.text),
      files: () => [...standIn.uploads.values()].map((m) => m.name),
      close: () => standIn.close(),
    }, 'manager001', 'stranger3', 'dingtalk', 13);
  }, 150_000);

  it('Feishu (long connection)', async () => {
    const standIn = await startFeishuStandIn();
    await serve('feishu', {
      env: { FEISHU_APP_ID: standIn.appId, FEISHU_APP_SECRET: standIn.appSecret, FEISHU_DOMAIN: standIn.domain },
      say: async (user, text) => void standIn.say({ openId: user, text }),
      sendFile: async (user, name, data) => void standIn.say({ openId: user, file: { fileKey: standIn.userFile(name, data), fileName: name } }),
      shown: (user) => standIn.sentTo(`oc_p2p_${user}`).map((m) => m.text),
      files: () => [...standIn.uploads.values()].map((m) => m.name),
      close: () => standIn.close(),
    }, 'ou_wangwu', 'ou_stranger4', 'feishu', 14);
  }, 150_000);
});
