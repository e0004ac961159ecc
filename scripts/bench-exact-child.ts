/**
 * The exact reference of the knowledge bench in a process of its own (bench-exact.ts,
 * `exactReferenceApart`): reads the query vectors from a file, scans the store's vectors in the
 * data folder's database, and prints the reference as JSON with this process's peak RSS.
 * Usage: node --import tsx scripts/bench-exact-child.ts <data folder> <embedder id> <dimensions> <queries.f32>
 */
import { readFileSync } from 'node:fs';
import { createSqlitePassageStore } from '../src/knowledge/index.ts';
import { openDatabase } from '../src/storage/index.ts';
import { exactReference } from './bench-exact.ts';
import { ownPeakRssMb } from './own-peak.mjs';

const [dataDir, embedder, dimensionsArg, queryFile] = process.argv.slice(2);
const dimensions = Number(dimensionsArg);
const all = new Float32Array(new Uint8Array(readFileSync(queryFile)).buffer); // copied: aligned
const queries = Array.from({ length: all.length / dimensions }, (_, i) => all.slice(i * dimensions, (i + 1) * dimensions));
const db = openDatabase(dataDir);
try {
  const reference = await exactReference(createSqlitePassageStore(db), embedder, dimensions, queries);
  process.stdout.write(JSON.stringify({
    answers: reference.answers.map((ids) => [...ids]), times: reference.times, vectors: reference.vectors, peak_rss_mb: ownPeakRssMb(),
  }) + '\n');
} finally {
  db.close();
}
