/** Which titles are versions of one rule: revision marks are removed, years of reports are not. */
import { describe, expect, it } from 'vitest';
import { editionOf } from '../../src/knowledge/index.ts';

describe('editionOf', () => {
  it('puts revisions of one law in one family, ordered by the year of the revision', () => {
    expect(editionOf('中华人民共和国代表法（2015年修正）')).toEqual({ family: '中华人民共和国代表法', year: 2015 });
    expect(editionOf('中华人民共和国代表法(2010 修正)')).toEqual({ family: '中华人民共和国代表法', year: 2010 });
    expect(editionOf('《中华人民共和国代表法》')).toEqual({ family: '中华人民共和国代表法', year: 0 });
    expect(editionOf('议事规则（二〇二一年修订）')).toEqual({ family: '议事规则', year: 2021 });
    expect(editionOf('工作规则2019年版').family).toBe(editionOf('工作规则（2019版）').family);
  });

  it('keeps reports of different years and titles without a revision mark apart', () => {
    expect(editionOf('2023年工作报告').family).not.toBe(editionOf('2024年工作报告').family);
    expect(editionOf('区人大常委会工作报告（2023年）').family).not.toBe(editionOf('区人大常委会工作报告（2024年）').family);
  });
});
