/**
 * While the keyword index's worker lags behind an ingest, the ingest's own thread tokenizes
 * batches and sends their terms: the index must be the very one the worker alone builds, byte
 * for byte, for one-paragraph and multi-paragraph passages, shared and empty contexts alike.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LexicalFeeder, type LexicalPassage, tokenized } from '../../src/knowledge/search/lexical-build.ts';
import { defaultTokenizer } from '../../src/knowledge/search/tokenizer.ts';
import { RULES } from '../support/kb-fixtures.ts';
import { tempFolder } from '../support/temp-folders.ts';

const PASSAGES: LexicalPassage[] = [
  { id: 1, text: RULES.meetings, context: '某区人大常委会议事规则 第二章 会议' },
  { id: 2, text: `${RULES.leave}\n${RULES.speaking}\n（一）短句`, context: '某区人大常委会议事规则 第二章 会议' },
  { id: 3, text: `${RULES.inquiry}\n\n${RULES.suggestions}`, context: '' },
  { id: 4, text: '2024年6月12日，常委会第15次会议听取审议了区政府关于安全生产工作的报告。', context: '工作总结' },
  { id: 5, text: '。！？', context: '工作总结' },
];

function indexBytes(feed: (feeder: LexicalFeeder) => void): Buffer {
  const feeder = new LexicalFeeder(defaultTokenizer());
  feed(feeder);
  const path = join(tempFolder('lvzhi-tokenized-'), 'index.bm25');
  feeder.builder.finish(7).save(path);
  return readFileSync(path);
}

describe('passages tokenized before they reach the keyword worker', () => {
  it('build the same index as passages the worker tokenizes itself', () => {
    const alone = indexBytes((feeder) => PASSAGES.forEach((p) => feeder.add(p)));
    // The ingest's thread helps with some batches, not others: any mix gives the same bytes.
    const helped = indexBytes((feeder) => PASSAGES.forEach((p, i) => {
      if (i % 2 === 0) feeder.addTokenized(tokenized(defaultTokenizer(), p));
      else feeder.add(p);
    }));
    const allHelped = indexBytes((feeder) => PASSAGES.forEach((p) => feeder.addTokenized(tokenized(defaultTokenizer(), p))));
    expect(helped.equals(alone)).toBe(true);
    expect(allHelped.equals(alone)).toBe(true);
    // And the index holds what a staff question looks for.
    const feeder = new LexicalFeeder(defaultTokenizer());
    PASSAGES.forEach((p) => feeder.addTokenized(tokenized(defaultTokenizer(), p)));
    const index = feeder.builder.finish(7);
    expect(index.search(defaultTokenizer().terms('常委会多久开一次会'), 1)[0]?.id).toBe(1);
  });
});
