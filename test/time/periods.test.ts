import { describe, expect, it } from 'vitest';
import { findPeriod, findPeriods, scanTime } from '../../src/time/periods.ts';

/** The period a message names, as [from, to]. */
const period = (words: string, now: string): [string, string] | undefined => {
  const p = findPeriod(words, now);
  return p ? [p.from, p.to] : undefined;
};

describe('the period table of CONTRACTS.md, row by row', () => {
  it('今天 / 昨天 / 前天 are N, N-1, N-2', () => {
    expect(period('今天', '2024-03-01')).toEqual(['2024-03-01', '2024-03-01']);
    expect(period('昨天', '2024-03-01')).toEqual(['2024-02-29', '2024-02-29']);
    expect(period('前天', '2024-03-01')).toEqual(['2024-02-28', '2024-02-28']);
    expect(period('前天', '2023-01-01')).toEqual(['2022-12-30', '2022-12-30']);
  });

  it('本周 / 这周 run Monday to Sunday of the week of N', () => {
    expect(period('本周', '2023-07-05')).toEqual(['2023-07-03', '2023-07-09']);
    expect(period('这周', '2023-07-09')).toEqual(['2023-07-03', '2023-07-09']); // a Sunday
    expect(period('这周', '2023-07-03')).toEqual(['2023-07-03', '2023-07-09']); // a Monday
  });

  it('上周 is the previous Monday to Sunday, across a year boundary too', () => {
    expect(period('上周', '2023-11-30')).toEqual(['2023-11-20', '2023-11-26']);
    expect(period('上周', '2023-01-02')).toEqual(['2022-12-26', '2023-01-01']);
    expect(period('上星期', '2024-01-03')).toEqual(['2023-12-25', '2023-12-31']);
  });

  it('上周三 is one day of last week', () => {
    expect(period('上周三', '2023-11-30')).toEqual(['2023-11-22', '2023-11-22']);
    expect(period('上周五', '2024-01-03')).toEqual(['2023-12-29', '2023-12-29']);
    expect(period('上周日', '2024-01-15')).toEqual(['2024-01-14', '2024-01-14']);
    expect(period('上星期一', '2025-02-28')).toEqual(['2025-02-17', '2025-02-17']);
  });

  it('上周一共 is last week, not its Monday', () => {
    expect(period('上周一共几次', '2023-11-30')).toEqual(['2023-11-20', '2023-11-26']);
  });

  it('本月 / 这个月 run to the last day, leap February included', () => {
    expect(period('本月', '2024-02-10')).toEqual(['2024-02-01', '2024-02-29']);
    expect(period('这个月', '2023-02-10')).toEqual(['2023-02-01', '2023-02-28']);
    expect(period('本月', '2023-12-31')).toEqual(['2023-12-01', '2023-12-31']);
  });

  it('上个月 in January is December of the year before', () => {
    expect(period('上个月', '2024-01-15')).toEqual(['2023-12-01', '2023-12-31']);
    expect(period('上个月', '2024-03-31')).toEqual(['2024-02-01', '2024-02-29']);
    expect(period('上月', '2023-07-05')).toEqual(['2023-06-01', '2023-06-30']);
  });

  it('3月 / 3月份 / 十一月 are whole months of N\'s year', () => {
    expect(period('3月', '2023-07-05')).toEqual(['2023-03-01', '2023-03-31']);
    expect(period('3月份', '2023-07-05')).toEqual(['2023-03-01', '2023-03-31']);
    expect(period('二月', '2024-07-05')).toEqual(['2024-02-01', '2024-02-29']);
    expect(period('4月份', '2023-07-05')).toEqual(['2023-04-01', '2023-04-30']);
  });

  it('no future by accident: 11月份 asked on 2024-01-15 is November 2023', () => {
    expect(period('11月份', '2024-01-15')).toEqual(['2023-11-01', '2023-11-30']);
    expect(period('十一月', '2024-01-15')).toEqual(['2023-11-01', '2023-11-30']);
    // The month we are in is not in the future.
    expect(period('1月', '2024-01-15')).toEqual(['2024-01-01', '2024-01-31']);
  });

  it('本季度 / 第二季度 / 二季度 are quarters of N\'s year', () => {
    expect(period('本季度', '2023-11-30')).toEqual(['2023-10-01', '2023-12-31']);
    expect(period('第二季度', '2023-11-30')).toEqual(['2023-04-01', '2023-06-30']);
    expect(period('二季度', '2023-11-30')).toEqual(['2023-04-01', '2023-06-30']);
    expect(period('第一季度', '2024-03-31')).toEqual(['2024-01-01', '2024-03-31']);
    expect(period('上季度', '2024-02-01')).toEqual(['2023-10-01', '2023-12-31']);
  });

  it('前三季度 and 一至三季度 run from the year\'s first quarter, never the third alone', () => {
    expect(period('前三季度', '2023-11-30')).toEqual(['2023-01-01', '2023-09-30']);
    expect(period('前两个季度', '2023-11-30')).toEqual(['2023-01-01', '2023-06-30']);
    expect(period('2022年前3季度', '2023-11-30')).toEqual(['2022-01-01', '2022-09-30']);
    expect(period('一至三季度', '2023-11-30')).toEqual(['2023-01-01', '2023-09-30']);
    expect(period('第二到第四季度', '2023-12-30')).toEqual(['2023-04-01', '2023-12-31']);
  });

  it('今年前10个月 runs from January of the year named; 前两个月 alone is asked about', () => {
    expect(period('今年前10个月', '2023-11-30')).toEqual(['2023-01-01', '2023-10-31']);
    expect(period('去年前六个月', '2023-11-30')).toEqual(['2022-01-01', '2022-06-30']);
    // The first two months of the year, or the last two? The person says which.
    expect(scanTime('前两个月视察了几次', '2023-11-30').unreadable).toEqual(['前两个月']);
  });

  it('the 一下 of 查一下 is no "next": 查一下一季度 is the first quarter, 查一下下个月 the next month', () => {
    expect(period('帮我查一下一季度视察了几次', '2023-07-05')).toEqual(['2023-01-01', '2023-03-31']);
    expect(period('列一下一月份的活动', '2023-07-05')).toEqual(['2023-01-01', '2023-01-31']);
    expect(period('统计一下下一季度', '2023-07-05')).toEqual(['2023-10-01', '2023-12-31']);
    expect(period('查一下下个月有什么活动', '2023-07-05')).toEqual(['2023-08-01', '2023-08-31']);
    expect(period('看一下下周的活动', '2023-07-05')).toEqual(['2023-07-10', '2023-07-16']);
    expect(period('下一季度', '2023-07-05')).toEqual(['2023-10-01', '2023-12-31']);
    // 统一 ends in 一 too: its 下一季度 is the next quarter.
    expect(period('统一下一季度的视察计划', '2023-07-05')).toEqual(['2023-10-01', '2023-12-31']);
  });

  it('a hyphen joins a range\'s two days (6月12日-14日, 6月12-14日), not the parts of 2023-06-14', () => {
    expect(period('6月12日-14日调研了乡村振兴', '2023-07-05')).toEqual(['2023-06-12', '2023-06-14']);
    expect(period('6月12-14日组织代表培训', '2023-07-05')).toEqual(['2023-06-12', '2023-06-14']);
    expect(period('12日-14日', '2023-07-05')).toEqual(['2023-06-12', '2023-06-14']);
    expect(period('2023-06-14日', '2023-07-05')).toEqual(['2023-06-14', '2023-06-14']);
  });

  it('neighbouring quarters listed with one 季度 are one stretch (一、二季度, 第一和第二季度); others are asked about', () => {
    expect(period('一、二季度视察几次', '2023-12-05')).toEqual(['2023-01-01', '2023-06-30']);
    expect(period('第一和第二季度视察几次', '2023-12-05')).toEqual(['2023-01-01', '2023-06-30']);
    expect(period('去年三、四季度调研了几次', '2023-12-05')).toEqual(['2022-07-01', '2022-12-31']);
    expect(scanTime('一、三季度视察几次', '2023-12-05').unreadable).toEqual(['一、三季度']);
    expect(scanTime('第一和第三季度视察几次', '2023-12-05').unreadable).toEqual(['第一和第三季度']);
  });

  it('a quarter still to come means last year\'s', () => {
    expect(period('第四季度', '2024-02-10')).toEqual(['2023-10-01', '2023-12-31']);
    expect(period('2024年第四季度', '2024-02-10')).toEqual(['2024-10-01', '2024-12-31']);
  });

  it('今年 / 去年 / 2022年 are whole years', () => {
    expect(period('今年', '2023-07-05')).toEqual(['2023-01-01', '2023-12-31']);
    expect(period('去年', '2024-01-15')).toEqual(['2023-01-01', '2023-12-31']);
    expect(period('2022年', '2024-01-15')).toEqual(['2022-01-01', '2022-12-31']);
    expect(period('二〇二二年', '2024-01-15')).toEqual(['2022-01-01', '2022-12-31']);
  });

  it('上半年 / 下半年 of N\'s year, or of a named year', () => {
    expect(period('上半年', '2023-07-05')).toEqual(['2023-01-01', '2023-06-30']);
    expect(period('下半年', '2023-11-30')).toEqual(['2023-07-01', '2023-12-31']);
    expect(period('去年上半年', '2024-01-15')).toEqual(['2023-01-01', '2023-06-30']);
    expect(period('去年下半年', '2024-01-15')).toEqual(['2023-07-01', '2023-12-31']);
    expect(period('2022年下半年', '2023-01-02')).toEqual(['2022-07-01', '2022-12-31']);
    expect(period('今年下半年', '2023-01-02')).toEqual(['2023-07-01', '2023-12-31']);
  });

  it('下半年 asked in January is the half just ended', () => {
    expect(period('下半年', '2023-01-02')).toEqual(['2022-07-01', '2022-12-31']);
  });

  it('今年以来 runs from 1 January to N', () => {
    expect(period('今年以来', '2023-01-02')).toEqual(['2023-01-01', '2023-01-02']);
    expect(period('今年以来', '2024-03-01')).toEqual(['2024-01-01', '2024-03-01']);
    expect(period('年初以来', '2024-03-01')).toEqual(['2024-01-01', '2024-03-01']);
  });

  it('近半年 / 半年来: N minus 6 months, same day number, clamped to month end', () => {
    expect(period('近半年', '2024-03-31')).toEqual(['2023-09-30', '2024-03-31']);
    expect(period('半年来', '2024-08-31')).toEqual(['2024-02-29', '2024-08-31']);
    expect(period('近半年', '2023-08-31')).toEqual(['2023-02-28', '2023-08-31']);
    expect(period('近半年', '2024-03-15')).toEqual(['2023-09-15', '2024-03-15']);
  });

  it('2024-02-29 minus 6 months is 2023-08-29; a leap day minus a year clamps', () => {
    expect(period('近半年', '2024-02-29')).toEqual(['2023-08-29', '2024-02-29']);
    expect(period('近一年', '2024-02-29')).toEqual(['2023-02-28', '2024-02-29']);
  });

  it('近一个月 / 最近一个月: N minus one month, clamped', () => {
    expect(period('近一个月', '2024-03-31')).toEqual(['2024-02-29', '2024-03-31']);
    expect(period('最近一个月', '2023-03-31')).toEqual(['2023-02-28', '2023-03-31']);
    expect(period('近一个月', '2024-01-15')).toEqual(['2023-12-15', '2024-01-15']);
  });

  it('近n天 / 最近n天: N minus (n-1) days, inclusive', () => {
    expect(period('近30天', '2023-07-05')).toEqual(['2023-06-06', '2023-07-05']);
    expect(period('最近7天', '2024-03-01')).toEqual(['2024-02-24', '2024-03-01']);
    expect(period('近三十天', '2024-01-10')).toEqual(['2023-12-12', '2024-01-10']);
    expect(period('近1天', '2024-01-10')).toEqual(['2024-01-10', '2024-01-10']);
  });
});

describe('periods beyond the table', () => {
  it('reads ranges of months and days', () => {
    expect(period('1-6月', '2023-07-05')).toEqual(['2023-01-01', '2023-06-30']);
    expect(period('今年1月到5月', '2023-07-05')).toEqual(['2023-01-01', '2023-05-31']);
    expect(period('6月1日至6月15日', '2023-07-05')).toEqual(['2023-06-01', '2023-06-15']);
  });

  it('reads 上上个月, 近两周 and two-digit years before a half', () => {
    expect(period('上上个月', '2024-01-15')).toEqual(['2023-11-01', '2023-11-30']);
    expect(period('近两周', '2023-06-20')).toEqual(['2023-06-07', '2023-06-20']);
    expect(period('23年上半年', '2024-01-15')).toEqual(['2023-01-01', '2023-06-30']);
  });

  it('does not take amounts or durations for dates', () => {
    expect(findPeriods('投资1.5亿元', '2023-07-05')).toEqual([]);
    expect(findPeriods('工作12年', '2023-07-05')).toEqual([]);
    expect(findPeriods('三分之二以上，即2/3以上', '2023-07-05')).toEqual([]);
  });

  it('reports where each expression stands, so a title can drop it', () => {
    const [p] = findPeriods('专题调研了数字经济，时间是11月16日', '2023-11-30');
    expect(p.words).toBe('11月16日');
    expect('专题调研了数字经济，时间是11月16日'.slice(p.start, p.end)).toBe('11月16日');
  });
});
