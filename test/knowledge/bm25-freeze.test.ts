/**
 * The keyword worker writes its index file with the grouped postings made a range of terms at a
 * time (so they are never held whole beside the builder): the file must be the very one a whole
 * freeze saves, byte for byte, and the ranges together the whole grouped postings, a term longer
 * than a range included.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Bm25Builder, Bm25Index } from '../../src/knowledge/search/bm25-index.ts';
import { type AddedPostings, groupedParts, groupedPostings, termOffsets } from '../../src/knowledge/search/bm25-freeze.ts';
import { tempFolder } from '../support/temp-folders.ts';

/** 300 passages: a term in every one, terms in some, each passage's own term, shared context terms. */
function filled(): Bm25Builder {
  const builder = new Bm25Builder();
  for (let i = 1; i <= 300; i++) builder.add(i, ['常委会', `group${i % 7}`, `own${i}`, ...(i % 3 ? ['代表', '代表'] : [])], i % 2 ? ['议事规则'] : []);
  return builder;
}

describe('freezing the keyword index straight into its file', () => {
  it('writes the same bytes as a whole freeze saved, and answers the same', () => {
    const folder = tempFolder('lvzhi-freeze-');
    const whole = join(folder, 'whole.bm25');
    const streamed = join(folder, 'streamed.bm25');
    const index = filled().finish(3);
    index.save(whole);
    const builder = filled();
    builder.writeFrozen(streamed, 3);
    expect(readFileSync(streamed).equals(readFileSync(whole))).toBe(true);
    expect(Bm25Index.load(streamed)!.search(['代表', 'own5'], 3)[0].id).toBe(5);
    expect(() => builder.writeFrozen(streamed, 4)).toThrow(/freezes once/);
  });

  it('makes ranges of terms that together are the whole grouped postings', () => {
    // Six units, twelve postings in blocks of eight: term 0 is in every unit (longer than a range of 4).
    const added: AddedPostings = {
      termIds: [Int32Array.of(0, 1, 0, 2, 0, 0, 3, 0), Int32Array.of(1, 0, 2, 4)],
      units: [Uint8Array.of(2, 1, 2, 2, 4, 2, 1, 2), Uint8Array.of(2, 2, 1, 1)],
      docStarts: [0, 2, 4, 5, 7, 9, 12],
      used: 12,
      blockBits: 3,
    };
    const offsets = termOffsets(added, 5);
    const whole = groupedPostings(added, offsets, 0, 5);
    // Term 0 first, unit by unit (unit * 256 + half units), then term 1 in units 0 and 4.
    expect([...whole.subarray(0, 8)]).toEqual([2, 256 + 2, 512 + 4, 768 + 2, 1024 + 2, 1280 + 2, 1, 1024 + 2]);
    const parts = Array.from(groupedParts(added, offsets, 4), (part) => [...part]); // copied as taken: one buffer is reused
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flat()).toEqual([...whole]);
  });
});
