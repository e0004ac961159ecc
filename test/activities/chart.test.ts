import { describe, expect, it } from 'vitest';
import { openActivityLog, renderChart } from '../../src/activities/index.ts';
import { CHART_FONT_FAMILY, chartSvg, svgToPng } from '../../src/activities/log-chart-render.ts';
import { decodePng, darkPixels } from './chart-png.ts';
import { SAMPLE_CSV, byCli, tempFolder } from './log-helpers.ts';

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
    for (const month of ['1月', '7月', '8月']) expect(svg).toContain(`>${month}<`);
    const png = await renderChart(monthly, { by: 'month' });
    expect(Buffer.from(png.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
    log.close();
  });

  it('refuses an empty period with a Chinese message', async () => {
    const log = await sampleLog();
    await expect(renderChart(log.stats({ from: '2020-01-01', to: '2020-12-31' }), { by: 'kind' }))
      .rejects.toMatchObject({ code: 'chart_no_data', userMessage: expect.stringContaining('没有活动记录') });
    log.close();
  });
});
