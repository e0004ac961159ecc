/**
 * The 活动记录, 统计 and 审计 pages in a real browser (chromium): filtering in the chat's
 * words, correcting an entry and finding the change in the command line's `list` and in the
 * audit trail, deleting after a confirmation, importing a table with a bad row (refused, nothing
 * stored) and a good one (previewed, then stored), a forged CSRF token refused, and a non-admin
 * who cannot change someone else's entry. One browser for the file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runCliInProcess } from '../support/cli-process.ts';
import { describeInBrowser, useBrowser } from '../support/browser.ts';
import { tempFolder } from '../support/temp-folders.ts';
import { startWebRig, type WebRig } from '../support/web.ts';

const env = { LVZHI_ALLOW: 'telegram:777', LVZHI_ADMINS: 'telegram:1' };

describeInBrowser('web console in chromium: the log, statistics and audit pages', () => {
  const browser = useBrowser();
  let rig: WebRig;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    rig = await startWebRig({ env });
    const zhang = { by: 'telegram:777', byName: '张三', channel: 'telegram' };
    const admin = { by: 'telegram:1', byName: '李主任', channel: 'telegram' };
    for (const [key, entry, who] of [
      ['march1', { date: '2023-03-08', kind: 'inspection', title: '视察河道治理工作' }, zhang],
      ['march2', { date: '2023-03-20', kind: 'research', title: '调研营商环境' }, zhang],
      ['march3', { date: '2023-03-25', kind: 'inspection', title: '视察安全生产' }, admin],
      ['june', { date: '2023-06-12', kind: 'inspection', title: '视察养老服务' }, admin],
    ] as const) {
      const [{ activity }] = await rig.services.activities.addAll([entry], who);
      ids[key] = activity.id;
    }
  });
  afterAll(async () => rig?.close());

  // One signed-in page per person, reused by the tests in turn (signing in is tested in web-browser-login).
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
  const listed = async () => JSON.parse((await runCliInProcess(['list', '--json', '--data', rig.dataDir], { env: {} })).stdout).activities as Array<{ id: number; date: string; title: string }>;

  it('filters the log by a period in the chat’s words and by kind', async () => {
    const page = await signedIn('telegram:1');
    await page.getByLabel('时间').fill('2023年3月');
    await page.getByLabel('类型').selectOption({ label: '视察' });
    await page.getByRole('button', { name: '筛选' }).click();
    await expect.poll(() => page.locator('tbody tr td:nth-child(4)').allInnerTexts()).toEqual(['视察河道治理工作', '视察安全生产']);
    expect(await page.getByRole('status').innerText()).toContain('共 2 条');
    expect(await page.locator('tbody tr td:first-child').allInnerTexts()).toEqual([String(ids.march1), String(ids.march3)]);
    await page.getByLabel('时间').fill('上上上个世纪');
    await page.getByRole('button', { name: '筛选' }).click();
    expect(await page.getByRole('alert').innerText()).toContain('看不懂时间');
    expect(await page.locator('tbody tr').count()).toBe(0);
  });

  it('corrects an entry: the change is in the command line’s list and in the audit trail with the person’s id', async () => {
    const page = await signedIn('telegram:1');
    await page.getByRole('link', { name: `更正第${ids.march2}条` }).click();
    expect(await page.title()).toBe(`更正第 ${ids.march2} 条 · 履职助手`);
    await page.getByLabel('日期').fill('2023-03-21');
    await page.getByLabel('事项').fill('调研营商环境和民营经济');
    await page.getByRole('button', { name: '保存更正' }).click();
    expect(await page.getByRole('status').first().innerText()).toContain(`第 ${ids.march2} 条已更正`);
    expect((await listed()).find((a) => a.id === ids.march2)).toMatchObject({ date: '2023-03-21', title: '调研营商环境和民营经济' });
    await page.getByRole('link', { name: '审计' }).click();
    await page.getByLabel('记录编号').fill(String(ids.march2));
    await page.getByRole('button', { name: '筛选' }).click();
    const first = await page.locator('tbody tr').first().innerText();
    expect(first).toContain('更正');
    expect(first).toContain('telegram:1');
    expect(first).toContain('调研营商环境和民营经济');
  });

  it('deletes an entry only after the confirmation page', async () => {
    const page = await signedIn('telegram:1');
    await page.getByRole('link', { name: `删除第${ids.june}条` }).click();
    expect(await page.locator('main').innerText()).toContain('确定删除这一条吗');
    await page.getByRole('link', { name: '取消' }).click();
    expect((await listed()).some((a) => a.id === ids.june)).toBe(true);
    await page.getByRole('link', { name: `删除第${ids.june}条` }).click();
    await page.getByRole('button', { name: '确认删除' }).click();
    expect(await page.getByRole('status').first().innerText()).toContain(`第 ${ids.june} 条已删除`);
    expect((await listed()).some((a) => a.id === ids.june)).toBe(false);
    await page.goto(`${rig.url}/audit?entry=${ids.june}`);
    expect(await page.locator('tbody tr').first().innerText()).toContain('删除');
  });

  it('refuses a table with a bad row, storing nothing, and imports a good one after its preview', async () => {
    const folder = tempFolder('lvzhi-web-import-');
    const bad = join(folder, '坏表.csv');
    writeFileSync(bad, '日期,类型,事项,记录人\n2023-04-01,视察,视察社区养老,王五\n2023-04-31,调研,调研老旧小区改造,王五\n');
    const good = join(folder, '好表.csv');
    writeFileSync(good, '日期,类型,事项,记录人\n2023-04-01,视察,视察社区养老,王五\n2023-04-12,调研,调研老旧小区改造,王五\n');
    const before = (await listed()).length;
    const page = await signedIn('telegram:1');
    await page.getByRole('link', { name: '导入表格' }).click();
    await page.getByLabel('表格文件').setInputFiles(bad);
    await page.getByRole('button', { name: '预览' }).click();
    expect(await page.title()).toContain('文件没有导入');
    expect(await page.getByRole('alert').innerText()).toMatch(/第 ?3 ?行/);
    expect((await listed()).length).toBe(before);
    await page.getByLabel('表格文件').setInputFiles(good);
    await page.getByRole('button', { name: '预览' }).click();
    expect(await page.locator('main').innerText()).toContain('文件里有 2 条活动');
    expect((await listed()).length).toBe(before);
    await page.getByRole('button', { name: '确认导入' }).click();
    expect(await page.getByRole('status').first().innerText()).toContain('已导入 2 条');
    expect((await listed()).map((a) => a.title)).toEqual(expect.arrayContaining(['视察社区养老', '调研老旧小区改造']));
  });

  it('refuses a form whose CSRF token was tampered with, changing nothing', async () => {
    const page = await signedIn('telegram:1');
    await page.goto(`${rig.url}/log/${ids.march1}/edit`);
    await page.locator('main input[name="_csrf"]').evaluate((input) => { (input as unknown as { value: string }).value = 'forged-token'; });
    await page.getByLabel('事项').fill('被篡改的标题');
    await page.getByRole('button', { name: '保存更正' }).click();
    expect(await page.locator('main').innerText()).toContain('没有通过安全校验');
    expect((await listed()).find((a) => a.id === ids.march1)?.title).toBe('视察河道治理工作');
  });

  it('lets a non-admin change only their own entries, whatever the page is made to send', async () => {
    const page = await signedIn('telegram:777');
    expect(await page.getByRole('link', { name: `更正第${ids.march1}条` }).count()).toBe(1);
    expect(await page.getByRole('link', { name: `更正第${ids.march3}条` }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '导入表格' }).count()).toBe(0);
    // A hand-made request for someone else's entry, with the session's real token.
    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    const status = await page.evaluate(async ({ id, csrf }) => {
      const body = new URLSearchParams({ _csrf: csrf, date: '2023-03-26', kind: 'inspection', title: '别人改的' });
      return (await fetch(`/log/${id}/edit`, { method: 'POST', body })).status;
    }, { id: ids.march3, csrf });
    expect(status).toBe(403);
    const deleted = await page.evaluate(async ({ id, csrf }) => (await fetch(`/log/${id}/delete`, { method: 'POST', body: new URLSearchParams({ _csrf: csrf }) })).status, { id: ids.march3, csrf });
    expect(deleted).toBe(403);
    expect((await listed()).find((a) => a.id === ids.march3)?.title).toBe('视察安全生产');
    await page.goto(`${rig.url}/stats?period=2023年3月`);
    expect(await page.getByRole('status').innerText()).toContain('3');
    await page.goto(`${rig.url}/audit`);
    expect(await page.locator('main').innerText()).toContain('只有管理员');
  });
});
