/**
 * A graph build cancelled while its worker is inside hnswlib adding points (an ingest with
 * nothing new, a rebuild overtaken by a newer one) must not take the process down: hnswlib's
 * addon turns a thread terminated mid-call (or while it registers) into a fatal N-API error, so
 * the worker is asked to stop and ends itself between two points. Run in a process of its own, whose exit is checked.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const vectorIndex = fileURLToPath(new URL('../../src/knowledge/search/vector-index.ts', import.meta.url));

describe('cancelling a graph build', () => {
  it('stops a worker busy adding points, and the process goes on and exits cleanly', () => {
    const script = `
      import { BackgroundIndexBuild } from ${JSON.stringify(vectorIndex)};
      const n = 40000, d = 96;
      const values = new Float32Array(n * d);
      let seed = 7;
      for (let i = 0; i < values.length; i++) values[i] = (seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5;
      for (const delay of [0, 150, 400]) {
        const build = new BackgroundIndexBuild(d, n);
        build.add(Int32Array.from({ length: n }, (_, i) => i + 1), values.slice());
        // At once (the worker still loading hnswlib), or inside addPoint by now.
        if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
        build.cancel();
        await build.gone;
      }
      console.log('still here');`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).not.toMatch(/FATAL ERROR/);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('still here');
  }, 90_000);
});
