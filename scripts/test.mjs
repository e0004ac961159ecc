/**
 * `npm test`: the type-check (`--noEmit -p .`) and the vitest suite side by side instead of one
 * after the other. The suite leaves a core idle whenever its tests wait for a child process, a
 * server or a browser; the type-check fills those gaps. vitest's output streams as it comes; the
 * type-check's is printed whole when it ends, so the two never interleave. The run fails when
 * either fails. Arguments go to vitest (`npm test -- test/log`).
 *
 * The type-check is TypeScript's native port (`tsgo`, @typescript/native-preview) where its
 * binary for this platform is installed: the same checks from the same tsconfig.json in about a
 * third of tsc's CPU-seconds (9.5 vs 32 here), which on two cores the suite gets back. Elsewhere
 * it is tsc. `npm run build` still compiles with tsc.
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

/** tsgo when its platform's binary is installed (an optional dependency of the package), else tsc. */
function typeChecker() {
  try {
    require.resolve(`@typescript/native-preview-${process.platform}-${process.arch}/package.json`);
    return { name: 'tsgo', script: join(dirname(require.resolve('@typescript/native-preview/package.json')), 'bin/tsgo') };
  } catch {
    return { name: 'tsc', script: require.resolve('typescript/bin/tsc') };
  }
}

const checker = typeChecker();
const check = `${checker.name} --noEmit -p .`;
const typecheck = run(checker.script, ['--noEmit', '-p', '.'], ['ignore', 'pipe', 'pipe']);
let typeErrors = '';
typecheck.child.stdout.on('data', (chunk) => (typeErrors += chunk));
typecheck.child.stderr.on('data', (chunk) => (typeErrors += chunk));
const vitest = run(join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs'), ['run', ...process.argv.slice(2)], 'inherit');

const typeStatus = await typecheck.exited;
if (typeStatus !== 0) {
  process.stderr.write(`\n${typeErrors}\n${check} failed (exit ${typeStatus}): the type errors above fail \`npm test\`.\n\n`);
}
const testStatus = await vitest.exited;
if (typeStatus !== 0) process.stderr.write(`\n${check} failed (exit ${typeStatus}): see the type errors printed above.\n`);
process.exitCode = typeStatus !== 0 ? typeStatus : testStatus;
