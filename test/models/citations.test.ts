import { describe, expect, it } from 'vitest';
import { checkCitations } from '../../src/models/index.ts';
import { isNonsense } from '../../src/knowledge/answering/model-answerer.ts';

describe('citation check', () => {
  it('keeps citations of given passages and removes the others', () => {
    expect(checkCitations('每两个月一次 [1]，由主任召集 [4]。', 3)).toEqual({ text: '每两个月一次 [1]，由主任召集。', cited: [1], dropped: [4] });
  });

  it('reads the forms models write: [1,2], [1、3], 【2】, full-width brackets', () => {
    const check = checkCitations('甲[1,2]乙【2】丙［3］丁[1、5]', 3);
    expect(check.text).toBe('甲[1][2]乙[2]丙[3]丁[1]');
    expect(check.cited).toEqual([1, 2, 3]);
    expect(check.dropped).toEqual([5]);
  });

  it('leaves numbers that are not citations alone', () => {
    const text = '依据〔2023〕5号文件和[2023]年度计划，第0项除外';
    expect(checkCitations(text, 3).text).toBe(text);
  });

  it('treats [0] as invented', () => {
    expect(checkCitations('见 [0]', 2)).toMatchObject({ cited: [], dropped: [0] });
  });
});

describe('nonsense check', () => {
  it.each(['', ' ', '。', '？！……', '\uFFFD\uFFFD\uFFFD啊'])('rejects %j', (text) => expect(isNonsense(text)).toBe(true));
  it.each(['一般每两个月一次 [1]。', '所给资料中没有找到明确规定。', 'OK'])('accepts %j', (text) => expect(isNonsense(text)).toBe(false));
});
