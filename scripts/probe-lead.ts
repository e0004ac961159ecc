/**
 * Lead-sentence check: for every question with a gold span in the answerable sets, whether the
 * answer's first line holds it. Prints one line per question (id, 1/0) and the total.
 *
 *   npx tsx scripts/probe-lead.ts DATA_DIR   (a folder eval-knowledge.ts --data made)
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openSqliteKnowledgeBase } from '../src/knowledge/index.ts';

const root = resolve(import.meta.dirname, '..');
const data = process.argv[2];
const squash = (s: string): string => s.replace(/\s+/g, '');
const read = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; question: string; gold?: string; doc?: string });
const corpus = await openSqliteKnowledgeBase({ dataDir: join(data, 'corpus'), log: () => undefined });
const samples = await openSqliteKnowledgeBase({ dataDir: join(data, 'samples-only'), log: () => undefined });
let right = 0, n = 0;
for (const [file, kb] of [['../shared/eval/qa-dev.jsonl', corpus], ['scripts/eval-sets/answerable.jsonl', corpus], ['scripts/eval-sets/law-exam.jsonl', corpus], ['scripts/eval-sets/samples.jsonl', samples]] as const) {
  for (const item of read(join(root, file))) {
    if (!item.gold) continue;
    const answer = await kb.ask(item.question, { k: 5 });
    const ok = answer.found && squash(answer.answer.split('\n')[0]).includes(squash(item.gold).slice(0, 12));
    n++;
    if (ok) right++;
    console.log(`${item.id} ${ok ? 1 : 0} ${item.question} → ${answer.answer.split('\n')[0].slice(0, 60)}`);
  }
}
console.log(`lead holds the gold's start: ${right}/${n}`);
corpus.close();
samples.close();
