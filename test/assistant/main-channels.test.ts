/**
 * `npm start` with Telegram and Slack both configured, as a child process: both channels
 * start at once against stand-ins on 127.0.0.1 (no terminal), answer allowed users through
 * the same assistant and stores, refuse a stranger, and stop cleanly on SIGTERM.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SocketDelivery } from '../support/slack-delivery.ts';
import { STAND_IN_BOT, startSlackStandIn, type SlackStandIn } from '../support/slack-stand-in.ts';
import { makeUser, privateChat, startTelegramStandIn, type TelegramStandIn } from '../support/telegram-stand-in.ts';
import { userMessage } from '../channels/slack-harness.ts';
import { startMain, type MainRun } from '../support/run-main.ts';

describe('npm start with Telegram and Slack configured', () => {
  let telegram: TelegramStandIn;
  let slack: SlackStandIn;
  let dataDir: string;
  let run: MainRun | undefined;

  beforeAll(async () => {
    telegram = await startTelegramStandIn();
    slack = await startSlackStandIn();
    slack.users.set('UALICE01', { name: '王芳', realName: '王芳' });
    dataDir = mkdtempSync(join(tmpdir(), 'lvzhi-main-chat-'));
  });
  afterAll(async () => {
    await telegram.close();
    await slack.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (run) rmSync(run.cwd, { recursive: true, force: true });
  });

  it('serves both platforms from one process and stops cleanly', async () => {
    const member = makeUser(4242, '张科长');
    const stranger = makeUser(777, '陌生人');
    run = startMain(dataDir, {
      TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot,
      SLACK_BOT_TOKEN: STAND_IN_BOT.botToken, SLACK_APP_TOKEN: STAND_IN_BOT.appToken, SLACK_API_URL: slack.apiUrl,
      LVZHI_ALLOW: `telegram:${member.id},slack:UALICE01`,
    });
    const { child, exit } = run;
    const stderr = run.stderr;
    try {
      await slack.waitFor(() => stderr().includes('履职助手已启动') && slack.socketConnected, 60_000).catch(() => {
        throw new Error(`did not start: ${stderr()}`);
      });
      expect(stderr()).toMatch(/履职助手已启动：(telegram、slack|slack、telegram)/);

      telegram.say(privateChat(member), member, '常委会会议多久开一次');
      await telegram.waitForText(member.id, '每两个月举行一次', 20_000);

      telegram.say(privateChat(stranger), stranger, '6月12日组织代表视察了安全生产工作');
      await telegram.waitForText(stranger.id, `telegram:${stranger.id}`, 20_000);

      await new SocketDelivery(slack).event(userMessage(slack, { user: 'UALICE01', text: '6月12日组织代表视察了安全生产工作', dm: true }));
      await slack.waitFor(() => slack.botMessages('D0000001').find((m) => m.text.includes('已记录')), 20_000);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exit).toBe(0);
    expect(run.stdout()).toBe(''); // no terminal channel when a chat platform is configured
    const db = new Database(join(dataDir, 'lvzhi.db'), { readonly: true });
    const rows = db.prepare('SELECT by, by_name, channel FROM activities').all();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    // The stranger's identical message stored nothing; the Slack member's did.
    expect(rows).toEqual([{ by: 'slack:UALICE01', by_name: '王芳', channel: 'slack' }]);
  }, 120_000);
});
