/**
 * Knowledge-base evaluation in one process (issue 10): ranking (recall@1/@5) and the found
 * decision on the shared dev sets and on the sets in scripts/eval-sets/ (written for this
 * project; each line carries `split`: "tune" — used to fit weights — or "check" — never used
 * for fitting). lead.jsonl holds who-questions and the span their answer's lead sentence must hold. Law-exam questions are also ranked by a plain BM25 peer (character bigrams,
 * as Elasticsearch's cjk analyzer) over the same passages.
 *
 * "Answered without the gold" counts confident wrong answers: found, but the gold not in the answer
 * (or, for an unanswerable question, found at all). fresh.jsonl is a check set written in session 33,
 * fresh2.jsonl one written in session 34 (other laws' articles and the work reports), fresh3.jsonl one written in session 35
 * (the articles and report lines the other sets use least, clerk's chat wording), fresh4.jsonl one written in session 36
 * (an attribute of a thing asked — who decides, where from, how many, by when, may X also be Y — and near-misses that
 * name the thing but not the attribute), fresh5.jsonl one written in session 36 before the place, length, member-count and
 * who-of-the-act checks (what is asked of a thing, questions those checks were not built on), fresh6.jsonl one written in session 37
 * (colloquial chat wording, the deputies and supervision laws' least-used articles, district vs national level), fresh7.jsonl one written in session 38
 * (procedure questions on the least-used articles: notices, who presides, who leads, what follows a recall; near-misses asking a number or level the library never states), each before any change it measures;
 * nearmiss.jsonl (session 34) holds near-miss questions — the library names the thing but not the detail asked —
 * and answerable near-neighbours; its lines with "library": "samples" are asked of the sample library alone.
 * listasked.jsonl (session 34, same format) asks for a list of what the documents only count (分别是谁), whether
 * an act they never state must be done (要不要印发), or who approves an act they never name — and neighbours they answer.
 *
 *   npx tsx scripts/eval-knowledge.ts [--data DIR] [--split tune|check|all] [--show-misses] [--explain] [--only SET]
 *                                     [--dump-found FILE] [--dump-rerank FILE] [--tokenizer intl|jieba]
 *
 * --explain (with --show-misses) prints, under each miss at rank 1, the second-stage features of
 * what ranked first and of the gold passage, and under each wrongly declined or wrongly answered
 * question the found decision's features: which cue decided.
 *
 * --data reuses (or creates) an ingested data folder; otherwise a temporary one is used.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Bm25Builder } from '../src/knowledge/search/bm25-index.ts';
import { DEFAULT_RERANK_WEIGHTS, RERANK_FEATURES, rerankFeatures, rerankScore } from '../src/knowledge/ranking/builtin-reranker.ts';
import { defaultEquivalences } from '../src/knowledge/search/equivalences.ts';
import { FOUND_FEATURES, foundFeatures } from '../src/knowledge/answering/found-features.ts';
import { Tokenizer } from '../src/knowledge/search/tokenizer.ts';
import { documentNames } from '../src/knowledge/ranking/title-cue.ts';
import { RERANK_DEPTH, openSqliteKnowledgeBase, type OpenKnowledgeBase } from '../src/knowledge/index.ts';

const root = resolve(import.meta.dirname, '..');
const shared = resolve(root, '../shared');
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const split = option('--split') ?? 'all';
const showMisses = args.includes('--show-misses');
const explain = args.includes('--explain');

/** Feature values by name, zeros left out, for --explain. */
const named = (names: readonly string[], values: readonly number[]): string =>
  names.map((name, i) => (values[i] ? `${name}=${values[i].toFixed(2)}` : '')).filter(Boolean).join(' ');

/** One evaluation question. */
interface Item { id: string; question: string; gold?: string; doc?: string; split?: string; lead?: string; library?: string }

function readSet(path: string): Item[] {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Item)
    .filter((item) => split === 'all' || (item.split ?? 'tune') === split); // dev sets are for tuning
}

const squash = (s: string): string => s.replace(/\s+/g, '');
const pct = (n: number, d: number): string => `${(100 * n / Math.max(d, 1)).toFixed(1)}%`;

/** Plain BM25 over character bigrams of the passage text (no equivalences, no headings). */
async function plainBm25(kb: OpenKnowledgeBase): Promise<(question: string, k: number) => number[]> {
  const grams = (text: string): string[] => {
    const out: string[] = [];
    for (const run of text.normalize('NFKC').match(/\p{Script=Han}+|[a-z0-9]+/giu) ?? []) {
      if (!/\p{Script=Han}/u.test(run)) out.push(run.toLowerCase());
      else if (run.length === 1) out.push(run);
      else for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    }
    return out;
  };
  const builder = new Bm25Builder();
  for await (const batch of kb.store.passageTexts()) for (const p of batch) builder.add(p.id, grams(p.text), []);
  const index = builder.finish(0);
  return (question, k) => index.search(grams(question), k).map((hit) => hit.id);
}

async function main(): Promise<void> {
  const dataOption = option('--data');
  const data = dataOption ?? mkdtempSync(join(tmpdir(), 'lvzhi-eval-'));
  const open = async (name: string, folders: string[]): Promise<OpenKnowledgeBase> => {
    const dir = join(data, name);
    const fresh = !existsSync(join(dir, 'lvzhi.db'));
    const tokenizer = option('--tokenizer') === 'jieba' ? new Tokenizer(defaultEquivalences(), 'jieba') : undefined;
    const opened = await openSqliteKnowledgeBase({ dataDir: dir, log: () => undefined, tokenizer });
    if (fresh) await opened.ingest(folders);
    await opened.indexed(); // answered with the whole graph, as a later process would
    return opened;
  };
  // The laws and reports alone (as the shared evaluations ingest them); the sample documents are
  // added only for the questions about them, whose answers the laws may also give.
  const kb = await open('corpus', [join(shared, 'corpus')]);
  const withSamples = await open('samples', [join(shared, 'corpus'), join(root, 'knowledge')]);
  // The sample documents alone: a library of four, where corpus statistics say little.
  const samplesOnly = await open('samples-only', [join(root, 'knowledge')]);
  const sampleDocs = new Set(['某区人大常委会议事规则.md', '区人大常委会2024年上半年工作总结.md', '区人大常委会第二十一次会议纪要.md',
    '在区人大代表履职能力提升培训班开班式上的讲话.md']);
  try {
    const corpusKb = kb;
    const peer = await plainBm25(kb);
    const names = new Set((await kb.store.documentTitles()).flatMap(documentNames));
    const samples = readSet(join(root, 'scripts/eval-sets/samples.jsonl'));
    const fresh = readSet(join(root, 'scripts/eval-sets/fresh.jsonl'));
    const fresh2 = readSet(join(root, 'scripts/eval-sets/fresh2.jsonl'));
    const fresh3 = readSet(join(root, 'scripts/eval-sets/fresh3.jsonl'));
    const fresh4 = readSet(join(root, 'scripts/eval-sets/fresh4.jsonl'));
    const fresh5 = readSet(join(root, 'scripts/eval-sets/fresh5.jsonl'));
    const fresh6 = readSet(join(root, 'scripts/eval-sets/fresh6.jsonl'));
    const fresh7 = readSet(join(root, 'scripts/eval-sets/fresh7.jsonl'));
    const nearmiss = readSet(join(root, 'scripts/eval-sets/nearmiss.jsonl'));
    const nearCorpus = nearmiss.filter((item) => item.library !== 'samples');
    const nearSamples = nearmiss.filter((item) => item.library === 'samples');
    const listasked = readSet(join(root, 'scripts/eval-sets/listasked.jsonl'));
    const listCorpus = listasked.filter((item) => item.library !== 'samples');
    const listSamples = listasked.filter((item) => item.library === 'samples');
    const sets: Array<{ name: string; items: Item[]; answerable: boolean; kb?: OpenKnowledgeBase }> = [
      { name: 'qa-dev (shared)', items: readSet(join(shared, 'eval/qa-dev.jsonl')), answerable: true },
      { name: 'answerable', items: readSet(join(root, 'scripts/eval-sets/answerable.jsonl')), answerable: true },
      { name: 'law-exam', items: readSet(join(root, 'scripts/eval-sets/law-exam.jsonl')), answerable: true },
      { name: 'notfound-dev (shared)', items: readSet(join(shared, 'eval/notfound-dev.jsonl')), answerable: false },
      { name: 'unanswerable', items: readSet(join(root, 'scripts/eval-sets/unanswerable.jsonl')), answerable: false },
      { name: 'samples-only answerable', items: samples.filter((item) => item.gold), answerable: true, kb: samplesOnly },
      { name: 'samples-only unanswerable', items: samples.filter((item) => !item.gold), answerable: false, kb: samplesOnly },
      { name: 'fresh answerable', items: fresh.filter((item) => item.gold), answerable: true },
      { name: 'fresh unanswerable', items: fresh.filter((item) => !item.gold), answerable: false },
      { name: 'fresh2 answerable', items: fresh2.filter((item) => item.gold), answerable: true },
      { name: 'fresh2 unanswerable', items: fresh2.filter((item) => !item.gold), answerable: false },
      { name: 'fresh3 answerable', items: fresh3.filter((item) => item.gold), answerable: true },
      { name: 'fresh3 unanswerable', items: fresh3.filter((item) => !item.gold), answerable: false },
      { name: 'fresh4 answerable', items: fresh4.filter((item) => item.gold), answerable: true },
      { name: 'fresh4 unanswerable', items: fresh4.filter((item) => !item.gold), answerable: false },
      { name: 'fresh5 answerable', items: fresh5.filter((item) => item.gold), answerable: true },
      { name: 'fresh5 unanswerable', items: fresh5.filter((item) => !item.gold), answerable: false },
      { name: 'fresh6 answerable', items: fresh6.filter((item) => item.gold), answerable: true },
      { name: 'fresh6 unanswerable', items: fresh6.filter((item) => !item.gold), answerable: false },
      { name: 'fresh7 answerable', items: fresh7.filter((item) => item.gold), answerable: true },
      { name: 'fresh7 unanswerable', items: fresh7.filter((item) => !item.gold), answerable: false },
      { name: 'nearmiss answerable', items: nearCorpus.filter((item) => item.gold), answerable: true },
      { name: 'nearmiss unanswerable', items: nearCorpus.filter((item) => !item.gold), answerable: false },
      { name: 'nearmiss samples-only answerable', items: nearSamples.filter((item) => item.gold), answerable: true, kb: samplesOnly },
      { name: 'nearmiss samples-only unanswerable', items: nearSamples.filter((item) => !item.gold), answerable: false, kb: samplesOnly },
      { name: 'listasked answerable', items: listCorpus.filter((item) => item.gold), answerable: true },
      { name: 'listasked unanswerable', items: listCorpus.filter((item) => !item.gold), answerable: false },
      { name: 'listasked samples-only answerable', items: listSamples.filter((item) => item.gold), answerable: true, kb: samplesOnly },
      { name: 'listasked samples-only unanswerable', items: listSamples.filter((item) => !item.gold), answerable: false, kb: samplesOnly },
    ].filter((set) => !option('--only') || set.name.includes(option('--only') ?? ''));
    const foundRows: string[] = [];
    const rerankRows: string[] = [];
    for (const set of sets) {
      let hit1 = 0, hit5 = 0, peer1 = 0, peer5 = 0, declined = 0, quoted = 0, confidentWrong = 0;
      for (const item of set.items) {
        const kb = set.kb ?? (item.doc && sampleDocs.has(item.doc) ? withSamples : corpusKb);
        const { passages } = await kb.searchDetailed(item.question, 5);
        const answer = await kb.ask(item.question, { k: 5 });
        if (!answer.found) declined++;
        const found = foundFeatures(item.question, passages, kb.foundOptions);
        foundRows.push(JSON.stringify({ id: item.id, split: item.split ?? 'dev', answerable: set.answerable,
          features: found, passages: kb.foundOptions.passageCount?.() }));
        const explainFound = () => { if (explain) console.log(`    found: ${named(FOUND_FEATURES, found)}`); };
        if (!item.gold) {
          if (answer.found) confidentWrong++;
          if (showMisses && answer.found) {
            console.log(`  answered ${item.id}: ${item.question} → ${passages[0]?.passage.location}`);
            explainFound();
          }
          continue;
        }
        const gold = squash(item.gold);
        const rank = passages.findIndex(({ passage }) => squash(passage.text).includes(gold));
        // What the person reads: the gold sentence in the answer's quotes (a passage moved first counts).
        if (answer.found && squash(answer.answer).includes(gold)) quoted++;
        else if (answer.found) {
          confidentWrong++;
          if (showMisses) console.log(`  answered without the gold ${item.id}: ${item.question} → ${answer.answer.split('\n')[0].slice(0, 70)}`);
        }
        if (rank === 0) hit1++;
        if (rank >= 0) hit5++;
        const peerIds = set.kb ? [] : peer(item.question, 5);
        const peerTexts = (await kb.store.passagesByIds(peerIds)).map((p) => squash(p.text));
        const peerRank = peerTexts.findIndex((t) => t.includes(gold));
        if (peerRank === 0) peer1++;
        if (peerRank >= 0) peer5++;
        if (showMisses && rank !== 0) {
          console.log(`  miss@1 ${item.id} (rank ${rank < 0 ? '-' : rank + 1}): ${item.question} → ${passages[0]?.passage.doc} ${passages[0]?.passage.location}`);
          if (explain) {
            const hits = await kb.retrievers.hybrid.search(item.question, RERANK_DEPTH);
            const scores = new Map(hits.map((h) => [h.id, h.score]));
            const candidates = (await kb.store.passagesByIds(hits.map((h) => h.id))).map((passage) => ({ passage, score: scores.get(passage.id) ?? 0 }));
            const features = rerankFeatures(item.question, candidates, { idf: (t) => kb.indexes.bm25().idf(t), documentNames: () => names });
            const at = (id: number | undefined) => candidates.findIndex(({ passage }) => passage.id === id);
            const goldAt = candidates.findIndex(({ passage }) => squash(passage.text).includes(gold));
            for (const [label, i] of [['first', at(passages[0]?.passage.id)], ['gold', goldAt]] as const) {
              if (i < 0) { console.log(`    ${label}: not among the fused top ${RERANK_DEPTH}`); continue; }
              console.log(`    ${label} (${candidates[i].passage.location}, score ${rerankScore(features[i], DEFAULT_RERANK_WEIGHTS).toFixed(3)}): ${named(RERANK_FEATURES, features[i])}`);
            }
          }
        }
        if (showMisses && !answer.found) {
          console.log(`  declined ${item.id}: ${item.question}`);
          explainFound();
        }
        if (args.includes('--dump-rerank')) {
          const hits = await kb.retrievers.hybrid.search(item.question, RERANK_DEPTH);
          const scores = new Map(hits.map((h) => [h.id, h.score]));
          const candidates = (await kb.store.passagesByIds(hits.map((h) => h.id))).map((passage) => ({ passage, score: scores.get(passage.id) ?? 0 }));
          const features = rerankFeatures(item.question, candidates, { idf: (t) => kb.indexes.bm25().idf(t), documentNames: () => names });
          rerankRows.push(JSON.stringify({ id: item.id, split: item.split ?? 'dev', features,
            gold: candidates.map(({ passage }) => squash(passage.text).includes(gold)) }));
        }
      }
      const n = set.items.length;
      const ranking = set.items[0]?.gold
        ? `recall@1 ${pct(hit1, n)} recall@5 ${pct(hit5, n)} (plain BM25 peer ${pct(peer1, n)} / ${pct(peer5, n)}); gold quoted ${pct(quoted, n)}; `
        : '';
      console.log(`${set.name} [${split}] ${n} questions: ${ranking}declined ${declined}/${n} (${pct(declined, n)}); ` +
        `answered without the gold ${confidentWrong}/${n}`);
    }
    // Who-questions (由谁/哪个机关 + verb + thing): the answer's first line is the sentence naming the doer.
    const leads = option('--only') ? [] : readSet(join(root, 'scripts/eval-sets/lead.jsonl'));
    let leadRight = 0;
    for (const item of leads) {
      const answer = await (item.doc && sampleDocs.has(item.doc) ? samplesOnly : corpusKb).ask(item.question, { k: 5 });
      const first = answer.answer.split('\n')[0];
      if (answer.found && squash(first).includes(squash(item.lead ?? ''))) leadRight++;
      else if (showMisses) console.log(`  wrong lead ${item.id}: ${item.question} → ${first.slice(0, 60)}`);
    }
    console.log(`lead sentence [${split}] ${leads.length} questions: lead names the asked doer ${leadRight}/${leads.length}`);
    const dumpFound = option('--dump-found');
    if (dumpFound) writeFileSync(dumpFound, foundRows.join('\n') + '\n');
    const dumpRerank = option('--dump-rerank');
    if (dumpRerank) writeFileSync(dumpRerank, rerankRows.join('\n') + '\n');
  } finally {
    kb.close();
    withSamples.close();
    samplesOnly.close();
    if (!dataOption) rmSync(data, { recursive: true, force: true });
  }
}

await main();
