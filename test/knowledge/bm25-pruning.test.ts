/**
 * The pruned BM25 search (MaxScore) must return exactly what the exhaustive scan returns: the
 * same passages in the same order with the same scores, on the benchmark's generated corpus and
 * questions and on the shared laws with the QA dev questions, at several depths — and it must
 * read fewer postings, or the pruning is not doing its job. A generated index adds the cases
 * the block maxima must survive: terms strong in a few blocks and weak elsewhere, passages of
 * several units across block and window boundaries, and exact ties.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteKnowledgeBase } from '../../src/knowledge/index.ts';
import { Bm25Builder, type Bm25Index } from '../../src/knowledge/search/bm25-index.ts';
import { type SearchShare, mergeHits, rangesOf } from '../../src/knowledge/search/bm25-share.ts';
import { defaultTokenizer } from '../../src/knowledge/search/tokenizer.ts';
import { benchQuestions, seededRandom, writeBenchCorpus } from '../../scripts/bench-corpus.ts';
import { tempDir } from '../support/kb-fixtures.ts';

const root = tempDir('lvzhi-bm25-pruning-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Ingest a folder and return its BM25 index and a sample of its passage texts. */
async function indexOf(folder: string, name: string): Promise<{ index: Bm25Index; sample: string[] }> {
  const kb = await openSqliteKnowledgeBase({ dataDir: join(root, name) });
  try {
    await kb.ingest([folder]);
    await kb.indexes.sync();
    const sample = (kb.db.prepare('SELECT text FROM kb_passages WHERE id % 37 = 0 ORDER BY id LIMIT 200').all() as Array<{ text: string }>)
      .map((row) => row.text);
    return { index: kb.indexes.bm25(), sample };
  } finally {
    kb.close();
  }
}

/** Compare pruned and exhaustive results for every question at every depth; the postings each read. */
function compare(index: Bm25Index, questions: readonly string[]): { pruned: number; exhaustive: number } {
  const tokenizer = defaultTokenizer();
  let pruned = 0;
  let exhaustive = 0;
  for (const question of questions) {
    const terms = tokenizer.terms(question);
    for (const k of [1, 5, 30, 50]) {
      const reference = index.searchExhaustive(terms, k);
      exhaustive += index.lastWalked;
      const got = index.search(terms, k);
      pruned += index.lastWalked;
      expect(got.map((h) => h.id), `${question} (k=${k})`).toEqual(reference.map((h) => h.id));
      got.forEach((hit, i) => expect(hit.score).toBeCloseTo(reference[i].score, 6));
    }
  }
  return { pruned, exhaustive };
}

/**
 * An index of 6,000 units where term frequencies and lengths vary by region: "hot" terms are
 * frequent in a few stretches of units and rare elsewhere, passages of one to four units run
 * across block and window boundaries, and every tenth passage repeats an earlier one (ties).
 */
function generatedIndex(): Bm25Index {
  const random = seededRandom(11);
  const vocabulary = Array.from({ length: 400 }, (_, i) => `词${i}`);
  const builder = new Bm25Builder();
  const added: Array<[string[], string[]]> = [];
  let units = 0;
  for (let id = 1; units < 6000; id++) {
    const parts = 1 + Math.floor(random() * 4);
    for (let part = 0; part < parts; part++, units++) {
      if (id % 10 === 0 && added.length > 50) {
        const [text, context] = added[Math.floor(random() * added.length)];
        builder.add(id, text, context);
        continue;
      }
      const region = Math.floor(units / 700) % 4;
      const length = 3 + Math.floor(random() * (region === 1 ? 40 : 12));
      const text = Array.from({ length }, () => {
        const hot = random() < 0.3;
        return vocabulary[hot ? region * 5 + Math.floor(random() * 5) : Math.floor(random() ** 2 * vocabulary.length)];
      });
      const context = [`题${Math.floor(units / 300)}`, '工作'];
      added.push([text, context]);
      builder.add(id, text, context);
    }
  }
  return builder.finish(1);
}

describe('rank-safe BM25 pruning', () => {
  it('returns the exhaustive top k on an index with skewed blocks, multi-unit passages and ties', () => {
    const index = generatedIndex();
    const random = seededRandom(5);
    const questions = Array.from({ length: 120 }, () => {
      const n = 2 + Math.floor(random() * 14);
      return Array.from({ length: n }, () => `词${Math.floor(random() ** 1.5 * 400)}`).concat(random() < 0.5 ? ['工作', '题3'] : []).join(' ');
    });
    const words = { terms: (q: string) => q.split(' ') };
    for (const question of questions) {
      const terms = words.terms(question);
      for (const k of [1, 5, 30, 50, 200]) {
        const reference = index.searchExhaustive(terms, k);
        const got = index.search(terms, k);
        expect(got, `${question} (k=${k})`).toEqual(reference);
      }
    }
  });

  it('returns the exhaustive top k when two threads split the ranges between them, whoever takes which', () => {
    const index = generatedIndex();
    const random = seededRandom(8);
    // Two threads' views of one shared search: ranges handed out by `owner`, one k-th best told between them.
    const twoShares = (starts: Int32Array, owner: (range: number) => number): SearchShare[] => {
      let floor = -Infinity;
      const owners = Array.from({ length: starts.length - 1 }, (_, i) => owner(i));
      return [0, 1].map((thread) => {
        let next = 0;
        return {
          take() {
            while (next < owners.length && owners[next] !== thread) next++;
            return next < owners.length ? [starts[next], starts[++next]] as const : undefined;
          },
          floor: () => floor,
          raise: (score: number) => void (floor = Math.max(floor, score)),
        };
      });
    };
    for (let q = 0; q < 60; q++) {
      const terms = Array.from({ length: 2 + Math.floor(random() * 14) }, () => `词${Math.floor(random() ** 1.5 * 400)}`);
      // Odd sizes: ranges start mid-window and move on to a passage's first unit.
      for (const size of [97, 500, 1057]) {
        const starts = rangesOf(index.head, size);
        for (const k of [1, 5, 30]) {
          const reference = index.searchExhaustive(terms, k);
          for (const owner of [(i: number) => i % 2, (i: number) => (i < starts.length / 3 ? 1 : 0), () => (random() < 0.5 ? 0 : 1)]) {
            // Each thread searches its ranges with taking turns replaced by one after the other (the second prunes with the first's k-th best).
            const shares = twoShares(starts, owner);
            const first = index.searchTerms(index.termsOf(terms), k, shares[0]);
            const second = index.searchTerms(index.termsOf(terms), k, shares[1]);
            expect(mergeHits(first, second, k), `${terms.join(' ')} (k=${k}, ranges of ${size})`).toEqual(reference);
          }
        }
      }
    }
  });

  it('returns the exhaustive top k on the benchmark corpus and questions, reading far fewer postings', async () => {
    const corpus = join(root, 'bench-corpus');
    writeBenchCorpus(corpus, 3000);
    const { index, sample } = await indexOf(corpus, 'bench');
    const questions = benchQuestions(150, sample);
    const { pruned, exhaustive } = compare(index, [...questions, '', '工作', '人大常委会工作规则第一条']);
    expect(pruned).toBeLessThan(exhaustive * 0.7);
  }, 120_000);

  const shared = resolve(import.meta.dirname, '../../../shared');
  const present = existsSync(join(shared, 'corpus')) && existsSync(join(shared, 'eval', 'qa-dev.jsonl'));
  it.skipIf(!present)('returns the exhaustive top k on the shared laws for the QA dev questions', async () => {
    const { index } = await indexOf(join(shared, 'corpus'), 'shared');
    const questions = readFileSync(join(shared, 'eval', 'qa-dev.jsonl'), 'utf8').split('\n').filter(Boolean)
      .map((line) => (JSON.parse(line) as { question: string }).question);
    expect(questions.length).toBeGreaterThan(20);
    compare(index, questions);
  }, 180_000);
});
