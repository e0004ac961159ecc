import { describe, expect, it } from 'vitest';
import { dayInWords, normalizeDate, periodInWords } from '../../src/time/index.ts';
import { parseCsv, formatCsv, decodeCsv } from '../../src/log/csv.ts';

describe('dates in the log', () => {
  it.each([
    ['2023-06-12', '2023-06-12'], ['2023-6-2', '2023-06-02'], ['2023/6/12', '2023-06-12'],
    ['2023.06.12', '2023-06-12'], ['2023年6月12日', '2023-06-12'], ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'], ['2023-12-31', '2023-12-31'],
  ])('reads %s as %s', (written, iso) => expect(normalizeDate(written)).toBe(iso));

  it.each(['2023-02-30', '2023-02-29', '1900-02-29', '2023-04-31', '2023-13-01', '2023-00-10', '2023-06-00', '23-06-12', '6月12日', '', 'yesterday'])(
    'rejects %j', (written) => expect(normalizeDate(written)).toBeUndefined());

  it.each([
    ['2023-01-01', '2023-06-30', '2023年上半年'], ['2023-07-01', '2023-12-31', '2023年下半年'],
    ['2023-01-01', '2023-12-31', '2023年'], ['2024-02-01', '2024-02-29', '2024年2月'],
    ['2023-04-01', '2023-06-30', '2023年第二季度'], ['2023-01-01', '2023-08-31', '2023年1月至8月'],
    ['2023-01-05', '2023-06-30', '2023年1月5日至6月30日'], ['2022-12-01', '2023-01-15', '2022年12月1日至2023年1月15日'],
    ['2023-06-12', '2023-06-12', '2023年6月12日'], [null, null, '全部记录中'], ['2023-07-01', null, '2023年7月1日以来'],
  ])('describes %s..%s as %s', (from, to, words) => expect(periodInWords(from, to)).toBe(words));

  it('names the year only when it is not the current one', () => {
    expect(dayInWords('2023-06-12', 2023)).toBe('6月12日');
    expect(dayInWords('2022-06-12', 2023)).toBe('2022年6月12日');
  });
});

describe('CSV', () => {
  it('reads quotes, doubled quotes, commas and line breaks inside fields, CRLF and blank lines', () => {
    const text = 'a,b\r\n"x, y","say ""hi"""\r\n\r\n"two\nlines",z\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 4, cells: ['two\nlines', 'z'] },
    ]);
  });

  it('writes what it reads', () => {
    const rows = [['date', 'title'], ['2023-06-12', '听取"十四五"规划, 中期评估'], ['2023-06-13', ' 前后空格 ']];
    expect(parseCsv(formatCsv(rows)).map((r) => r.cells)).toEqual(rows);
  });

  it('drops a UTF-8 BOM', () => {
    expect(decodeCsv(Buffer.from('\uFEFF日期', 'utf8'))).toBe('日期');
  });
});
