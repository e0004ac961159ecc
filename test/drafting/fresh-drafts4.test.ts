/**
 * Requests from fresh-drafts4.jsonl read as the office director would: a 讲话 closes as a
 * speech, not as a report; a Word file holds only draft text; a part of a topic is drafted
 * as that part; a plan asked beside the work done does not stop the draft.
 */
import { describe, expect, it } from 'vitest';
import { fixtureDrafter, halfYearLogPresent } from '../support/fixture-drafter.ts';
import { documentText, draftToDocx } from '../../src/drafting/index.ts';
import JSZip from 'jszip';

describe.skipIf(!halfYearLogPresent())('fresh-drafts4 requests over the shared half-year log', () => {
  const { drafter } = fixtureDrafter('lvzhi-drafts4-', { seeds: true });
  const draft = (request: string, now = '2023-07-05') => drafter().draft({ request, now });

  it('closes a 讲话 as a speech, not with a report\'s 汇报完毕 or 请批评指正', async () => {
    for (const request of ['为主任会议写一段讲话稿,讲讲二季度代表工作', '把上半年代表工作的汇报改成讲话口吻,在代表座谈会上讲']) {
      const d = await draft(request);
      const closing = d.document.paragraphs.at(-1)!.text;
      expect(closing).toContain('谢谢大家');
      expect(closing).not.toMatch(/汇报完毕|批评指正/);
    }
    // A 交流发言 keeps the office's own closing.
    const speech = await draft('写一篇上半年代表工作的交流发言');
    expect(speech.document.paragraphs.at(-1)!.text).toMatch(/批评指正/);
  });

  /** What the person is told to do: said beside the draft, never in its text or its Word file. */
  const INSTRUCTION = /请先|补充|补录|重新起草|例如发送|如实说明/;
  const wordText = async (document: Parameters<typeof draftToDocx>[0]) =>
    (await (await JSZip.loadAsync(await draftToDocx(document))).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');

  it('keeps what to do about a period with no log out of the Word file: the draft says none is logged, chat says what to do', async () => {
    for (const [request, now] of [['起草去年全年视察工作情况的汇报', '2023-07-05'], ['帮我写今年一月份的工作小结', '2024-02-01'],
      ['写一段一季度执法检查情况,100字以内', '2023-04-10'], ['写一段上半年信访工作情况', '2023-07-05']]) {
      const d = await draft(request, now);
      expect(d.facts.every((f) => f.count === 0) || d.topics[0] === '信访工作').toBe(true);
      expect(documentText(d.document)).toContain('活动记录中没有登记');
      expect(documentText(d.document)).not.toMatch(INSTRUCTION);
      expect(await wordText(d.document)).not.toMatch(/请先|重新起草|例如发送|如实说明/);
      // Chat shows the advice after the draft.
      expect(d.advice).toMatch(/请先.*补充/);
      expect(d.text.endsWith(d.advice!)).toBe(true);
    }
  });

  it('says in the draft that a named topic has no entries, and what to do only beside it', async () => {
    const d = await draft('写一段上半年执法检查和专题询问工作的情况');
    expect(d.text).toContain('执法检查');
    expect(d.text).toMatch(/专题询问工作方面.*没有登记/);
    expect(d.text).not.toMatch(INSTRUCTION);
    expect(d.note).toContain('专题询问工作方面');
  });

  it('drafts the work done when a plan is asked to be added after it, and leaves the plan to the office', async () => {
    const d = await draft('起草上半年监督工作总结,后面加上下半年打算', '2023-07-04');
    expect(d.from).toBe('2023-01-01');
    expect(d.to).toBe('2023-06-30');
    expect(d.text).toContain('14个报告');
    expect(d.note).toMatch(/计划部分请在稿中补充/);
    // A plan alone is still not drafted.
    await expect(draft('起草下半年工作计划', '2023-07-04')).rejects.toThrow(/计划/);
  });

  it('drafts a part of a topic (视察里安全生产那块, 调研当中生态环保那部分) as that part: its entries by day, no figure', async () => {
    const safety = await draft('写一段上半年视察里安全生产那块的情况');
    expect(safety.document.title).toBe('区人大常委会2023年上半年安全生产方面的视察工作情况');
    expect(safety.text).toContain('2月9日视察安全生产工作');
    expect(safety.text).not.toMatch(/营商环境|重大项目|[0-9]+\s*次/);
    expect(safety.note).toContain('全部活动共 8 次');
    // The office's short name of a matter (生态环保) finds the entry that spells it out.
    const ecology = await draft('写写上半年调研当中生态环保那部分');
    expect(ecology.text).toContain('1月31日调研生态环境和资源保护工作');
    expect(ecology.text).not.toMatch(/乡村振兴|[0-9]+\s*次/);
  });

  it('takes no topic word as a subject when another named topic covers it (学习和党组工作)', async () => {
    const d = await draft('起草上半年学习和党组工作两方面的小结');
    expect(d.text).toContain('集中学习6次');
    expect(d.text).toContain('党组（扩大）会议6次');
    expect(d.note ?? '').not.toContain('学习');
  });

  it('writes the log\'s figure when the request states another (上半年开了十次常委会), and says so beside the draft', async () => {
    const meetings = await draft('上半年开了十次常委会,帮我写一段会议召开情况', '2023-07-02');
    expect(meetings.text).toContain('召开常委会会议2次');
    expect(meetings.text).not.toMatch(/10次|十次/);
    expect(meetings.note).toContain('要求里说“上半年开了十次常委会”，活动记录中该时段的常委会会议是 2 次');
    const research = await draft('上半年搞了20场调研,帮我写一段调研工作小结');
    expect(research.text).toContain('调研6次');
    expect(research.note).toContain('调研是 6 次');
    // A count the log bears out needs no note.
    expect((await draft('上半年组织了3期代表培训,写一段培训工作小结')).note ?? '').not.toContain('要求里说');
  });

  it('reads 党组会 as the party group\'s work and 概括一下 as a summary', async () => {
    const party = await draft('3月份党组会和中心组学习的情况写一段', '2023-04-02');
    expect(party.text).toContain('党组（扩大）会议1次');
    expect(party.text).toContain('集中学习1次');
    const may = await draft('用不超过150字概括一下5月份的工作', '2023-06-05');
    expect(may.topics).toEqual(['常委会工作']);
    expect(may.from).toBe('2023-05-01');
  });

  it('takes where a speech is given (在区委人大工作会议上讲) as its occasion, not as a subject to draft', async () => {
    const d = await draft('把今年以来履职情况写成讲话稿,在区委人大工作会议上讲,500字左右');
    expect(d.document.title).toBe('在区委人大工作会议上的讲话');
    expect(d.topics).toEqual(['常委会工作']);
    expect(d.text).toContain('14个报告');
    expect(d.note ?? '').not.toMatch(/“会议”/);
  });
});
