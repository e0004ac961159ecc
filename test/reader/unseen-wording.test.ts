/**
 * Kinds of failure found by running the reader on messages it had never seen
 * (fixtures/messages/secretary-phrasings.jsonl): each case is a wording a secretary types, and
 * what a person would notice if it were read wrong — a wrong kind, an entry that never happened,
 * a count where a deed was reported.
 */
import { describe, expect, it } from 'vitest';
import { loadTaxonomy, readMessage, type Reading } from '../../src/reader/index.ts';

const taxonomy = loadTaxonomy();
const read = (text: string, now = '2026-12-02'): Reading => readMessage(text, now, taxonomy);

describe('a place named after an activity is where it happened, not what happened', () => {
  it.each([
    ['12月1号下午2点半在区政府三楼会议室召开主任会议', 'council_meeting'],
    ['礼拜一在二楼会议室搞了一次集体学习', 'study'],
    ['昨天在会议中心举办了代表履职培训班', 'training'],
    ['昨天到培训中心召开了座谈会', 'meeting'],
    ['今天在党员教育培训基地组织代表视察', 'inspection'],
  ])('%s → %s', (text, kind) => {
    expect(read(text)).toMatchObject({ intent: 'log', activity: { kind } });
  });

  it('still reads the activity itself (理论学习中心组学习, 召开会议)', () => {
    expect(read('昨天组织理论学习中心组学习')).toMatchObject({ intent: 'log', activity: { kind: 'study' } });
    expect(read('今天召开会议研究防汛工作')).toMatchObject({ intent: 'log', activity: { kind: 'meeting' } });
  });
});

describe('a deed said not to have happened is never stored', () => {
  it.each([
    '昨天没开主任会',
    '俺们今天没去视察',
    '昨天没有去乡镇调研',
    '上周五未开展代表接待活动',
    '咱这周还没开过主任会议',
    '上周三原本安排的调研因故未成行',
    '今天不去视察了',
  ])('%s → unclear, nothing logged', (text) => {
    const r = read(text);
    expect(r.intent).toBe('unclear');
    expect(r).toMatchObject({ question: expect.stringMatching(/没有记录/) });
  });

  it('a negation inside what was acted on does not stop the entry', () => {
    expect(read('昨天督办了未按期办结的代表建议')).toMatchObject({ intent: 'log', activity: { kind: 'suggestion', date: '2026-12-01' } });
    expect(read('今天对未开展工作的单位进行了督办')).toMatchObject({ intent: 'log', activity: { kind: 'suggestion' } });
    expect(read('昨天召开座谈会研究未来五年的代表工作')).toMatchObject({ intent: 'log', activity: { date: '2026-12-01' } });
    expect(read('昨天走访接待了未成年人保护机构')).toMatchObject({ intent: 'log', activity: { date: '2026-12-01' } });
  });

  it('a question with a negation is still a question (有没有, 没有…吗)', () => {
    expect(read('上周有没有开主任会议')).toMatchObject({ intent: 'list', kinds: ['council_meeting'], from: '2026-11-23' });
    expect(read('今年去过哪些乡镇调研', '2025-10-15')).toMatchObject({ intent: 'list', kinds: ['research'], from: '2025-01-01' });
    expect(read('代表视察有没有规定要提前通知')).toEqual({ intent: 'ask' });
  });
});

describe('a supposition is not an activity', () => {
  it('如果/假如/要是… with no question is asked about, not logged on a future day', () => {
    for (const text of ['假如周五开主任会议，记得通知我', '要是下周组织视察，提前跟代表说一声']) {
      expect(read(text)).toMatchObject({ intent: 'unclear', question: expect.stringContaining('假设') });
    }
  });

  it('a supposition that asks something goes to the documents', () => {
    expect(read('如果下周视察的话需要准备哪些材料')).toEqual({ intent: 'ask' });
    expect(read('如果周五组织视察，需要提前几天通知代表')).toEqual({ intent: 'ask' });
  });
});

describe('a plan for a period is asked about, never filed on today', () => {
  it('下个月计划开展… asks which day (计划 is the verb, not the matter discussed)', () => {
    expect(read('下个月计划开展代表建议督办')).toMatchObject({ intent: 'unclear', question: expect.stringContaining('下个月') });
    expect(read('下周安排走访困难群众')).toMatchObject({ intent: 'unclear' });
  });

  it('a period with 计划/安排 as the matter discussed stays a topic (研究下个月工作安排)', () => {
    expect(read('昨天召开主任会议研究下个月工作安排')).toMatchObject({ intent: 'log', activity: { kind: 'council_meeting', date: '2026-12-01' } });
  });
});

describe('截至目前 runs a period to today, before or after it', () => {
  it.each([
    ['截至目前，今年共开展视察多少次', '2026-01-01', '2026-12-02'],
    ['到目前为止，今年视察了几次', '2026-01-01', '2026-12-02'],
    ['本月截至目前培训了几次', '2026-12-01', '2026-12-02'],
    ['今年截止到现在视察了几次', '2026-01-01', '2026-12-02'],
    // A period wholly past keeps its end.
    ['截至目前，去年视察了几次', '2025-01-01', '2025-12-31'],
  ])('%s → %s…%s', (text, from, to) => {
    expect(read(text)).toMatchObject({ intent: 'count', from, to });
  });
});

describe('"a few" things acted on, on one day, report a deed; a count asks', () => {
  it('上周四…走访了几家企业 and 昨天到几个乡镇调研 are logged', () => {
    expect(read('上周四下午俺们到开发区走访了几家企业', '2025-07-10')).toMatchObject({ intent: 'log', activity: { kind: 'visit', date: '2025-07-03' } });
    expect(read('昨天到几个乡镇调研')).toMatchObject({ intent: 'log', activity: { kind: 'research', date: '2026-12-01' } });
  });

  it('still a count: a question mark, a period, or the activities themselves counted', () => {
    expect(read('昨天走访了几家企业？')).toMatchObject({ intent: 'count', kinds: ['visit'] });
    expect(read('今年走访了几家企业')).toMatchObject({ intent: 'count', from: '2026-01-01' });
    expect(read('昨天开展了几项活动')).toMatchObject({ intent: 'count', kinds: [] });
    expect(read('昨天开了几个会')).toMatchObject({ intent: 'count', from: '2026-12-01', to: '2026-12-01' });
  });

  it('第几次 asks which one, not how many', () => {
    expect(read('听说下周要开常委会，是第几次会议')).toEqual({ intent: 'ask' });
  });
});

describe('day words read, never left to default to today: colloquial ones, the first or last day of a month', () => {
  it.each([
    ['昨个儿下午去北关社区代表联络站接待了选民', '2026-12-01'],
    ['昨儿个开了主任会', '2026-12-01'],
    ['前儿个开了党组会', '2026-11-30'],
    ['今儿个上午组织了集体学习', '2026-12-02'],
    ['11月最后一天召开党组会', '2026-11-30'],
    ['上个月最后一天召开了党组会', '2026-11-30'],
    ['本月第一天开了主任会', '2026-12-01'],
    ['2024年2月的最后一天视察了学校', '2024-02-29'],
  ])('%s → %s', (text, date) => {
    expect(read(text)).toMatchObject({ intent: 'log', activity: { date } });
  });
});

describe('several activities with times of day and no date are all today', () => {
  it('上午…，下午… logs both on today; one dated and one not still asks', () => {
    const r = read('上午召开党组扩大会议，下午组织中心组学习');
    expect(r).toMatchObject({ intent: 'log', activities: [{ kind: 'party_meeting', date: '2026-12-02' }, { kind: 'study', date: '2026-12-02' }] });
    expect(read('视察了学校，11月15日调研了医院')).toMatchObject({ intent: 'unclear', question: expect.stringContaining('视察了学校') });
  });
});

describe('a date with its weekday in brackets is one day', () => {
  it('12月5日(周六) is the 5th; the weekday settles the year of a date written without one', () => {
    expect(read('12月5日(周六)组织代表视察')).toMatchObject({ intent: 'log', activity: { date: '2026-12-05' } });
    expect(read('11月28日（星期六）上午组织代表视察了学校')).toMatchObject({ intent: 'log', activity: { date: '2026-11-28' } });
    expect(read('12月30日（星期三）召开党组会', '2027-01-06')).toMatchObject({ intent: 'log', activity: { date: '2026-12-30' } });
  });

  it('a weekday that does not match the date is asked about, not either one guessed', () => {
    expect(read('12月5日（周五）组织代表视察')).toMatchObject({ intent: 'unclear', question: expect.stringContaining('日期和星期几对不上') });
  });

  it('a weekday or a relative day with its date in brackets after it is that date (周一（6月12日）)', () => {
    // Three weeks back: the bare weekday alone would be read as this week's or last week's Monday.
    expect(read('周一（6月12日）组织代表视察了防汛工作', '2023-07-05')).toMatchObject({ intent: 'log', activity: { date: '2023-06-12' } });
    expect(read('上周三(6月28日)召开主任会议，周四(6月29日)视察防汛', '2023-07-05')).toMatchObject({
      intent: 'log', activities: [{ kind: 'council_meeting', date: '2023-06-28' }, { kind: 'inspection', date: '2023-06-29' }],
    });
    expect(read('昨天（7月4日）组织代表视察了防汛工作', '2023-07-05')).toMatchObject({ intent: 'log', activity: { date: '2023-07-04' } });
  });

  it('a day word and a date in brackets that disagree are asked about, with neither stored', () => {
    expect(read('周二（7月3日）召开了主任会议', '2023-07-05')).toMatchObject({ intent: 'unclear', question: expect.stringContaining('日期和星期几对不上') });
    expect(read('昨天（7月3日）组织代表视察了防汛工作', '2023-07-05')).toMatchObject({ intent: 'unclear', question: expect.stringContaining('两个日子对不上') });
  });
});


describe('an activity word split by what was done (接待了20余名来访选民)', () => {
  it.each([
    ['今天接待了20余名来访选民', 'deputy_activity'],
    ['上周二区人大代表在社区联系了选民', 'deputy_activity'],
    ['昨天在联络站接待了群众', 'deputy_activity'],
  ])('%s → %s', (text, kind) => {
    expect(read(text, '2026-03-04')).toMatchObject({ intent: 'log', activity: { kind } });
  });

  it('the words in between stay within one clause', () => {
    expect(read('今天接待了市领导，下午走访选民代表')).not.toMatchObject({ activity: { kind: 'deputy_activity' } });
  });
});

describe('an outline is a draft, not a list of entries', () => {
  it.each(['帮我起个常委会工作报告的提纲', '帮我列个汇报提纲', '列一个上半年工作总结的提纲'])('%s → draft', (text) => {
    expect(read(text)).toEqual({ intent: 'draft' });
  });

  it('列个清单, 列一下上半年的视察 still list', () => {
    expect(read('列一下上半年的视察')).toMatchObject({ intent: 'list', kinds: ['inspection'] });
  });
});

describe('a plan with no day, or a vague one, is asked about — never filed on today', () => {
  it.each(['还要开一次党组会', '准备召开主任会议', '年前还要开一次党组会', '/log 将召开主任会议'])('%s → unclear', (text) => {
    expect(read(text, '2027-01-13').intent).toBe('unclear');
  });

  it('a plan with its day is a log that asks to confirm the future day; 主要/重要 are no plan', () => {
    expect(read('今天要开党组会', '2027-01-13')).toMatchObject({ intent: 'log', activity: { date: '2027-01-13' } });
    expect(read('组织代表主要到三个乡镇视察', '2027-01-13')).toMatchObject({ intent: 'log', activity: { kind: 'inspection' } });
    expect(read('一年前视察过', '2027-01-13').intent).toBe('unclear');
    expect(read('去年前三季度视察了几次', '2027-01-13')).toMatchObject({ intent: 'count', from: '2026-01-01', to: '2026-09-30' });
  });
});

describe('元月 is January', () => {
  it('元月8日 and 元月份 read as January', () => {
    expect(read('元月8日召开了常委会第三十六次会议', '2027-01-13')).toMatchObject({ intent: 'log', activity: { kind: 'session', date: '2027-01-08' } });
    expect(read('元月份视察了几次', '2027-01-13')).toMatchObject({ intent: 'count', from: '2027-01-01', to: '2027-01-31' });
  });
});

describe('常委会 alone is a session only when it is held or attended', () => {
  it('the committee doing something else is not a session', () => {
    expect(read('区人大常委会昨天对区政府组成部门负责人开展了满意度测评', '2027-01-13')).toMatchObject({ intent: 'log', activity: { kind: 'other' } });
  });

  it.each(['今天召开常委会', '昨天列席了区人大常委会'])('%s → session', (text) => {
    expect(read(text, '2027-01-13')).toMatchObject({ intent: 'log', activity: { kind: 'session' } });
  });

  it('in a question it still means the sessions', () => {
    expect(read('常委会今年开了几次', '2027-01-13')).toMatchObject({ intent: 'count', kinds: ['session'] });
  });
});

it('总结成一段话 asks for a draft', () => {
  expect(read('帮我把去年的监督工作情况总结成一段话')).toEqual({ intent: 'draft' });
});

describe('a deletion that names its entry is neither the undo of the last message nor an entry', () => {
  it.each(['把11月28日那条视察删掉', '昨天那条记录删掉', '删除昨天那条记录', '把上周三的调研删掉', '11月28日的视察那条删了吧', '帮我删一下记录', '删条记录'])('%s', (text) => {
    expect(read(text)).toMatchObject({ intent: 'unclear', question: expect.stringContaining('/delete 编号') });
  });

  it('刚才那条删掉 and 那条记录删了吧 still withdraw what was just logged', () => {
    expect(read('刚才那条删掉')).toEqual({ intent: 'undo' });
    expect(read('那条记录删了吧')).toEqual({ intent: 'undo' });
  });
});

describe('每天 over a run of days is one entry a day, never one activity counted once', () => {
  it('上周一到周三每天都组织了代表接待 logs three entries of 代表活动', () => {
    const r = read('上周一到周三每天都组织了代表接待', '2026-12-03');
    expect(r).toMatchObject({ intent: 'log' });
    const days = r.intent === 'log' ? r.activities.map((a) => [a.date, a.kind, a.to ?? null]) : [];
    expect(days).toEqual([['2026-11-23', 'deputy_activity', null], ['2026-11-24', 'deputy_activity', null], ['2026-11-25', 'deputy_activity', null]]);
  });

  it('昨天和前天连续两天 is one activity over both days, whichever is named first', () => {
    for (const text of ['前天和昨天连续两天开展了执法检查', '昨天和前天连续两天开展了执法检查']) {
      expect(read(text, '2026-12-03'), text).toMatchObject({ intent: 'log', activities: [{ kind: 'law_check', date: '2026-12-01', to: '2026-12-02' }] });
    }
  });

  it('a month of 每天 is asked about, and a range without 每天 stays one activity', () => {
    expect(read('11月1日至30日每天都开展了接待选民', '2026-12-03')).toMatchObject({ intent: 'unclear', question: expect.stringContaining('共 30 天') });
    expect(read('11月20日至22日举办了代表培训班', '2026-12-03')).toMatchObject({ intent: 'log', activities: [{ date: '2026-11-20', to: '2026-11-22' }] });
  });
});
