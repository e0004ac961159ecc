/**
 * Chinese words with their part of speech and their rarity in general Chinese, from jieba
 * (@node-rs/jieba: its dictionary and idf table ship in the npm package) with the office's
 * own terms added (legal-terms.txt). The found decision reads a question with it: 补办, 茶歇,
 * 代表证 stay whole (Intl.Segmenter cuts them into characters), and a word common in everyday
 * Chinese (突然, 一起) is told apart from a specific one (食堂, 字号) the documents lack.
 * Loaded on first use (about 0.3 s). The idf table (270 000 lines) is not parsed: the few words
 * of a question are looked up in its bytes, which keeps seconds of parsing out of every `ask`.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';

/** A word of a segmented text. */
export interface TaggedWord {
  readonly word: string;
  /** jieba's part-of-speech tag: n noun, v verb, vn verbal noun, a adjective, j abbreviation, r pronoun … */
  readonly tag: string;
}

/** The segmenter: words with tags, and each word's idf in general Chinese. */
export interface WordSegmenter {
  tag(text: string): TaggedWord[];
  /** Words only (faster than tagging). */
  cut(text: string): string[];
  /** idf of a word in general Chinese (jieba's table); the table's median for words it lacks. */
  generalIdf(word: string): number;
}

let shared: WordSegmenter | undefined;

/**
 * The median idf of jieba's table (@node-rs/jieba 2.0.3), the weight of a word it lacks.
 * Fixed here rather than sorting 270 000 numbers at every start; a test recomputes it from
 * the installed table, so an upgrade that changes the table fails loudly.
 */
export const GENERAL_IDF_MEDIAN = 11.9547675029;

/** The lines of legal-terms.txt (word, frequency, part of speech), comment lines dropped. */
function legalTermLines(): string[] {
  return readFileSync(new URL('./legal-terms.txt', import.meta.url), 'utf8')
    .split('\n').filter((line) => line.trim() && !line.startsWith('#'));
}

/** The office's terms as a jieba user dictionary. */
function legalTerms(): Uint8Array {
  return Buffer.from(legalTermLines().join('\n') + '\n');
}

let officeTermList: readonly string[] | undefined;

/** The office's own terms (legal-terms.txt: 议案, 代表证, 主任会议), longest first. */
export function officeTerms(): readonly string[] {
  officeTermList ??= legalTermLines().map((line) => line.trim().split(/\s+/)[0]).sort((a, b) => b.length - a.length);
  return officeTermList;
}

/**
 * A file's bytes after a newline, so that every line, the first one too, reads "\n<word> <idf>".
 * Read straight into its place: one 6 MB copy, not a read and a concatenated second (the
 * segmenter is loaded at the first question, where the process's peak memory can fall).
 */
function linesWithNewlineFirst(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = Buffer.allocUnsafe(size + 1);
    bytes[0] = 0x0a;
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, 1 + read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.subarray(0, 1 + read);
  } finally {
    closeSync(fd);
  }
}

/** The shared segmenter, built on first use. */
export function wordSegmenter(): WordSegmenter {
  if (shared) return shared;
  const require = createRequire(import.meta.url);
  const jieba = Jieba.withDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
  jieba.loadDict(legalTerms());
  const table = linesWithNewlineFirst(require.resolve('@node-rs/jieba/idf.txt'));
  const known = new Map<string, number>();
  const idfOf = (word: string): number => {
    let value = known.get(word);
    if (value === undefined) {
      const at = word.includes('\n') || word.includes(' ') ? -1 : table.indexOf(`\n${word} `, 0, 'utf8');
      const start = at + Buffer.byteLength(word, 'utf8') + 2;
      const end = table.indexOf(0x0a, start);
      value = at < 0 ? GENERAL_IDF_MEDIAN : Number(table.toString('latin1', start, end < 0 ? table.length : end));
      // Questions bring new words for as long as the assistant runs: keep the memo small.
      if (known.size >= 10_000) known.clear();
      known.set(word, value);
    }
    return value;
  };
  shared = {
    tag: (text) => jieba.tag(text, true).map(({ word, tag }) => ({ word, tag })),
    cut: (text) => jieba.cut(text, true),
    generalIdf: idfOf,
  };
  return shared;
}
