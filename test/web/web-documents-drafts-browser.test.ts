/**
 * The 文档 and 起草 pages in a real browser (Debian's chromium through playwright-core): an
 * admin uploads a document, sees its passages, removes it after a confirmation, and it is gone
 * from answers and from the command line's `docs`; someone outside a department does not see
 * its document and gets a Chinese refusal on its URL; a draft's figure edited so it matches no
 * fact is marked, and the .docx downloaded reads back with the project's own Word loader.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadDocument } from '../../src/knowledge/index.ts';
import { describeInBrowser, useBrowser } from '../support/browser.ts';
import { runCliInProcess } from '../support/cli-process.ts';
import { tempFolder } from '../support/temp-folders.ts';
import { startWebRig, type WebRig } from '../support/web.ts';

describeInBrowser('web console in chromium: 文档 and 起草', () => {
  const browser = useBrowser();
  let rig: WebRig;
  const files = tempFolder('lvzhi-web-e2e-');
  beforeAll(async () => {
    rig = await startWebRig({ env: { LVZHI_ALLOW: 'telegram:2', LVZHI_ADMINS: 'telegram:1', LVZHI_SCOPES: '代表工委=telegram:1' } });
    await rig.services.activities.addAll([
      { date: '2023-03-15', kind: 'inspection', title: '视察重点民生项目建设' },
      { date: '2023-06-01', kind: 'inspection', title: '视察安全生产工作' },
      { date: '2023-05-10', kind: 'research', title: '调研乡村振兴工作' },
    ], { by: 'telegram:1', channel: 'test' });
  });
  afterAll(async () => rig?.close());

  // One signed-in page per person, reused by the tests in turn (a browser context and a sign-in
  // are about 0.6 CPU-seconds of the headless shell, 3 of chromium; signing in is tested in
  // web-browser-login).
  const pages = new Map<string, Page>();
  async function signedIn(personId: string): Promise<Page> {
    const open = pages.get(personId);
    if (open) {
      await open.goto(`${rig.url}/log`);
      return open;
    }
    const page = await browser.page();
    pages.set(personId, page);
    await page.goto(await rig.link(personId));
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${rig.url}/log`);
    return page;
  }

  it('uploads a document, shows its passages, removes it after asking, and it is gone from answers and `docs`', async () => {
    const path = join(files, '机关会议室使用规定.md');
    writeFileSync(path, '# 机关会议室使用规定\n\n第一条 使用三楼第二会议室须提前一天向办公室登记。\n\n第二条 会议结束后应当关闭投影设备。\n');
    const page = await signedIn('telegram:1');
    await page.getByRole('link', { name: '文档' }).click();
    expect(await page.title()).toBe('文档 · 履职助手');
    await page.getByLabel('选择文件').setInputFiles(path);
    await page.getByRole('button', { name: '上传并收录' }).click();
    await expect.poll(() => page.locator('main').innerText(), { timeout: 20_000 }).toContain('收录结束');
    expect(await page.locator('main').innerText()).toContain('机关会议室使用规定');
    await page.getByRole('link', { name: '返回文档列表' }).click();
    await page.getByRole('link', { name: '机关会议室使用规定' }).click();
    const passages = page.getByRole('table', { name: '文件的段落及其位置' });
    expect(await passages.innerText()).toMatch(/第一条\s+使用三楼第二会议室须提前一天向办公室登记/);
    expect((await rig.services.knowledge.ask('使用会议室要提前多久登记')).answer).toContain('提前一天');

    await page.getByRole('link', { name: '删除这个文件……' }).click();
    expect(await page.locator('main').innerText()).toContain('确定要从知识库删除“公共/机关会议室使用规定.md”');
    await page.getByRole('button', { name: '确认删除' }).click();
    expect(await page.locator('main').innerText()).toContain('已从知识库删除');
    await page.getByRole('link', { name: '返回文档列表' }).click();
    expect(await page.locator('main').innerText()).not.toContain('机关会议室使用规定');

    expect(JSON.stringify(await rig.services.knowledge.ask('使用会议室要提前多久登记'))).not.toContain('提前一天');
    const cli = await runCliInProcess(['docs', '--json', '--data', rig.dataDir], { env: { LVZHI_DATA_DIR: rig.dataDir } });
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout).documents.map((d: { doc: string }) => d.doc)).not.toContain('公共/机关会议室使用规定.md');
  });

  it('keeps a department\'s document from someone outside it, with a Chinese refusal on its URL', async () => {
    const path = join(files, '内部安排.md');
    writeFileSync(path, '# 代表工委内部安排\n\n座谈会由李四负责记录。\n');
    await rig.services.knowledge.ingest([path], { doc: '代表工委/内部安排.md', scope: '代表工委' });
    const page = await signedIn('telegram:2');
    await page.getByRole('link', { name: '文档' }).click();
    expect(await page.locator('main').innerText()).not.toContain('内部安排');
    const response = await page.goto(`${rig.url}/documents/view?doc=${encodeURIComponent('代表工委/内部安排.md')}`);
    expect(response?.status()).toBe(404);
    const text = await page.locator('main').innerText();
    expect(text).toContain('不属于您可以查看的部门');
    expect(text).not.toContain('李四');
  });

  it('drafts, marks a figure edited away from the facts, and downloads a Word file that reads back', async () => {
    const page = await signedIn('telegram:1');
    await page.getByRole('link', { name: '起草' }).click();
    await page.getByLabel('起草要求').fill('写一段视察调研工作');
    await page.getByLabel(/^时期/).fill('2023年上半年');
    await page.getByRole('button', { name: '起草', exact: true }).click();
    await page.waitForURL(/\/drafts\/[\w-]+$/);
    // A figure leads to the fact it states, and the fact opens on the entries it counts.
    const figure = page.locator('a.figure', { hasText: /^2次$/ }).first();
    const target = (await figure.getAttribute('href'))!;
    expect(target).toMatch(/^#fact-\d+$/);
    await figure.click();
    const fact = page.locator(target);
    expect(await fact.locator('strong').innerText()).toBe('视察：2 次'); // the only fact counting 2
    await fact.locator('summary').click();
    expect(await fact.innerText()).toContain('视察安全生产工作');

    const editor = page.getByLabel(/^正文/);
    await editor.fill((await editor.inputValue()).replace('其中视察2次', '其中视察9次'));
    await page.getByRole('button', { name: '保存并重新核对数字' }).click();
    await expect.poll(() => page.locator('mark.ungrounded').allInnerTexts()).toEqual([expect.stringContaining('9次')]);
    expect(await page.getByRole('alert').innerText()).toContain('9次');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /下载 Word 文件/ }).click()]);
    const saved = join(files, download.suggestedFilename());
    expect(saved).toMatch(/\.docx$/);
    await download.saveAs(saved);
    const read = await loadDocument(saved);
    expect(read.format).toBe('docx');
    expect(read.sections.map((s) => s.text).join('\n')).toContain('其中视察9次');
  });
});
