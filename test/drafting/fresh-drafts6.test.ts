/**
 * Requests from fresh-drafts6.jsonl read as the office director would: the meeting a paper is for
 * is not what it is about (用于主任会议); 简讯 is a paper on the whole office's work; an edit of a
 * draft the request does not carry (再短一点, 刚才那段) is asked back, and the command line answers
 * an asking-back with exit 0, as the drafting evaluation needs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDrafter, halfYearLogPresent, HALF_YEAR_LOG } from '../support/fixture-drafter.ts';
import { runCliInProcess } from '../support/cli-process.ts';

describe.skipIf(!halfYearLogPresent())('fresh-drafts6 requests over the shared half-year log', () => {
  const { drafter } = fixtureDrafter('lvzhi-drafts6-');
  const draft = (request: string, now = '2023-07-05') => drafter().draft({ request, now });

  it('drafts the whole quarter for 主任会议, not the meetings the quarter held', async () => {
    const d = await draft('一季度工作情况整理成提纲,用于主任会议', '2023-04-03');
    expect(d.topics).toEqual(['常委会工作']);
    expect(d.text).toContain('4个报告');
    expect(d.text).not.toContain('没有登记');
  });

  it('reads 简讯 of a period as the office\'s work in that period', async () => {
    const d = await draft('一季度工作写个100字左右的简讯', '2023-04-05');
    expect(d).toMatchObject({ from: '2023-01-01', to: '2023-03-31', topics: ['常委会工作'] });
  });

  it('asks which draft is meant when an edit comes with none, instead of drafting the year', async () => {
    for (const request of ['再短一点,150字以内', '刚才那段改成提纲形式']) {
      await expect(draft(request, '2023-07-06')).rejects.toMatchObject({ code: 'no_previous_draft', userMessage: expect.stringContaining('上一稿') });
    }
    // Named in full, the same edit is a draft.
    expect((await draft('上半年代表工作那段加上数据,重新写', '2023-07-06')).text).toContain('3期');
  });
});

describe.skipIf(!halfYearLogPresent())('draft on the command line when it has to ask', () => {
  const data = mkdtempSync(join(tmpdir(), 'lvzhi-drafts6-cli-'));
  const env = { ...process.env, OPENAI_BASE_URL: '', LVZHI_CHAT_MODEL: '', LVZHI_EMBEDDING_MODEL: '' };
  const cli = (args: string[]) => runCliInProcess([...args, '--data', data, '--json'], { env });
  beforeAll(async () => {
    expect((await cli(['import', HALF_YEAR_LOG])).status).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  it('exits 0 with the question, so a run of requests goes on', async () => {
    for (const request of ['再短一点,150字以内', '写一首关于春天的诗']) {
      const r = await cli(['draft', request, '--now', '2023-07-06']);
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.ask.message).toMatch(/上一稿|没有看出/);
      expect(out.facts).toEqual([]);
    }
  });
});

describe.skipIf(!halfYearLogPresent())('提纲 and 要点 over the shared half-year log', () => {
  const { drafter } = fixtureDrafter('lvzhi-drafts6-outline-');

  it('writes numbered headings with one line each, every figure kept, no prose around them', async () => {
    const d = await drafter().draft({ request: '列一个上半年代表工作汇报的提纲,每条一句话', now: '2023-07-05' });
    const lines = d.text.split('\n');
    expect(lines.filter((l) => /^[一二三]、/.test(l))).toHaveLength(3);
    expect(d.text).not.toMatch(/一是|下一步|在密切联系群众上下功夫/);
    expect(d.text).toContain('开展培训3期');
    expect(d.document.paragraphs.filter((p) => p.style === 'heading')).toHaveLength(3);
    // A speech is never an outline; a report asked as prose stays prose.
    expect((await drafter().draft({ request: '写一段上半年代表工作的汇报', now: '2023-07-05' })).text).toContain('一是');
  });
});

describe.skipIf(!halfYearLogPresent())('a named committee\'s own work over the shared half-year log', () => {
  const { drafter } = fixtureDrafter('lvzhi-drafts6-unit-');
  const draft = (request: string) => drafter().draft({ request, now: '2023-07-05' });

  it('opens as the committee\'s own work, not as the standing committee exercising all its powers', async () => {
    const deputies = await draft('代表工委上半年的工作,写一段汇报');
    expect(deputies.text).toContain('区人大常委会代表工委把发挥代表作用作为人大工作的重要抓手');
    expect(deputies.text).toContain('开展代表建议办理工作3次');
    const office = await draft('以办公室名义写一段上半年工作情况');
    expect(office.text).toContain('办公室在常委会党组的领导下');
    for (const d of [deputies, office]) expect(d.text).not.toContain('依法履行各项职权');
    // The standing committee itself still opens as the organ.
    expect((await draft('写一段上半年工作情况')).text).toContain('依法履行各项职权');
  });
});

describe.skipIf(!halfYearLogPresent())('a speech for a meeting\'s opening or closing over the shared half-year log', () => {
  const { drafter } = fixtureDrafter('lvzhi-drafts6-venue-');

  it('is titled for the meeting it is given at', async () => {
    const closing = await drafter().draft({ request: '为常委会第十一次会议闭幕写一段讲话稿,回顾上半年工作', now: '2023-06-27' });
    expect(closing.document.title).toBe('在常委会第十一次会议上的讲话');
    const opening = await drafter().draft({ request: '为代表培训班开班式写一段讲话,讲讲今年以来代表工作', now: '2023-06-06' });
    expect(opening.document.title).toBe('在代表培训班开班式上的讲话');
    expect(opening.text).toContain('开展培训3期');
  });
});
