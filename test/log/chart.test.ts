import { describe, expect, it } from 'vitest';
import { openActivityLog, renderChart } from '../../src/log/index.ts';
import { CHART_FONT_FAMILY, MAX_SERIES, SERIES_COLORS, chartSvg, svgToPng } from '../../src/log/chart-render.ts';
import { decodePng, darkPixels } from '../support/chart-png.ts';
import { SAMPLE_CSV, byCli, tempFolder } from '../support/log-helpers.ts';

const H1 = { from: '2023-01-01', to: '2023-06-30' };

async function sampleLog() {
  const log = openActivityLog({ dataDir: tempFolder() });
  await log.importFile(SAMPLE_CSV, byCli('导入员'));
  return log;
}

describe('charts', () => {
  it('draws the counts by kind with a Chinese title and labels in the bundled font', async () => {
    const log = await sampleLog();
    const stats = log.stats(H1);
    const svg = await chartSvg(stats, { by: 'kind' });
    expect(svg).toContain('2023年上半年各类履职活动次数');
    for (const label of ['视察', '听取审议报告', '调研', '学习', '党组会议']) expect(svg).toContain(`>${label}<`);
    const families = new Set([...svg.matchAll(/font-family="([^"]+)"/g)].map((m) => m[1].replace(/&quot;|'|"/g, '')));
    expect([...families]).toEqual([CHART_FONT_FAMILY]);
    log.close();
  });

  it('renders Chinese text as glyphs: the title band of the PNG holds text pixels', async () => {
    const log = await sampleLog();
    const stats = log.stats(H1);
    const pixels = decodePng(await renderChart(stats, { by: 'kind', title: '视察调研统计' }));
    expect(pixels.width).toBeGreaterThan(600);
    // The same layout with the title's characters taken out: the difference in text pixels
    // in the title band is the title's glyphs. Were the font missing or its family name
    // wrong, resvg would draw nothing there and the difference would be 0.
    const svg = await chartSvg(stats, { by: 'kind', title: '视察调研统计' });
    expect(svg).toContain('>视察调研统计<');
    const untitled = decodePng(svgToPng(svg.replace('>视察调研统计<', '><')));
    const glyphPixels = darkPixels(pixels, 0, 90) - darkPixels(untitled, 0, 90);
    expect(glyphPixels).toBeGreaterThan(300);
    log.close();
  });

  it('draws months of the period, empty ones included, stacked by kind', async () => {
    const log = await sampleLog();
    const monthly = log.statsByMonth({ from: '2023-01-01', to: '2023-08-31' });
    const svg = await chartSvg(monthly, { by: 'month' });
    expect(svg).toContain('2023年1月至8月每月履职活动次数');
    // Each month's total stands on top of its column.
    for (const m of monthly.months.filter((x) => x.total > 0)) expect(svg).toContain(`>${m.total}<`);
    for (const month of ['1月', '7月', '8月']) expect(svg).toContain(`>${month}<`);
    const png = await renderChart(monthly, { by: 'month' });
    expect(Buffer.from(png.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
    log.close();
  });

  it('writes each bar\'s figure beside it and titles the chart with the kinds asked for', async () => {
    const log = await sampleLog();
    const kinds = ['inspection', 'research'];
    const stats = log.stats({ ...H1, kinds });
    const svg = await chartSvg(stats, { by: 'kind', kinds });
    expect(svg).toContain('>2023年上半年视察、调研次数<');
    for (const c of stats.counts) expect(svg).toContain(`>${c.count}<`);
    log.close();
  });

  it('stands a few short labels as columns and turns many or long ones into horizontal bars', async () => {
    const log = await sampleLog();
    const two = await chartSvg(log.stats({ ...H1, kinds: ['inspection', 'research'] }), { by: 'kind' });
    const all = await chartSvg(log.stats(H1), { by: 'kind' });
    // The kind labels sit under the columns (one row, same y) or beside the bars (one column, same x).
    const labelAt = (svg: string, label: string) => {
      const at = svg.indexOf(`>${label}<`);
      const tag = svg.slice(svg.lastIndexOf('<text', at), at);
      return /translate\((-?[\d.]+),(-?[\d.]+)\)/.exec(tag)!.slice(1).map(Number);
    };
    expect(labelAt(two, '视察')[1]).toBe(labelAt(two, '调研')[1]);
    expect(labelAt(all, '视察')[0]).toBe(labelAt(all, '听取审议报告')[0]);
    log.close();
  });

  it('colours at most eight series apart and gathers the rest as 其他', async () => {
    const log = openActivityLog({ dataDir: tempFolder() });
    const kinds = ['session', 'council_meeting', 'party_meeting', 'meeting', 'study', 'report_review', 'inspection', 'research', 'law_check', 'inquiry', 'training'];
    kinds.forEach((kind, i) => {
      for (let n = 0; n <= kinds.length - i; n++) log.add({ date: `2023-0${(n % 6) + 1}-1${n % 9}`, kind, title: `${kind}-${n}` }, byCli('张三'));
    });
    const svg = await chartSvg(log.statsByMonth(H1), { by: 'month' });
    const fills = new Set([...svg.matchAll(/fill="(#[0-9A-Fa-f]{6})"/g)].map((m) => m[1].toUpperCase()));
    const palette = [...SERIES_COLORS, '#9E9E9E'].map((c) => c.toUpperCase());
    expect(palette.filter((c) => fills.has(c))).toHaveLength(MAX_SERIES);
    expect(svg).toContain('>其他<');
    expect(svg).not.toContain('>培训<'); // the smallest kinds are inside 其他
    log.close();
  });

  it('refuses an empty period with a Chinese message', async () => {
    const log = await sampleLog();
    await expect(renderChart(log.stats({ from: '2020-01-01', to: '2020-12-31' }), { by: 'kind' }))
      .rejects.toMatchObject({ code: 'chart_no_data', userMessage: expect.stringContaining('没有活动记录') });
    log.close();
  });
});
