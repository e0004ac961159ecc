/**
 * Kinds of failure found by reading messages written fresh for the held-out evaluation's kind
 * (fixtures/messages/fresh-activity.jsonl, written before the fixes): what a person would notice —
 * an entry of the wrong kind, an entry filed on today for a day it could not read, a list or a
 * count where a deed was reported.
 */
import { describe, expect, it } from 'vitest';
import { loadTaxonomy, readMessage, type Reading } from '../../src/reader/index.ts';
import { readsAsExpected } from '../support/message-set.ts';

const taxonomy = loadTaxonomy();
const NOW = '2025-11-20';
const read = (text: string, now = NOW): Reading => readMessage(text, now, taxonomy);

describe('a meeting named by a noun the taxonomy does not list is a meeting (其他会议)', () => {
  it.each([
    ['昨天召开了年终工作总结会', 'meeting'],
    ['今天上午开了个碰头会，商量代表培训安排', 'meeting'],
    ['前天参加了全区警示教育大会', 'meeting'],
    ['昨天召开了代表工作联席会', 'meeting'],
    ['上周四召开了党组（扩大）会', 'party_meeting'],
    ['昨天召开主任扩大会议', 'council_meeting'],
  ])('%s → %s, not 其他', (text, kind) => {
    expect(read(text)).toMatchObject({ intent: 'log', activity: { kind } });
  });

  it('is counted and listed as meetings, never as every activity', () => {
    expect(read('今年开了几次碰头会')).toMatchObject({ intent: 'count', kinds: ['meeting'], from: '2025-01-01' });
    expect(read('列出去年的表彰大会')).toMatchObject({ intent: 'list', kinds: ['meeting'], from: '2024-01-01' });
  });

  it('keeps a listed kind inside the noun, bare 开会 as every meeting, and bodies and galas out', () => {
    expect(read('昨天召开了代表建议交办会')).toMatchObject({ activity: { kind: 'suggestion' } });
    expect(read('上个月都开了哪些会')).toMatchObject({ intent: 'list', kinds: ['council_meeting', 'meeting', 'party_meeting', 'session'] });
    expect(read('昨天举办了迎新晚会')).toMatchObject({ activity: { kind: 'other' } });
    expect(read('昨天参加了区工会组织的活动')).toMatchObject({ activity: { kind: 'other' } });
  });

  it('a meeting before another activity is its own entry (上午召开总结会，下午视察学校)', () => {
    const r = read('上午召开总结会，下午视察学校');
    expect(r.intent === 'log' && r.activities.map((a) => a.kind)).toEqual(['meeting', 'inspection']);
  });
});

describe('a date in figures is read or asked about, never filed on today', () => {
  it('reads month-day with a hyphen as typed (11-17, 4-30), and ranges of it', () => {
    expect(read('11-17召开党组会')).toMatchObject({ intent: 'log', activity: { kind: 'party_meeting', date: '2025-11-17' } });
    expect(read('11-17至11-18 执法检查')).toMatchObject({ intent: 'log', activity: { date: '2025-11-17', to: '2025-11-18' } });
    expect(read('3-1至3-31视察了几次', '2026-05-06')).toEqual({ intent: 'count', kinds: ['inspection'], from: '2026-03-01', to: '2026-03-31' });
  });

  it('keeps quantities and days of a month as they were (3-5名, 10-12点, 10-12月, 12-14日)', () => {
    expect(read('组织3-5名代表视察')).toMatchObject({ intent: 'log', activity: { date: NOW } });
    expect(read('今天上午10-12点召开党组会')).toMatchObject({ intent: 'log', activity: { date: NOW } });
    expect(read('10-12月视察了几次')).toMatchObject({ intent: 'count', from: '2025-10-01', to: '2025-12-31' });
    expect(read('11月12-14日执法检查')).toMatchObject({ intent: 'log', activity: { date: '2025-11-12', to: '2025-11-14' } });
  });

  it.each(['17/11 视察', '1117 视察学校', '25.11.17召开党组会', '11—18 召开党组会', 'Nov 17 组织代表视察', '17 Nov 视察', 'yesterday视察了学校', 'last Friday 召开党组会'])(
    '%s → asked which day', (text) => {
      expect(read(text)).toMatchObject({ intent: 'unclear', question: expect.stringMatching(/没看懂/) });
    });

  it('a quantity in figures inside the words is no date (1230余人, 2.0, 13.5平方公里)', () => {
    expect(read('昨天接待选民1230余人')).toMatchObject({ intent: 'log', activity: { date: '2025-11-19' } });
    expect(read('推进数字政府2.0建设，昨天调研')).toMatchObject({ intent: 'log', activity: { date: '2025-11-19' } });
  });
});

describe('a mistyped day word is asked about, never today', () => {
  it.each(['作天召开了主任会议', '咋天开了党组会', '钱天组织代表视察了学校', '冬天视察了供暖'])('%s → asked', (text) => {
    expect(read(text)).toMatchObject({ intent: 'unclear', question: expect.stringMatching(/没看懂/) });
  });

  it('words that end in 天 and are no day stay as they were (每天, 半天, 当天 is asked as before)', () => {
    expect(read('半天时间走访了三家企业')).toMatchObject({ intent: 'log', activity: { kind: 'visit' } });
    expect(read('哪天开的主任会议')).toEqual({ intent: 'ask' });
  });
});

describe('a deed done to a list or a tally is an entry, not a request for one', () => {
  it.each([
    ['昨天整理了代表建议办理清单', 'suggestion', '2025-11-19'],
    ['今天梳理了问题清单，交区政府办理', 'other', NOW],
    ['昨天印发了监督工作任务清单', 'other', '2025-11-19'],
    ['前天加班统计了代表出勤情况', 'other', '2025-11-18'],
    ['昨天加班整理代表履职档案', 'other', '2025-11-19'],
    ['今天总结了半年工作', 'other', NOW],
  ])('%s → log %s %s', (text, kind, date) => {
    expect(read(text)).toMatchObject({ intent: 'log', activity: { kind, date } });
  });

  it('a request stays a request (导出昨天的记录, 统计一下, 帮我总结一下)', () => {
    expect(read('导出昨天的记录')).toEqual({ intent: 'list', kinds: [], from: '2025-11-19', to: '2025-11-19' });
    expect(read('统计一下十月份的调研')).toEqual({ intent: 'count', kinds: ['research'], from: '2025-10-01', to: '2025-10-31' });
    expect(read('上个月统计了几次视察')).toMatchObject({ intent: 'count', kinds: ['inspection'] });
    expect(read('帮我总结一下上周的活动')).toEqual({ intent: 'draft' });
  });
});

describe('whole messages: fixtures/messages/fresh-activity.jsonl (every activity, its last day, the future asked)', () => {
  readsAsExpected('fresh-activity.jsonl', read);
});

describe('a stretch no rule reads is asked about, never counted over all time or a whole year', () => {
  it('前两天, 前3天 (a few days ago, or the days before?) are asked', () => {
    expect(read('前两天开了几个会')).toMatchObject({ intent: 'unclear' });
    expect(read('前两天召开了党组会')).toMatchObject({ intent: 'unclear' });
    expect(read('两天前召开了主任会议')).toMatchObject({ intent: 'log', activity: { date: '2025-11-18' } });
    expect(read('视察要提前两天通知吗')).toEqual({ intent: 'ask' });
  });

  it('去年这个时候 is 去年同期: which stretch is asked, not the whole of last year counted', () => {
    expect(read('去年这个时候视察了几次')).toMatchObject({ intent: 'unclear', question: expect.stringContaining('同期') });
    expect(read('去年的这时候开了几次主任会议')).toMatchObject({ intent: 'unclear' });
  });
});

describe('a question in spoken words (啥, 咋, 从哪) is never logged as an entry', () => {
  it.each(['代表视察需要注意啥', '代表小组活动经费从哪出', '代表建议咋交办', '视察了啥地方'])('%s → ask', (text) => {
    expect(read(text)).toEqual({ intent: 'ask' });
  });

  it('what was done on a day, asked in spoken words, is the entries (昨天干啥了, 昨天视察了啥地方)', () => {
    expect(read('昨天干啥了')).toEqual({ intent: 'list', kinds: [], from: '2025-11-19', to: '2025-11-19' });
    expect(read('昨天视察了啥地方')).toEqual({ intent: 'list', kinds: ['inspection'], from: '2025-11-19', to: '2025-11-19' });
  });
});

describe('a part of a month no rule reads, and which meetings', () => {
  it('9月最后一周 is asked, never counted over the whole of September', () => {
    expect(read('9月最后一周视察了几次', '2024-10-09')).toMatchObject({ intent: 'unclear', question: expect.stringContaining('最后一周') });
    expect(read('11月最后一天召开党组会', '2024-12-09')).toMatchObject({ intent: 'log', activity: { date: '2024-11-30' } });
  });

  it('本周要开哪些会, 昨天开的啥会: the meetings of that period, every kind of meeting', () => {
    const meetings = ['council_meeting', 'meeting', 'party_meeting', 'session'];
    expect(read('本周要开哪些会', '2024-10-09')).toEqual({ intent: 'list', kinds: meetings, from: '2024-10-07', to: '2024-10-13' });
    expect(read('昨天开的啥会', '2024-10-09')).toEqual({ intent: 'list', kinds: meetings, from: '2024-10-08', to: '2024-10-08' });
    expect(read('开什么会需要主任批准')).toEqual({ intent: 'ask' });
    expect(read('上周的会开了几次')).toEqual({ intent: 'count', kinds: meetings, from: '2025-11-10', to: '2025-11-16' });
  });
});

describe('常委会 alone after its day, as staff jot it (26号常委会), is the session', () => {
  it.each(['2月26 常委会', '26号常委会'])('%s → session', (text) => {
    expect(read(text, '2027-03-01')).toMatchObject({ intent: 'log', activity: { kind: 'session', date: '2027-02-26' } });
  });

  it('the committee doing something else stays 其他', () => {
    expect(read('常委会昨天开展了满意度测评', '2027-03-01')).toMatchObject({ intent: 'log', activity: { kind: 'other' } });
  });
});

describe('a year or term no rule reads is asked about, never counted over all time', () => {
  it.each(['本届以来共开展多少次执法检查', '换届以来召开了几次常委会会议', '十七届以来开了几次主任会议', '24年视察了几次', '2024、2025两年视察几次', '2024至2025年度视察几次'])(
    '%s → asked', (text) => {
      expect(read(text, '2026-05-06')).toMatchObject({ intent: 'unclear' });
    });

  it('years and terms that are read, or name a meeting, stay as they were', () => {
    expect(read('2024年至2025年视察几次', '2026-05-06')).toMatchObject({ intent: 'count', from: '2024-01-01', to: '2025-12-31' });
    expect(read('24年12月5日召开党组会', '2026-05-06')).toMatchObject({ intent: 'log', activity: { date: '2024-12-05' } });
    expect(read('上周五召开十七届人大常委会第42次会议', '2026-05-06')).toMatchObject({ intent: 'log', activity: { kind: 'session', date: '2026-05-01' } });
  });
});

describe('what a rule requires is asked of the documents, even with a period (上半年至少要开几次常委会)', () => {
  it('至少, 应当, 规定 with 几次 → ask; a plan or a past count stays a count', () => {
    expect(read('上半年至少要开几次常委会')).toEqual({ intent: 'ask' });
    expect(read('今年至少要开展几次执法检查')).toEqual({ intent: 'ask' });
    expect(read('今年计划开展几次执法检查')).toMatchObject({ intent: 'count', kinds: ['law_check'] });
    expect(read('上半年视察了几次，至少要几次')).toMatchObject({ intent: 'count', kinds: ['inspection'] });
  });
});

describe('an activity word naming what was looked at (就…, 对…) gives way to the deed done', () => {
  it.each([
    ['昨天就代表建议办理情况开展视察', 'inspection'],
    ['昨天对代表建议办理工作开展专题询问', 'inquiry'],
    ['昨天围绕执法检查发现的问题开展调研', 'research'],
  ])('%s → %s', (text, kind) => {
    expect(read(text)).toMatchObject({ intent: 'log', activities: [{ kind }] });
  });

  it('counts the deed, not the topic', () => {
    expect(read('今年就代表建议办理开展了几次视察')).toMatchObject({ intent: 'count', kinds: ['inspection'], from: '2025-01-01', to: '2025-12-31' });
  });

  it('two deeds named together stay two (就优化营商环境进行专题调研和视察)', () => {
    const r = read('昨天就优化营商环境进行专题调研和视察');
    expect(r.intent === 'log' && r.activities.map((a) => a.kind)).toEqual(['research', 'inspection']);
  });
});

describe('a meeting word mistyped by one character is asked about, never filed or counted as another kind', () => {
  it.each([
    ['今天开了个党祖会', '党组会'],
    ['今天开了主人会议', '主任会议'],
    ['昨天召开了专题寻问', '专题询问'],
    ['今年开了几次党祖会', '党组会'],
  ])('%s → did you mean %s', (text, meant) => {
    expect(read(text)).toMatchObject({ intent: 'unclear', question: expect.stringContaining(`您是说“${meant}”吗`) });
  });

  it('words one character off that are no typo stay as they were (主任们, 党组会上, 人大常委会)', () => {
    expect(read('主任们昨天视察了学校')).toMatchObject({ intent: 'log', activity: { kind: 'inspection' } });
    expect(read('昨天党组会上研究了工作')).toMatchObject({ intent: 'log', activity: { kind: 'party_meeting' } });
    expect(read('昨天列席了区人大常委会')).toMatchObject({ intent: 'log', activity: { kind: 'session' } });
  });
});

describe('show me the entries, in more words (…记录给我, 搜一下, 上个月执法检查的情况)', () => {
  it.each([
    ['把这个月的调研记录给我', ['research'], '2025-11-01', '2025-11-30'],
    ['搜一下今年跟养老有关的调研', ['research'], '2025-01-01', '2025-12-31'],
    ['上个月执法检查的情况', ['law_check'], '2025-10-01', '2025-10-31'],
  ])('%s → list', (text, kinds, from, to) => {
    expect(read(text)).toMatchObject({ intent: 'list', kinds, from, to });
  });

  it('how to write about it is still asked of the documents', () => {
    expect(read('执法检查的情况怎么写')).toEqual({ intent: 'ask' });
  });
});
