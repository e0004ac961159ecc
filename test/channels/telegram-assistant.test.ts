/**
 * Telegram end to end with the real assistant: the real grammY bot against the Bot API
 * stand-in, in front of the real knowledge base and activity log on a temporary data folder.
 * A question, a plain log and its count, a document dropped in and asked about, and a stranger.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIAISON_RULES as LIAISON, OFFICE_RULES as RULES } from '../fixtures/office-rules.ts';
import { groupChat, makeUser, privateChat } from '../support/telegram-stand-in.ts';
import { startTelegram } from './telegram-harness.ts';
import { openRealAssistant, type RealAssistant } from './telegram-real-assistant.ts';

describe('telegram with the real assistant', () => {
  const admin = makeUser(801, '王', { last_name: '芳' });
  const staff = makeUser(802, '李明');
  const stranger = makeUser(803, '陌生人');
  let real: RealAssistant;
  let running: Awaited<ReturnType<typeof startTelegram>>;
  let folder: string;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'lvzhi-tg-docs-'));
    real = await openRealAssistant({ allow: `telegram:${staff.id}`, admins: `telegram:${admin.id}` });
    running = await startTelegram(real.assistant);
  });
  afterEach(async () => {
    await running.stop();
    await real.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('answers a question from the knowledge base, citing the article', async () => {
    const path = join(folder, '议事规则.md');
    writeFileSync(path, RULES);
    await real.knowledge.ingest([path]);
    const { standIn } = running;
    standIn.say(privateChat(staff), staff, '/ask 常委会会议多久举行一次');
    const reply = await standIn.waitForText(staff.id, '每两个月');
    expect(reply.text).toContain('第八条');
    expect(reply.text).toMatch(/\[1\]/);
    expect(real.errors).toEqual([]);
  });

  it('logs a plain message and counts it, with the sender recorded', async () => {
    const { standIn } = running;
    const chat = privateChat(staff);
    standIn.say(chat, staff, '今天组织代表视察了安全生产工作');
    await standIn.waitFor(() => standIn.messagesIn(staff.id).length === 1 || undefined, 'the log confirmation');
    expect(real.log.list()).toHaveLength(1);
    expect(real.log.list()[0]).toMatchObject({ kind: 'inspection', by: `telegram:${staff.id}`, by_name: '李明' });
    standIn.say(chat, staff, '昨天到社区调研了养老服务');
    await standIn.waitFor(() => standIn.messagesIn(staff.id).length === 2 || undefined, 'the second confirmation');
    standIn.say(chat, staff, '今年视察了几次');
    await standIn.waitFor(() => standIn.messagesIn(staff.id).length === 3 || undefined, 'the count');
    const count = standIn.messagesIn(staff.id)[2].text;
    const stats = real.log.stats({ kinds: ['inspection'] });
    expect(stats.total).toBe(1);
    expect(count).toMatch(/1\s*次/);
    expect(count).not.toMatch(/2\s*次/);
    expect(real.log.list()).toHaveLength(2);
  });

  it('several activities in one message: one confirmation, one /undo withdraws them all', async () => {
    const { standIn } = running;
    const chat = privateChat(staff);
    standIn.say(chat, staff, '昨天上午召开党组会议，下午组织理论学习中心组学习');
    const confirmation = await standIn.waitForText(staff.id, '已记录 2 项');
    expect(confirmation.text).toMatch(/党组会议.*；.*学习/);
    expect(standIn.messagesIn(staff.id)).toHaveLength(1);
    expect(real.log.list().map((a) => a.kind)).toEqual(['party_meeting', 'study']);
    standIn.say(chat, staff, '/undo');
    await standIn.waitForText(staff.id, '已撤回 2 项');
    expect(real.log.list()).toEqual([]);
  });

  it('a future date gets buttons; a late delivery is filed on the day the message was sent', async () => {
    const { standIn } = running;
    const chat = privateChat(staff);
    standIn.say(chat, staff, '明天组织代表视察河道治理');
    const question = await standIn.waitForText(staff.id, '还没到');
    expect(question.replyMarkup?.inline_keyboard.flat().map((b) => b.text)).toEqual(['按计划记录', '取消']);
    expect(real.log.list()).toEqual([]);
    standIn.press(staff, question, '按计划记录');
    await standIn.waitForText(staff.id, '已记录');
    expect(real.log.list()).toHaveLength(1);
    // Sent three days ago and delivered only now: "今天" is the day it was sent.
    const sent = standIn.userMessage({ chat, from: staff, text: '今天召开了主任会议' });
    standIn.pushUpdate({ message: { ...sent, date: sent.date - 3 * 86_400 } });
    await standIn.waitForText(staff.id, '主任会议');
    const sentDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date((sent.date - 3 * 86_400) * 1000));
    expect(real.log.list().find((a) => a.kind === 'council_meeting')?.date).toBe(sentDay);
  });

  it('ingests a document an admin drops in, then answers from it; a non-admin cannot ingest', async () => {
    const { standIn } = running;
    standIn.sendFile(privateChat(staff), staff, '联络站制度.txt', LIAISON);
    await standIn.waitFor(() => standIn.messagesIn(staff.id).length === 1 || undefined, 'the refusal to ingest');
    expect(standIn.callsOf('getFile')).toHaveLength(0);
    expect(real.knowledge.size()).toBe(0);

    standIn.sendFile(privateChat(admin), admin, '联络站制度.txt', LIAISON);
    // The status message ("收录中…") is edited into the confirmation naming the passages stored.
    const confirmed = await standIn.waitFor(
      () => real.knowledge.size() > 0 && standIn.messagesIn(admin.id).find((m) => m.text.includes('联络站制度') && m.text.includes(String(real.knowledge.size()))),
      'the ingest confirmation',
    );
    expect(standIn.messagesIn(admin.id)).toHaveLength(1);
    expect(standIn.callsOf('getFile')).toHaveLength(1);
    expect(real.knowledge.size()).toBeGreaterThan(0);
    expect(confirmed.text).toContain(String(real.knowledge.size()));

    standIn.say(privateChat(admin), admin, '/ask 代表联络站哪天接待选民');
    const answer = await standIn.waitForText(admin.id, '每月十五日');
    expect(answer.text).toContain('联络站');
  });

  it('keeps nothing sent in chat in the temporary folder: a document ingested, a table imported, a bad one refused', async () => {
    const { standIn } = running;
    const chat = privateChat(admin);
    /** A clerk's ledger as Excel saves it (sheets before the shared strings), with a notes sheet. */
    const ledger = async (date: string) => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('活动').addRows([['日期', '类型', '标题', '记录人'], [date, '视察', '视察安全生产工作', '王芳']]);
      workbook.addWorksheet('说明').addRow(['办公室整理']);
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };
    const good = await ledger('2023-03-01');
    const bad = await ledger('2023-02-30');
    // This process's temporary folder, private to the test so other runs' files do not count.
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = folder;
    try {
      standIn.sendFile(chat, admin, '联络站制度.txt', LIAISON);
      await standIn.waitFor(() => real.knowledge.size() > 0 && standIn.messagesIn(admin.id).find((m) => m.text.includes('联络站制度')), 'the ingest confirmation');
      standIn.sendFile(chat, admin, '台账.xlsx', good);
      await standIn.waitForText(admin.id, '回复“导入”');
      standIn.say(chat, admin, '导入');
      await standIn.waitForText(admin.id, '已导入 1 条');
      standIn.sendFile(chat, admin, '坏表.xlsx', bad);
      await standIn.waitForText(admin.id, '导入没有完成');
      expect(real.log.list()).toHaveLength(1);
      const left = () => readdirSync(folder);
      // exceljs deletes its copies without waiting: give those deletions a moment.
      for (let i = 0; i < 250 && left().length > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(left()).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });

  it('refuses a stranger once, showing their id, and does nothing else', async () => {
    const { standIn } = running;
    standIn.say(privateChat(stranger), stranger, '今天组织代表视察了安全生产工作');
    const refusal = await standIn.waitForText(stranger.id, `telegram:${stranger.id}`);
    standIn.sendFile(privateChat(stranger), stranger, '联络站制度.txt', LIAISON);
    await standIn.waitFor(() => standIn.messagesIn(stranger.id).length === 2 || undefined, 'the second refusal');
    expect(refusal.text).not.toContain('已记录');
    expect(real.log.list()).toEqual([]);
    expect(real.knowledge.size()).toBe(0);
    expect(standIn.callsOf('getFile')).toHaveLength(0);
    expect(standIn.sent.filter((m) => m.chatId !== stranger.id)).toEqual([]);
  });

  it('stays quiet in a group until addressed, then answers the allowed user there', async () => {
    const { standIn } = running;
    const group = groupChat(-100900);
    standIn.say(group, staff, '今天组织代表视察了安全生产工作');
    standIn.say(group, staff, '@lvzhi_test_bot 昨天到社区调研了养老服务');
    await standIn.waitFor(() => standIn.messagesIn(group.id).length === 1 || undefined, 'the reply to the mention');
    const entries = real.log.list();
    expect(entries).toHaveLength(1);
    expect(entries[0].kind).toBe('research');
  });
});
