/**
 * Misreadings of the activity log that were silently wrong (session 34): a comparison of two
 * periods read as no count at all, paperwork about an activity filed as the activity, activities
 * listed by spaces or item numbers filed as one entry, and a mistyped 常委会会议 filed as 其他会议.
 */
import { describe, expect, it } from 'vitest';
import { loadTaxonomy, readMessage, type Reading } from '../../src/reader/index.ts';

const taxonomy = loadTaxonomy();
const NOW = '2025-11-20';
const read = (text: string, now = NOW): Reading => readMessage(text, now, taxonomy);
const kinds = (r: Reading) => (r.intent === 'log' ? r.activities.map((a) => [a.kind, a.date]) : r);

describe('a comparison of two periods is a count of the period asked about (the chat counts both)', () => {
  it.each([
    ['这个月的调研跟上个月比怎么样', ['research'], '2025-11-01', '2025-11-30'],
    ['本月调研比上月多吗', ['research'], '2025-11-01', '2025-11-30'],
    ['本月调研与上月相比', ['research'], '2025-11-01', '2025-11-30'],
    ['今年的视察和去年相比多了还是少了', ['inspection'], '2025-01-01', '2025-12-31'],
    ['与去年相比，今年视察多了几次', ['inspection'], '2025-01-01', '2025-12-31'],
    ['今年执法检查比去年少了吗', ['law_check'], '2025-01-01', '2025-12-31'],
    ['二季度的主任会议跟一季度比有变化吗', ['council_meeting'], '2025-04-01', '2025-06-30'],
    ['对比一下今年和去年的专题询问', ['inquiry'], '2025-01-01', '2025-12-31'],
    ['今年9月份和去年9月份视察各几次', ['inspection'], '2025-09-01', '2025-09-30'],
    ['今年开了几次常委会，去年开了几次', ['session'], '2025-01-01', '2025-12-31'],
    ['这周开的会比上周多吗', ['council_meeting', 'meeting', 'party_meeting', 'session'], '2025-11-17', '2025-11-23'],
    ['11月18日和11月19日相比调研多吗', ['research'], '2025-11-18', '2025-11-18'],
  ])('%s → count %j from %s', (text, k, from, to) => {
    expect(read(text)).toEqual({ intent: 'count', kinds: k, from, to });
  });

  it('a day compared in a report is no question (今天视察了学校，比上周的视察更深入)', () => {
    expect(read('今天视察了学校，比上周的视察更深入')).toMatchObject({ intent: 'log', activity: { kind: 'inspection', date: NOW } });
  });

  it('two activities compared, with no second period, are no comparison of periods', () => {
    expect(read('视察和调研相比有什么区别')).toEqual({ intent: 'ask' });
    expect(read('常委会会议和主任会议相比有什么不同')).toEqual({ intent: 'ask' });
  });
});

describe('paperwork about an activity (起草, 撰写, 印发, 报送 … 报告/方案) and preparing it (筹备, 为…准备) is office work, not the activity', () => {
  it.each([
    '昨天起草了常委会工作报告',
    '昨天撰写了执法检查报告',
    '昨天修改了视察报告',
    '今天报送了专项工作报告',
    '昨天印发了调研方案',
    '昨天准备了视察方案',
    '昨天完成了调研报告初稿',
    '昨天制定了执法检查实施方案',
    '昨天起草了主任会议纪要',
    '昨天向区委上报了代表活动总结',
    '昨天筹备常委会会议',
    '今天为常委会会议准备材料',
    '昨天做了视察前的准备工作',
    '昨天布置了常委会会议会场',
    '昨天协助筹备了主任会议',
  ])('%s → 其他', (text) => {
    expect(read(text)).toMatchObject({ intent: 'log', activity: { kind: 'other' } });
  });

  it.each([
    ['昨天听取了区政府关于环保工作的报告', 'report_review'],
    ['昨天审议了专项工作报告', 'report_review'],
    ['昨天组织代表视察并形成了视察报告', 'inspection'],
    ['昨天召开主任会议审定视察方案', 'council_meeting'],
    ['昨天完成了专题调研', 'research'],
    ['6.28 视察城区防汛准备工作', 'inspection'],
    ['昨天筹备并召开了主任会议', 'council_meeting'],
    ['昨天承办了常委会会议', 'session'],
  ])('the activity itself stays: %s → %s', (text, kind) => {
    expect(read(text)).toMatchObject({ intent: 'log', activity: { kind } });
  });

  it('the paperwork and the activity done after it are two entries of their own kinds', () => {
    expect(kinds(read('昨天起草了调研方案，下午开展了专题调研'))).toEqual([['other', '2025-11-19'], ['research', '2025-11-19']]);
  });
});

describe('activities listed by spaces or item numbers are as many entries', () => {
  it.each([
    ['今天 主任会议 党组会议', [['council_meeting', NOW], ['party_meeting', NOW]]],
    ['今天：①召开主任会议②召开党组会议', [['council_meeting', NOW], ['party_meeting', NOW]]],
    ['昨天 ①主任会议 ②党组会议 ③集体学习', [['council_meeting', '2025-11-19'], ['party_meeting', '2025-11-19'], ['study', '2025-11-19']]],
    ['今天：\n1.召开主任会议\n2.组织代表视察', [['council_meeting', NOW], ['inspection', NOW]]],
    ['今天：1、召开主任会议；2、组织代表视察', [['council_meeting', NOW], ['inspection', NOW]]],
    ['11月18日：（1）召开党组会议（2）开展专题调研', [['party_meeting', '2025-11-18'], ['research', '2025-11-18']]],
    ['昨天①召开主任会议，②组织代表视察，③开展专题调研', [['council_meeting', '2025-11-19'], ['inspection', '2025-11-19'], ['research', '2025-11-19']]],
    ['今天上午 主任会议 下午 党组会议', [['council_meeting', NOW], ['party_meeting', NOW]]],
    ['今天 上午召开主任会议 下午组织代表视察', [['council_meeting', NOW], ['inspection', NOW]]],
  ])('%s', (text, expected) => {
    expect(kinds(read(text))).toEqual(expected);
  });

  it('an item is titled without its number', () => {
    const r = read('今天：①召开主任会议②召开党组会议');
    expect(r.intent === 'log' && r.activities.map((a) => a.title)).toEqual(['召开主任会议', '召开党组会议']);
  });

  it('a date in figures and one activity stay one entry', () => {
    expect(kinds(read('11.18 召开主任会议'))).toEqual([['council_meeting', '2025-11-18']]);
    expect(kinds(read('今天 召开主任会议 研究代表培训工作'))).toEqual([['council_meeting', NOW]]);
  });
});

describe('a mistyped 常委会会议 is asked about, not filed as 其他会议', () => {
  it.each(['今天召开了长委会会议', '昨天开了长委会议', '今年开了几次长委会会议', '昨天开了长委会', '今年开了几次长委会'])('%s → asked', (text) => {
    expect(read(text)).toMatchObject({ intent: 'unclear', question: expect.stringContaining('常委会') });
  });

  it('the meetings of other committees are no typo of it (村委会会议, 业委会会议)', () => {
    expect(read('昨天列席了村委会会议')).toMatchObject({ intent: 'log', activity: { kind: 'meeting' } });
    expect(read('昨天参加了小区业委会会议')).toMatchObject({ intent: 'log', activity: { kind: 'meeting' } });
    expect(read('昨天参加了开发区管委会会议')).toMatchObject({ intent: 'log', activity: { kind: 'meeting' } });
    expect(read('昨天列席了区政府常务会议')).toMatchObject({ intent: 'log', activity: { kind: 'meeting' } });
  });
});
