import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { openActivityLog, type ActivityLog } from '../../src/activities/index.ts';
import { createDrafter, draftToDocx, ungroundedFigures, type Drafter } from '../../src/drafting/index.ts';
import type { ChatMessage, ChatModel } from '../../src/models/types.ts';

const provenance = { by: '办公室', channel: 'test' };

/** A chat model that answers with scripted drafts, in order, and records the prompts it got. */
class ScriptedModel implements ChatModel {
  readonly name = 'scripted';
  readonly prompts: string[] = [];
  constructor(private readonly replies: string[]) {}
  async complete(messages: readonly ChatMessage[]): Promise<string> {
    this.prompts.push(messages.map((m) => m.content).join('\n'));
    const reply = this.replies.shift();
    if (reply === undefined) throw new Error('no more replies');
    return reply;
  }
  async *stream(messages: readonly ChatMessage[]): AsyncIterable<string> {
    yield await this.complete(messages);
  }
}

let dir: string;
let log: ActivityLog;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lvzhi-draft-'));
  log = openActivityLog({ dataDir: dir });
  const add = (date: string, kind: string, title: string) => log.add({ date, kind, title }, provenance);
  add('2023-02-23', 'report_review', '区政府关于金融支持实体经济的工作报告');
  add('2023-04-20', 'report_review', '区法院关于行政审判工作情况的报告');
  add('2023-03-15', 'inspection', '视察重点民生项目建设');
  add('2023-05-10', 'research', '调研乡村振兴工作');
  add('2023-06-01', 'inspection', '视察安全生产工作');
  add('2023-08-01', 'inspection', '视察防汛工作'); // outside the first half
  add('2023-03-10', 'deputy_activity', '代表联络站接待选民活动');
});
afterEach(() => {
  log.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('offline drafts', () => {
  let drafter: Drafter;
  beforeEach(() => { drafter = createDrafter({ log }); });

  it('writes a supervision section whose every figure agrees with the log', async () => {
    const draft = await drafter.draft({ request: '起草一段上半年监督工作的总结', now: '2023-07-05' });
    expect(draft).toMatchObject({ mode: 'template', from: '2023-01-01', to: '2023-06-30' });
    const byKinds = Object.fromEntries(draft.facts.map((f) => [f.kinds.join('+'), f.count]));
    expect(byKinds['report_review']).toBe(log.stats({ from: '2023-01-01', to: '2023-06-30', kinds: ['report_review'] }).total);
    expect(byKinds['inspection+research']).toBe(3);
    expect(draft.text).toContain('一是听取审议专项工作报告');
    expect(draft.text).toContain('2个报告');
    expect(draft.text).toContain('3个事项');
    expect(draft.text).toContain('区政府关于金融支持实体经济的工作报告');
    expect(draft.text).not.toContain('防汛'); // August is outside the period
    expect(ungroundedFigures(draft.text, draft.facts.map((f) => f.count))).toEqual([]);
  });

  it('gives a speech paragraph fit to be read aloud', async () => {
    const draft = await drafter.draft({ request: '写一段上半年代表工作的发言', now: '2023-07-05' });
    expect(draft.document.paragraphs).toHaveLength(1);
    expect(draft.text).toMatch(/同志们/);
    expect(draft.text).toMatch(/谢谢大家/);
  });

  it('says honestly when the period holds no activities, inventing nothing', async () => {
    const draft = await drafter.draft({ request: '起草去年监督工作的总结', now: '2023-07-05' });
    expect(draft.from).toBe('2022-01-01');
    expect(draft.facts.every((f) => f.count === 0)).toBe(true);
    expect(draft.text).toContain('没有登记');
    expect(draft.text).not.toMatch(/[0-9]+\s*(次|个|项)/);
  });

  it('asks back with the topics it knows when the topic is unknown', async () => {
    await expect(drafter.draft({ request: '写一首关于春天的诗', now: '2023-07-05' }))
      .rejects.toMatchObject({ code: 'unknown_topic', userMessage: expect.stringContaining('监督工作') });
    await expect(drafter.draft({ request: '  ', now: '2023-07-05' })).rejects.toMatchObject({ code: 'empty_request' });
  });

  it('exports the draft as a Word document that reads back', async () => {
    const draft = await drafter.draft({ request: '起草上半年监督工作的总结', now: '2023-07-05' });
    const bytes = await draftToDocx(draft.document);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(value).toContain(draft.document.title);
    expect(value).toContain('一是听取审议专项工作报告');
  });
});

describe('model drafts', () => {
  it('uses a grounded model draft and gives the model the facts', async () => {
    const model = new ScriptedModel(['半年来，常委会分别听取审议2个报告，对3个事项进行了视察调研。']);
    const draft = await createDrafter({ log, model }).draft({ request: '起草上半年监督工作的总结', now: '2023-07-05' });
    expect(draft.mode).toBe('llm');
    expect(draft.text).toContain('听取审议2个报告');
    expect(model.prompts[0]).toContain('区政府关于金融支持实体经济的工作报告');
    expect(model.prompts[0]).toContain('2023年上半年');
  });

  it('regenerates once when the model invents a figure, then falls back to the template with a note', async () => {
    const model = new ScriptedModel(['半年来听取审议15个报告。', '半年来视察了20次。']);
    const draft = await createDrafter({ log, model }).draft({ request: '起草上半年监督工作的总结', now: '2023-07-05' });
    expect(model.prompts).toHaveLength(2);
    expect(draft.mode).toBe('template');
    expect(draft.note).toContain('20次');
    expect(draft.text).not.toContain('15个');
  });

  it('falls back to the template with a note when the model fails', async () => {
    const draft = await createDrafter({ log, model: new ScriptedModel([]) })
      .draft({ request: '起草上半年监督工作的总结', now: '2023-07-05' });
    expect(draft.mode).toBe('template');
    expect(draft.note).toContain('模型暂时不可用');
  });
});
