/**
 * The 起草 page over HTTP, on real services: a request and a period in the chat's words give a
 * draft whose figures link to the facts (and the log entries) they state; an edit that changes a
 * figure is marked as matching no fact; the edited text downloads as a real Word file; a draft
 * is its person's alone; a period it cannot read is asked about in Chinese.
 */
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebRig, type WebRig, type WebSession } from '../support/web.ts';

const ENTRIES = [
  { date: '2023-03-15', kind: 'inspection', title: '视察重点民生项目建设' },
  { date: '2023-06-01', kind: 'inspection', title: '视察安全生产工作' },
  { date: '2023-05-10', kind: 'research', title: '调研乡村振兴工作' },
  { date: '2023-04-20', kind: 'report_review', title: '听取审议区法院关于行政审判工作情况的报告' },
  { date: '2023-08-01', kind: 'inspection', title: '视察防汛工作' },
];

describe('web console: 起草 over HTTP', () => {
  let rig: WebRig;
  let writer: WebSession;
  let other: WebSession;
  beforeAll(async () => {
    rig = await startWebRig({ env: { LVZHI_ALLOW: 'telegram:2,telegram:3' } });
    await rig.services.activities.addAll(ENTRIES, { by: 'telegram:2', channel: 'test' });
    writer = await rig.login('telegram:2');
    other = await rig.login('telegram:3');
  });
  afterAll(async () => rig?.close());

  async function draftFor(request: string, period: string): Promise<string> {
    const made = await writer.post('/drafts', { request, period });
    expect(made.status).toBe(303);
    return made.headers.get('location')!;
  }

  it('drafts for the period named, links each figure to its fact and lists the entries it counts', async () => {
    const at = await draftFor('起草一段监督工作的总结', '2023年上半年');
    const page = await (await writer.fetch(at)).text();
    expect(page).toContain('统计时期：2023-01-01 至 2023-06-30');
    expect(page).toMatch(/<a class="figure" href="#fact-\d+"[^>]*>2次<\/a>/);
    const inspections = await rig.services.activities.list({ from: '2023-01-01', to: '2023-06-30', kinds: ['inspection'] });
    for (const entry of inspections) expect(page).toContain(`第 ${entry.id} 号　${entry.title}`);
    expect(page).not.toContain('视察防汛工作'); // August is outside the period
    // The log page the fact links to lists the same entries.
    const link = /href="(\/log\?period=[^"]*kind=inspection)"/.exec(page)![1].replace(/&amp;/g, '&');
    const log = await (await writer.fetch(link)).text();
    for (const entry of inspections) expect(log).toContain(entry.title);
    expect(log).not.toContain('视察防汛工作');
    expect(page).not.toContain('class="ungrounded"');
    expect((await other.fetch(at)).status).toBe(404); // a draft is its person's own
  });

  it('marks a figure edited so that no fact grounds it, and downloads the edited text as a Word file', async () => {
    const at = await draftFor('写一段视察调研工作', '2023年上半年');
    const drafted = await (await writer.fetch(at)).text();
    const original = /<textarea id="text"[^>]*>([\s\S]*?)<\/textarea>/.exec(drafted)![1].replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    expect(original).toContain('其中视察2次');
    const edited = original.replace('其中视察2次', '其中视察7次');
    expect((await writer.post(at, { text: edited })).status).toBe(303);
    const checked = await (await writer.fetch(at)).text();
    expect(checked).toMatch(/<mark class="ungrounded"[^>]*>7次/);
    expect(checked).toContain('以下数字与活动记录的统计不符');

    const download = await writer.fetch(`${at}/docx`);
    expect(download.headers.get('content-type')).toContain('wordprocessingml');
    expect(download.headers.get('content-disposition')).toContain(encodeURIComponent('视察调研'));
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await download.arrayBuffer()) });
    expect(value).toContain('其中视察7次');
  });

  it('marks figures swapped between kinds: each number exists in the log, but not as a count of what its sentence names', async () => {
    const at = await draftFor('写一段视察调研工作', '2023年上半年');
    const drafted = await (await writer.fetch(at)).text();
    const original = /<textarea id="text"[^>]*>([\s\S]*?)<\/textarea>/.exec(drafted)![1].replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    expect(original).toContain('其中视察2次、调研1次');
    expect((await writer.post(at, { text: original.replace('其中视察2次、调研1次', '其中视察1次、调研2次') })).status).toBe(303);
    const checked = await (await writer.fetch(at)).text();
    expect(checked).toMatch(/视察<mark class="ungrounded"[^>]*>1次/);
    expect(checked).toMatch(/调研<mark class="ungrounded"[^>]*>2次/);
    expect(checked).toContain('以下数字与活动记录的统计不符');
  });

  it('asks about a period it cannot read, in Chinese, and drafts nothing', async () => {
    const response = await writer.post('/drafts', { request: '起草一段监督工作的总结', period: '很久以前' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('没有读懂时期“很久以前”');
  });
});
