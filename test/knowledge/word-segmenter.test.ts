/**
 * The general-Chinese idf the found decision weighs question words by: looked up in jieba's
 * table bytes instead of a parsed map, it must give exactly what the table says.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { GENERAL_IDF_MEDIAN, wordSegmenter } from '../../src/knowledge/search/word-segmenter.ts';

const table = readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/idf.txt'), 'utf8')
  .split('\n').filter((line) => line.indexOf(' ') > 0).map((line) => {
    const space = line.indexOf(' ');
    return [line.slice(0, space), Number(line.slice(space + 1))] as const;
  });

describe('general idf from jieba’s table', () => {
  it('the fixed median is the median of the installed table (an upgrade that changes it fails here)', () => {
    const values = table.map(([, value]) => value).sort((a, b) => a - b);
    expect(GENERAL_IDF_MEDIAN).toBe(values[Math.floor(values.length / 2)]);
  });

  it('gives each listed word its own value: the first line, the last line and every 997th between', () => {
    const segmenter = wordSegmenter();
    const sample = table.filter((_, i) => i === 0 || i === table.length - 1 || i % 997 === 0);
    for (const [word, value] of sample) expect(segmenter.generalIdf(word), word).toBe(value);
  });

  it('a word the table lacks, or only the start of a listed word, weighs the median', () => {
    const segmenter = wordSegmenter();
    expect(segmenter.generalIdf('履职助手不存在的词')).toBe(GENERAL_IDF_MEDIAN);
    const [longWord] = table.find(([word]) => word.length >= 3 && !table.some(([w]) => w === word.slice(0, 2))) ?? [];
    expect(longWord).toBeDefined();
    expect(segmenter.generalIdf(longWord!.slice(0, 2))).toBe(GENERAL_IDF_MEDIAN);
    expect(segmenter.generalIdf('')).toBe(GENERAL_IDF_MEDIAN);
  });
});
