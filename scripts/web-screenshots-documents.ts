/**
 * Screenshots of the web console's 文档 and 起草 pages for the README (docs/*.png), taken in
 * Debian's chromium through playwright-core over a temporary data folder: the sample documents
 * of knowledge/ and a few log entries. Run by hand after the pages change:
 * `node --import tsx scripts/web-screenshots-documents.ts`
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { openServices } from '../src/app.ts';
import { loadSettings } from '../src/config.ts';
import { createLinkIssuer, startWebServer } from '../src/web/index.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'docs');
const CHROMIUM = process.env.LVZHI_TEST_CHROMIUM?.trim() || '/usr/bin/chromium';

const dataDir = mkdtempSync(join(tmpdir(), 'lvzhi-shots-'));
const settings = loadSettings({ LVZHI_DATA_DIR: dataDir, LVZHI_ADMINS: 'telegram:1', LVZHI_WEB_PORT: '0' }, {});
const services = await openServices({ dataDir, settings });
const server = await startWebServer({ services, port: 0, host: '127.0.0.1' });
// The Chinese font shipped through npm for the charts, so a machine without CJK fonts draws no boxes.
const fonts = join(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts');
const fontConfig = join(dataDir, 'fonts.conf');
writeFileSync(fontConfig, `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${fonts}</dir><cachedir>${join(dataDir, 'font-cache')}</cachedir></fontconfig>`);
const browser = await chromium.launch({
  executablePath: CHROMIUM, headless: true, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [], env: { ...process.env, FONTCONFIG_FILE: fontConfig },
});
try {
  await services.knowledge.ingest([join(ROOT, 'knowledge')]);
  await services.activities.addAll([
    { date: '2023-02-23', kind: 'report_review', title: '听取审议区政府关于金融支持实体经济的工作报告' },
    { date: '2023-03-15', kind: 'inspection', title: '视察重点民生项目建设' },
    { date: '2023-05-10', kind: 'research', title: '调研乡村振兴工作' },
    { date: '2023-06-01', kind: 'inspection', title: '视察安全生产工作' },
  ], { by: 'telegram:1', channel: 'screenshots' });
  const link = await createLinkIssuer({
    settings: { LVZHI_WEB_HOST: '127.0.0.1', LVZHI_WEB_PORT: server.port }, store: services.conversations, access: services.access, now: () => Date.now(),
  }).issue({ personId: 'telegram:1' });
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })).newPage();
  await page.goto(link.url);
  await page.getByRole('button', { name: '登录' }).click();
  mkdirSync(OUT, { recursive: true });
  const shot = (name: string) => page.screenshot({ path: join(OUT, name), fullPage: false });

  await page.goto(`${server.url}/documents`);
  await shot('web-documents.png');
  await page.locator('tbody a').first().click();
  await page.getByLabel('在本文件中搜索').fill('会议');
  await page.getByRole('button', { name: '搜索' }).click();
  await shot('web-document.png');

  await page.goto(`${server.url}/drafts`);
  await page.getByLabel('起草要求').fill('写一段视察调研工作');
  await page.getByLabel(/^时期/).fill('2023年上半年');
  await page.getByRole('button', { name: '起草', exact: true }).click();
  const editor = page.getByLabel(/^正文/);
  await editor.fill((await editor.inputValue()).replace('其中视察2次', '其中视察9次'));
  await page.getByRole('button', { name: '保存并重新核对数字' }).click();
  await shot('web-draft.png');
  console.log(`screenshots written to ${OUT}`);
} finally {
  await browser.close();
  await server.close();
  await services.close();
  rmSync(dataDir, { recursive: true, force: true });
}
