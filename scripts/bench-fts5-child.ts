/**
 * The FTS5 peer of the knowledge bench in a process of its own (scripts/bench-fts5-peer.ts,
 * `benchFts5PeerApart`): streams the passages from a file of JSON lines (one text each) into a
 * database file beside it, times the questions (a JSON list in the second file), and prints the
 * figures as JSON with this process's peak RSS. At a million passages neither the texts nor the
 * table sit in memory at once.
 * Usage: node --import tsx scripts/bench-fts5-child.ts <passages.jsonl> <questions.json>
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { benchFts5Peer } from './bench-fts5-peer.ts';
import { ownPeakRssMb } from './own-peak.mjs';

const [input, questionFile] = process.argv.slice(2);

async function* batches(): AsyncGenerator<readonly string[]> {
  let batch: string[] = [];
  for await (const line of createInterface({ input: createReadStream(input, 'utf8'), crlfDelay: Infinity })) {
    if (!line) continue;
    batch.push(JSON.parse(line) as string);
    if (batch.length >= 2_000) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

const questions = JSON.parse(readFileSync(questionFile, 'utf8')) as string[];
const figures = await benchFts5Peer(batches(), questions, { file: `${input}.db` });
process.stdout.write(JSON.stringify({ ...figures, peak_rss_mb: ownPeakRssMb() }) + '\n');
