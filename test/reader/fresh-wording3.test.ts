/**
 * The third fresh set (fixtures/messages/fresh-activity3.jsonl, written before the fixes) and the
 * misreadings README "Known limits" listed: what a person would notice — a rule question answered
 * with a count, an entry of the wrong kind, a count over every kind for a field that is several,
 * a notice filed as the meeting, a roll-call question answered with the leave rule.
 */
import { describe, expect, it } from 'vitest';
import { loadTaxonomy, readMessage, type Reading } from '../../src/reader/index.ts';
import { readsAsExpected } from '../support/message-set.ts';

const taxonomy = loadTaxonomy();
const NOW = '2027-03-01';
const read = (text: string, now = NOW): Reading => readMessage(text, now, taxonomy);

describe('whole messages: fixtures/messages/fresh-activity3.jsonl', () => {
  readsAsExpected('fresh-activity3.jsonl', read, { entries: 1 });
});

describe('a rule asked with count or time words is a question for the documents, never a count', () => {
  it.each([
    '审议意见研究处理情况要在几个月内报送',
    '代表建议要在多少个工作日内答复',
    '常委会组成人员连续几次不出席会议会被罢免',
    '代表连续几次未参加活动要提醒',
    '主任会议每个月开几次',
    '每周开几次碰头会',
  ])('%s → ask', (text) => {
    expect(read(text)).toEqual({ intent: 'ask' });
  });

  it('what was done in a period is still counted', () => {
    expect(read('上个月开了几次主任会议')).toMatchObject({ intent: 'count', kinds: ['council_meeting'], from: '2027-02-01' });
    expect(read('今年以来每个月开了几次主任会议')).toMatchObject({ intent: 'count', kinds: ['council_meeting'], from: '2027-01-01' });
  });
});

describe('an activity named in words the taxonomy spells otherwise keeps its kind', () => {
  it('党组召开专题会议 is a 党组会议, not 其他会议', () => {
    expect(read('二〇二七年二月二十六日，党组召开专题会议研究年度监督计划')).toMatchObject({ intent: 'log', activity: { kind: 'party_meeting', date: '2027-02-26' } });
    expect(read('昨天区政府召开专题会议')).toMatchObject({ intent: 'log', activity: { kind: 'meeting' } });
  });

  it('对…法实施情况进行检查 is an 执法检查', () => {
    expect(read('2月26日对水污染防治法实施情况进行检查')).toMatchObject({ intent: 'log', activity: { kind: 'law_check', date: '2027-02-26' } });
  });

  it('出席会议, 列席会议 are deeds, not a mistyped 联席会议', () => {
    expect(read('昨天出席会议的委员有12人')).not.toMatchObject({ question: expect.stringContaining('联席会议') });
    expect(read('今天列席会议，听取区政府工作汇报')).not.toMatchObject({ question: expect.stringContaining('联席会议') });
    expect(read('昨天开了联虚会议')).toMatchObject({ intent: 'unclear', question: expect.stringContaining('联席会议') });
  });
});

describe('known misreadings (README "Known limits")', () => {
  it('a field of work (代表工作, 监督工作, 自身建设) is counted over its kinds, never every kind nor titles holding the words', () => {
    for (const [text, intent] of [['今年代表工作开展了几次', 'count'], ['今年代表方面的工作搞了多少次', 'count'], ['列出今年的代表工作', 'list']] as const) {
      const r = read(text);
      expect(r).toEqual({ intent, kinds: ['deputy_activity', 'suggestion', 'training'], from: expect.any(String), to: expect.any(String) });
    }
    expect(read('上半年监督工作开展了几次')).toEqual({ intent: 'count', kinds: ['inquiry', 'inspection', 'law_check', 'report_review', 'research'], from: expect.any(String), to: expect.any(String) });
    expect(read('上半年自身建设方面开展了哪些活动')).toMatchObject({ intent: 'list', kinds: ['meeting', 'party_meeting', 'study'] });
    expect(read('今年代表活动开展了几次')).toMatchObject({ intent: 'count', kinds: ['deputy_activity'] });
    expect(read('今年代表工作座谈会开了几次')).toMatchObject({ intent: 'count', kinds: ['meeting'] });
    expect(read('起草一段代表工作的发言稿')).toEqual({ intent: 'draft' });
  });

  it('a notice to attend is not the meeting: 其他, never a 常委会会议 of its own', () => {
    expect(read('通知各委员参加常委会会议')).toMatchObject({ intent: 'log', activity: { kind: 'other' } });
    expect(read('昨天电话通知代表参加视察')).toMatchObject({ intent: 'log', activity: { kind: 'other', date: '2027-02-28' } });
    // Attending after a notice, or holding the meeting, is the activity.
    expect(read('接到通知参加了市里的培训')).toMatchObject({ intent: 'log', activity: { kind: 'training' } });
    expect(read('昨天召开常委会会议，通知各委员参加')).toMatchObject({ intent: 'log', activity: { kind: 'session', date: '2027-02-28' } });
  });

  it('who was on leave at one meeting: the log does not record attendance, and says so', () => {
    for (const text of ['上次常委会请假的都有谁', '上次常委会谁请假了', '上次主任会议谁没来', '第二十一次会议哪些委员缺席']) {
      expect(read(text)).toMatchObject({ intent: 'unclear', question: expect.stringContaining('不记谁出席、谁请假') });
    }
    // A rule on leave, or a count the minutes may state, is still asked of the documents.
    expect(read('委员请假要经谁批准')).toEqual({ intent: 'ask' });
    expect(read('昨天的常委会有几个人请假')).toEqual({ intent: 'ask' });
  });
});

describe('time words no rule reads are asked about, never filed on today or counted over all time', () => {
  it('a date in Chinese digits run together (九二八) is asked, not filed on today', () => {
    expect(read('九二八召开主任会议', '2026-09-30')).toMatchObject({ intent: 'unclear', question: expect.stringContaining('九二八') });
    expect(read('一一一七视察学校', '2026-11-20')).toMatchObject({ intent: 'unclear' });
    expect(read('九月二十八日召开主任会议', '2026-09-30')).toMatchObject({ intent: 'log', activity: { date: '2026-09-28' } });
  });

  it('年内 with no year is asked; 今年年内 and 2026年内 are that year; 3年内 is three years back', () => {
    expect(read('年内开了几次常委会', '2026-09-30')).toMatchObject({ intent: 'unclear', question: expect.stringContaining('年内') });
    expect(read('今年年内开了几次常委会', '2026-09-30')).toMatchObject({ intent: 'count', from: '2026-01-01', to: '2026-12-31' });
    expect(read('2026年内开了几次常委会', '2026-09-30')).toMatchObject({ intent: 'count', from: '2026-01-01', to: '2026-12-31' });
    expect(read('3年内开了几次常委会', '2026-09-30')).toMatchObject({ intent: 'count', from: '2023-09-30', to: '2026-09-30' });
  });
});

describe('the period and kinds of a count as the person bounds them', () => {
  it('截至6月底，今年… counts to the end of June, not the whole year', () => {
    expect(read('截至6月底，今年视察了几次', '2026-06-30')).toEqual({ intent: 'count', kinds: ['inspection'], from: '2026-01-01', to: '2026-06-30' });
    expect(read('截至5月31日，今年开了几次党组会', '2026-06-30')).toEqual({ intent: 'count', kinds: ['party_meeting'], from: '2026-01-01', to: '2026-05-31' });
    expect(read('今年视察了几次', '2026-06-30')).toEqual({ intent: 'count', kinds: ['inspection'], from: '2026-01-01', to: '2026-12-31' });
  });

  it('本周有哪些会 lists the meetings, 上周有几个会 counts them', () => {
    expect(read('本周有哪些会', '2026-06-30')).toEqual({ intent: 'list', kinds: ['council_meeting', 'meeting', 'party_meeting', 'session'], from: '2026-06-29', to: '2026-07-05' });
    expect(read('上周有几个会', '2026-06-30')).toEqual({ intent: 'count', kinds: ['council_meeting', 'meeting', 'party_meeting', 'session'], from: '2026-06-22', to: '2026-06-28' });
  });

  it('a rule asked with 一个月 or 比较合适 is no count over all time', () => {
    expect(read('代表联络站一个月接待几次选民比较合适')).toEqual({ intent: 'ask' });
    expect(read('近一个月接待选民几次', '2026-06-30')).toMatchObject({ intent: 'count', kinds: ['deputy_activity'], from: '2026-05-30' });
  });
});

it('代表进家入站 is a 代表活动 (it was filed as 其他)', () => {
  expect(read('昨天组织代表进家入站', '2026-05-06')).toMatchObject({ intent: 'log', activity: { kind: 'deputy_activity', date: '2026-05-05' } });
});

describe('draft requests and plan questions worded otherwise', () => {
  it('a text to be written for someone else, or named by 小结, is a draft', () => {
    expect(read('给主任准备一个在代表座谈会上的讲话稿', '2026-11-16')).toEqual({ intent: 'draft' });
    expect(read('上半年监督工作小结', '2026-11-16')).toEqual({ intent: 'draft' });
    // A text prepared is a deed, not a request.
    expect(read('昨天为常委会会议准备了一份汇报材料', '2026-11-16')).toMatchObject({ intent: 'log', activity: { kind: 'other' } });
  });

  it('what a rule or the plan allows is asked of the documents, not counted', () => {
    expect(read('请问一年之内能开几次专题询问', '2026-11-16')).toEqual({ intent: 'ask' });
    expect(read('年度监督计划里有几项执法检查', '2026-11-16')).toEqual({ intent: 'ask' });
    expect(read('今年要搞几次执法检查，计划里怎么定的', '2026-11-16')).toEqual({ intent: 'ask' });
  });

  it('还能开几次 counts what is still planned after today, not the whole year', () => {
    expect(read('今年还能开几次常委会', '2026-11-16')).toEqual({ intent: 'count', kinds: ['session'], from: '2026-11-17', to: '2026-12-31' });
  });
});
