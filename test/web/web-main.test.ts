/**
 * The web console as `npm start` runs it (the compiled app in a child process): beside Telegram
 * in one process — `/web` in a private chat brings a link that signs in, in a group a refusal
 * without a link — and alone, with no chat settings and no terminal, until SIGTERM.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadServiceURL } from '../support/closed-port.ts';
import { startMain, type MainRun } from '../support/run-main.ts';
import { groupChat, makeUser, privateChat, startTelegramStandIn, type TelegramStandIn } from '../support/telegram-stand-in.ts';
import { waitFor } from '../support/wait-for.ts';

/** A free port on 127.0.0.1 for the console. */
async function freePort(): Promise<number> {
  return Number(new URL(await deadServiceURL()).port);
}

describe('npm start with the web console', () => {
  let telegram: TelegramStandIn;
  const dataDirs: string[] = [];
  const runs: MainRun[] = [];
  beforeAll(async () => {
    telegram = await startTelegramStandIn();
  });
  afterAll(async () => {
    await telegram.close();
    for (const run of runs) rmSync(run.cwd, { recursive: true, force: true });
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'lvzhi-web-main-'));
    dataDirs.push(dir);
    return dir;
  };

  it('serves the console beside Telegram: /web in a private chat gives a link that signs in, a group gets none', async () => {
    const member = makeUser(5151, '王科员');
    const port = await freePort();
    const run = startMain(dataDir(), {
      TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot, LVZHI_ALLOW: `telegram:${member.id}`, LVZHI_WEB_PORT: String(port),
    });
    runs.push(run);
    try {
      await waitFor(() => run.stderr().includes('履职助手已启动'), `the start: ${run.stderr()}`, 90_000);
      expect(run.stderr()).toContain(`网页已开启：http://127.0.0.1:${port}`);
      const group = groupChat(-1005151);
      telegram.say(group, member, '/web');
      const refused = await telegram.waitForText(group.id, '私聊', 20_000);
      expect(refused.text).not.toContain('token=');
      telegram.say(privateChat(member), member, '/web');
      const reply = await telegram.waitForText(member.id, 'token=', 20_000);
      const url = /http:\/\/\S+/.exec(reply.text)![0];
      expect(url.startsWith(`http://127.0.0.1:${port}/login?token=`)).toBe(true);
      const token = new URL(url).searchParams.get('token')!;
      const signIn = await fetch(`http://127.0.0.1:${port}/login`, { method: 'POST', body: new URLSearchParams({ token }), redirect: 'manual' });
      expect(signIn.status).toBe(303);
      const page = await fetch(`http://127.0.0.1:${port}/log`, { headers: { cookie: signIn.headers.get('set-cookie')!.split(';')[0] } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`telegram:${member.id}`);
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exit).toBe(0);
  }, 150_000);

  it('serves the console alone when no chat channel is configured, with no terminal on stdin, until SIGTERM', async () => {
    const port = await freePort();
    // On every interface and with no LVZHI_WEB_URL, links would point at 127.0.0.1: the start says so.
    const run = startMain(dataDir(), { LVZHI_WEB_PORT: String(port), LVZHI_WEB_HOST: '0.0.0.0' });
    runs.push(run);
    run.child.stdin.end(); // a closed stdin would end the terminal channel, and with it the process
    try {
      await waitFor(() => run.stderr().includes('网页已开启'), `the start: ${run.stderr()}`, 90_000);
      await new Promise((r) => setTimeout(r, 500));
      const page = await fetch(`http://127.0.0.1:${port}/log`);
      expect(page.status).toBe(401);
      expect(run.child.exitCode).toBeNull();
      expect(run.stderr()).toContain('没有设置 LVZHI_WEB_URL');
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exit).toBe(0);
    expect(run.stdout()).toBe('');
  }, 150_000);
});
