/**
 * Slack end to end with the real assistant: the real bolt app (signed HTTP events, and Socket
 * Mode) against the Slack stand-in, in front of the real knowledge base and activity log on a
 * temporary data folder. A question, a plain log and its count, a document dropped in and asked
 * about, and a stranger — on each transport.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIAISON_RULES as LIAISON, OFFICE_RULES as RULES } from '../fixtures/office-rules.ts';
import { buttonClick } from '../support/slack-delivery.ts';
import { startRig, userMessage, type SlackRig, type Transport } from './slack-harness.ts';
import { openRealAssistant, type RealAssistant } from './telegram-real-assistant.ts';

const admin = 'UALICE01'; // 王芳
const staff = 'UBOB0001'; // 李明
const stranger = 'USTRANGE1';

describe.each<Transport>(['http', 'socket'])('Slack over %s with the real assistant', (transport) => {
  let real: RealAssistant;
  let rig: SlackRig;
  let folder: string;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'lvzhi-slack-docs-'));
    real = await openRealAssistant({ allow: `slack:${staff}`, admins: `slack:${admin}` });
    rig = await startRig(transport, real.assistant);
  });
  afterEach(async () => {
    await rig.close();
    await real.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** Wait until the bot shows `count` messages in a thread, and return them. */
  const replies = (channel: string, threadTs: string | undefined, count: number) =>
    rig.standIn.waitFor(() => {
      const shown = rig.standIn.botMessages(channel, threadTs).filter((m) => m.text !== '正在处理…');
      return shown.length >= count && shown;
    });

  it('answers a mentioned question in its thread, citing the article', async () => {
    const path = join(folder, '议事规则.md');
    writeFileSync(path, RULES);
    await real.knowledge.ingest([path]);
    const said = userMessage(rig.standIn, { user: staff, text: '常委会会议多久举行一次？' });
    await rig.slack.event(said);
    const [answer] = await replies(said.channel, said.ts, 1);
    expect(answer.threadTs).toBe(said.ts);
    expect(answer.text).toContain('每两个月');
    expect(answer.text).toContain('第八条');
    expect(answer.text).toMatch(/\[1\]/);
    expect(real.errors).toEqual([]);
  });

  it('logs a plain message with the sender, and counts it exactly (message and slash command)', async () => {
    const first = userMessage(rig.standIn, { user: staff, text: '今天组织代表视察了安全生产工作', dm: true });
    await rig.slack.event(first);
    await replies(first.channel, first.ts, 1);
    expect(real.log.list()).toHaveLength(1);
    expect(real.log.list()[0]).toMatchObject({ kind: 'inspection', by: `slack:${staff}`, by_name: '李明' });

    const second = userMessage(rig.standIn, { user: staff, text: '今天到社区调研了养老服务', dm: true });
    await rig.slack.event(second);
    await replies(second.channel, second.ts, 1);
    const question = userMessage(rig.standIn, { user: staff, text: '今年视察了几次', dm: true });
    await rig.slack.event(question);
    const [count] = await replies(question.channel, question.ts, 1);
    expect(real.log.stats({ kinds: ['inspection'] }).total).toBe(1);
    expect(count.text).toMatch(/1\s*次/);
    expect(count.text).not.toMatch(/2\s*次/);

    await rig.slack.command({ user_id: staff, user_name: 'li.ming', channel_id: 'C0000009', text: 'stats 今年' });
    const shown = await rig.standIn.waitFor(() => {
      const top = rig.standIn.botMessages('C0000009').filter((m) => m.text !== '正在处理…');
      return top.length > 0 && top;
    });
    expect(shown[0].threadTs).toBeUndefined();
    expect(shown[0].text).toMatch(/视察/);
    expect(shown[0].text).toMatch(/调研/);
    expect(real.log.list()).toHaveLength(2);
  });

  it('asks before logging a future date, with buttons; a click confirms it', async () => {
    const year = new Date().getFullYear() + 1;
    const said = userMessage(rig.standIn, { user: staff, text: `${year}年3月2日组织代表视察了安全生产工作`, dm: true });
    await rig.slack.event(said);
    const question = await rig.standIn.waitFor(() => rig.standIn.botMessages(said.channel, said.ts).find((m) => m.blocks?.some((b) => b.type === 'actions')));
    expect(real.log.list()).toEqual([]);
    await rig.slack.interact(buttonClick(question, 'lvzhi_choice_0', { id: staff, name: 'li.ming' }));
    await rig.standIn.waitFor(() => real.log.list().length === 1 && rig.standIn.botMessages(said.channel, said.ts).some((m) => m.text.includes('已记录')));
    expect(real.log.list()[0]).toMatchObject({ date: `${year}-03-02`, kind: 'inspection' });
    expect(question.blocks?.some((b) => b.type === 'actions')).toBe(false);
  });

  it('reads a follow-up in the thread in the light of the count before it, without a second mention', async () => {
    // All today, so the count holds on the first days of a year too.
    for (const text of ['今天组织代表视察了安全生产工作', '今天到社区调研了养老服务', '今天到企业调研了营商环境']) {
      const logged = userMessage(rig.standIn, { user: staff, text, dm: true });
      await rig.slack.event(logged);
      await replies(logged.channel, logged.ts, 1);
    }
    const asked = userMessage(rig.standIn, { user: staff, text: '今年视察了几次' });
    await rig.slack.event(asked);
    await replies(asked.channel, asked.ts, 1);
    const followUp = userMessage(rig.standIn, { user: staff, text: '调研呢？', plain: true, threadTs: asked.ts });
    await rig.slack.event(followUp);
    const [, second] = await replies(asked.channel, asked.ts, 2);
    expect(second.threadTs).toBe(asked.ts);
    expect(second.text).toMatch(/调研/);
    expect(second.text).toMatch(/2\s*次/);
    expect(real.log.stats({ kinds: ['research'] }).total).toBe(2);
  });

  it('ingests a document an admin shares, then answers from it; a non-admin cannot ingest', async () => {
    const fromStaff = rig.standIn.addFile('联络站制度.txt', LIAISON, 'text/plain');
    const refused = userMessage(rig.standIn, { user: staff, text: '', dm: true, files: [{ id: fromStaff.id, name: fromStaff.name }] });
    await rig.slack.event(refused);
    await replies(refused.channel, refused.ts, 1);
    expect(rig.standIn.callsOf('files.info')).toHaveLength(0);
    expect(real.knowledge.size()).toBe(0);

    const fromAdmin = rig.standIn.addFile('联络站制度.txt', LIAISON, 'text/plain');
    const shared = userMessage(rig.standIn, { user: admin, text: '', dm: true, channel: 'D0000002', files: [{ id: fromAdmin.id, name: fromAdmin.name }] });
    await rig.slack.event(shared);
    const confirmed = await rig.standIn.waitFor(() =>
      real.knowledge.size() > 0 &&
      rig.standIn.botMessages(shared.channel, shared.ts).find((m) => m.text.includes('联络站制度') && m.text.includes(String(real.knowledge.size()))),
    );
    // Progress went into one status message, edited into the confirmation.
    expect(rig.standIn.botMessages(shared.channel, shared.ts)).toEqual([confirmed]);
    expect(rig.standIn.callsOf('files.info')).toHaveLength(1);
    expect(rig.standIn.callsOf('GET url_private')).toHaveLength(1);

    const asked = userMessage(rig.standIn, { user: admin, text: '/ask 代表联络站哪天接待选民', dm: true, channel: 'D0000002' });
    await rig.slack.event(asked);
    const [answer] = await replies(asked.channel, asked.ts, 1);
    expect(answer.text).toContain('每月十五日');
  });

  it('takes 50 people logging at once: every entry stored once and confirmed in its own thread', async () => {
    const people = Array.from({ length: 50 }, (_, i) => `UPEER${String(i).padStart(4, '0')}`);
    await real.close();
    real = await openRealAssistant({ allow: people.map((id) => `slack:${id}`).join(',') });
    await rig.close();
    rig = await startRig(transport, real.assistant);
    const said = people.map((id, i) => userMessage(rig.standIn, { user: id, text: `今天到第${i + 1}社区调研了养老服务`, dm: true, channel: `D${id.slice(1)}` }));
    await Promise.all(said.map((event) => rig.slack.event(event)));
    await rig.standIn.waitFor(() => said.every((event) => rig.standIn.botMessages(event.channel, event.ts).some((m) => m.text.includes('已记录'))), 20_000);
    const titles = real.log.list().map((a) => a.title).sort();
    expect(titles).toHaveLength(50);
    expect(new Set(titles).size).toBe(50);
    expect(real.errors).toEqual([]);
    expect(rig.failures).toEqual([]);
  });

  it('refuses a stranger, showing their id, and does nothing else', async () => {
    const said = userMessage(rig.standIn, { user: stranger, text: '今天组织代表视察了安全生产工作', dm: true, channel: 'D0000007' });
    await rig.slack.event(said);
    const [refusal] = await replies(said.channel, said.ts, 1);
    expect(refusal.text).toContain(`slack:${stranger}`);
    expect(refusal.text).not.toContain('已记录');

    const file = rig.standIn.addFile('联络站制度.txt', LIAISON, 'text/plain');
    const shared = userMessage(rig.standIn, { user: stranger, text: '', dm: true, channel: 'D0000007', files: [{ id: file.id, name: file.name }] });
    await rig.slack.event(shared);
    await replies(shared.channel, shared.ts, 1);
    const mention = userMessage(rig.standIn, { user: stranger, text: '常委会会议多久举行一次？' });
    await rig.slack.event(mention);
    const [inChannel] = await replies(mention.channel, mention.ts, 1);
    expect(inChannel.text).toContain(`slack:${stranger}`);

    expect(real.log.list()).toEqual([]);
    expect(real.knowledge.size()).toBe(0);
    expect(rig.standIn.callsOf('files.info')).toHaveLength(0);
    // One refusal per message, each in the stranger's own thread, and nothing anywhere else.
    const threads = [said.ts, shared.ts, mention.ts];
    expect(rig.standIn.messages.map((m) => m.threadTs).sort()).toEqual([...threads].sort());
  });
});
