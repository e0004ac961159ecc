/** Picks a document's human title from its own text, falling back to the file name. */
import { basename, extname } from 'node:path';

const MARKDOWN_HEADING = /^#{1,6}\s+(.+?)\s*#*\s*$/;
const TRAILING_PUNCTUATION = /[。：:，,；;！!？?、]$/;
const DATE_OR_NUMBER = /^[\d\s年月日.\-/:：]+$/;
/** A numbered section heading (一、 （一） 1. 第X章) names a part, never the whole document. */
const SECTION_NUMBER = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|第[一二三四五六七八九十百\d]+[编章节条])/;

/** The file name without its extension: the title of last resort. */
export function titleFromFileName(path: string): string {
  return basename(path, extname(path));
}

/**
 * The first Markdown heading, else the first short line that reads like a title
 * (`中华人民共和国全国人民代表大会常务委员会议事规则`), else the file name.
 * Only the opening lines are looked at: a title stands at the top.
 */
export function findTitle(text: string, path: string): string {
  const lines = stripFrontMatter(text)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  for (const line of lines.slice(0, 40)) {
    const heading = MARKDOWN_HEADING.exec(line);
    if (heading) return tidy(heading[1]);
  }
  for (const line of lines.slice(0, 12)) {
    const candidate = tidy(line);
    // Very short lines are web debris (下载, 打印) or a page number; long ones are body text.
    if (candidate.length < 5 || candidate.length > 60) continue;
    if (TRAILING_PUNCTUATION.test(candidate) || DATE_OR_NUMBER.test(candidate)) continue;
    if (/[。！？]/.test(candidate) || SECTION_NUMBER.test(candidate)) continue;
    return candidate;
  }
  return titleFromFileName(path);
}

/** Drop HTML comments and a YAML front-matter block, which are never the title. */
export function stripFrontMatter(text: string): string {
  let out = text.replace(/<!--[\s\S]*?-->/g, '');
  const yaml = /^\s*---\n[\s\S]*?\n---\s*\n/.exec(out);
  if (yaml) out = out.slice(yaml[0].length);
  return out;
}

function tidy(line: string): string {
  return line.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
}
