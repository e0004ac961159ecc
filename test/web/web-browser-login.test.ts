/**
 * Signing in to the web console in a real browser (chromium): the link from chat opens a page
 * with a login button, the session cookie carries the person through the sections, the same
 * link a second time is refused, and logout ends it. Keyboard only: the button and the
 * navigation are reachable with Tab and work with Enter.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, useBrowser } from '../support/browser.ts';
import { startWebRig, type WebRig } from '../support/web.ts';

describeInBrowser('web console in chromium: login', () => {
  const browser = useBrowser();
  let rig: WebRig;
  beforeAll(async () => {
    rig = await startWebRig({ env: { LVZHI_ALLOW: 'telegram:777' } });
  });
  afterAll(async () => rig?.close());

  it('signs in once with a link, refuses it the second time, and signs out', async () => {
    const url = await rig.link('telegram:777');
    const page = await browser.page();
    await page.goto(url);
    expect(await page.title()).toBe('登录 · 履职助手');
    await page.keyboard.press('Tab'); // the skip link
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${rig.url}/log`);
    expect(await page.title()).toContain('活动记录');
    await expect.poll(() => page.getByRole('navigation', { name: '主导航' }).getByRole('link').allInnerTexts()).toEqual(['活动记录', '统计', '文档', '起草', '审计']);
    await page.getByRole('link', { name: '统计' }).click();
    expect(await page.title()).toContain('统计');
    expect(await page.getByRole('link', { name: '统计' }).getAttribute('aria-current')).toBe('page');

    const again = await browser.page();
    await again.goto(url);
    expect(await again.locator('main').innerText()).toContain('已经用过或已过期');

    await page.getByRole('button', { name: '退出' }).click();
    expect(await page.locator('main').innerText()).toContain('已退出');
    await page.goto(`${rig.url}/log`);
    expect(await page.locator('main').innerText()).toContain('/web');
  });
});
