/** How every loader writes one table row, so the chunker can keep tables whole (chunk-tables.ts). */

/** `| 项目 | 时间 | 责任单位 |`; a row of only empty cells is '' (dropped as a blank line). */
export function tableRow(cells: readonly string[]): string {
  const tidy = cells.map((cell) => cell.replace(/\s+/g, ' ').replace(/\|/g, '｜').trim());
  return tidy.some((cell) => cell.length > 0) ? `| ${tidy.join(' | ')} |` : '';
}
