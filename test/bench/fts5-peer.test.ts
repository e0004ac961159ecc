import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchFts5Peer, benchFts5PeerApart, trigramQuery } from '../../scripts/bench-fts5-peer.ts';

describe('the FTS5 trigram peer of the knowledge bench', () => {
  it('turns a question into its character trigrams, so the peer can match Chinese at all', () => {
    expect(trigramQuery('常委会多久开会？')).toBe('"常委会" OR "委会多" OR "会多久" OR "多久开" OR "久开会"');
    // Runs shorter than three characters cannot match a trigram index: nothing to ask.
    expect(trigramQuery('开会？是吗')).toBeUndefined();
  });

  const passages = ['常务委员会会议一般每两个月举行一次。', '代表视察应当持代表证。', '预算执行情况的报告。'];
  const questions = ['常委会会议多久举行一次', '视察要带代表证吗', '不相干'];

  it('finds the passages of the questions it is timed on, and counts questions it cannot answer', async () => {
    const figures = await benchFts5Peer(passages, questions);
    expect(figures.questions_with_hits).toBeCloseTo(2 / 3, 3);
    expect(figures.ingest_passages_per_s).toBeGreaterThan(0);
  });

  it('measures the same in a process of its own, fed batch by batch, and reports that process\'s peak', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'lvzhi-fts5-peer-'));
    try {
      async function* batches() {
        yield [{ text: '常务委员会会议一般每两个月举行一次。' }, { text: '代表视察应当持代表证。' }];
        yield [{ text: '预算执行情况的报告。' }];
      }
      const figures = await benchFts5PeerApart(batches(), ['常委会会议多久举行一次', '视察要带代表证吗', '不相干'], folder);
      expect(figures.questions_with_hits).toBeCloseTo(2 / 3, 3);
      expect(figures.peak_rss_mb).toBeGreaterThan(10);
      expect(readdirSync(folder)).toEqual([]); // its input file is gone
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);

  it('takes the passages streamed in batches into a database file, as the million-passage bench does', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'lvzhi-peer-'));
    try {
      async function* batches(): AsyncGenerator<readonly string[]> {
        yield passages.slice(0, 2);
        yield passages.slice(2);
      }
      const figures = await benchFts5Peer(batches(), questions, { file: join(folder, 'peer.db') });
      expect(figures.questions_with_hits).toBeCloseTo(2 / 3, 3);
      expect(existsSync(join(folder, 'peer.db'))).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
