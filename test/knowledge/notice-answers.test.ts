/**
 * A meeting notice dropped into the library is asked when and where the meeting is, and by when
 * leave must be asked for: 什么时候 and 什么地方 ask for a time or a place the notice states
 * (定于…召开, 于8月26日前), not for a thing called 时候 or 地方 that it would have to name.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { suiteKnowledgeBase } from '../support/kb-fixtures.ts';

const folder = mkdtempSync(join(tmpdir(), 'lvzhi-notice-'));
writeFileSync(join(folder, '会议通知.md'), [
  '# 关于召开区人大常委会第二十二次会议的通知',
  '',
  '定于2024年8月28日上午9时在区人大常委会第一会议室召开区人大常委会第二十二次会议。请各位委员准时出席，因故不能出席的，请于8月26日前向办公室请假。',
  '',
].join('\n'));

describe('a meeting notice: when, where and by when', () => {
  const kb = suiteKnowledgeBase('lvzhi-notice-kb-', [folder]);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it.each([
    ['第二十二次常委会会议什么时候开', '定于2024年8月28日上午9时'],
    ['请假要在什么时候之前', '请于8月26日前向办公室请假'],
    ['第二十二次会议在什么地方开', '第一会议室'],
  ])('%s', async (question, words) => {
    const answer = await kb().ask(question, { k: 5 });
    expect(answer.found, question).toBe(true);
    expect(answer.answer).toContain(words);
  });

  it('still says 没有找到 for what the notice does not state', async () => {
    const answer = await kb().ask('第二十二次会议有几个议题', { k: 5 });
    expect(answer.found).toBe(false);
  });
});
