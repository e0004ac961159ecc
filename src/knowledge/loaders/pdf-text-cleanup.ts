/**
 * Turns the raw lines pdf.js gives for each page into readable text: lines broken only
 * because the page was narrow are joined again (with no space between Chinese characters),
 * and page furniture — bare page numbers, a running header repeated on every page — goes.
 */

/** Lines that are only a page number: `3`, `- 3 -`, `第 3 页`, `第3页 共10页`, `3/10`. */
const PAGE_NUMBER =
  /^[-—–~·\s]*(?:第\s*\d+\s*页(?:\s*[,，/／]?\s*共\s*\d+\s*页)?|\d{1,4}(?:\s*[/／]\s*\d{1,4})?|[ivxlcdm]{1,6}|page\s*\d+(?:\s*of\s*\d+)?)[-—–~·\s]*$/i;

/** A line that starts a new unit of structure (a table row among them), never glued onto the line before. */
const STRUCTURE_START =
  /^(?:\|.*\|$|#{1,6}\s|第[一二三四五六七八九十百千零〇两\d]+[编章节条款]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|[—–-]{2}|[●•·■□◆▪\-*]\s)/;

/** Sentence or clause ends after which a line break is probably a real paragraph break. */
const LINE_END = /[。！？；：!?;:”』」|]$/;

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’]/;

/** Clean every page's text together, so headers repeated across pages can be recognised. */
export function cleanPdfPages(pages: readonly string[]): string[] {
  const split = pages.map((text) =>
    text.replace(/\r\n?/g, '\n').split('\n').map((line) => unspace(line.replace(/\s+/g, ' ').trim())),
  );
  const repeated = repeatedFurniture(split);
  return split.map((lines) => joinWrappedLines(dropFurniture(lines, repeated)));
}

const SPACED_CJK = /([\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]) (?=[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef])/g;

/**
 * Justified or letter-spaced PDFs come out of pdf.js as `常 务 委 员 会`: when spaces stand
 * between most Chinese characters of a line, they are layout and go. A lone space (第一条 为了)
 * is kept.
 */
function unspace(line: string): string {
  const spaced = line.match(SPACED_CJK)?.length ?? 0;
  const cjk = line.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  return spaced >= 3 && spaced >= cjk * 0.3 ? line.replace(SPACED_CJK, '$1') : line;
}

function dropFurniture(lines: string[], repeated: Set<string>): string[] {
  const kept = lines.filter((line) => line.length > 0);
  const edge = (i: number) => i < 2 || i >= kept.length - 2;
  return kept.filter((line, i) => !(edge(i) && (PAGE_NUMBER.test(line) || repeated.has(line))));
}

/** A first or last line that recurs on at least half of three or more pages is a running header or footer. */
function repeatedFurniture(pages: string[][]): Set<string> {
  const result = new Set<string>();
  if (pages.length < 3) return result;
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const kept = lines.filter((line) => line.length > 0);
    const edges = new Set([kept[0], kept[kept.length - 1]].filter((x): x is string => !!x));
    for (const line of edges) counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  for (const [line, count] of counts) if (count >= pages.length / 2) result.add(line);
  return result;
}

/**
 * Join a line to the previous one when the previous one ran to the right margin and did not
 * end a sentence: that break came from the page width, not from the author.
 */
function joinWrappedLines(lines: string[]): string {
  if (lines.length === 0) return '';
  const widths = lines.map(displayWidth).sort((a, b) => a - b);
  // The typical full line: a high percentile, so one overlong line does not set the bar.
  const fullWidth = widths[Math.floor((widths.length - 1) * 0.9)];
  const out: string[] = [lines[0]];
  for (let i = 1; i < lines.length; i++) {
    const previous = out[out.length - 1];
    const line = lines[i];
    const wrapped =
      displayWidth(lines[i - 1]) >= fullWidth * 0.85 && !LINE_END.test(previous) && !STRUCTURE_START.test(line);
    if (wrapped) out[out.length - 1] = glue(previous, line);
    else out.push(line);
  }
  return out.join('\n');
}

function glue(left: string, right: string): string {
  const a = left[left.length - 1];
  const b = right[0];
  if (CJK.test(a) || CJK.test(b)) return left + right;
  if (a === '-' && /[a-z]/i.test(b)) return left.slice(0, -1) + right;
  return `${left} ${right}`;
}

/** Width in half-width units: a Chinese character counts twice. */
function displayWidth(line: string): number {
  let width = 0;
  for (const ch of line) width += CJK.test(ch) ? 2 : 1;
  return width;
}
