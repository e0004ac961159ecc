/**
 * Sums a per-file CPU log written by a test run with LVZHI_TEST_CPU_LOG=<file>
 * (test/support/file-cpu.ts): the files by CPU seconds, largest first, and the total.
 *   LVZHI_TEST_CPU_LOG=/tmp/cpu.jsonl npm test && node scripts/test-cpu.mjs /tmp/cpu.jsonl [top]
 * Two logs compare file by file: node scripts/test-cpu.mjs before.jsonl after.jsonl [top]
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** Per file: CPU and wall seconds (summed when a file appears more than once). */
function load(path) {
  const files = new Map();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { file, cpu, wall, test } = JSON.parse(line);
    if (test !== undefined) continue; // a test's own line (LVZHI_TEST_CPU_TESTS): inside its file's
    const name = relative(process.cwd(), file);
    const sum = files.get(name) ?? { cpu: 0, wall: 0 };
    files.set(name, { cpu: sum.cpu + cpu, wall: sum.wall + wall });
  }
  return files;
}

const args = process.argv.slice(2);
const top = /^\d+$/.test(args.at(-1) ?? '') ? Number(args.pop()) : 40;
const [first, second] = args.map(load);
if (!first) {
  console.error('usage: node scripts/test-cpu.mjs <log.jsonl> [other.jsonl] [top]');
  process.exit(2);
}
const total = (files) => [...files.values()].reduce((sum, { cpu }) => sum + cpu, 0);
const rows = [...first].sort((a, b) => b[1].cpu - a[1].cpu).slice(0, top);
for (const [name, { cpu, wall }] of rows) {
  const other = second?.get(name);
  const after = other ? `  → ${other.cpu.toFixed(1).padStart(6)} CPU-s ${other.wall.toFixed(1).padStart(6)} s` : '';
  console.log(`${cpu.toFixed(1).padStart(6)} CPU-s ${wall.toFixed(1).padStart(6)} s${after}  ${name}`);
}
console.log(`${total(first).toFixed(1).padStart(6)} CPU-s in ${first.size} files${second ? `  → ${total(second).toFixed(1)} CPU-s in ${second.size} files` : ''}`);
