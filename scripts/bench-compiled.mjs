/**
 * `npm run bench` measures the code `npm start` runs. The bench's own scripts run under tsx, but
 * every module of src/ they import is taken from dist/ (compiled by `npm ci`, rebuilt here first
 * when older than src/). Under tsx an imported binding used in a hot loop is read through a getter
 * on every use — about a third more CPU per BM25 question than the compiled module (session 27) —
 * a cost the shipped app never pays. `LVZHI_BENCH_SOURCE=src` measures the TypeScript sources
 * under tsx instead (what the tests run).
 */
import { register } from 'node:module';
import { build, isStale } from './build.mjs';

if (process.env.LVZHI_BENCH_SOURCE !== 'src') {
  if (isStale()) {
    process.stderr.write('bench: dist/ is older than src/, building it first…\n');
    build({ onlyIfStale: true });
  }
  register('./bench-compiled-hooks.mjs', import.meta.url);
}
