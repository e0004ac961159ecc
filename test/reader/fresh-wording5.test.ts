/**
 * The fifth fresh set (fixtures/messages/fresh-activity5.jsonl, written before the fixes): what a
 * person would notice of the misreadings it found — a vague stretch (这几个月) counted over all
 * time, 今年这几个月 and 到现在为止，今年… counted to the year's end instead of today, and a
 * correction after an apology logged as a new activity.
 */
import { describe, expect, it } from 'vitest';
import { loadTaxonomy, readMessage, type Reading } from '../../src/reader/index.ts';
import { readsAsExpected } from '../support/message-set.ts';

const taxonomy = loadTaxonomy();
const read = (text: string, now: string): Reading => readMessage(text, now, taxonomy);

describe('whole messages: fixtures/messages/fresh-activity5.jsonl', () => {
  readsAsExpected('fresh-activity5.jsonl', read);
});

describe('a vague stretch of months or weeks is asked about, never counted over all time', () => {
  it.each(['这几个月走访了多少次', '近几个月开了几次常委会', '这几周视察了几次', '这段时间走访了几次', '这几个月的调研列一下', '去年这几个月调研了几次'])('%s', (text) => {
    expect(read(text, '2026-08-31')).toMatchObject({ intent: 'unclear' });
  });
});

describe('this year up to today, however it is worded', () => {
  it.each([
    ['今年这几个月一共调研了几次', ['research']],
    ['到现在为止，今年一共执法检查几次', ['law_check']],
    ['到今天为止，今年开了几次常委会', ['session']],
  ])('%s → from 1 January to today', (text, kinds) => {
    expect(read(text, '2026-08-31')).toMatchObject({ intent: 'count', kinds, from: '2026-01-01', to: '2026-08-31' });
  });

  it('a month or quarter named with 到现在为止 runs to today too', () => {
    expect(read('到现在为止，本季度走访了几次', '2026-08-31')).toMatchObject({ intent: 'count', kinds: ['visit'], from: '2026-07-01', to: '2026-08-31' });
  });
});

describe('a correction after an apology, with no entry just logged, is asked about', () => {
  it.each([
    ['不好意思刚才发错了，不是视察是调研', '2026-07-01'],
    ['刚才记错了，应该是前天不是昨天', '2027-01-04'],
    ['抱歉，日期错了，应该是3号', '2026-07-05'],
  ])('%s', (text, now) => {
    expect(read(text, now)).toMatchObject({ intent: 'unclear' });
  });
});

describe('which ones, with the deed said again after its activity word, are the entries', () => {
  it.each([
    ['上季度专题询问都问了哪些部门', ['inquiry'], '2026-04-01', '2026-06-30'],
    ['今年执法检查查了哪些法律', ['law_check'], '2026-01-01', '2026-12-31'],
    ['上周走访都去了哪几家企业', ['visit'], '2026-06-22', '2026-06-28'],
  ])('%s → a list', (text, kinds, from, to) => {
    expect(read(text, '2026-07-01')).toMatchObject({ intent: 'list', kinds, from, to });
  });

  it('a question for the minutes or the rules stays one (主任会议讨论了哪些事项, 专题询问一般问哪些部门)', () => {
    expect(read('上个月主任会议讨论了哪些事项', '2026-07-01')).toMatchObject({ intent: 'ask' });
    expect(read('专题询问一般问哪些部门', '2026-07-01')).toMatchObject({ intent: 'ask' });
  });
});
