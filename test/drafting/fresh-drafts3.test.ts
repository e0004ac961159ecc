/**
 * Requests from fresh-drafts3.jsonl read as the office director would: the topic asked for
 * (not the meeting it is written for), a plain note when the log cannot support the request
 * (a subject no entry names, a month after the log stops, a plan), no work claimed that the
 * log does not hold, and a Word file that opens.
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { fixtureDrafter, halfYearLogPresent } from '../support/fixture-drafter.ts';
import { draftToDocx, ungroundedFigures } from '../../src/drafting/index.ts';


describe.skipIf(!halfYearLogPresent())('fresh-drafts3 requests over the shared half-year log', () => {
  const { drafter } = fixtureDrafter('lvzhi-drafts3-', { seeds: true });
  const draft = (request: string, now = '2023-07-05') => drafter().draft({ request, now });

  it('writes about the work asked for, not the meeting the speech is for (为全市人大工作交流会写…代表工作的发言)', async () => {
    const d = await draft('为全市人大工作交流会写一段上半年代表工作的发言,不超过300字');
    expect(d.topics).toEqual(['代表工作']);
    expect(d.text).not.toMatch(/党组|视察|听取审议/);
    expect(d.text).toContain('培训3期');
    expect(d.document.title).toBe('在全市人大工作交流会上的发言');
    // Spoken to the city's meeting, not to deputies.
    expect(d.document.paragraphs[0].text).not.toContain('各位代表');
    expect((await draft('起草一段在代表座谈会上的发言')).document.paragraphs[0].text).toContain('各位代表');
  });

  it('titles a speech with the word the request uses (讲话稿 is a 讲话)', async () => {
    const d = await draft('为主任会议准备一段讲话稿,讲讲上半年监督工作的成效和下半年打算');
    expect(d.document.title).toBe('在主任会议上的讲话');
    expect((await draft('写一段上半年监督工作的讲话')).document.title).toBe('关于监督工作的讲话');
    expect((await draft('写一篇上半年自身建设方面的发言稿')).document.title).toBe('关于自身建设的交流发言');
  });

  it('says a subject no entry of the period names, instead of passing the whole topic off as it', async () => {
    const d = await draft('写一段近一个月公益诉讼和司法监督方面的情况', '2023-06-05');
    expect(d.note).toMatch(/没有事项含“公益诉讼”/);
    const legislation = await draft('写一段上半年配合上级人大开展立法调研、征集法规草案意见的情况', '2023-07-03');
    expect(legislation.note).toMatch(/没有事项含“征集法规草案意见”/);
  });

  it('takes no manner asked for (，语言精练一些; ，参考去年的写法) for a subject', async () => {
    for (const request of ['起草上半年监督工作情况，语言精练一些', '写一段上半年视察工作的总结，格式规范', '写一段上半年监督工作总结，参考去年的写法', '帮忙写个上半年代表工作的总结，文字朴实一点']) {
      expect((await draft(request)).note ?? '', request).not.toContain('要求里提到');
    }
    expect((await draft('写一段今年以来养老服务方面的监督情况')).note).toMatch(/没有事项含“养老服务”/);
  });

  it('names the part of a subject the entries hold (安全生产领域 → 安全生产), and drafts those entries alone', async () => {
    const d = await draft('帮我写一段上半年安全生产领域监督工作的情况');
    expect(d.text).toContain('2月9日视察安全生产工作');
    expect(d.text).toContain('5月30日听取审议区政府关于安全生产工作情况的报告');
    expect(d.text).not.toMatch(/营商环境|[0-9]+\s*(?:次|个)/);
    expect(d.note).toMatch(/事项涉及“安全生产”的监督工作/);
  });

  it('drafts a 小结 of work no topic names as that work, not the whole office\'s report', async () => {
    const d = await draft('起草上半年信访接待和来信来访办理情况的小结');
    expect(d.empty).toEqual(['信访接待工作']);
    expect(d.text).not.toMatch(/党组|听取审议|[0-9]+次/);
  });

  it('drafts the whole office\'s work when a request names only its form (工作回顾, 工作综述, 履职情况)', async () => {
    for (const request of ['写一段二季度工作回顾', '起草一份上半年工作综述', '帮我写上半年的履职情况', '写一段上半年的工作情况']) {
      const d = await draft(request);
      expect(d.topics, request).toEqual(['常委会工作']);
      expect(ungroundedFigures(d.text, d.facts.map((f) => f.count)), request).toEqual([]);
    }
    // Work no topic names, in the same words, is still that work alone.
    expect((await draft('写一段上半年信访工作情况')).empty).toEqual(['信访工作']);
  });

  it('drafts a month after the log stops and says where the log stops', async () => {
    const d = await draft('起草7月份工作小结', '2023-08-15');
    expect(d.facts.every((f) => f.count === 0)).toBe(true);
    expect(d.note).toContain('活动记录最后一条是2023-06-29');
  });

  it('says where the log begins when a period before it is asked for', async () => {
    const d = await draft('写一段去年代表建议办理工作的总结');
    expect(d.facts.every((f) => f.count === 0)).toBe(true);
    expect(d.note).toContain('活动记录最早一条是2023-01-05');
    expect((await draft('写一段上半年代表建议办理工作的总结')).note ?? '').not.toContain('最早一条');
  });

  it('drafts the work done when a plan is asked for too, and leaves the plan to the office', async () => {
    const d = await draft('为主任会议准备一段讲话稿,讲讲上半年监督工作的成效和下半年打算');
    expect(d.topics).toEqual(['监督工作']);
    expect(d.note).toMatch(/计划部分请在稿中补充/);
    await expect(draft('起草下半年监督工作打算')).rejects.toThrow();
  });

  it('drafts 党组工作 from the party group\'s meetings and study, with their figures', async () => {
    const d = await draft('写一段上半年党组工作情况,用于党组书记述职');
    expect(d.topics).toEqual(['党组工作']);
    expect(d.text).toContain('召开党组（扩大）会议6次');
    expect(d.text).toContain('集中学习6次');
    expect(d.text).not.toMatch(/视察|代表/);
    const study = await draft('写一段近三个月党组理论学习中心组学习情况', '2023-05-31');
    expect(study.topics).toEqual(['学习']);
  });

  it('claims no handling step the period\'s suggestion entries do not hold', async () => {
    // The second quarter holds a 督办 and a 回访, no 交办.
    const d = await draft('写一段二季度代表建议督办情况');
    expect(d.text).not.toContain('交办');
    expect(d.text).not.toContain('代表之家');
  });

  it('writes a draft over the length asked in few words, every figure kept', async () => {
    const full = await draft('写一段1至5月份人大工作总体情况', '2023-06-05');
    const short = await draft('写一段1至5月份人大工作总体情况,300字左右', '2023-06-05');
    const figures = (text: string) => [...text.matchAll(/[0-9]+(?=次|个|期|项)/g)].map((m) => m[0]).sort();
    expect(figures(short.text)).toEqual(figures(full.text));
    expect(figures(short.text).length).toBeGreaterThanOrEqual(10);
    expect(short.text.length).toBeLessThan(full.text.length * 0.7);
    expect(short.text).not.toContain('跟踪督促整改落实');
    // No length asked: the items keep their account of the work.
    expect(full.text).toContain('跟踪督促整改落实');
  });

  it('names the file without the form word twice', async () => {
    const d = await draft('起草上半年听取审议专项工作报告情况,用于常委会工作报告,两三段');
    expect(d.fileName).not.toContain('报告报告');
  });

  it('repeats no clause within a draft and grounds every figure, over the whole set', async () => {
    const lines = readFileSync('test/fixtures/messages/fresh-drafts3.jsonl', 'utf8').split('\n').filter(Boolean);
    for (const { now, request } of lines.map((l) => JSON.parse(l) as { now: string; request: string })) {
      const d = await draft(request, now);
      const clauses = d.document.paragraphs.flatMap((p) => p.text.split(/[，。；：]/)).map((c) => c.trim()).filter((c) => c.length >= 6);
      expect(clauses.filter((c, i) => clauses.indexOf(c) !== i), request).toEqual([]);
      expect(ungroundedFigures(d.text, d.facts.map((f) => f.count)), request).toEqual([]);
    }
  });

  it('keeps every figure grounded and the Word file opening', async () => {
    for (const request of ['为全市人大工作交流会写一段上半年代表工作的发言,不超过300字', '写一段上半年党组工作情况,用于党组书记述职']) {
      const d = await draft(request);
      expect(ungroundedFigures(d.text, d.facts.map((f) => f.count))).toEqual([]);
      const zip = await JSZip.loadAsync(await draftToDocx(d.document));
      expect(await zip.file('word/document.xml')!.async('string')).toContain(d.document.title);
    }
  });
});
