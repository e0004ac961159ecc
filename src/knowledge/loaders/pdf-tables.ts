/**
 * Ruled tables in PDFs: pdf-parse's getTable finds grids drawn with lines and fills their cells;
 * the page text has the same words as run-on lines (`安全生产专题视察 6月12日 城建环保工委`). Where
 * a table's characters make up a run of whole lines, those lines are replaced by its rows
 * (`| 安全生产专题视察 | 6月12日 | 城建环保工委 |`), so the chunker can keep the table together.
 */
import { tableRow } from './table-row.ts';

/** A table as getTable gives it: rows of cell texts. */
export type PdfTable = ReadonlyArray<readonly string[]>;

const squash = (text: string) => text.replace(/\s+/g, '');

/**
 * Replace, in one page's text, the lines that hold each table's characters (and nothing else)
 * with the table's rows. A table whose words cannot be found that way leaves the text as it was.
 */
export function putTablesInText(text: string, tables: readonly PdfTable[]): string {
  let lines = text.split('\n');
  for (const table of tables) {
    const rows = table.map((cells) => tableRow(cells)).filter(Boolean);
    const words = squash(table.map((cells) => cells.join('')).join(''));
    if (rows.length < 2 || words.length === 0) continue;
    const run = findRun(lines, words);
    if (run) lines = [...lines.slice(0, run.start), ...rows, ...lines.slice(run.end)];
  }
  return lines.join('\n');
}

/**
 * The first run of whole lines holding exactly the characters of `words`, in any order: a cell
 * that wraps puts part of its text on the next line, after the other cells of the row.
 */
function findRun(lines: readonly string[], words: string): { start: number; end: number } | undefined {
  const wanted = new Map<string, number>();
  for (const ch of words) wanted.set(ch, (wanted.get(ch) ?? 0) + 1);
  for (let start = 0; start < lines.length; start++) {
    const left = new Map(wanted);
    let remaining = [...words].length;
    for (let end = start; end < lines.length; end++) {
      let fits = true;
      for (const ch of squash(lines[end])) {
        const count = left.get(ch) ?? 0;
        if (count === 0) {
          fits = false;
          break;
        }
        left.set(ch, count - 1);
        remaining--;
      }
      if (!fits || (end === start && remaining === [...words].length)) break;
      if (remaining === 0) return { start, end: end + 1 };
    }
  }
  return undefined;
}
