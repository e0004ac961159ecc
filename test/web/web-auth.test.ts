/**
 * The web console's gate over HTTP against the real server: one-time links (made by the command
 * line, used by the server), their expiry, sessions and their idle expiry, logout, CSRF, and no
 * office data at all without a session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_IDLE_MS, LOGIN_LINK_TTL_MS } from '../../src/web/index.ts';
import { runCliInProcess } from '../support/cli-process.ts';
import { startWebRig, type WebRig } from '../support/web.ts';

const env = { LVZHI_ALLOW: 'telegram:777', LVZHI_ADMINS: 'telegram:1' };

describe('web console: links, sessions and CSRF', () => {
  let rig: WebRig;
  beforeAll(async () => {
    rig = await startWebRig({ env });
    await rig.services.activities.addAll([{ kind: 'inspection', date: '2023-06-12', title: '视察安全生产工作' }], { by: 'telegram:777', byName: '张三', channel: 'telegram' });
  });
  afterAll(async () => rig?.close());

  const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;
  const signIn = (token: string) => fetch(`${rig.url}/login`, { method: 'POST', body: new URLSearchParams({ token }), redirect: 'manual' });

  it('serves none of the office’s data without a session, only how to get a link', async () => {
    for (const path of ['/log', '/stats', '/audit', '/documents', '/drafts', '/', '/log?page=2']) {
      const response = await fetch(`${rig.url}${path}`, { redirect: 'manual' });
      const page = await response.text();
      expect(response.status, path).toBe(401);
      expect(page).toContain('/web');
      expect(page).not.toContain('视察安全生产工作');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
    const forged = await fetch(`${rig.url}/logout`, { method: 'POST', redirect: 'manual' });
    expect(forged.status).toBe(401);
  });

  it('refuses a sign-in posted from another site, and the link stays usable for its owner', async () => {
    const token = tokenOf(await rig.link('telegram:777'));
    const forged = await fetch(`${rig.url}/login`, {
      method: 'POST', body: new URLSearchParams({ token }), redirect: 'manual', headers: { 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(forged.status).toBe(403);
    expect(forged.headers.get('set-cookie')).toBeNull();
    expect(await forged.text()).toContain('没有通过安全校验');
    const own = await fetch(`${rig.url}/login`, {
      method: 'POST', body: new URLSearchParams({ token }), redirect: 'manual', headers: { 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(own.status).toBe(303);
    expect(own.headers.get('set-cookie')).toMatch(/lvzhi_session=/);
  });

  it('makes a link with web-link --json that the server takes exactly once', async () => {
    const run = await runCliInProcess(['web-link', '--as', 'telegram:777', '--json', '--data', rig.dataDir],
      { env: { ...env, LVZHI_WEB_PORT: String(rig.server.port) } });
    expect(run.status).toBe(0);
    const made = JSON.parse(run.stdout) as { url: string; expires_at: string };
    expect(made.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${rig.server.port}/login\\?token=[A-Za-z0-9_-]{43}$`));
    expect(Date.parse(made.expires_at) - Date.now()).toBeGreaterThan(LOGIN_LINK_TTL_MS - 60_000);
    // Opening the link (a previewer's GET) does not use it up.
    const shown = await fetch(made.url);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('telegram:777');
    const first = await signIn(tokenOf(made.url));
    expect(first.status).toBe(303);
    expect(first.headers.get('set-cookie')).toMatch(/HttpOnly/);
    expect(first.headers.get('set-cookie')).toMatch(/SameSite=Strict/);
    const second = await signIn(tokenOf(made.url));
    expect(second.status).toBe(410);
    expect(await second.text()).toContain('已经用过或已过期');
    expect((await fetch(made.url)).status).toBe(410);
  });

  it('refuses, in Chinese, a link for someone not allowed, or while the console is off', async () => {
    const stranger = await runCliInProcess(['web-link', '--as', 'telegram:999', '--json', '--data', rig.dataDir], { env: { ...env, LVZHI_WEB_PORT: '8080' } });
    expect(stranger.status).toBe(1);
    expect(JSON.parse(stranger.stdout).error).toMatchObject({ code: 'web_not_allowed', message: expect.stringContaining('telegram:999') });
    const off = await runCliInProcess(['web-link', '--as', 'telegram:777', '--json', '--data', rig.dataDir], { env });
    expect(JSON.parse(off.stdout).error.code).toBe('web_off');
    const bad = await runCliInProcess(['web-link', '--as', '777', '--json', '--data', rig.dataDir], { env: { ...env, LVZHI_WEB_PORT: '8080' } });
    expect(JSON.parse(bad.stdout).error.code).toBe('web_bad_person');
  });

  it('lets a link lapse after 10 minutes', async () => {
    const url = await rig.link('telegram:777');
    rig.now += LOGIN_LINK_TTL_MS + 1000;
    try {
      expect((await signIn(tokenOf(url))).status).toBe(410);
    } finally {
      rig.now = Date.now();
    }
  });

  it('keeps a session while it is used and ends it after 8 idle hours', async () => {
    const session = await rig.login('telegram:777');
    expect((await session.fetch('/log')).status).toBe(200);
    rig.now += SESSION_IDLE_MS - 60_000;
    expect((await session.fetch('/stats')).status).toBe(200);
    rig.now += SESSION_IDLE_MS - 60_000; // used just before: still alive
    expect((await session.fetch('/log')).status).toBe(200);
    rig.now += SESSION_IDLE_MS;
    const lapsed = await session.fetch('/log');
    expect(lapsed.status).toBe(401);
    expect(await lapsed.text()).not.toContain('视察安全生产工作');
    rig.now = Date.now();
  });

  it('logs out, after which the cookie opens nothing', async () => {
    const session = await rig.login('telegram:1');
    const out = await session.post('/logout', {});
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/lvzhi_session=;/);
    expect((await session.fetch('/log')).status).toBe(401);
  });

  it('refuses a forged or missing CSRF token with a Chinese 403 and keeps the session', async () => {
    const session = await rig.login('telegram:1');
    const forged = await session.post('/logout', { _csrf: 'forged' });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('没有通过安全校验');
    const missing = await session.fetch('/logout', { method: 'POST' });
    expect(missing.status).toBe(403);
    expect((await session.fetch('/log')).status).toBe(200);
  });

  it('gives a link for /web only in a private chat, and only while the console is on', async () => {
    const incoming = { platform: 'telegram', userId: '777', userName: '张三', chatId: '777', threadId: 'telegram:777:main', text: '/web' };
    const direct = await rig.services.assistant.handle({ ...incoming, direct: true });
    const url = /http:\S+/.exec(direct.text)?.[0];
    expect(url, direct.text).toBeDefined();
    const link = await fetch(url!.replace(/:\d+\//, `:${rig.server.port}/`));
    expect(link.status).toBe(200);
    const group = await rig.services.assistant.handle({ ...incoming, chatId: '-100', threadId: 'telegram:-100:main', direct: false });
    expect(group.text).toContain('私聊');
    expect(group.text).not.toMatch(/token=/);
    const stranger = await rig.services.assistant.handle({ ...incoming, userId: '999', chatId: '999', threadId: 'telegram:999:main', direct: true });
    expect(stranger.text).toContain('telegram:999');
    expect(stranger.text).not.toMatch(/token=/);
  });
});

describe('web console behind a reverse proxy (LVZHI_WEB_URL)', () => {
  let rig: WebRig;
  beforeAll(async () => { rig = await startWebRig({ env: { ...env, LVZHI_WEB_HOST: '0.0.0.0', LVZHI_WEB_URL: 'https://lvzhi.example.gov.cn/' } }); });
  afterAll(async () => rig?.close());

  it('gives links at the address office PCs open, and a session cookie only sent over https', async () => {
    const run = await runCliInProcess(['web-link', '--as', 'telegram:777', '--json', '--data', rig.dataDir],
      { env: { ...env, LVZHI_WEB_PORT: String(rig.server.port), LVZHI_WEB_HOST: '0.0.0.0', LVZHI_WEB_URL: 'https://lvzhi.example.gov.cn/' } });
    const made = JSON.parse(run.stdout) as { url: string };
    expect(made.url).toMatch(/^https:\/\/lvzhi\.example\.gov\.cn\/login\?token=[A-Za-z0-9_-]{43}$/);
    // The proxy forwards the same path to the console; signing in through it sets a Secure cookie.
    const token = new URL(made.url).searchParams.get('token')!;
    const signed = await fetch(`${rig.url}/login`, { method: 'POST', body: new URLSearchParams({ token }), redirect: 'manual' });
    expect(signed.status).toBe(303);
    expect(signed.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('refuses, in Chinese, an address with a sub-path the console cannot serve under', async () => {
    const bad = await runCliInProcess(['web-link', '--as', 'telegram:777', '--json', '--data', rig.dataDir],
      { env: { ...env, LVZHI_WEB_PORT: '8080', LVZHI_WEB_URL: 'https://oa.example.gov.cn/lvzhi' } });
    expect(bad.status).toBe(1);
    expect(bad.stdout + bad.stderr).toContain('LVZHI_WEB_URL');
    expect(bad.stdout + bad.stderr).toContain('不支持子路径');
  });
});
