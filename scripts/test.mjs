/**
 * `npm test`: the type-check (`tsc --noEmit -p .`) and the vitest suite side by side instead of
 * one after the other. The suite leaves a core idle whenever its tests wait for a child process,
 * a server or a browser; the type-check's 15–20 CPU-seconds fill those gaps. vitest's output
 * streams as it comes; the type-check's is printed whole when it ends, so the two never
 * interleave. The run fails when either fails. Arguments go to vitest (`npm test -- test/log`).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Run a node script; resolves with its exit status (1 when it was killed by a signal). */
function run(script, args, stdio) {
  const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, stdio });
  const exited = new Promise((done) => child.on('exit', (code) => done(code ?? 1)));
  return { child, exited };
}

const tsc = run(require.resolve('typescript/bin/tsc'), ['--noEmit', '-p', '.'], ['ignore', 'pipe', 'pipe']);
let typeErrors = '';
tsc.child.stdout.on('data', (chunk) => (typeErrors += chunk));
tsc.child.stderr.on('data', (chunk) => (typeErrors += chunk));
const vitest = run(join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs'), ['run', ...process.argv.slice(2)], 'inherit');

const typeStatus = await tsc.exited;
if (typeStatus !== 0) {
  process.stderr.write(`\n${typeErrors}\ntsc --noEmit -p . failed (exit ${typeStatus}): the type errors above fail \`npm test\`.\n\n`);
}
const testStatus = await vitest.exited;
if (typeStatus !== 0) process.stderr.write(`\ntsc --noEmit -p . failed (exit ${typeStatus}): see the type errors printed above.\n`);
process.exitCode = typeStatus !== 0 ? typeStatus : testStatus;
