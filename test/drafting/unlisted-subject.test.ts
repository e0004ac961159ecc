/**
 * Requests about work no drafting topic names (信访工作, 立法工作, 安全生产方面), over the shared
 * half-year log: the draft is about that work alone — its entries named without figures, or a
 * plain sentence that none is logged — never the whole office's report padded in its place.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTaxonomy } from '../../src/reader/index.ts';
import { openActivityLog, sqliteActivityStore } from '../../src/log/index.ts';
import { countedFigures, createDrafter, describeBasis, type Draft } from '../../src/drafting/index.ts';
import { fixtureDrafter, halfYearLogPresent } from '../support/fixture-drafter.ts';

describe.skipIf(!halfYearLogPresent())('a request naming work no topic covers', () => {
  const { drafter, log } = fixtureDrafter('lvzhi-unlisted-');
  const draft = (request: string, now = '2023-07-05'): Promise<Draft> => drafter().draft({ request, now });

  const honest = (d: Draft) => {
    expect(countedFigures(d.text)).toEqual([]);
    expect(d.text).not.toMatch(/一是|听取审议地方政府债务|党组（扩大）会议/);
    for (const fact of d.facts) expect(log().stats({ from: d.from, to: d.to, kinds: fact.kinds }).total).toBe(fact.count);
    expect(d.facts.length).toBeGreaterThan(0);
  };

  it.each([
    ['起草上半年信访工作情况的一段总结', '信访工作', '2023-07-05'],
    ['帮我写今年以来立法工作的汇报材料', '立法工作', '2023-06-20'],
    ['写一段上半年人大新闻宣传工作的总结', '新闻宣传工作', '2023-07-05'],
    ['写一段上半年信访工作', '信访工作', '2023-07-05'],
    ['起草上半年人事任免工作情况，300字左右', '人事任免工作', '2023-07-05'],
    ['写一段上半年信访接待的总结', '信访接待工作', '2023-07-05'],
    ['帮我写一段关于新闻宣传的总结，上半年的', '新闻宣传工作', '2023-07-05'],
  ])('%s: says plainly nothing is logged, not the whole report', async (request, label, now) => {
    const d = await draft(request, now);
    honest(d);
    expect(d.topics).toEqual([label]);
    expect(d.empty).toEqual([label]);
    expect(d.document.title).toContain(label);
    expect(d.text).toContain(`没有登记与${label}有关的活动`);
    expect(d.note).toContain('没有用其他工作充数');
  });

  it('names the entries about a subject the log has, without figures', async () => {
    const d = await draft('写一段上半年安全生产方面的总结');
    honest(d);
    expect(d.topics).toEqual(['安全生产工作']);
    expect(d.empty).toEqual([]);
    for (const deed of ['视察安全生产工作', '赴帮包乡镇走访调研安全生产', '听取审议区政府关于安全生产工作情况的报告']) expect(d.text).toContain(deed);
    expect(d.text).not.toContain('食品安全');
    expect(d.note).toContain('没有写次数');
  });

  it('writes a speech when one is asked for', async () => {
    const d = await draft('起草今年以来乡村振兴方面的发言稿');
    honest(d);
    expect(d.document.paragraphs[0].style).toBe('salutation');
    expect(d.text).toContain('调研乡村振兴工作');
    expect(d.text).toMatch(/谢谢/);
  });

  it.each([
    '起草一份上半年重点工作情况汇报',
    '写一段上半年主要工作情况的总结',
    '写一份第二季度工作汇报',
    '写一份上半年的汇报材料，要简洁一些',
    '写一份上半年落实区委决策部署情况的汇报',
    '写一段上半年依法履职情况的总结',
    '写一份今年以来工作进展情况的报告',
    '写一份上半年全过程人民民主实践情况的汇报',
    '写一篇上半年座谈会上的发言',
    '起草一份我们上半年的总结',
  ])('%s: still the whole office\'s report', async (request) => {
    const d = await draft(request);
    expect(d.topics).toEqual(['常委会工作']);
    // 重点工作 is the office's whole work, not a subject the figures fail to narrow to.
    expect(d.note ?? '').not.toContain('要求里提到');
  });
});

describe('a request naming work no topic covers, over a period with no entries at all', () => {
  it('says so in the basis line rather than an empty list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lvzhi-unlisted-empty-'));
    const log = openActivityLog({ dataDir: dir, taxonomy: loadTaxonomy() });
    try {
      const drafter = createDrafter({ log: sqliteActivityStore(log), taxonomy: loadTaxonomy() });
      const d = await drafter.draft({ request: '写一段上半年信访工作的总结', now: '2026-07-05' });
      expect(d.empty).toEqual(['信访工作']);
      expect(describeBasis(d, loadTaxonomy())).toContain('这段时间没有任何活动记录');
      expect(describeBasis(d, loadTaxonomy())).not.toContain('：。');
    } finally {
      log.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
