/**
 * The chunker: a loaded document → passages of at most ~600 characters that follow the
 * document's own structure (编/章/节/条, headings, 一、（一）, pages) and say where they stand.
 * A law article is one passage wherever it fits; a long one is cut at 款/项 and sentence
 * boundaries, each part keeping the article number. Report paragraphs under one heading are
 * merged while short and cut at sentence ends while long.
 */
import { classifyLine, type Heading } from './structure.ts';
import { packEvenly, splitToFit } from './sentences.ts';
import { isCaption, isTableRow, tableParts } from './tables.ts';
import type { LoadedDocument, PassageDraft } from '../types.ts';

/** Longest passage the chunker produces, in characters. */
export const MAX_PASSAGE_CHARS = 600;

/** Short paragraphs under one heading are merged up to this length; beyond it they stand alone. */
export const MERGE_TARGET_CHARS = 400;

/** Separator between the parts of a location: `第三章 › 第五十一条`. */
export const LOCATION_SEPARATOR = ' › ';

interface Paragraph {
  readonly text: string;
  /** 1-based position among the document's paragraphs, for `第N段` citations. */
  readonly ordinal: number;
}

interface OpenArticle {
  readonly label: string;
  /** The article's first line, kept as context for parts cut from a long article. */
  readonly opening: string;
  readonly lines: string[];
  /** False when the article began on an earlier page and this stretch continues it. */
  readonly fromStart: boolean;
}

/** Cut a loaded document into passages, in document order. */
export function chunkDocument(doc: LoadedDocument): PassageDraft[] {
  return new DocumentChunker(doc).run();
}

class DocumentChunker {
  private readonly passages: PassageDraft[] = [];
  private readonly headings: Heading[] = [];
  private article: OpenArticle | undefined;
  private group: Paragraph[] = [];
  /** A table being read (`| a | b |` rows), with the caption line that stood above it. */
  private table: { caption?: string; rows: string[]; ordinal: number } | undefined;
  private ordinal = 0;
  private page: number | undefined;
  private readonly titleKey: string;

  /** A law or rules (it has 第X条): text before its first heading is the 题注 (adopted/amended dates). */
  private readonly isLaw: boolean;

  constructor(private readonly doc: LoadedDocument) {
    this.titleKey = squash(doc.title);
    this.isLaw = doc.sections.some((section) => readableLines(section.text).some((line) => classifyLine(line).kind === 'article'));
  }

  run(): PassageDraft[] {
    for (const section of this.doc.sections) {
      this.page = section.page;
      // An article cut by a page break goes on at the top of the next page.
      if (this.article) this.article = { ...this.article, lines: [], fromStart: false };
      for (const line of dropTitleLines(readableLines(section.text), this.titleKey)) this.take(line);
      this.flush();
    }
    return this.passages;
  }

  private take(line: string): void {
    if (!this.article && isTableRow(line)) return this.addTableRow(line);
    if (this.table) this.emitTable();
    const structured = classifyLine(line);
    if (structured.kind === 'heading') {
      // Report numbering inside an article is the article's 项 list, not a new section.
      if (this.article && structured.heading.source === 'numbering') return this.addToArticle(line);
      this.flush();
      this.article = undefined;
      if (structured.heading.rank <= 1 && squash(structured.heading.text) === this.titleKey) return;
      this.enter(structured.heading);
      return;
    }
    if (structured.kind === 'article') {
      this.flush();
      this.article = { label: structured.label, opening: openingWords(structured.text), lines: [line], fromStart: true };
      return;
    }
    if (this.article) return this.addToArticle(line);
    this.ordinal++;
    if (structured.heading) {
      this.flush();
      this.enter(structured.heading);
    }
    this.group.push({ text: line, ordinal: this.ordinal });
  }

  private addTableRow(line: string): void {
    if (!this.table) {
      const last = this.group[this.group.length - 1];
      const caption = last && isCaption(last.text) ? this.group.pop()!.text : undefined;
      if (this.group.length > 0) this.emitGroup(this.group);
      this.group = [];
      this.table = { caption, rows: [], ordinal: ++this.ordinal };
    }
    this.table.rows.push(line);
  }

  private emitTable(): void {
    const table = this.table!;
    this.table = undefined;
    const location = this.groupLocation() ?? `第${table.ordinal}段`;
    for (const text of tableParts(table.caption, table.rows, MAX_PASSAGE_CHARS)) this.push(text, location, this.baseContext());
  }

  private addToArticle(line: string): void {
    this.article!.lines.push(line);
  }

  private enter(heading: Heading): void {
    while (this.headings.length > 0 && this.headings[this.headings.length - 1].rank >= heading.rank) this.headings.pop();
    this.headings.push(heading);
  }

  private flush(): void {
    if (this.article && this.article.lines.length > 0) this.emitArticle(this.article);
    if (this.article) this.article.lines.length = 0;
    if (this.table) this.emitTable();
    if (this.group.length > 0) this.emitGroup(this.group);
    this.group = [];
  }

  private emitArticle(article: OpenArticle): void {
    const chapter =
      [...this.headings].reverse().find((h) => h.division === '章') ??
      [...this.headings].reverse().find((h) => h.division === '编');
    const where = this.page !== undefined ? `第${this.page}页` : chapter?.label;
    const location = where ? `${where}${LOCATION_SEPARATOR}${article.label}` : article.label;
    const parts = packEvenly(article.lines, MAX_PASSAGE_CHARS, '\n');
    parts.forEach((text, i) => {
      // A part cut from the middle of an article needs the article's opening to make sense.
      const opening = i > 0 || !article.fromStart ? article.opening : '';
      this.push(text, location, [this.baseContext(), opening].filter(Boolean).join(' '));
    });
  }

  /** Where a group of paragraphs or a table stands: its page, else its heading path. */
  private groupLocation(): string | undefined {
    if (this.page !== undefined) return `第${this.page}页`;
    return this.headings.length > 0 ? this.headings.map((h) => h.label).join(LOCATION_SEPARATOR) : undefined;
  }

  private emitGroup(paragraphs: Paragraph[]): void {
    const location = this.groupLocation();
    let buffer: Paragraph[] = [];
    const emitBuffer = () => {
      if (buffer.length === 0) return;
      this.push(buffer.map((p) => p.text).join('\n'), location ?? this.paragraphLocation(buffer[0]), this.baseContext());
      buffer = [];
    };
    for (const paragraph of paragraphs) {
      if (paragraph.text.length > MAX_PASSAGE_CHARS) {
        emitBuffer();
        const parts = packEvenly(splitToFit(paragraph.text, MAX_PASSAGE_CHARS), MAX_PASSAGE_CHARS, '');
        for (const text of parts) this.push(text, location ?? this.paragraphLocation(paragraph), this.baseContext());
        continue;
      }
      const merged = buffer.reduce((sum, p) => sum + p.text.length + 1, 0) + paragraph.text.length;
      if (buffer.length > 0 && merged > MERGE_TARGET_CHARS) emitBuffer();
      buffer.push(paragraph);
    }
    emitBuffer();
  }

  /** Where a paragraph under no heading stands: a law's 题注, or its ordinal (`第3段`). */
  private paragraphLocation(paragraph: Paragraph): string {
    return this.isLaw ? '题注' : `第${paragraph.ordinal}段`;
  }

  /** The document title and the heading path: indexed with the passage, never quoted. */
  private baseContext(): string {
    return [this.doc.title, ...this.headings.map((h) => h.text)].join(' ');
  }

  private push(text: string, location: string, context: string): void {
    const trimmed = text.trim();
    if (trimmed.length === 0) return;
    this.passages.push({ text: trimmed, location, context, ...(this.page !== undefined ? { page: this.page } : {}) });
  }
}

/** Lines worth reading: no HTML comments, no YAML front matter, no blank or rule lines. */
function readableLines(text: string): string[] {
  const body = text
    .replace(/\r\n?/g, '\n')
    .replace(/<!--[\s\S]*?-->/g, '\n')
    .replace(/^\s*---\n[\s\S]*?\n---\s*\n/, '');
  const lines = body
    .split('\n')
    .map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((line) => line.length > 0 && !/^([-*_=])\1{2,}$/.test(line));
  return dropWebDebris(lines);
}

/** A line this short that is not structure is a button label or a stray bracket, when several stand together. */
const DEBRIS_MAX = 4;

/**
 * Text copied from a web page starts with its toolbar (下载 / 打印 / 全屏 / 【字号：…】), one word
 * a line. Three or more such lines in a row are dropped: no sentence is that short.
 */
function dropWebDebris(lines: string[]): string[] {
  const isDebris = (line: string) => line.length <= DEBRIS_MAX && classifyLine(line).kind === 'paragraph';
  const keep = lines.map(() => true);
  let runStart = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && isDebris(lines[i])) continue;
    if (i - runStart >= 3) for (let j = runStart; j < i; j++) keep[j] = false;
    runStart = i + 1;
  }
  return lines.filter((_, i) => keep[i]);
}

/**
 * The title as printed again above the text, whole or broken over two or three lines
 * (`中华人民共和国全国人民代表大会` / `常务委员会议事规则`): it is every passage's context
 * already, and as text it only repeats the title's words. Looked for before the first
 * heading or article only.
 */
function dropTitleLines(lines: string[], titleKey: string): string[] {
  const firstStructure = lines.findIndex((line) => {
    const structured = classifyLine(line);
    if (structured.kind === 'heading') return squash(structured.heading.text) !== titleKey;
    return structured.kind === 'article';
  });
  const end = firstStructure < 0 ? Math.min(lines.length, 12) : firstStructure;
  const drop = new Set<number>();
  for (let i = 0; i < end; i++) {
    let joined = '';
    for (let n = 0; n < 3 && i + n < end; n++) {
      joined += squash(lines[i + n]);
      if (joined === titleKey) for (let j = i; j <= i + n; j++) drop.add(j);
      if (!titleKey.startsWith(joined)) break;
    }
  }
  return drop.size === 0 ? lines : lines.filter((_, i) => !drop.has(i));
}

/** The first clause of an article (`第八条 县级以上的地方各级人民代表大会行使下列职权：`), at most 60 characters. */
function openingWords(line: string): string {
  const end = line.search(/[。；：！？]/);
  const clause = end > 0 ? line.slice(0, end + 1) : line;
  return clause.length <= 60 ? clause : `${clause.slice(0, 60)}…`;
}

function squash(text: string): string {
  return text.replace(/[\s\u3000#*]/g, '');
}
