/**
 * Yes/no and plan questions about the log (fixtures/messages/yesno-activity.jsonl, written before
 * the fixes): 4月开党组会没 and 周五开党组会吗 are the entries of their period, never the documents;
 * a weekday whose day this week is past is asked about; the rule questions that look alike
 * (党组会一般周几开) stay questions for the documents and are never logged as an entry.
 */
import { describe, expect, it } from 'vitest';
import { loadTaxonomy, readMessage, type Reading } from '../../src/reader/index.ts';
import { readsAsExpected } from '../support/message-set.ts';

const taxonomy = loadTaxonomy();
const read = (text: string, now: string): Reading => readMessage(text, now, taxonomy);
const MEETINGS = ['council_meeting', 'meeting', 'party_meeting', 'session'];

describe('whole messages: fixtures/messages/yesno-activity.jsonl', () => {
  readsAsExpected('yesno-activity.jsonl', read);
});

describe('a weekday alone in a yes/no question', () => {
  it('is read by its tense: 了 the last one, 要 the next, neither this week’s when still ahead', () => {
    // 2023-06-14 is a Wednesday.
    expect(read('周五开会了吗', '2023-06-14')).toMatchObject({ intent: 'list', from: '2023-06-09', to: '2023-06-09' });
    expect(read('周一要开会吗', '2023-06-14')).toMatchObject({ intent: 'list', from: '2023-06-19', to: '2023-06-19' });
    expect(read('周五开会吗', '2023-06-14')).toMatchObject({ intent: 'list', kinds: MEETINGS, from: '2023-06-16' });
  });

  it('with this week’s day past and no tense, asks which one, naming both days', () => {
    const r = read('周五开党组会吗', '2023-06-17');
    expect(r.intent).toBe('unclear');
    expect(r).toMatchObject({ question: expect.stringContaining('6月16日') });
    expect(r).toMatchObject({ question: expect.stringContaining('6月23日') });
  });
});

describe('a date with no year in a yes/no question', () => {
  it('is the nearest with no tense, the last with 过, the next with 要', () => {
    expect(read('6月20日有会吗', '2023-06-14')).toMatchObject({ intent: 'list', from: '2023-06-20', to: '2023-06-20' });
    expect(read('20号有会吗', '2023-06-14')).toMatchObject({ intent: 'list', from: '2023-06-20', to: '2023-06-20' });
    expect(read('6月10日有会吗', '2023-06-14')).toMatchObject({ intent: 'list', from: '2023-06-10', to: '2023-06-10' });
    expect(read('6月20日开过会吗', '2023-06-14')).toMatchObject({ intent: 'list', from: '2022-06-20' });
    expect(read('6月20日要开会吗', '2023-06-14')).toMatchObject({ intent: 'list', from: '2023-06-20' });
  });
});

describe('what is still to come in a period is from tomorrow on', () => {
  it('这周还有调研吗, 本月还有没有主任会议', () => {
    expect(read('这周还有调研吗', '2026-12-03')).toMatchObject({ intent: 'list', from: '2026-12-04', to: '2026-12-06' });
    expect(read('本月还有没有主任会议', '2026-12-03')).toMatchObject({ intent: 'list', from: '2026-12-04', to: '2026-12-31' });
    expect(read('这个月还开常委会吗', '2023-06-14')).toMatchObject({ intent: 'list', kinds: ['session'], from: '2023-06-15', to: '2023-06-30' });
  });
});

describe('rule questions that look alike stay with the documents', () => {
  it.each(['党组会一般周几开', '执法检查一般几月份开展', '周五开党组会要提前通知吗', '下周视察需要准备什么'])('%s', (text) => {
    expect(read(text, '2023-06-14').intent).toBe('ask');
  });
});

describe('开不开会, 开没开会: every kind of meeting, not 其他会议 alone', () => {
  it.each(['明天开不开会', '上个月开没开会'])('%s', (text) => {
    expect(read(text, '2023-06-14')).toMatchObject({ intent: 'list', kinds: MEETINGS });
  });
});

describe('only a question asking nothing but yes or no is marked so (the chat answers 有/没有记录 first)', () => {
  it('marks 上个月开过主任会议吗 and 上半年视察了学校吗 (its subject aside), not 今年视察了哪些学校', () => {
    expect(read('上个月开过主任会议吗', '2023-06-14')).toMatchObject({ intent: 'list', whether: true });
    expect(read('上半年视察了学校吗', '2023-06-14')).toMatchObject({ intent: 'list', about: '学校', whether: true });
    expect(read('今年视察了哪些学校', '2023-06-14')).not.toHaveProperty('whether');
    // A change of plan is not in the log: no 有/没有 said of it.
    expect(read('明天的视察取消了吗', '2023-06-14')).not.toHaveProperty('whether');
    expect(read('上周的调研推迟了吗', '2023-06-14')).not.toHaveProperty('whether');
  });
});
