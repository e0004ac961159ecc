/**
 * The log, statistics and audit pages over HTTP against the real server, for the finer rules:
 * the export holds exactly the filtered view, the statistics are the figures of `stats`, paging
 * counts right, a future date is asked about, bad input is answered in Chinese, and a non-admin
 * is refused the import, the audit trail and other people's entries.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/cli-process.ts';
import { startWebRig, type WebRig, type WebSession } from '../support/web.ts';

const env = { LVZHI_ALLOW: 'telegram:777', LVZHI_ADMINS: 'telegram:1' };

describe('web console: the log, statistics and audit over HTTP', () => {
  let rig: WebRig;
  let admin: WebSession;
  let staff: WebSession;
  let othersId = 0;
  beforeAll(async () => {
    rig = await startWebRig({ env });
    const rows = Array.from({ length: 120 }, (_, i) => ({ date: `2023-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`, kind: i % 4 === 0 ? 'research' : 'inspection', title: `第${i}次活动` }));
    await rig.services.activities.addMany(rows, { by: 'telegram:1', byName: '李主任', channel: 'import' });
    const [{ activity }] = await rig.services.activities.addAll([{ date: '2023-05-05', kind: 'study', title: '集体学习' }], { by: 'telegram:1', channel: 'telegram' });
    othersId = activity.id;
    await rig.services.activities.addAll([{ date: '2023-05-06', kind: 'study', title: '张三的学习' }], { by: 'telegram:777', byName: '张三', channel: 'telegram' });
    [admin, staff] = await Promise.all([rig.login('telegram:1'), rig.login('telegram:777')]);
  });
  afterAll(async () => rig?.close());

  it('pages the log 50 at a time with exact totals, keeping the filters in the links', async () => {
    const page1 = await (await admin.fetch(`/log?period=${encodeURIComponent('2023年上半年')}&kind=inspection`)).text();
    const cli = JSON.parse((await runCliInProcess(['list', '--from', '2023-01-01', '--to', '2023-06-30', '--kinds', 'inspection', '--json', '--data', rig.dataDir], { env: {} })).stdout).activities;
    expect(page1).toContain(`共 ${cli.length} 条，这是第 1–50 条`);
    expect(page1).toContain('第 1 / 2 页');
    const next = /href="([^"]+page=2[^"]*)" rel="next"/.exec(page1)?.[1].replaceAll('&amp;', '&');
    expect(next).toBeDefined();
    const page2 = await (await admin.fetch(next!)).text();
    expect(page2).toContain(`这是第 51–${cli.length} 条`);
    expect(page2).toContain(`>${cli.at(-1).id}<`);
  });

  it('exports exactly the filtered view to Excel', async () => {
    const response = await admin.fetch(`/log/export.xlsx?period=${encodeURIComponent('2023年5月')}&q=${encodeURIComponent('学习')}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const titles = sheet.getColumn(4).values.slice(2);
    expect(titles).toEqual(['集体学习', '张三的学习']);
  });

  it('shows the same figures as the stats command, with a chart image', async () => {
    const page = await (await admin.fetch(`/stats?period=${encodeURIComponent('2023年上半年')}`)).text();
    const stats = JSON.parse((await runCliInProcess(['stats', '--from', '2023-01-01', '--to', '2023-06-30', '--json', '--data', rig.dataDir], { env: {} })).stdout);
    for (const count of stats.counts) expect(page).toContain(`<td>${count.label}</td><td class="num">${count.count}</td>`);
    expect(page).toContain(`<td class="num">${stats.total}</td>`);
    const src = /<img src="([^"]+by=kind[^"]*)"/.exec(page)?.[1].replaceAll('&amp;', '&');
    const chart = await admin.fetch(src!);
    expect(chart.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const svg = await chart.text();
    for (const count of stats.counts) expect(svg).toContain(count.label);
    expect(svg).not.toMatch(/<script/i);
    // The same chart as a PNG to paste into Word, linked beside it.
    const png = /<a href="([^"]+chart\.png[^"]*by=kind[^"]*)"/.exec(page)?.[1].replaceAll('&amp;', '&');
    const download = await admin.fetch(png!);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
  });

  it('answers words that are not a period in Chinese, and shows no unfiltered table instead', async () => {
    for (const path of ['/log?period=上半年视察', '/stats?period=随便', '/log/export.xlsx?period=xyz']) {
      const response = await admin.fetch(encodeURI(path));
      expect(response.status, path).toBe(400);
      const page = await response.text();
      expect(page).toContain('看不懂时间');
      expect(page).not.toContain('第0次活动');
    }
    const badKind = await admin.fetch('/log?kind=nonsense');
    expect(badKind.status).toBe(400);
    expect(await badKind.text()).toContain('nonsense');
  });

  it('asks before moving an entry to a day still to come, and then stores it', async () => {
    const form = { date: '2099-01-05', kind: 'study', title: '张三的学习' };
    const own = await rig.services.activities.page({ text: '张三的学习' }, { limit: 1, offset: 0 });
    const id = own.items[0].id;
    const asked = await staff.post(`/log/${id}/edit`, form);
    expect(asked.status).toBe(409);
    expect(await asked.text()).toContain('还没到');
    expect((await rig.services.activities.get(id))?.date).toBe('2023-05-06');
    const saved = await staff.post(`/log/${id}/edit`, { ...form, future: 'yes' });
    expect(saved.status).toBe(303);
    expect((await rig.services.activities.get(id))?.date).toBe('2099-01-05');
  });

  it('refuses a non-admin the import, the audit trail and other people’s entries, on the server', async () => {
    expect((await staff.fetch('/log/import')).status).toBe(403);
    expect((await staff.post('/log/import/confirm', { upload: 'x'.repeat(43) })).status).toBe(403);
    expect((await staff.fetch('/audit')).status).toBe(403);
    expect((await staff.fetch(`/log/${othersId}/edit`)).status).toBe(403);
    expect((await staff.post(`/log/${othersId}/delete`, {})).status).toBe(403);
    expect(await rig.services.activities.get(othersId)).toBeDefined();
    expect((await admin.fetch('/log/999999/edit')).status).toBe(404);
    const audit = await (await admin.fetch('/audit?by=telegram:777')).text();
    expect(audit).toContain('共 2 条审计记录');
  });
});
