/**
 * A real browser for the web console's end-to-end tests: Debian's chromium driven by
 * playwright-core (no browser download). Where chromium is missing the browser tests skip with a
 * visible notice; under CI (`.ci/run` installs it) a missing chromium fails them instead.
 * Debian's `chromium-headless-shell` (the same engine in the old headless mode, without the
 * desktop browser around it) is used when it is installed: it took half the CPU of `chromium`
 * for the same tests (a launch 0.2 s instead of 0.8 s, a context 0.3 s instead of 1.0 s, a page
 * load 0.2 s instead of 0.4 s).
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { isCi } from './shared-check.ts';

/** Where Debian's packages put the browsers, the cheaper first. */
const INSTALLED_BROWSERS = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];

/** The browser the tests drive: LVZHI_TEST_CHROMIUM, else the headless shell, else chromium. */
export const CHROMIUM_PATH = process.env.LVZHI_TEST_CHROMIUM?.trim() || (INSTALLED_BROWSERS.find((path) => existsSync(path)) ?? '/usr/bin/chromium');

/** Whether the browser tests can run here. */
export const HAVE_CHROMIUM = existsSync(CHROMIUM_PATH);

let noticeGiven = false;
function noticeWithoutChromium(): void {
  if (HAVE_CHROMIUM || noticeGiven) return;
  noticeGiven = true;
  process.stderr.write(`\n[注意] 没有找到 ${CHROMIUM_PATH}：网页的浏览器测试已跳过（apt-get install chromium-headless-shell 或 chromium；.ci/run 会安装）。\n`
    + `[notice] ${CHROMIUM_PATH} not found: the web console's browser tests are skipped (apt-get install chromium-headless-shell or chromium; .ci/run installs it).\n\n`);
}

/** `describe` for browser tests: skipped with a notice without chromium, except under CI, where they run (and fail). */
export const describeInBrowser: typeof describe = (() => {
  if (HAVE_CHROMIUM || isCi()) return describe;
  noticeWithoutChromium();
  return describe.skip;
})() as typeof describe;

/** Launch headless chromium (no sandbox when running as root, as in CI containers). */
export async function launchBrowser(): Promise<Browser> {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: asRoot ? ['--no-sandbox'] : [] });
}

/**
 * The worker's one browser, launched by the first browser test file it runs and kept for the
 * next (test files share a worker's modules, `isolate: false`): a launch and its settling are
 * about 0.7 CPU-seconds with the headless shell, 1.2 with chromium. playwright kills it when the
 * worker process exits; a crashed one is launched again.
 */
let shared: Promise<Browser> | undefined;
function sharedBrowser(): Promise<Browser> {
  if (!shared) {
    const launching = launchBrowser();
    shared = launching;
    launching.then((browser) => browser.on('disconnected', () => {
      if (shared === launching) shared = undefined;
    }), () => {
      if (shared === launching) shared = undefined;
    });
  }
  return shared;
}

/** The worker's browser for a test file; each test opens its own context (cookies and storage apart), closed after the file. */
export function useBrowser(): { browser(): Browser; page(options?: { viewport?: { width: number; height: number } }): Promise<Page> } {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await sharedBrowser();
  });
  afterAll(async () => {
    await Promise.allSettled(contexts.splice(0).map((context) => context.close()));
  });
  return {
    browser: () => browser!,
    async page(options = {}) {
      const context = await browser!.newContext({ viewport: options.viewport ?? { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      contexts.push(context);
      return context.newPage();
    },
  };
}
