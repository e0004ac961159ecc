/**
 * The knowledge section of the bench as a program of its own (bench-knowledge-apart.ts bundles it
 * and runs it with plain node): `<passages> [--no-warm-up]`, progress on stderr, the figures as
 * one JSON line on stdout with this process's own peak RSS.
 */
import { benchKnowledge } from './bench-knowledge.ts';
import { ownPeakRssMb } from './own-peak.mjs';

const passages = Number(process.argv[2]);
const log = (line: string): void => void process.stderr.write(`[bench] ${line}\n`);
const figures = await benchKnowledge({ passages, log, noWarmUp: process.argv.includes('--no-warm-up') });
process.stdout.write(JSON.stringify({ ...figures, peak_rss_mb: ownPeakRssMb() }) + '\n');
