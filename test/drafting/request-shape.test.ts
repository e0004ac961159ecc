/**
 * What a request asks of its draft's shape, over the shared half-year log: the paragraphs it
 * names (一段就行), the length it names (800字左右 — said beside the draft, never padded), and
 * whether the log reaches the end of the period at all (去年全年 from a log that stops in June).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTaxonomy } from '../../src/reader/index.ts';
import { openActivityLog, sqliteActivityStore } from '../../src/log/index.ts';
import { createDrafter, ungroundedFigures, type Draft } from '../../src/drafting/index.ts';
import { draftLength } from '../../src/drafting/request-shape.ts';
import { fixtureDrafter, halfYearLogPresent } from '../support/fixture-drafter.ts';

const bodies = (d: Draft) => d.document.paragraphs.filter((p) => p.style === 'body');

describe.skipIf(!halfYearLogPresent())('the shape a request asks for', () => {
  const { drafter } = fixtureDrafter('lvzhi-shape-');
  const draft = async (request: string, now = '2023-07-05'): Promise<Draft> => {
    const d = await drafter().draft({ request, now });
    expect(ungroundedFigures(d.text, d.facts.map((f) => f.count))).toEqual([]);
    return d;
  };

  it('一段就行 gives one paragraph holding every item and the empty topic', async () => {
    const d = await draft('给我写个今年以来执法检查和专题询问工作的汇报,一段就行');
    expect(bodies(d)).toHaveLength(1);
    expect(d.text).toContain('公共文化服务保障法');
    expect(d.text).toContain('专题询问工作方面');
  });

  it('两段 keeps the enumeration whole in at most two paragraphs', async () => {
    const d = await draft('写两段上半年监督工作的总结');
    expect(bodies(d).length).toBeLessThanOrEqual(2);
    expect(d.text).toMatch(/一是[\s\S]*二是[\s\S]*三是/);
  });

  it('写一段… alone is a passage, not one paragraph', async () => {
    expect(bodies(await draft('起草一段上半年监督工作的总结')).length).toBeGreaterThan(1);
  });

  it('a length the log cannot fill is said, not padded', async () => {
    const d = await draft('起草一份上半年学习情况的交流发言稿,800字左右');
    expect(d.note).toContain('800字左右');
    expect(d.note).toContain('没有添加记录以外');
    expect(d.text.length).toBeLessThan(400);
  });

  it('a draft over the length allowed is written in few words, and says so when still over', async () => {
    // 500字以内: the items in few words fit; 200字以内: they do not, so the later items are named
    // by their figures alone in one line (另有…), and the note says which.
    const fits = await draft('起草上半年人大工作总结,500字以内');
    expect(draftLength(fits.document)).toBeLessThanOrEqual(500);
    expect(fits.note ?? '').not.toContain('删减');
    const d = await draft('起草上半年人大工作总结,200字以内');
    expect(draftLength(d.document)).toBeLessThanOrEqual(200);
    expect(d.note).toMatch(/为控制在200字以内，\S*走访只写了次数/);
    expect(d.note).not.toContain('删减');
    expect(d.text).toMatch(/另有\S*走访2次。/);
    // Each kind's figure in the full draft is still in the short one (执法检查1次 too, which the full draft names instead).
    const figures = (x: Draft) => new Set(x.text.match(/[\u4e00-\u9fff]{2}[0-9]+[次期]/g));
    const full = figures(await draft('起草上半年人大工作总结'));
    expect(full.size).toBeGreaterThan(5);
    expect([...full].filter((f) => !figures(d).has(f))).toEqual([]);
    // 120字以内: not even that line fits beside the first item, so the rest are left out and named.
    const tight = await draft('起草上半年人大工作总结,120字以内');
    expect(draftLength(tight.document)).toBeLessThanOrEqual(120);
    expect(tight.note).toMatch(/稿中略去了\S*视察\S*方面的内容（其数字也未写入）/);
    expect(tight.text).not.toContain('另有');
    // 50字以内: not even one item fits whole, and the note says so rather than cut a sentence.
    const tiny = await draft('起草上半年人大工作总结,50字以内');
    expect(tiny.note).toContain('没能压到要求以内');
    for (const p of tiny.document.paragraphs) expect(p.text).toMatch(/[。：]$/);
    expect((await draft('起草上半年人大工作总结,1000字以内')).note ?? '').not.toContain('字');
  });

  it('简短一些 gives each item to its figures, every figure kept, no fragment of a sentence', async () => {
    const full = await draft('起草上半年常委会工作总结');
    const brief = await draft('起草上半年常委会工作总结，简短一些');
    const figures = (d: Draft) => (d.text.match(/[0-9]+/g) ?? []).sort();
    expect(figures(brief)).toEqual(figures(full));
    expect(draftLength(brief.document)).toBeLessThan(draftLength(full.document) * 0.7);
    // 通过领导重点督办方式。 alone was a clause cut from before its verb.
    expect(brief.text).not.toMatch(/。通过[^，。]*方式。/);
  });

  it('a speech opens without 汇报 (a 讲话 or 发言 reports to no one above)', async () => {
    for (const request of ['起草上半年常委会工作讲话稿', '写一篇上半年人大工作交流发言', '写一篇上半年代表工作讲话稿']) {
      const d = await draft(request);
      const opening = bodies(d)[0].text;
      expect(opening, request).not.toContain('汇报');
    }
  });

  it('a period the log stops short of says up to when the figures run', async () => {
    const d = await draft('起草去年全年常委会工作总结', '2024-01-10');
    expect(d.from).toBe('2023-01-01');
    expect(d.note).toContain('2023-06-29');
    expect((await draft('起草上半年监督工作总结')).note ?? '').not.toContain('最后一条');
  });
});

describe('a quiet spell in a log that goes on', () => {
  it('is no reason for a note', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lvzhi-shape-quiet-'));
    const log = openActivityLog({ dataDir: dir, taxonomy: loadTaxonomy() });
    try {
      log.add({ date: '2023-01-10', kind: 'inspection', title: '视察安全生产工作' }, { by: '办公室', channel: 'test' });
      log.add({ date: '2023-11-20', kind: 'inspection', title: '视察食品安全工作' }, { by: '办公室', channel: 'test' });
      const drafter = createDrafter({ log: sqliteActivityStore(log), taxonomy: loadTaxonomy() });
      const d = await drafter.draft({ request: '写一段上半年视察工作的总结', now: '2023-12-01' });
      expect(d.note ?? '').not.toContain('最后一条');
    } finally {
      log.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
