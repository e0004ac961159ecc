/**
 * The knowledge section of `npm run bench` in a process with no TypeScript loader in it.
 *
 * Under tsx a process carries the loader's thread, which transforms and keeps the source of every
 * module it loads: about 30 MB over plain node at the bench's size (session 38: 39 → 78 MB for an
 * empty script, 70 → 101 MB once the knowledge modules are loaded). `npm start` runs the compiled
 * app with no loader, so the peak the bench reports (issue 17's target) is measured without one:
 * the section's driver (bench-knowledge-main.ts and the bench modules it imports) is bundled with
 * esbuild into one plain ES module whose imports of src/ are the compiled modules in dist/ (as
 * bench-compiled.mjs gives the rest of the bench), and run with plain node. Its figures come back
 * as JSON, with that process's own peak. `LVZHI_BENCH_IN_PROCESS=1` runs the section inside the
 * bench's own process instead (under tsx, as before session 38).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { KnowledgeBench } from './bench-knowledge.ts';

const SCRIPTS = import.meta.dirname;
const ROOT = resolve(SCRIPTS, '..');
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');
/** Inside the package, so the bundle's imports of packages resolve to its node_modules. */
const BUNDLE = join(ROOT, 'node_modules', '.cache', 'lvzhi-bench', 'bench-knowledge.mjs');

/** Bundle the section's driver: bench modules inlined, src/ taken from dist/, packages imported. */
async function bundle(): Promise<string> {
  mkdirSync(join(BUNDLE, '..'), { recursive: true });
  await build({
    entryPoints: [join(SCRIPTS, 'bench-knowledge-main.ts')],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    // The bench modules find their child scripts beside themselves (bench-exact-child.ts, …).
    define: { 'import.meta.dirname': JSON.stringify(SCRIPTS) },
    plugins: [{
      name: 'src-from-dist',
      setup(builder) {
        builder.onResolve({ filter: /\.ts$/ }, (args) => {
          const file = resolve(args.resolveDir, args.path);
          const inSrc = relative(SRC, file);
          if (inSrc.startsWith('..')) return undefined;
          return { path: pathToFileURL(join(DIST, inSrc.replace(/\.ts$/, '.js'))).href, external: true };
        });
      },
    }],
  });
  return BUNDLE;
}

/** The knowledge figures of `passages` passages, measured in a process of their own (its peak is `peak_rss_mb`). */
export async function benchKnowledgeApart(options: { passages: number; noWarmUp?: boolean }): Promise<KnowledgeBench & { peak_rss_mb: number }> {
  const program = await bundle();
  const run = spawnSync(process.execPath, [program, String(options.passages), ...(options.noWarmUp ? ['--no-warm-up'] : [])], {
    stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 1 << 24,
  });
  if (run.status !== 0) throw new Error(`the knowledge section failed (exit ${run.status ?? run.signal})`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '');
}
