/**
 * The sixth fresh set (fixtures/messages/fresh-activity6.jsonl, written before the fixes): planned
 * activities, head counts, date forms, counts by kind and month, rankings, empty months, person
 * and place narrowing, and chat that is not an activity.
 */
import { describe, expect, it } from 'vitest';
import { loadTaxonomy, readMessage, type Reading } from '../../src/reader/index.ts';
import { readsAsExpected } from '../support/message-set.ts';

const taxonomy = loadTaxonomy();
const read = (text: string, now: string): Reading => readMessage(text, now, taxonomy);

describe('whole messages: fixtures/messages/fresh-activity6.jsonl', () => {
  // 下周要去视察几个学校 is read as a count of next week's inspections marked `units: 学校`: the reply
  // says the log counts activities, not schools, and lists the inspections with their titles
  // (test/assistant/log-residuals7.test.ts) rather than asking back as this line expects — the
  // same reading secretary-phrasings p051 (近30天走访了几家企业 → count) expects.
  readsAsExpected('fresh-activity6.jsonl', read, { known: ['f6-011'] });
});

describe('a place or body named bare before the activity word narrows the count or list', () => {
  it.each([
    ['今年城东街道视察了几次', 'count', '城东街道'],
    ['今年教育局专题询问了几次', 'count', '教育局'],
    ['11月份城关镇代表活动几次', 'count', '城关镇'],
    ['上半年农贸市场视察了哪几次', 'list', '农贸市场'],
    ['今年城关镇开展了几次代表活动', 'count', '城关镇'],
    ['今年开发区那边调研了几次', 'count', '开发区'],
    ['今年北关镇那块走访几次', 'count', '北关镇'],
  ])('%s', (text, intent, about) => {
    expect(read(text, '2026-12-01')).toMatchObject({ intent, about });
  });

  it('how it was done (集中, 下乡) and who did it (组织代表, 市人大代表) narrow nothing', () => {
    for (const text of ['今年集中视察了几次', '今年下乡调研几次', '上半年组织代表视察了几次', '今年市人大代表视察了几次', '四季度开了几次常委会', '最近一次执法检查是什么时候']) {
      expect(read(text, '2026-12-01')).not.toHaveProperty('about');
    }
  });
});

describe('a person and a place or subject both named: which one to search for is asked', () => {
  it.each(['今年张主任参加的学校视察有几次', '赵主任去年参加了几次城东街道的调研', '王建国代表在城关镇参加了几次代表活动', '今年北关镇和城关镇各走访几次'])('%s', (text) => {
    expect(read(text, '2026-12-01')).toMatchObject({ intent: 'unclear' });
  });

  it('a person alone still narrows to the person', () => {
    expect(read('今年张主任参加的视察有几次', '2026-12-01')).toMatchObject({ intent: 'count', about: '张主任' });
  });
});

describe('an errand about an activity\'s things is no activity', () => {
  it.each(['调研提纲发我一下', '昨天的视察照片发群里', '今天上午的座谈会材料发一下', '视察方案定了没'])('%s', (text) => {
    expect(read(text, '2026-12-01')).toMatchObject({ intent: 'unclear' });
  });

  it('with the deed said, the activity is logged as before', () => {
    expect(read('昨天视察了学校，照片发群里了', '2026-12-01')).toMatchObject({ intent: 'log', activity: { kind: 'inspection', date: '2026-11-30' } });
    expect(read('昨天召开了座谈会，材料已发群里', '2026-12-01')).toMatchObject({ intent: 'log', activity: { kind: 'meeting', date: '2026-11-30' } });
  });
});

describe('a day word with 天 mistyped (前添, 昨田) is asked about, never filed on today', () => {
  it.each(['前添开了党组会', '昨田组织代表视察了学校', '今甜上午集体学习'])('%s', (text) => {
    expect(read(text, '2027-03-05')).toMatchObject({ intent: 'unclear' });
  });

  it('a place that happens to start so (前田村) is still a place', () => {
    expect(read('前田村视察了几次', '2027-03-05')).toMatchObject({ intent: 'count', about: '前田村' });
  });
});

describe('months listed with nothing between (8月9月) or a year on the first only (去年8月和9月)', () => {
  it.each([
    ['8月9月执法检查加起来几次', ['law_check'], '2026-08-01', '2026-09-30'],
    ['10月11月分别走访几次', ['visit'], '2026-10-01', '2026-11-30'],
    ['去年8月和9月走访几次', ['visit'], '2025-08-01', '2025-09-30'],
    ['去年8月9月走访几次', ['visit'], '2025-08-01', '2025-09-30'],
    ['去年12月和1月视察几次', ['inspection'], '2025-12-01', '2026-01-31'],
  ])('%s → both months, never 8月9日 or the first month alone', (text, kinds, from, to) => {
    expect(read(text, '2026-12-01')).toMatchObject({ intent: 'count', kinds, from, to });
  });

  it('8月9月召开党组会 names no day: asked, never filed on 8月9日', () => {
    expect(read('8月9月召开党组会', '2026-12-01')).toMatchObject({ intent: 'unclear' });
  });
});

describe('which month or kind had the most, however it is asked', () => {
  it.each([
    ['今年什么活动搞得最多', 'kind'],
    ['今年调研最多的是几月', 'month'],
    ['今年几月份开会最多', 'month'],
  ])('%s → counted from the log', (text, by) => {
    const r = read(text, '2026-12-01');
    expect(r).toMatchObject({ intent: 'count', from: '2026-01-01', to: '2026-12-31', extreme: { by, most: true } });
    expect(r).not.toHaveProperty('about');
  });

  it('a rule\'s 最多 is still a question for the documents', () => {
    expect(read('什么活动最多可以搞几天', '2026-12-01')).toMatchObject({ intent: 'ask' });
  });
});

describe('which committee, place or person did the most: the log keeps no such field', () => {
  it.each(['今年哪个委员会活动最多', '今年视察去得最多的是哪个街道', '上半年哪个委员会调研最多'])('%s is said so, never ranked by kind or searched for', (text) => {
    expect(read(text, '2026-12-01')).toMatchObject({ intent: 'unclear', settled: true });
  });

  it('a rule\'s 最多 about a committee stays a question for the documents', () => {
    expect(read('哪个委员会最多可以有几名委员', '2026-12-01')).toMatchObject({ intent: 'ask' });
  });
});

describe('two activities dictated without punctuation are two entries', () => {
  it.each([
    ['今天上午8名代表视察了2所学校下午开了主任会', [['inspection', '2026-09-30'], ['council_meeting', '2026-09-30']]],
    ['昨天视察了城东街道今天调研了开发区', [['inspection', '2026-09-29'], ['research', '2026-09-30']]],
  ])('%s', (text, acts) => {
    const r = read(text, '2026-09-30');
    expect(r.intent === 'log' && r.activities.map((a) => [a.kind, a.date])).toEqual(acts);
  });

  it('a time that is what was discussed (研究下午的视察安排) opens no second entry', () => {
    const r = read('昨天召开主任会议研究下午的视察安排', '2026-09-30');
    expect(r.intent === 'log' && r.activities.map((a) => a.kind)).toEqual(['council_meeting']);
  });
});

describe('a day in digits mixed with Chinese numerals', () => {
  it.each([['6月十8号视察了防汛工作', '2026-06-18'], ['十5号开了党组会', '2026-06-15'], ['6月二十5号开了主任会议', '2026-06-25']])('%s → %s', (text, date) => {
    expect(read(text, '2026-06-30')).toMatchObject({ intent: 'log', activity: { date } });
  });

  it.each(['2十5号视察了学校', '6月2十5号视察了学校'])('%s is asked about, never filed on another day or today', (text) => {
    expect(read(text, '2026-06-30')).toMatchObject({ intent: 'unclear' });
  });
});
