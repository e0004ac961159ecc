/**
 * The bot on PostgreSQL (PGlite over a socket) when the database server goes away in the middle
 * of a conversation: the person is told in Chinese that nothing was saved, what was stored stays
 * as it was, and once the server is back the same message is logged. A server that cannot be
 * reached at start stops the command line with a Chinese message and exit 1.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../src/app.ts';
import type { Incoming } from '../../src/assistant/types.ts';
import { loadSettings } from '../../src/config.ts';
import { runCliInProcess } from '../support/cli-process.ts';
import { deadServiceURL } from '../support/closed-port.ts';
import { usePglite } from '../support/postgres.ts';
import { tempFolder } from '../support/temp-folders.ts';

const say = (text: string): Incoming =>
  ({ platform: 'terminal', userId: 'local', userName: '小王', chatId: 'local', threadId: 'terminal:local', text });

describe('the database server goes down mid-conversation', { timeout: 120_000 }, () => {
  const postgres = usePglite();
  let services: Services;
  afterAll(async () => services?.close());

  it('logs on PostgreSQL, refuses in Chinese while the server is down, and logs again once it is back', async () => {
    await postgres.reset();
    services = await openServices({
      dataDir: tempFolder('lvzhi-pg-outage-'),
      settings: loadSettings({ LVZHI_DATABASE_URL: postgres.url() }),
      now: () => new Date('2026-06-30T10:00:00+08:00'),
      log: () => undefined,
    });
    expect((await services.assistant.handle(say('6月12日组织代表视察了安全生产工作'))).text).toMatch(/已记录/);

    await postgres.stop!();
    const refused = await services.assistant.handle(say('6月13日听取了区政府关于环保工作的报告'));
    expect(refused.text).toMatch(/^数据库服务器暂时连接不上，这次没有保存任何内容/);
    const counted = await services.assistant.handle(say('上半年视察了几次'));
    expect(counted.text).toMatch(/数据库服务器暂时连接不上/);

    await postgres.start!();
    expect((await services.assistant.handle(say('6月13日听取了区政府关于环保工作的报告'))).text).toMatch(/已记录/);
    expect((await services.activities.list()).map((a) => a.title)).toEqual(['组织代表视察了安全生产工作', '听取了区政府关于环保工作的报告']);
    expect((await services.activities.history()).map((h) => h.action)).toEqual(['add', 'add']);
    expect((await services.assistant.handle(say('上半年视察了几次'))).text).toMatch(/1 次/);
  });

  it('a server that cannot be reached stops the command line with a Chinese message (exit 1), naming no password', async () => {
    const port = new URL(await deadServiceURL()).port;
    const run = await runCliInProcess(['stats', '--json', '--data', tempFolder('lvzhi-pg-none-')], {
      env: { ...process.env, LVZHI_DATABASE_URL: `postgres://lvzhi:secret@127.0.0.1:${port}/lvzhi` },
    });
    expect(run.status).toBe(1);
    const error = JSON.parse(run.stdout).error;
    expect(error.code).toBe('database_unreachable');
    expect(error.message).toMatch(/连接不上 PostgreSQL 数据库服务器（127\.0\.0\.1:\d+\/lvzhi）：服务器拒绝连接/);
    expect(run.stdout).not.toContain('secret');
  });
});
