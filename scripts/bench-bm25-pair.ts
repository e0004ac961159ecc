/**
 * BM25's pruned search, two implementations side by side on the bench's passages and questions
 * in one process: the shipped one (src/) and another (a folder holding copies of an older
 * bm25-maxscore.ts and bm25-block-max.ts, e.g. from `git show main:…`), alternated question by
 * question, each question's minimum of N runs; both checked against the exhaustive scan.
 *   npx tsx scripts/bench-bm25-pair.ts --passages 100000 [--old DIR] [--runs 5] [--cache DIR]
 * The index is built without an ingest (the bench corpus chunked and tokenized as the ingest
 * does; no embeddings, no SQLite) and cached in --cache, so a second run starts at once.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chunkDocument } from '../src/knowledge/chunking/chunker.ts';
import { loadTextDocument } from '../src/knowledge/loaders/text-loader.ts';
import { Bm25Index } from '../src/knowledge/search/bm25-index.ts';
import { LexicalFeeder } from '../src/knowledge/search/lexical-build.ts';
import { defaultTokenizer } from '../src/knowledge/search/tokenizer.ts';
import type { Hit } from '../src/knowledge/search/top-k.ts';
import { benchQuestions, writeBenchCorpus } from './bench-corpus.ts';
import { quantile } from './bench-quantile.ts';

const { values } = parseArgs({
  options: {
    passages: { type: 'string', default: '100000' },
    old: { type: 'string' },
    runs: { type: 'string', default: '5' },
    queries: { type: 'string', default: '300' },
    cache: { type: 'string', default: join(tmpdir(), 'lvzhi-bm25-pair') },
  },
});
const passages = Number(values.passages);
const runs = Number(values.runs);
mkdirSync(values.cache, { recursive: true });
const indexPath = join(values.cache, `bm25-${passages}.bm25`);
const questionsPath = join(values.cache, `questions-${passages}-${values.queries}.json`);

if (!existsSync(indexPath) || !existsSync(questionsPath)) {
  const root = mkdtempSync(join(tmpdir(), 'lvzhi-bm25-pair-'));
  try {
    writeBenchCorpus(root, passages);
    const feeder = new LexicalFeeder(defaultTokenizer());
    const sample: string[] = [];
    let id = 0;
    for (const name of readdirSync(root).sort()) {
      const path = join(root, name);
      for (const draft of chunkDocument(loadTextDocument(path, readFileSync(path), 'md'))) {
        id++;
        if (id % 199 === 0 && sample.length < 500) sample.push(draft.text);
        feeder.add({ id, text: draft.text, context: draft.context });
      }
    }
    feeder.builder.finish(1).save(indexPath);
    writeFileSync(questionsPath, JSON.stringify(benchQuestions(Number(values.queries), sample)));
    console.log(`built ${id} passages`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const index = Bm25Index.load(indexPath);
if (!index) throw new Error(`cannot read ${indexPath}`);
const questions = JSON.parse(readFileSync(questionsPath, 'utf8')) as string[];
const tokenizer = defaultTokenizer();
const termLists = questions.map((q) => tokenizer.terms(q));
/** A search and the postings it read. */
type Search = (terms: readonly string[]) => { hits: Hit[]; walked: number };
const ways: Record<string, Search> = { new: (terms) => ({ hits: index.search(terms, 50), walked: index.lastWalked }) };

if (values.old) {
  const dir = resolve(values.old);
  const { maxScoreSearch } = await import(join(dir, 'bm25-maxscore.ts'));
  // Its own file since session 31; in bm25-block-max.ts before.
  const { TermBoundsCache } = await import(join(dir, existsSync(join(dir, 'bm25-bounds-cache.ts')) ? 'bm25-bounds-cache.ts' : 'bm25-block-max.ts'));
  // As Bm25Index builds its query terms: half units per text word 2, weight idf × (k1 + 1) = idf × 2.2.
  const cache = new TermBoundsCache(index.postings, index.norms, 2);
  const vocabulary = new Map<string, number>();
  // The index's private term lookup, rebuilt: the term's id and its postings' range.
  const arrays = (index as unknown as { arrays: { vocabulary: string[]; offsets: Int32Array } }).arrays;
  arrays.vocabulary.forEach((term, i) => vocabulary.set(term, i));
  ways.old = (terms) => {
    const weights = new Map<number, number>();
    for (const term of terms) {
      const t = vocabulary.get(term);
      if (t !== undefined) weights.set(t, (weights.get(t) ?? 0) + 1);
    }
    const n = index.size;
    const bounded = [...weights].map(([t, count]) => {
      const start = arrays.offsets[t];
      const end = arrays.offsets[t + 1];
      const lift = Math.log(1 + (n - (end - start) + 0.5) / (end - start + 0.5)) * Math.sqrt(count) * 2.2;
      return cache.queryTerm(t, start, end, lift);
    });
    return maxScoreSearch(index, bounded, 50, 2);
  };
}

const names = Object.keys(ways);
const best: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, termLists.map(() => Infinity)]));
const key = (hits: Hit[]): string => hits.map((h) => `${h.id}:${h.score}`).join();
const reference = termLists.map((terms) => key(index.searchExhaustive(terms, 50)));
const identical: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
const walked: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
for (let round = 0; round < runs; round++) {
  termLists.forEach((terms, q) => {
    const order = (q + round) % 2 ? names : [...names].reverse();
    for (const name of order) {
      const t0 = performance.now();
      const found = ways[name](terms);
      const ms = performance.now() - t0;
      if (ms < best[name][q]) best[name][q] = ms;
      if (round === 0) {
        if (key(found.hits) === reference[q]) identical[name]++;
        walked[name].push(found.walked);
      }
    }
  });
}
const f = (x: number): string => x.toFixed(3);
for (const name of names) {
  const t = best[name];
  console.log(`${name.padEnd(4)} p50 ${f(quantile(t, 0.5))} p95 ${f(quantile(t, 0.95))} mean ${f(t.reduce((a, b) => a + b, 0) / t.length)} ms; postings p50 ${quantile(walked[name], 0.5)} p95 ${quantile(walked[name], 0.95)}; identical to exhaustive (ids and scores) ${identical[name]}/${questions.length}`);
}
if (best.old) {
  const ratios = best.new.map((t, q) => t / best.old[q]);
  console.log(`new/old: p50 ${f(quantile(best.new, 0.5) / quantile(best.old, 0.5))} p95 ${f(quantile(best.new, 0.95) / quantile(best.old, 0.95))}; per question median ${f(quantile(ratios, 0.5))}`);
}
console.log(`units ${index.size}, questions ${questions.length}, runs ${runs}, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
