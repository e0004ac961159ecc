/** How every loader writes one table row, so the chunker can keep tables whole (chunk-tables.ts). */

const CJK_GAP = /([\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])/g;

/**
 * `| 项目 | 时间 | 责任单位 |`; a row of only empty cells is '' (dropped as a blank line). A cell's
 * own line breaks go: none between Chinese characters, one space elsewhere.
 */
export function tableRow(cells: readonly string[]): string {
  const tidy = cells.map((cell) => cell.replace(CJK_GAP, '$1').replace(/\s+/g, ' ').replace(/\|/g, '｜').trim());
  return tidy.some((cell) => cell.length > 0) ? `| ${tidy.join(' | ')} |` : '';
}
