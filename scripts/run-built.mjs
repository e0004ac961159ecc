/**
 * `npm start` and `npm run cli`: run the compiled entry point (`main` or `cli`) from dist/,
 * building it first when it is missing or older than src/ (an edited checkout, a `git pull`).
 * One node process: the freshness check costs a few milliseconds of `stat`.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { ROOT, build, isStale } from './build.mjs';

const [entry] = process.argv.splice(2, 1);
if (entry !== 'main' && entry !== 'cli') {
  process.stderr.write('用法：node scripts/run-built.mjs main|cli [参数…]\n');
  process.exit(2);
}
if (isStale()) {
  process.stderr.write('正在编译 src/ 到 dist/（首次运行或源码有改动，约需一分钟）……\n');
  try {
    build({ onlyIfStale: true });
  } catch (error) {
    process.stderr.write(`编译失败：${error.message}\n`);
    process.exit(2);
  }
}
await import(pathToFileURL(join(ROOT, 'dist', `${entry}.js`)).href);
