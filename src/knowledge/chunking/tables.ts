/**
 * Tables in passages: the loaders write a table as `| a | b | c |` lines. A table is kept whole
 * with its caption where it fits; a larger one is cut between rows only, and every part repeats
 * the caption and the header row, so a question about one cell finds a passage that holds its
 * row, its column names and what the table is.
 */
import { packEvenly } from './sentences.ts';

/** A line the loaders wrote for one table row. */
export function isTableRow(line: string): boolean {
  return line.length >= 3 && line.startsWith('|') && line.endsWith('|');
}

/**
 * A line that reads as a table's caption when it stands right above the table: short, and not a
 * sentence (`表1 视察活动安排表`, `2024年重点工作安排：`, `附件2`).
 */
export function isCaption(line: string): boolean {
  return line.length <= 60 && !/[。；;！？!?]$/.test(line) && !isTableRow(line);
}

/** The passages of one table: caption and header row on top of each, rows never cut apart. */
export function tableParts(caption: string | undefined, rows: readonly string[], max: number): string[] {
  const header = rows.length > 1 ? rows[0] : undefined;
  const body = header ? rows.slice(1) : rows;
  const top = [caption, header].filter((line): line is string => !!line);
  const room = Math.max(max - top.join('\n').length - 1, Math.floor(max / 2));
  return packEvenly(body, room, '\n').map((part) => [...top, part].join('\n'));
}
