/**
 * The FTS5 peer of the knowledge bench in a process of its own (scripts/bench-fts5-peer.ts,
 * `benchFts5PeerApart`): reads the passages and questions from a file of JSON lines (each
 * passage's text, then the list of questions as the last line), measures, and prints the
 * figures as JSON with this process's peak RSS.
 * Usage: node --import tsx scripts/bench-fts5-child.ts <file>
 */
import { readFileSync } from 'node:fs';
import { benchFts5Peer } from './bench-fts5-peer.ts';
import { ownPeakRssMb } from './own-peak.mjs';

const lines = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
const questions = JSON.parse(lines.pop() ?? '[]') as string[];
const figures = benchFts5Peer(lines.map((line) => JSON.parse(line) as string), questions);
process.stdout.write(JSON.stringify({ ...figures, peak_rss_mb: ownPeakRssMb() }) + '\n');
