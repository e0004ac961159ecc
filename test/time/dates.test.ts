import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isValidIsoDate, lastDayOfMonth } from '../../src/time/calendar.ts';
import { parseChineseNumber } from '../../src/time/chinese-numbers.ts';
import { findDate, scanTime } from '../../src/time/periods.ts';

const dateIn = (words: string, now: string): string | undefined => findDate(words, now)?.date;

describe('Chinese and Arabic numerals', () => {
  it('reads the numbers dates are written with', () => {
    const cases: Array<[string, number]> = [
      ['一', 1], ['十', 10], ['十二', 12], ['二十', 20], ['二十八', 28], ['三十一', 31],
      ['两', 2], ['一百一十二', 112], ['一百零五', 105], ['两千', 2000], ['12', 12], ['１２', 12],
      ['二〇二三', 2023], ['二零二二', 2022],
    ];
    for (const [written, value] of cases) expect(parseChineseNumber(written), written).toBe(value);
  });

  it('refuses what is not a number', () => {
    expect(parseChineseNumber('')).toBeUndefined();
    expect(parseChineseNumber('十百')).toBeUndefined();
    expect(parseChineseNumber('视察')).toBeUndefined();
  });
});

describe('calendar arithmetic', () => {
  it('knows month ends and leap years', () => {
    expect(lastDayOfMonth(2024, 2)).toBe(29);
    expect(lastDayOfMonth(2023, 2)).toBe(28);
    expect(lastDayOfMonth(2000, 2)).toBe(29);
    expect(lastDayOfMonth(1900, 2)).toBe(28);
    expect(lastDayOfMonth(2023, 4)).toBe(30);
  });

  it('adds months clamped to the month end, and days across years', () => {
    expect(addMonths('2024-02-29', -6)).toBe('2023-08-29');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2024-01-31', -2)).toBe('2023-11-30');
    expect(addMonths('2023-12-15', 1)).toBe('2024-01-15');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2023-01-01', -1)).toBe('2022-12-31');
  });

  it('checks ISO dates for real days', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2023-13-01')).toBe(false);
    expect(isValidIsoDate('2023-6-1')).toBe(false);
  });
});

describe('a single date for a logged activity', () => {
  it('reads 6月12日, 6月12号, 6.12, 六月十二日 in N\'s year', () => {
    for (const words of ['6月12日', '6月12号', '6.12', '六月十二日', '6月12', '06月12日', '6/12']) {
      expect(dateIn(`${words} 视察城区防汛`, '2023-07-05'), words).toBe('2023-06-12');
    }
  });

  it('reads 2023年6月12日 and ISO-like forms as written', () => {
    expect(dateIn('2023年6月12日视察', '2025-01-01')).toBe('2023-06-12');
    expect(dateIn('二〇二三年六月十二日视察', '2025-01-01')).toBe('2023-06-12');
    expect(dateIn('2023-06-12 视察', '2025-01-01')).toBe('2023-06-12');
    expect(dateIn('2023.6.12 视察', '2025-01-01')).toBe('2023-06-12');
  });

  it('keeps a date named without a year out of the future', () => {
    expect(dateIn('12月28日召开常委会会议', '2024-01-15')).toBe('2023-12-28');
    expect(dateIn('1月12日视察', '2024-01-15')).toBe('2024-01-12');
    expect(dateIn('1月15日视察', '2024-01-15')).toBe('2024-01-15');
    expect(dateIn('1月16日视察', '2024-01-15')).toBe('2023-01-16');
  });

  it('reads 2月29号 in a leap year and reports 2月30日 as impossible', () => {
    expect(dateIn('2月29号视察', '2024-03-01')).toBe('2024-02-29');
    expect(scanTime('2月30日视察', '2024-03-01').impossible).toEqual(['2月30日']);
    expect(scanTime('2023年2月29日视察', '2024-03-01').impossible).toEqual(['2023年2月29日']);
    // In a year without one, 2月29日 is not the next leap year's day (a deed reported as planned): it is asked about.
    expect(scanTime('2月29日视察了河道', '2023-07-05').impossible).toEqual(['2月29日']);
  });

  it('reads weekdays: 上周三, 上周五 across the new year, a bare 周三', () => {
    expect(dateIn('上周三视察', '2023-11-30')).toBe('2023-11-22');
    expect(dateIn('上周五党组会议', '2024-01-03')).toBe('2023-12-29');
    expect(dateIn('周三开会', '2023-11-30')).toBe('2023-11-29'); // Thursday: this Wednesday
    expect(dateIn('周五开会', '2023-11-30')).toBe('2023-11-24'); // Friday still to come: last week's
    expect(dateIn('本周二开会', '2023-11-30')).toBe('2023-11-28');
  });

  it('reads relative days and days of the month', () => {
    expect(dateIn('前天视察', '2023-01-02')).toBe('2022-12-31');
    expect(dateIn('3天前视察', '2023-01-02')).toBe('2022-12-30');
    expect(dateIn('15号开会', '2024-01-20')).toBe('2024-01-15');
    expect(dateIn('25号开会', '2024-01-20')).toBe('2023-12-25');
    expect(dateIn('上个月28号学习', '2024-03-15')).toBe('2024-02-28');
    expect(dateIn('本月3日学习', '2024-03-15')).toBe('2024-03-03');
  });

  it('finds the date wherever it stands in the message', () => {
    expect(dateIn('专题调研了全区数字经济发展情况，时间是11月16日', '2023-11-30')).toBe('2023-11-16');
  });
});
