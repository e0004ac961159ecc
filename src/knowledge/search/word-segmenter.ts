/**
 * Chinese words with their part of speech and their rarity in general Chinese, from jieba
 * (@node-rs/jieba: its dictionary and idf table ship in the npm package) with the office's
 * own terms added (legal-terms.txt). The found decision reads a question with it: 补办, 茶歇,
 * 代表证 stay whole (Intl.Segmenter cuts them into characters), and a word common in everyday
 * Chinese (突然, 一起) is told apart from a specific one (食堂, 字号) the documents lack.
 * Loaded on first use (about 0.3 s).
 */
import { readFileSync } from 'node:fs';
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

/** The office's terms as a jieba user dictionary (comment lines dropped). */
function legalTerms(): Uint8Array {
  const text = readFileSync(new URL('./legal-terms.txt', import.meta.url), 'utf8')
    .split('\n').filter((line) => line.trim() && !line.startsWith('#')).join('\n');
  return Buffer.from(text + '\n');
}

/** The shared segmenter, built on first use. */
export function wordSegmenter(): WordSegmenter {
  if (shared) return shared;
  const require = createRequire(import.meta.url);
  const jieba = Jieba.withDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
  jieba.loadDict(legalTerms());
  const idf = new Map<string, number>();
  const values: number[] = [];
  for (const line of readFileSync(require.resolve('@node-rs/jieba/idf.txt'), 'utf8').split('\n')) {
    const space = line.indexOf(' ');
    if (space <= 0) continue;
    const value = Number(line.slice(space + 1));
    idf.set(line.slice(0, space), value);
    values.push(value);
  }
  values.sort((a, b) => a - b);
  const median = values[Math.floor(values.length / 2)] ?? 10;
  shared = {
    tag: (text) => jieba.tag(text, true).map(({ word, tag }) => ({ word, tag })),
    cut: (text) => jieba.cut(text, true),
    generalIdf: (word) => idf.get(word) ?? median,
  };
  return shared;
}
