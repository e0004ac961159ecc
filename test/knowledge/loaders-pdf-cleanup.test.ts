import { describe, expect, it } from 'vitest';
import { cleanPdfPages } from '../../src/knowledge/loaders/pdf-text-cleanup.ts';

describe('PDF text clean-up', () => {
  it('drops bare page numbers at the head or foot of a page, in their usual forms', () => {
    const pages = cleanPdfPages(['第一条 本规则自通过之日起施行。\n- 1 -', '第 2 页 共 3 页\n第二条 略。', '第三条 略。\n3/3']);
    expect(pages).toEqual(['第一条 本规则自通过之日起施行。', '第二条 略。', '第三条 略。']);
  });

  it('keeps a number that is part of the text', () => {
    expect(cleanPdfPages(['表决结果：\n同意\n25\n反对\n0\n弃权\n1\n会议通过了决议。'])[0]).toContain('\n25\n');
  });

  it('drops a running header repeated on most pages', () => {
    const pages = cleanPdfPages([
      '某区人大常委会文件\n第一条 甲。',
      '某区人大常委会文件\n第二条 乙。',
      '某区人大常委会文件\n第三条 丙。',
    ]);
    expect(pages).toEqual(['第一条 甲。', '第二条 乙。', '第三条 丙。']);
  });

  it('joins lines broken by the page width without spaces, but not before a new article', () => {
    const [page] = cleanPdfPages([
      [
        '第一条 为了规范区人民代表大会常务委员会的议事程序，保障常务委员会依法',
        '行使职权，制定本规则。',
        '第二条 常务委员会坚持民主集中制原则，依照法定职权和法定程序举行会',
        '议。',
      ].join('\n'),
    ]);
    expect(page).toBe(
      '第一条 为了规范区人民代表大会常务委员会的议事程序，保障常务委员会依法行使职权，制定本规则。\n' +
        '第二条 常务委员会坚持民主集中制原则，依照法定职权和法定程序举行会议。',
    );
  });

  it('removes letter-spacing between Chinese characters but keeps the space after 第X条', () => {
    const [page] = cleanPdfPages(['第 一 章 总 则\n第一条 为了规范议事程序，制定本规则。']);
    expect(page).toBe('第一章总则\n第一条 为了规范议事程序，制定本规则。');
  });
});
