/**
 * Recognising the structure of Chinese official documents line by line: Markdown headings,
 * 编/章/节 and 第X条 in laws and rules, 一、（一）1.（1） in reports.
 */

/** Chinese or Arabic numerals as they appear in 第X条 and 一、. */
const NUM = '[〇零一二三四五六七八九十百千两\\d]+';

const MARKDOWN_HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const DIVISION = new RegExp(`^(第${NUM}([编章节]))(?:[\\s\\u3000]*)(.*)$`);
/** 第X条 followed by a space, the end of the line, or text that is not a reference (第五条规定…). */
const ARTICLE = new RegExp(`^(第${NUM}条(?:之[一二三四五六七八九十\\d]+)?)(?:[\\s\\u3000]+|$|(?![规的所至、和或中第及款项]))`);
const REPORT_NUMBERING: ReadonlyArray<{ rank: number; pattern: RegExp }> = [
  { rank: 7, pattern: /^[一二三四五六七八九十百]+[、．.]/ },
  { rank: 8, pattern: /^[（(][一二三四五六七八九十百]+[）)]/ },
  { rank: 9, pattern: /^\d{1,2}(?:[、．]|\.(?!\d))/ },
  { rank: 10, pattern: /^[（(]\d{1,2}[）)]/ },
];
const DIVISION_RANK: Readonly<Record<string, number>> = { 编: 2, 章: 3, 节: 4 };

/** Longest line still read as a heading of its own rather than a paragraph. */
const HEADING_MAX = 40;

/** A heading: `rank` orders nesting (smaller is outer); `label` is what a citation shows. */
export interface Heading {
  readonly rank: number;
  /** Short form for locations: `第三章`, `二、…`, a Markdown heading's text. */
  readonly label: string;
  /** Full heading text for context: `第三章 听取和审议报告`. */
  readonly text: string;
  /** Where it came from: a Markdown `#` line, a 编/章/节 line, or report numbering (一、（一）1.). */
  readonly source: 'markdown' | 'division' | 'numbering';
  /** 编/章/节 of a law. */
  readonly division?: '编' | '章' | '节';
}

/** One classified line. */
export type StructuredLine =
  | { readonly kind: 'heading'; readonly heading: Heading }
  | { readonly kind: 'article'; readonly label: string; readonly text: string }
  /** Body text; `heading` when the paragraph opens with a numbered heading of its own (（一）着力…。正文…). */
  | { readonly kind: 'paragraph'; readonly text: string; readonly heading?: Heading };

/** Classify one trimmed, non-empty line. */
export function classifyLine(raw: string): StructuredLine {
  const line = raw.replace(/^\*\*(第[^*]{1,12}条)\*\*/, '$1');
  const markdown = MARKDOWN_HEADING.exec(line);
  if (markdown) {
    const text = tidyHeading(markdown[2].replace(/[*_`]/g, ''));
    const division = DIVISION.exec(text);
    if (division) return { kind: 'heading', heading: divisionHeading(division) };
    // Nesting follows the Markdown level, whatever numbering the heading text carries.
    return { kind: 'heading', heading: { rank: markdown[1].length, label: shorten(text), text, source: 'markdown' } };
  }
  const division = DIVISION.exec(line);
  if (division && line.length <= HEADING_MAX && !/[。；]$/.test(line)) {
    return { kind: 'heading', heading: divisionHeading(division) };
  }
  const article = ARTICLE.exec(line);
  if (article) return { kind: 'article', label: article[1], text: line };
  for (const { rank, pattern } of REPORT_NUMBERING) {
    if (!pattern.test(line)) continue;
    if (isHeadingOnly(line)) {
      const text = tidyHeading(line.replace(/[：:]$/, ''));
      return { kind: 'heading', heading: { rank, label: shorten(text), text, source: 'numbering' } };
    }
    // 1. and （1） items are list entries inside a section, not sections of their own.
    if (rank >= 9) break;
    const lead = leadSentence(line);
    // （一）着力…。<body> opens a section; a one-sentence item (…；) is only a list entry.
    if (!lead) break;
    return { kind: 'paragraph', text: line, heading: { rank, label: shorten(lead), text: lead, source: 'numbering' } };
  }
  return { kind: 'paragraph', text: line };
}

function divisionHeading(match: RegExpExecArray): Heading {
  const label = match[1];
  const name = tidyHeading(match[3] ?? '');
  const division = match[2] as '编' | '章' | '节';
  return { rank: DIVISION_RANK[division], label, text: name ? `${label} ${name}` : label, division, source: 'division' };
}

/** A numbered line that is only a heading: short and not a sentence. */
function isHeadingOnly(line: string): boolean {
  return line.length <= HEADING_MAX && !/[。！？；]/.test(line.slice(0, -1)) && !/[。；，]$/.test(line);
}

/**
 * The heading a numbered paragraph opens with — its first sentence — when a body follows it;
 * undefined when the paragraph is a single sentence or item.
 */
function leadSentence(line: string): string | undefined {
  const end = line.search(/[。！？]/);
  if (end <= 0 || end > 60 || line.length - end - 1 < 10) return undefined;
  return tidyHeading(line.slice(0, end));
}

/** `第一章　总　则` → `第一章 总则`: spacing between Chinese characters is layout, not content. */
export function tidyHeading(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, ' ')
    .replace(/([\u4e00-\u9fff]) (?=[\u4e00-\u9fff])/g, (match, ch: string, offset: number, whole: string) =>
      // Keep the space after a 第X章 label; drop spaces inside the name (总 则).
      /第[〇零一二三四五六七八九十百千两\d]+[编章节条]$/.test(whole.slice(0, offset + 1)) ? match : ch,
    )
    .trim();
}

/** Citation-length form of a heading. */
export function shorten(text: string, max = 30): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
