import { it } from 'vitest';
import { RuleReader, loadTaxonomy } from '../../src/reader/index.ts';
import { makeBench, say } from '../support/assistant-helpers.ts';
it('probe', async () => {
  const bench = makeBench(new RuleReader(loadTaxonomy()), { today: '2026-12-01' });
  for (const t of ['2025年1月10日视察了城东街道', '2026年1月8日视察了城南小学', '2026年1月20日视察了北关镇', '2024年3月2日视察了河道', '2026年3月3日视察了学校']) await bench.assistant.handle(say(t));
  for (const q of ['去年1月和今年1月视察几次', '去年1月和今年1月分别视察几次', '去年一月跟今年一月视察了几次', '2025年1月与2026年1月视察了几次', '去年1月、今年1月视察几次', '前年3月和今年3月视察几次', '去年上半年和今年上半年视察几次', '去年1月和今年1月的视察', '列出去年1月和今年1月的视察', '去年1月和今年1月一共视察几次', '去年1月和今年1月视察了几家企业', '去年和今年1月视察几次']) {
    console.log('== ' + q + '\n' + (await bench.assistant.handle(say(q))).text);
  }
  bench.close();
});
