/**
 * `npm start` restarted in the middle of a conversation (a deploy, a crash): the question
 * waiting for "确认", the topic a follow-up leans on and a Telegram button shown before the
 * restart all still work afterwards, because conversation state lives in the data folder.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, privateChat, startTelegramStandIn, type TelegramStandIn } from '../support/telegram-stand-in.ts';
import { removeAfterTests, tempFolder } from '../support/temp-folders.ts';
import { startMain, untilOutput, type MainRun } from '../support/run-main.ts';

function start(dataDir: string, env: Record<string, string> = {}): MainRun {
  const run = startMain(dataDir, env);
  removeAfterTests(run.cwd);
  return run;
}

/** Pipe lines into a fresh `npm start` on the data folder; its replies once it exits at the end of input. */
async function session(dataDir: string, lines: string): Promise<string[]> {
  const run = start(dataDir);
  run.child.stdin.end(lines);
  expect(await run.exit).toBe(0);
  return run.stdout().split('\n\n').map((b) => b.trim()).filter(Boolean);
}

/**
 * A ceiling for a reply, only a last guard: the wait itself ends on the stand-in's event. A turn
 * takes a second quiet and has taken over 30 s on this shared machine under load.
 */
const REPLY_CEILING = 120_000;

function rows(dataDir: string, sql: string): unknown[] {
  const db = new Database(join(dataDir, 'lvzhi.db'), { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

describe('npm start restarted mid-conversation (terminal)', () => {
  it('a future-dated log asked about before a crash is stored once when "确认" comes after it', async () => {
    const dataDir = tempFolder('lvzhi-restart-');
    const first = start(dataDir);
    first.child.stdin.write('下周五组织代表视察河道治理\n'); // stdin stays open: the process is killed, not ended
    await untilOutput(first, () => first.stdout().includes('还没到'), 'the question about the date');
    first.child.kill('SIGKILL');
    await first.exit;
    expect(rows(dataDir, 'SELECT id FROM activities')).toEqual([]);

    const [answer] = await session(dataDir, '确认\n');
    expect(answer).toContain('已记录');
    expect(answer).toContain('组织代表视察河道治理');
    expect(rows(dataDir, 'SELECT kind, title FROM activities')).toEqual([{ kind: 'inspection', title: '组织代表视察河道治理' }]);

    // The question was answered: saying "确认" again after another restart logs nothing more.
    const [again] = await session(dataDir, '确认\n');
    expect(again).not.toContain('已记录');
    expect(rows(dataDir, 'SELECT id FROM activities')).toHaveLength(1);
  }, 180_000);

  it('"那下半年呢" after a restart counts the kinds asked about before it', async () => {
    const dataDir = tempFolder('lvzhi-restart-follow-');
    const before = await session(dataDir, '2026年3月5日组织代表视察了安全生产工作\n2026年8月6日组织代表视察了防汛工作\n2026年8月7日开展了养老服务调研\n上半年视察了几次\n');
    expect(before.at(-1)).toMatch(/视察.*1/);
    const [followUp] = await session(dataDir, '那下半年呢\n');
    expect(followUp).toMatch(/下半年/);
    expect(followUp).toMatch(/视察.*1/);
    expect(followUp).not.toContain('调研');
  }, 180_000);
});

describe('npm start with Telegram restarted while a button waits', () => {
  let telegram: TelegramStandIn;
  beforeAll(async () => {
    telegram = await startTelegramStandIn();
  });
  afterAll(async () => telegram.close());

  it('a "按计划记录" button shown before the restart logs the activity when pressed after it', async () => {
    const dataDir = tempFolder('lvzhi-restart-tg-');
    const member = makeUser(4343, '李主任');
    const env = { TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot, LVZHI_ALLOW: `telegram:${member.id}` };
    const first = start(dataDir, env);
    await untilOutput(first, () => first.stderr().includes('履职助手已启动'), 'the first start');
    telegram.say(privateChat(member), member, '下周五组织代表视察河道治理');
    const question = await telegram.waitForText(member.id, '还没到', REPLY_CEILING);
    expect(question.replyMarkup?.inline_keyboard.flat().map((b) => b.text)).toContain('按计划记录');
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);

    const second = start(dataDir, env);
    try {
      await untilOutput(second, () => second.stderr().includes('履职助手已启动'), 'the second start');
      telegram.press(member, question, '按计划记录');
      await telegram.waitForText(member.id, '已记录', REPLY_CEILING);
    } finally {
      second.child.kill('SIGTERM');
    }
    expect(await second.exit).toBe(0);
    expect(rows(dataDir, 'SELECT title, channel FROM activities')).toEqual([{ title: '组织代表视察河道治理', channel: 'telegram' }]);
  }, 300_000);
});
