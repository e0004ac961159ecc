/**
 * Requests from fresh-drafts5.jsonl read as the office director would: a comparison with a
 * year before the log cannot make is said, never written; 要点 of a period gone by are the work
 * done, in points, not a plan refused; 工作进展 is the whole office's work.
 */
import { describe, expect, it } from 'vitest';
import { fixtureDrafter, halfYearLogPresent } from '../support/fixture-drafter.ts';

describe.skipIf(!halfYearLogPresent())('fresh-drafts5 requests over the shared half-year log', () => {
  const { drafter } = fixtureDrafter('lvzhi-drafts5-', { seeds: true });
  const draft = (request: string, now = '2023-07-05') => drafter().draft({ request, now });

  it('says beside the draft that the log holds nothing of a year before, and writes no increase or decrease', async () => {
    for (const request of ['写一段上半年监督工作情况,与去年同期相比说明增减', '起草上半年代表工作小结,和去年同期比一比', '上半年视察次数比去年同期多了多少?写进总结里']) {
      const d = await draft(request);
      expect(d.from).toBe('2023-01-01');
      expect(d.to).toBe('2023-06-30');
      expect(d.note).toMatch(/没有去年同期（2022-01-01至2022-06-30）的活动.*无法比较/);
      expect(d.text).not.toMatch(/同比|增长|减少|增加|去年/);
      // The comparison asked is no subject the draft narrows to.
      expect(d.note).not.toContain('没有事项含');
    }
    // 去年 as the period drafted is no comparison.
    expect((await draft('起草去年全年视察工作情况的汇报')).note ?? '').not.toContain('去年同期');
  });

  it('drafts 要点 of a period gone by as the work done, and still leaves a plan to the office', async () => {
    const points = await draft('列出上半年监督工作的要点');
    expect(points.text).toContain('14个报告');
    expect(points.to).toBe('2023-06-30');
    const may = await draft('5月份工作要点整理一下,分条写', '2023-06-05');
    expect([may.from, may.to]).toEqual(['2023-05-01', '2023-05-31']);
    expect(may.facts.some((f) => f.count > 0)).toBe(true);
    await expect(draft('起草下半年工作要点')).rejects.toThrow(/计划、打算要由办公室研究确定/);
    await expect(draft('起草监督工作要点')).rejects.toThrow(/计划、打算要由办公室研究确定/);
  });

  it('drafts 工作进展 as the office\'s work over the quarter begun', async () => {
    const d = await draft('写一段本季度以来的工作进展', '2023-04-15');
    expect([d.from, d.to]).toEqual(['2023-04-01', '2023-04-15']);
    expect(d.document.title).toBe('区人大常委会2023年第二季度以来工作情况');
    expect(d.facts.some((f) => f.count > 0)).toBe(true);
  });

  it('drafts a named committee\'s work as the kinds only it logged, and says what was left out', async () => {
    const deputies = await draft('写一段代表工委今年以来的工作情况');
    expect(deputies.document.title).toBe('区人大常委会代表工委今年以来工作情况');
    expect(deputies.text).toMatch(/代表培训3期/);
    expect(deputies.text).toMatch(/代表建议办理工作3次/);
    // The whole office's work is not the committee's.
    expect(deputies.text).not.toMatch(/党组|视察|14个报告/);
    expect(deputies.note).toMatch(/只写了代表工委的工作/);
    const culture = await draft('教科文卫工委上半年做了哪些工作,帮我写一段');
    expect(culture.text).toContain('公共文化服务保障法');
    expect(culture.text).not.toMatch(/没有登记|视察|党组/);
    expect(culture.facts.some((f) => f.count > 0)).toBe(true);
    // A committee whose work is no kind of its own narrows nothing, and that is said.
    const shared = await draft('写一段上半年代表工委的监督工作');
    expect(shared.text).toContain('14个报告');
    expect(shared.note).toMatch(/没有只由代表工委登记的活动类型/);
  });

  it('names one day as that day, not as a span from it to itself', async () => {
    const d = await draft('把6月27日常委会第十一次会议的情况写成一段');
    expect([d.from, d.to]).toEqual(['2023-06-27', '2023-06-27']);
    expect(d.text).toContain('2023年6月27日');
    expect(d.text).not.toContain('至6月27日');
  });

  it('reads a topic written with one character slipped as that topic, and says so; a two-character subject is never guessed', async () => {
    const d = await draft('起草一段代表工做情况');
    expect(d.topics).toEqual(['代表工作']);
    expect(d.text).toContain('代表建议办理工作3次');
    expect(d.text).not.toContain('没有登记');
    expect(d.note).toMatch(/“代表工做”按“代表工作”理解/);
    expect(d.note).toMatch(/按今年以来/);
    const petitions = await draft('写一段上半年信访工作情况');
    expect(petitions.text).toMatch(/没有登记与信访工作有关的活动/);
  });

  it('says beside the draft on which day a matter asked of the wrong month is logged', async () => {
    const june = await draft('6月那次安全生产视察写一段');
    expect([june.from, june.to]).toEqual(['2023-06-01', '2023-06-30']);
    expect(june.text).toMatch(/没有登记与视察工作有关的活动/);
    expect(june.note).toMatch(/含“安全生产”的是：2023-02-09视察安全生产工作/);
    const may = await draft('写一段5月份食品安全视察的情况');
    expect(may.note).toMatch(/含“食品安全”的是：2023-04-06视察食品安全工作/);
    // A matter the log never names is said so, with no day offered.
    expect((await draft('写一段上半年信访工作情况')).note).not.toMatch(/含“信访”的是/);
  });

  it('greets the audience of a speech the 主任 gives, not 各位主任; a 发言 to others keeps the office\'s greeting', async () => {
    const head = await draft('帮主任写在全区人大工作推进会上的讲话开头部分,概括上半年工作');
    expect(head.document.paragraphs[0].text).toBe('同志们：');
    expect(head.text).not.toContain('各位主任');
    // 主任会议 is where the speech is given, not who gives it.
    expect((await draft('为主任会议写一段讲话稿,讲讲二季度代表工作')).text).toContain('各位主任');
    expect((await draft('写一篇上半年工作的交流发言')).text).toContain('尊敬的各位主任');
  });

  it('drafts the opening of a speech as one paragraph of figures, without the closing words', async () => {
    const d = await draft('起草在代表座谈会上的讲话,开头一段', '2023-07-03');
    const bodies = d.document.paragraphs.filter((p) => p.style === 'body');
    expect(bodies).toHaveLength(1);
    expect(d.text).toContain('代表建议办理工作3次');
    expect(d.text).not.toMatch(/谢谢大家|下一步/);
    // The whole speech still closes.
    expect((await draft('起草在代表座谈会上的讲话', '2023-07-03')).text).toContain('谢谢大家');
  });
});
