/**
 * Every way staff write a day or a period, in simplified and traditional characters, read
 * by the real reader: tables here, and two sets of whole messages in test/fixtures/messages/ (the forms of
 * a date library's own test suite rephrased as office messages, and the cases).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTaxonomy, readMessage, type Reading } from '../../src/reader/index.ts';
import { scanTime } from '../../src/time/periods.ts';

const taxonomy = loadTaxonomy();

/** The first period (or day) the words name, as [from, to], or the problem with them. */
function read(words: string, now: string): [string, string] | string {
  const scan = scanTime(words, now);
  if (scan.impossible.length) return `impossible ${scan.impossible[0]}`;
  const p = scan.periods[0];
  if (!p) return scan.unreadable.length ? `unreadable ${scan.unreadable[0]}` : 'none';
  return [p.from, p.to];
}

/** The day a logged activity is filed on. */
const logged = (text: string, now: string): string | undefined => {
  const r = readMessage(text, now, taxonomy);
  return r.intent === 'log' ? r.activity.date : r.intent;
};

// 2026-12-01 is a Tuesday: its week runs Monday 11-30 to Sunday 12-06.
const NOW = '2026-12-01';

describe('relative days, weeks and months, in both scripts', () => {
  it.each([
    ['今天', '2026-12-01'], ['今日', '2026-12-01'], ['今早', '2026-12-01'], ['今晚', '2026-12-01'],
    ['明天', '2026-12-02'], ['明日', '2026-12-02'], ['明早', '2026-12-02'], ['后天', '2026-12-03'], ['後天', '2026-12-03'],
    ['大后天', '2026-12-04'], ['大後天', '2026-12-04'], ['昨天', '2026-11-30'], ['昨晚', '2026-11-30'], ['前天', '2026-11-29'],
    ['大前天', '2026-11-28'], ['3天前', '2026-11-28'], ['三天后', '2026-12-04'], ['三天後', '2026-12-04'],
    ['2周前', '2026-11-17'], ['两个星期前', '2026-11-17'], ['2礼拜前', '2026-11-17'], ['2禮拜前', '2026-11-17'],
    ['一周后', '2026-12-08'], ['3个月前', '2026-09-01'], ['3個月前', '2026-09-01'], ['1小时前', '2026-12-01'],
    ['本周三', '2026-12-02'], ['这周五', '2026-12-04'], ['這週五', '2026-12-04'], ['上周三', '2026-11-25'],
    ['上週三', '2026-11-25'], ['上个礼拜三', '2026-11-25'], ['上個禮拜三', '2026-11-25'], ['上上周五', '2026-11-20'],
    ['上上上周三', '2026-11-11'], ['下周五', '2026-12-11'], ['下週五', '2026-12-11'], ['下个星期一', '2026-12-07'],
    ['下下周一', '2026-12-14'], ['下下週一', '2026-12-14'], ['本月5号', '2026-12-05'], ['上个月3号', '2026-11-03'],
    ['上個月3號', '2026-11-03'], ['下个月10日', '2027-01-10'],
  ])('%s → %s', (words, day) => {
    expect(read(words, NOW)).toEqual([day, day]);
  });

  it.each([
    ['下周', '2026-12-07', '2026-12-13'], ['下週', '2026-12-07', '2026-12-13'], ['上上上周', '2026-11-09', '2026-11-15'],
    ['下个月', '2027-01-01', '2027-01-31'], ['下個月', '2027-01-01', '2027-01-31'], ['上周末', '2026-11-28', '2026-11-29'],
    ['下季度', '2027-01-01', '2027-03-31'], ['明年', '2027-01-01', '2027-12-31'], ['五日内', '2026-11-27', '2026-12-01'],
    ['两个礼拜内', '2026-11-18', '2026-12-01'], ['兩個禮拜內', '2026-11-18', '2026-12-01'], ['1个月之内', '2026-11-01', '2026-12-01'],
  ])('%s → %s … %s', (words, from, to) => {
    expect(read(words, NOW)).toEqual([from, to]);
  });
});

describe('written dates: Chinese numerals with 零/〇/廿/卅, 號, and a year before a comma', () => {
  it.each([
    ['二零二六年十一月廿六日', '2026-11-26'], ['二〇二六年十一月廿六日', '2026-11-26'], ['十一月卅日', '2026-11-30'],
    ['二零一六年，九月三号', '2016-09-03'], ['二零一六年，九月三號', '2016-09-03'], ['2016年09月03号', '2016-09-03'],
    ['2016年9月3號', '2016-09-03'], ['二〇二五年十二月三十一日', '2025-12-31'], ['2023-10-26 10:30:00', '2023-10-26'],
    ['六月四日3:00am', '2026-06-04'], ['3月17日 20点15', '2026-03-17'], ['昨晚8点', '2026-11-30'], ['前天下午三点', '2026-11-29'],
    ['大后天晚上9点30分', '2026-12-04'], ['上个礼拜五16时', '2026-11-27'], ['下星期六凌晨1点30分廿九秒', '2026-12-12'],
  ])('%s → %s', (words, day) => {
    expect(read(words, NOW)).toEqual([day, day]);
  });
});

describe('ranges: A-B, A至B, A到B, A~B, 从A到B, A以来, A至今, 三季度到现在', () => {
  it.each([
    ['2016年9月3号-2017年10月24号', '2016-09-03', '2017-10-24'], ['2016年9月3號-2017年10月24號', '2016-09-03', '2017-10-24'],
    ['二零一六年九月三号ー2017年10月24号', '2016-09-03', '2017-10-24'], ['今天 - 下周五', '2026-12-01', '2026-12-11'],
    ['11月3日到11月20日', '2026-11-03', '2026-11-20'], ['11月3日至20日', '2026-11-03', '2026-11-20'],
    ['11月3日~11月20日', '2026-11-03', '2026-11-20'], ['从11月3日到11月20日', '2026-11-03', '2026-11-20'],
    ['9月3日至5日', '2026-09-03', '2026-09-05'], ['今年三季度到现在', '2026-07-01', '2026-12-01'],
    ['三季度到现在', '2026-07-01', '2026-12-01'], ['3月以来', '2026-03-01', '2026-12-01'], ['2025年10月至今', '2025-10-01', '2026-12-01'],
    ['从3月到5月', '2026-03-01', '2026-05-31'],
    // Asked on 2026-12-01, the 30th of December still to come means last year's; the range runs into January.
    ['12月30日至1月2日', '2025-12-30', '2026-01-02'],
  ])('%s → %s … %s', (words, from, to) => {
    expect(read(words, NOW)).toEqual([from, to]);
  });
});

describe('impossible dates are refused, unreadable ones asked about: never today', () => {
  it.each([
    ['13月5日', 'impossible'], ['2月30日', 'impossible'], ['今年第五季度', 'impossible'], ['2023年0月', 'impossible'],
    ['0月', 'impossible'], ['3月32日', 'impossible'], ['星期八', 'impossible'], ['十三月五日', 'impossible'],
    ['元旦', 'unreadable'], ['国庆期间', 'unreadable'], ['11月底', 'month'], ['前几天', 'unreadable'], ['下旬', 'unreadable'],
    ['六一', 'unreadable'], ['全年', 'unreadable'], ['下半月', 'unreadable'], ['7月份上半月', 'unreadable'], ['头两个月', 'unreadable'],
  ])('%s → %s', (words, kind) => {
    const scan = scanTime(words, NOW);
    if (kind === 'impossible') expect(scan.impossible.length, words).toBeGreaterThan(0);
    else expect(scan.unreadable.length, words).toBeGreaterThan(0);
  });

  it.each([
    '13月5日组织代表视察了学校食堂', '2月30日召开了主任会议', '上周组织代表视察了河道治理', '11月底开展了执法检查',
    '元旦组织开展了走访慰问', '前几天去开发区调研了', '上個禮拜開展了代表接待選民活動', '六一组织代表走访了幼儿园',
    // A range whose far end no rule reads is not its first day alone.
    '6月12日到月底开展执法检查', '6月12日至下旬开展执法检查',
    // This year has no 2月29日: last leap year's (a year and more back) or a slip for 2月28日 is the person's to say.
    '2月29日召开了党组会议',
  ])('a log of "%s" is a question, not an entry on today', (text) => {
    expect(readMessage(text, NOW, taxonomy).intent).toBe('unclear');
  });
});

describe('the nearest reading for a logged date without a year, around year ends', () => {
  it.each([
    ['12月28日召开了常委会会议', '2026-01-15', '2025-12-28'],
    ['12月20日组织代表视察学校食堂', '2026-12-01', '2026-12-20'],
    ['1月3日召开了党组会议', '2026-12-20', '2027-01-03'],
    ['1月3日召开了党组会议', '2026-11-01', '2027-01-03'], // nearer ahead than back: asked before it is stored
    ['12月31日召开了党组会议', '2027-01-01', '2026-12-31'],
    ['28号召开了党组会议', '2026-12-01', '2026-11-28'],
    ['5号召开了党组会议', '2026-12-01', '2026-12-05'],
    ['周一开了主任会', '2026-12-04', '2026-11-30'],
    ['周一要开主任会', '2026-12-04', '2026-12-07'],
  ])('%s said on %s is %s', (text, now, day) => {
    expect(logged(text, now)).toBe(day);
  });

  it('上旬/中旬/下旬 are ten-day stretches, and a period up to a month\'s end runs from its year\'s start', () => {
    expect(read('6月上旬', '2023-07-05')).toEqual(['2023-06-01', '2023-06-10']);
    expect(read('本月中旬', '2023-07-05')).toEqual(['2023-07-11', '2023-07-20']);
    expect(read('2024年2月下旬', '2024-07-05')).toEqual(['2024-02-21', '2024-02-29']);
    expect(read('截至6月底', '2023-07-05')).toEqual(['2023-01-01', '2023-06-30']);
    expect(read('截止到6月30日', '2023-07-05')).toEqual(['2023-01-01', '2023-06-30']);
    expect(read('6月底前', '2023-07-05')).toEqual(['2023-01-01', '2023-06-30']);
    expect(read('2022年截至9月底', '2023-07-05')).toEqual(['2022-01-01', '2022-09-30']);
    expect(read('3月到6月底', '2023-07-05')).toEqual(['2023-03-01', '2023-06-30']);
  });

  it('中下旬, 头两个月, 5、6两个月 and 5月1日以后 are the stretches they name, never the whole month, year or all time', () => {
    expect(read('6月中下旬', '2023-07-05')).toEqual(['2023-06-11', '2023-06-30']);
    expect(read('本月上中旬', '2023-07-25')).toEqual(['2023-07-01', '2023-07-20']);
    expect(read('今年头两个月', '2023-07-05')).toEqual(['2023-01-01', '2023-02-28']);
    expect(read('5、6两个月', '2023-07-05')).toEqual(['2023-05-01', '2023-06-30']);
    expect(read('2022年4、5、6月', '2023-07-05')).toEqual(['2022-04-01', '2022-06-30']);
    expect(read('5月1日以后', '2023-07-05')).toEqual(['2023-05-01', '2023-07-05']);
    expect(read('自6月起', '2023-07-05')).toEqual(['2023-06-01', '2023-07-05']);
    expect(readMessage('从6月1日开始视察了几次', '2023-07-05', taxonomy)).toMatchObject({ intent: 'count', from: '2023-06-01', to: '2023-07-05' });
    expect(readMessage('6月1日开始的视察有几次', '2023-07-05', taxonomy)).toMatchObject({ intent: 'count', from: '2023-06-01', to: '2023-07-05' });
    expect(readMessage('6月1日开始的视察有几次', '2023-07-05', taxonomy)).not.toHaveProperty('about');
    // 5月、6月 with 月 on each stays two periods, counted one by one.
    expect(scanTime('5月、6月', '2023-07-05').periods).toHaveLength(2);
  });

  it('3、7月, 6月以前 and 6月12日前 are asked about, never read as 7月, June or 12 June', () => {
    for (const text of ['3、7月视察了几次', '6月份以前视察了几次', '6月12日前组织代表视察了防汛工作', '6月12日左右组织代表视察了防汛工作']) {
      expect(readMessage(text, '2023-07-05', taxonomy), text).toMatchObject({ intent: 'unclear', settled: true });
    }
    expect(readMessage('6月12日前往XX街道调研基层治理', '2023-07-05', taxonomy)).toMatchObject({ intent: 'log', activity: { date: '2023-06-12' } });
    expect(readMessage('6月12日起草了视察报告', '2023-07-05', taxonomy)).toMatchObject({ intent: 'log', activity: { date: '2023-06-12' } });
  });

  it('a count over 6月底 or 6月初 is asked about, not counted over the whole month', () => {
    for (const text of ['6月底视察了几次', '6月初调研了几次', '列出6月底的视察']) {
      expect(readMessage(text, '2023-07-05', taxonomy)).toMatchObject({ intent: 'unclear', question: expect.stringContaining('6月') });
    }
    expect(readMessage('今年截至6月底视察了几次', '2023-07-05', taxonomy)).toMatchObject({ intent: 'count', from: '2023-01-01', to: '2023-06-30' });
  });

  it('a day\'s week or month is that whole week or month, and a weekday of that week is its day', () => {
    // 2024-06-12 is a Wednesday: its week runs 06-10 to 06-16.
    expect(read('6月12日那周', '2024-06-20')).toEqual(['2024-06-10', '2024-06-16']);
    expect(read('6月12日所在的那个月', '2024-06-20')).toEqual(['2024-06-01', '2024-06-30']);
    expect(logged('6月12日那周的周五召开了主任会议', '2024-06-20')).toBe('2024-06-14');
    expect(logged('6月12日那个星期一视察了安全生产', '2024-06-20')).toBe('2024-06-10');
    // A week is no day to file an entry on: the person is asked.
    expect(logged('6月12日那周视察了安全生产', '2024-06-20')).toBe('unclear');
  });

  it('two days and one deed: each its own entry with 分别, else a question', () => {
    const each = readMessage('上周三和上周五分别视察了两所学校', NOW, taxonomy);
    expect(each.intent === 'log' && each.activities.map((a) => a.date)).toEqual(['2026-11-25', '2026-11-27']);
    expect(readMessage('11月12日、13日视察了学校', NOW, taxonomy).intent).toBe('unclear');
    expect(readMessage('几个月之内视察了几次', NOW, taxonomy).intent).toBe('unclear');
  });

  it('weekdays listed after a named week stay in that week; bare ones in different weeks are asked about', () => {
    const dates = (text: string) => {
      const r = readMessage(text, '2023-07-05', taxonomy); // a Wednesday
      return r.intent === 'log' ? r.activities.map((a) => a.date) : r.intent;
    };
    expect(dates('上周一、周三、周五分别视察了学校、医院和养老院')).toEqual(['2023-06-26', '2023-06-28', '2023-06-30']);
    expect(dates('周一和周二分别视察了学校和医院')).toEqual(['2023-07-03', '2023-07-04']);
    // On a Wednesday this week's Friday is still to come: which week is the person's to say.
    expect(dates('周一、周三、周五分别视察了学校、医院和养老院')).toBe('unclear');
    expect(dates('上周五和周一分别视察了学校和医院')).toBe('unclear');
  });

  it('a multi-day activity without a year keeps both ends in the nearest reading, and offers last year\'s', () => {
    expect(readMessage('12月5日至7日组织代表开展执法检查', NOW, taxonomy)).toMatchObject({
      intent: 'log', activity: { date: '2026-12-05', to: '2026-12-07', earlier: '2025-12-05' },
    });
  });

  it('a question keeps meaning the past: 11月份视察了几次 on 2026-01-15 is November 2025', () => {
    expect(readMessage('11月份视察了几次', '2026-01-15', taxonomy)).toEqual({
      intent: 'count', kinds: ['inspection'], from: '2025-11-01', to: '2025-11-30',
    });
  });
});

/** The meaning a set line is scored on (as ../shared/eval/activity.mjs scores it). */
function meaning(r: Reading | Record<string, unknown>): string {
  const x = r as Record<string, any>;
  if (x.intent === 'log') return `log ${x.activity.kind} ${x.activity.date}`;
  if (x.intent === 'count' || x.intent === 'list') return `${x.intent} ${[...x.kinds].sort().join(',')} ${x.from} ${x.to}`;
  return x.intent;
}

for (const set of ['date-forms', 'issue-cases', 'secretary-phrasings']) {
  describe(`whole messages: fixtures/${set}.jsonl`, () => {
    const lines = readFileSync(new URL(`../fixtures/messages/${set}.jsonl`, import.meta.url), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    it.each(lines.map((l) => [l.id, l.now, l.text, l]))('%s (%s) %s', (_id, now, text, line) => {
      expect(meaning(readMessage(text, now, taxonomy))).toBe(meaning(line.expect));
    });
  });
}
