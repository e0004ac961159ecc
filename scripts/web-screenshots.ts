/**
 * `npm run web-screenshots`: the README's pictures of the web console, taken in Debian's chromium
 * (playwright-core) over a temporary data folder holding the half-year fixture log
 * (../shared/fixtures/activities-2023h1.csv) — never the office's own data. Writes docs/web-*.png.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { openServices } from '../src/app.ts';
import { loadSettings } from '../src/config.ts';
import { createLinkIssuer, startWebServer } from '../src/web/index.ts';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURE = resolve(ROOT, '../shared/fixtures/activities-2023h1.csv');
const OUT = join(ROOT, 'docs');

const dataDir = mkdtempSync(join(tmpdir(), 'lvzhi-web-shots-'));
const settings = loadSettings({ LVZHI_DATA_DIR: dataDir, LVZHI_WEB_PORT: '0', LVZHI_ADMINS: 'telegram:1' });
const services = await openServices({ dataDir, settings });
const server = await startWebServer({ services, port: 0, host: '127.0.0.1' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
try {
  await services.activities.importFile(FIXTURE, { by: 'telegram:1', byName: '办公室', channel: 'import' });
  const [first] = (await services.activities.page({}, { limit: 1, offset: 3 })).items;
  await services.activities.correct(first.id, { title: `${first.title}（更正）` }, 'telegram:1', { channel: 'web' });
  const link = await createLinkIssuer({ settings: { LVZHI_WEB_HOST: '127.0.0.1', LVZHI_WEB_PORT: server.port }, store: services.conversations, access: services.access })
    .issue({ personId: 'telegram:1' });
  mkdirSync(OUT, { recursive: true });
  const shoot = async (name: string, path: string, viewport = { width: 1366, height: 768 }) => {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    await context.addCookies((await signedIn.cookies()).map((c) => ({ ...c })));
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(OUT, `web-${name}.png`) });
    await context.close();
    process.stderr.write(`docs/web-${name}.png\n`);
  };
  const signedIn = await browser.newContext();
  const login = await signedIn.newPage();
  await login.goto(link.url);
  await shoot('login', new URL(link.url).pathname + new URL(link.url).search);
  await login.getByRole('button', { name: '登录' }).click();
  await login.waitForURL(`${server.url}/log`);
  await shoot('log', `/log?period=${encodeURIComponent('2023年上半年')}`);
  await shoot('stats', `/stats?period=${encodeURIComponent('2023年上半年')}`);
  await shoot('audit', '/audit');
  await shoot('edit', `/log/${first.id}/edit`);
  await shoot('log-phone', `/log?period=${encodeURIComponent('2023年3月')}`, { width: 390, height: 844 });
} finally {
  await browser.close();
  await server.close();
  await services.close();
  rmSync(dataDir, { recursive: true, force: true });
}
